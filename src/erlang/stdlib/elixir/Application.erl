%% Elixir 1.14's Application, on the playground's `application` (see
%% application.erl): start/stop an application whose callback module
%% `use Application` made (for :my_app, MyApp.Application, as
%% `mix new my_app --sup` names it, or :my_app_app / :my_app), and the
%% application environment.
-module('Elixir.Application').
-export([start/1, start/2, stop/1, ensure_started/1, ensure_started/2,
         ensure_all_started/1, ensure_all_started/2, started_applications/0,
         get_env/2, get_env/3, fetch_env/2, 'fetch_env!'/2, put_env/3,
         put_env/4, delete_env/2, delete_env/3, get_all_env/1]).

start(App) -> start(App, temporary).
start(App, Type) -> application:start(App, Type).

stop(App) -> application:stop(App).

ensure_started(App) -> ensure_started(App, temporary).
ensure_started(App, Type) ->
    case start(App, Type) of
        ok -> ok;
        {error, {already_started, App}} -> ok;
        Error -> Error
    end.

ensure_all_started(App) -> application:ensure_all_started(App).
ensure_all_started(App, _Type) -> application:ensure_all_started(App).

started_applications() -> application:which_applications().

get_env(App, Key) -> get_env(App, Key, nil).
get_env(App, Key, Default) -> application:get_env(App, Key, Default).

fetch_env(App, Key) ->
    case application:get_env(App, Key) of
        {ok, Value} -> {ok, Value};
        undefined -> error
    end.

'fetch_env!'(App, Key) ->
    case fetch_env(App, Key) of
        {ok, Value} -> Value;
        error ->
            Why = case lists:keymember(App, 1, application:which_applications()) of
                      true -> <<"configuration at ", (inspect(Key))/binary, " was not set">>;
                      false -> <<"the application was not loaded nor configured">>
                  end,
            erlang:error('Elixir.ArgumentError':exception(
                           <<"could not fetch application environment ", (inspect(Key))/binary,
                             " for application ", (inspect(App))/binary, " because ", Why/binary>>))
    end.

put_env(App, Key, Value) -> application:set_env(App, Key, Value).
put_env(App, Key, Value, _Options) -> application:set_env(App, Key, Value).

delete_env(App, Key) -> application:unset_env(App, Key).
delete_env(App, Key, _Options) -> application:unset_env(App, Key).

get_all_env(App) -> application:get_all_env(App).

inspect(Term) -> 'Elixir.Kernel':inspect(Term).
