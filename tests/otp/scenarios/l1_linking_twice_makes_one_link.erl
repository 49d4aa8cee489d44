%% L1: linking again changes nothing: one unlink removes the link, so B
%% survives A.
-module(l1_linking_twice_makes_one_link).
-export([run/0]).

run() ->
    A = lic:spawn(idle, []),
    B = lic:spawn(idle, []),
    lic:obs("first", lic:link(A, B)),
    lic:obs("second", lic:link(A, B)),
    lic:unlink(A, B),
    lic:crash(A, boom),
    lic:obs("b_alive", lic:whereis(B) =:= B andalso B).
