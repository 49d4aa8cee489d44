%% N1: registering a taken name, or a dead pid, is an error; unregister frees
%% the name.
-module(n1_a_taken_name_or_a_dead_pid_cannot_be_registered).
-export([run/0]).

run() ->
    A = lic:spawn(idle, []),
    register(n, A),
    B = lic:spawn(idle, []),
    lic:fails("taken", fun() -> register(n, B) end),
    D = lic:spawn(idle, []),
    lic:exit(D, kill),
    lic:fails("dead", fun() -> register(m, D) end),
    lic:obs("unregister", unregister(n)),
    lic:obs("free", register(n, B)),
    lic:obs("holder", lic:whereis(n)).
