%% L10: spawn ... link links atomically with the spawn: a process that dies
%% at once still reaches the trapping shell.
-module(l10_spawn_link_links_at_once).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    A = lic:spawn(crasher, [0, early], link),
    lic:try_obs("exit", fun() -> lic:recv(1000) end),
    _ = A.
