%% M2: monitoring a dead pid gives {'DOWN', Ref, process, Pid, noproc} at
%% once.
-module(m2_monitoring_a_dead_pid_gives_noproc).
-export([run/0]).

run() ->
    D = lic:spawn(idle, []),
    lic:exit(D, kill),
    _R = lic:monitor(self(), D),
    lic:try_obs("down", fun() -> lic:recv(1000) end).
