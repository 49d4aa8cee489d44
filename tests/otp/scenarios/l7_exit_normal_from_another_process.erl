%% L7: exit(P, normal) from another process: no effect on a non-trapping P; a
%% trapping P gets the message.
-module(l7_exit_normal_from_another_process).
-export([run/0]).

run() ->
    P = lic:spawn(idle, []),
    lic:exit(P, normal),
    lic:obs("p_alive", lic:whereis(P)),
    Q = lic:spawn(sink, []),
    lic:trap(Q, true),
    lic:exit(Q, normal),
    lic:obs("q_alive", lic:whereis(Q)),
    lic:obs("q_queue", lic:call(Q, count)).
