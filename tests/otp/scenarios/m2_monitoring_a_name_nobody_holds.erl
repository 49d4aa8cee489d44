%% M2: monitoring a name nobody holds gives a reference and an immediate
%% {'DOWN', Ref, process, {Name, nonode@nohost}, noproc}, not an error.
-module(m2_monitoring_a_name_nobody_holds).
-export([run/0]).

run() ->
    _R = lic:monitor(self(), nobody),
    lic:try_obs("down", fun() -> lic:recv(1000) end),
    W = lic:spawn(sink, []),
    lic:monitor(W, ghost),
    lic:obs("w_queue", lic:call(W, count)).
