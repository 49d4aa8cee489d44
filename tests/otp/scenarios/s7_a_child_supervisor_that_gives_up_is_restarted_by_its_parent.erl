%% S7: a child supervisor that gives up ends with shutdown, which its parent
%% treats like any other child exit: a permanent one is restarted with fresh
%% children.
-module(s7_a_child_supervisor_that_gives_up_is_restarted_by_its_parent).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, 3, 5, [lic:supervisor(inner, one_for_one, {0, 5}, [lic:worker(x, idle), lic:worker(y, idle)], permanent, infinity)]),
    I = lic:child(s, inner),
    lic:monitor(self(), I),
    lic:crash(lic:child(I, x), boom),
    lic:try_obs("inner_down", fun() -> lic:recv(1000) end),
    lic:obs("children", lic:which_children(s)),
    lic:obs("inner_children", lic:which_children(lic:child(s, inner))).
