%% M2: when the monitored process ends with R, the watcher gets {'DOWN', Ref,
%% process, Pid, R}.
-module(m2_down_carries_the_reason).
-export([run/0]).

run() ->
    A = lic:spawn(counter, []),
    _R = lic:monitor(self(), A),
    lic:send(A, oops),
    lic:try_obs("down", fun() -> lic:recv(1000) end).
