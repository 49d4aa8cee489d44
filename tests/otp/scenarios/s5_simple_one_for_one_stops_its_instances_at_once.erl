%% S5: a simple_one_for_one supervisor sends shutdown to every instance,
%% waits for all with one timer, then kills the rest: three trapping
%% instances with shutdown 1 s are all dead at 1 s, the supervisor with them.
-module(s5_simple_one_for_one_stops_its_instances_at_once).
-export([run/0]).

run() ->
    lic:sup(s, simple_one_for_one, [lic:worker(w, idle, permanent, 1000)]),
    {ok, P1} = lic:start_child(s, []),
    {ok, P2} = lic:start_child(s, []),
    {ok, P3} = lic:start_child(s, []),
    [lic:trap(P, true) || P <- [P1, P2, P3]],
    [R1, R2, R3, RS] = [lic:monitor(self(), P) || P <- [P1, P2, P3, s]],
    lic:exit(whereis(s), shutdown),
    lic:sleep(550),
    lic:obs("up_at_0_7s", lic:whereis(s)),
    lic:sleep(550),
    lic:obs("gone_at_1_3s", lic:whereis(s)),
    Down = fun(R) -> fun() -> lic:recv(fun(M) -> element(2, M) =:= R end, 0) end end,
    lic:try_obs("down_1", Down(R1)),
    lic:try_obs("down_2", Down(R2)),
    lic:try_obs("down_3", Down(R3)),
    lic:try_obs("down_s", Down(RS)).
