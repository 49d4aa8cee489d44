%% Runs programs of the differential suite on the BEAM, one after the
%% other in one `erl`, each observed by lic_obs (the export of
%% tests/otp_programs/obs.crash):
%%
%%     erl -noshell -pa DIR -run lic_prog main NAME...
%%
%% prints `program NAME`, then whatever the program and its observer
%% print, then `end` (or `observer_died REASON` if a link took the
%% observer down). NAME is a module whose main/1 runs, or MODULE:FUNCTION
%% for one of the generated programs (observed with no wait after).
-module(lic_prog).
-export([main/1]).

main(Names) ->
    %% Crash reports would mix with the observations on stdout.
    logger:set_primary_config(level, none),
    lists:foreach(fun run/1, Names),
    halt(0).

run(Name) ->
    io:format("program ~s~n", [Name]),
    Args =
        case string:split(Name, ":") of
            [Module] -> [list_to_atom(Module)];
            [Module, Function] -> [list_to_atom(Module), list_to_atom(Function), 0]
        end,
    {Pid, Ref} = spawn_monitor(lic_obs, run, Args),
    receive
        {'DOWN', Ref, process, Pid, normal} ->
            io:format("end~n");
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("observer_died ~w~n", [Reason])
    after 20000 ->
        io:format("timeout~n")
    end.
