%% M1: each monitor is independent, with its own reference, fires once, and
%% several on one target fire in the order they were made.
-module(m1_monitors_fire_once_each_in_the_order_made).
-export([run/0]).

run() ->
    A = lic:spawn(idle, []),
    _R1 = lic:monitor(self(), A),
    R2 = lic:monitor(self(), A),
    _R3 = lic:monitor(self(), A),
    lic:demonitor(R2),
    lic:crash(A, boom),
    lic:obs("downs", lic:flush()).
