%% L8: linking to a dead process: a non-trapping caller gets the error
%% noproc; a trapping one gets {'EXIT', Dead, noproc}; no exit signal either
%% way.
-module(l8_shell_link_to_a_dead_process).
-export([run/0]).

run() ->
    D = lic:spawn(idle, []),
    lic:exit(D, kill),
    lic:try_obs("plain", fun() -> link(D) end),
    lic:trap(self(), true),
    lic:try_obs("trapping", fun() -> link(D) end),
    lic:try_obs("shell_got", fun() -> lic:recv(1000) end).
