%% L8: link W D with D dead: the command fails with noproc and W is unharmed;
%% a trapping W gets {'EXIT', D, noproc} instead.
-module(l8_proxy_link_to_a_dead_process).
-export([run/0]).

run() ->
    D = lic:spawn(idle, []),
    lic:exit(D, kill),
    W = lic:spawn(idle, []),
    lic:try_obs("plain", fun() -> lic:link(W, D) end),
    lic:obs("w_alive", lic:whereis(W)),
    T = lic:spawn(sink, []),
    lic:trap(T, true),
    lic:try_obs("trapping", fun() -> lic:link(T, D) end),
    lic:obs("t_queue", lic:call(T, count)).
