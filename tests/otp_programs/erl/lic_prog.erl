%% Runs programs of the differential suite on the BEAM, one after the
%% other in one `erl`, each observed by lic_obs (the export of
%% tests/otp_programs/obs.crash):
%%
%%     erl -noshell -pa DIR -run lic_prog main NAME...
%%
%% prints `program NAME`, then whatever the program and its observer
%% print, then `end` (or `observer_died REASON` if a link took the
%% observer down).
-module(lic_prog).
-export([main/1]).

main(Names) ->
    %% Crash reports would mix with the observations on stdout.
    logger:set_primary_config(level, none),
    lists:foreach(fun run/1, Names),
    halt(0).

run(Name) ->
    io:format("program ~s~n", [Name]),
    {Pid, Ref} = spawn_monitor(lic_obs, run, [list_to_atom(Name)]),
    receive
        {'DOWN', Ref, process, Pid, normal} ->
            io:format("end~n");
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("observer_died ~w~n", [Reason])
    after 20000 ->
        io:format("timeout~n")
    end.
