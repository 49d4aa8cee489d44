%% L5: a process that itself ends with reason kill sends kill over its links
%% as an ordinary reason: trapped by the shell, deadly (as kill) to a non-
%% trapping partner.
-module(l5_ending_with_kill_sends_an_ordinary_kill).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    P = lic:spawn(idle, [], link),
    Q = lic:spawn(idle, []),
    lic:link(P, Q),
    lic:monitor(self(), Q),
    lic:crash(P, kill),
    lic:try_obs("messages", fun() -> lic:recv(fun(M) -> element(1, M) =:= 'EXIT' end, 1000) end),
    lic:try_obs("q_down", fun() -> lic:recv(fun(M) -> element(1, M) =:= 'DOWN' end, 1000) end).
