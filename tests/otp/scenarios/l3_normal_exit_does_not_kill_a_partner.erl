%% L3: a linked partner of a process that ends normally stays alive, unless
%% it traps exits: then it gets the message.
-module(l3_normal_exit_does_not_kill_a_partner).
-export([run/0]).

run() ->
    A = lic:spawn(idle, []),
    B = lic:spawn(idle, []),
    lic:link(A, B),
    lic:send(A, stop),
    lic:obs("b_alive", lic:whereis(B)),
    lic:trap(self(), true),
    C = lic:spawn(idle, [], link),
    lic:send(C, stop),
    lic:try_obs("shell_got", fun() -> lic:recv(1000) end).
