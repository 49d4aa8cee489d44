%% L6: any other reason: a non-trapping receiver dies with the same reason,
%% and so on down a chain of links.
-module(l6_non_trapping_receiver_dies_with_the_reason).
-export([run/0]).

run() ->
    A = lic:spawn(idle, []),
    B = lic:spawn(idle, []),
    C = lic:spawn(idle, []),
    lic:link(A, B),
    lic:link(B, C),
    lic:monitor(self(), C),
    lic:crash(A, {bad, [1, 2]}),
    lic:try_obs("c_down", fun() -> lic:recv(1000) end).
