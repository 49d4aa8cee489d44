%% L1: a link is bidirectional: A linked to B, and B dies when A does, and A
%% when B does.
-module(l1_a_link_works_both_ways).
-export([run/0]).

run() ->
    A = lic:spawn(idle, []),
    B = lic:spawn(idle, []),
    lic:link(A, B),
    _R = lic:monitor(self(), B),
    lic:crash(A, boom),
    lic:try_obs("b_down", fun() -> lic:recv(1000) end),
    C = lic:spawn(idle, []),
    D = lic:spawn(idle, []),
    lic:link(C, D),
    _R2 = lic:monitor(self(), C),
    lic:crash(D, bang),
    lic:try_obs("c_down", fun() -> lic:recv(1000) end).
