%% Runs each driver named on the command line in a process of its own,
%% printing a marker before its output and how it ended if not normally.
%% OTP's logger is silenced: a crashing server's report is the logger's
%% business, not what the driver prints (letitcrash's side keeps only
%% the driver's own output).
-module(elixir_stdlib_runner).
-export([main/1]).

main(Drivers) ->
    logger:set_primary_config(level, none),
    lists:foreach(fun run/1, Drivers),
    halt(0).

run(Name) ->
    io:format("==== driver ~s~n", [Name]),
    Module = list_to_atom(Name),
    {Pid, Ref} = spawn_monitor(Module, main, []),
    receive
        {'DOWN', Ref, process, Pid, normal} -> ok;
        {'DOWN', Ref, process, Pid, Reason} -> io:format("driver crashed: ~p~n", [Reason])
    after 60000 ->
        io:format("driver timed out~n")
    end.
