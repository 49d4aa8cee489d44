%% M2: monitoring by registered name names the object as {Name,
%% nonode@nohost} in the 'DOWN'.
-module(m2_monitoring_by_name).
-export([run/0]).

run() ->
    N = lic:spawn(idle, []),
    register(n, N),
    _R = lic:monitor(self(), n),
    lic:crash(N, boom),
    lic:try_obs("down", fun() -> lic:recv(1000) end).
