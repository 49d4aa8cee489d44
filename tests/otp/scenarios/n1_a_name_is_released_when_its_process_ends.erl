%% N1: a registered name is released when its process ends, and can be taken
%% again.
-module(n1_a_name_is_released_when_its_process_ends).
-export([run/0]).

run() ->
    A = lic:spawn(idle, []),
    register(n, A),
    lic:crash(A, boom),
    lic:obs("released", lic:whereis(n)),
    B = lic:spawn(idle, []),
    lic:obs("register_again", register(n, B)),
    lic:obs("holder", lic:whereis(n)),
    _ = B.
