%% Elixir 1.14's Logger, as a program calls it: Logger.info("..."), a
%% function that makes the message only if it is logged, the eight
%% levels, Logger.configure(level: L) and Logger.level/0. In Elixir these
%% are macros (`require Logger`); here they are functions.
%%
%% Elixir's console writes `\n07:43:17.446 [info] hi\n`; here the message
%% is the process's output, `[info] hi`, where the event feed gives the
%% time. Metadata is accepted and not shown, as the default format does.
%% The level lives in the application environment (logger, level), read
%% only once something has been configured, so that logging starts no
%% process of its own.
-module('Elixir.Logger').
-export([debug/1, debug/2, info/1, info/2, notice/1, notice/2, warning/1,
         warning/2, warn/1, warn/2, error/1, error/2, critical/1, critical/2,
         alert/1, alert/2, emergency/1, emergency/2, log/2, log/3,
         level/0, configure/1, configure_backend/2, compare_levels/2, flush/0,
         metadata/0, metadata/1]).
-compile({no_auto_import, [error/2]}).

debug(Message) -> log(debug, Message, []).
debug(Message, Metadata) -> log(debug, Message, Metadata).
info(Message) -> log(info, Message, []).
info(Message, Metadata) -> log(info, Message, Metadata).
notice(Message) -> log(notice, Message, []).
notice(Message, Metadata) -> log(notice, Message, Metadata).
warning(Message) -> log(warning, Message, []).
warning(Message, Metadata) -> log(warning, Message, Metadata).
%% Deprecated in later Elixirs; in 1.14 it logs at :warning.
warn(Message) -> log(warning, Message, []).
warn(Message, Metadata) -> log(warning, Message, Metadata).
error(Message) -> log(error, Message, []).
error(Message, Metadata) -> log(error, Message, Metadata).
critical(Message) -> log(critical, Message, []).
critical(Message, Metadata) -> log(critical, Message, Metadata).
alert(Message) -> log(alert, Message, []).
alert(Message, Metadata) -> log(alert, Message, Metadata).
emergency(Message) -> log(emergency, Message, []).
emergency(Message, Metadata) -> log(emergency, Message, Metadata).

log(Level, Message) -> log(Level, Message, []).

log(warn, Message, Metadata) -> log(warning, Message, Metadata);
log(Level, Message, _Metadata) ->
    rank(Level),
    case compare_levels(Level, level()) of
        lt -> ok;
        _ ->
            io:format("[~ts] ~ts~n", [atom_to_binary(Level, utf8), text(Message)]),
            ok
    end.

%% A function is called only when its message is logged; it may return
%% the message and metadata, or `:ok` to log nothing.
text(Fun) when is_function(Fun, 0) ->
    case Fun() of
        {Message, _Metadata} -> text(Message);
        Message -> text(Message)
    end;
text(Message) when is_binary(Message); is_list(Message) -> 'Elixir.List':to_string([Message]);
text(Message) -> 'Elixir.String.Chars':to_string(Message).

level() ->
    case whereis(application_controller) of
        undefined -> debug;
        _ -> application:get_env(logger, level, debug)
    end.

configure(Options) ->
    case lists:keyfind(level, 1, Options) of
        {level, Level} ->
            Canonical = case Level of warn -> warning; _ -> Level end,
            rank(Canonical),
            application:set_env(logger, level, Canonical);
        false -> ok
    end,
    ok.

%% The console's format is the playground's own; the call is accepted.
configure_backend(_Backend, _Options) -> ok.

%% Each line is written when it is logged: nothing waits.
flush() -> ok.

compare_levels(Same, Same) -> eq;
compare_levels(Left, Right) ->
    case rank(Left) < rank(Right) of
        true -> lt;
        false -> gt
    end.

metadata() -> [].
metadata(_Metadata) -> ok.

rank(debug) -> 0;
rank(info) -> 1;
rank(notice) -> 2;
rank(warning) -> 3;
rank(warn) -> 3;
rank(error) -> 4;
rank(critical) -> 5;
rank(alert) -> 6;
rank(emergency) -> 7;
rank(all) -> -1;
rank(none) -> 8;
rank(Other) ->
    erlang:error('Elixir.ArgumentError':exception(
                   <<"invalid level for Logger: ", ('Elixir.Kernel':inspect(Other))/binary>>)).
