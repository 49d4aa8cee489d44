%% S4: a temporary child added with start_child is not dropped when a sibling
%% is restarted.
-module(s4_a_dynamic_temporary_child_survives_a_siblings_restart).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, 3, 5, [lic:worker(a, idle)]),
    lic:obs("started", lic:start_child(s, lic:worker(t, idle, temporary, 5000))),
    lic:crash(lic:child(s, a), boom),
    lic:obs("children", lic:which_children(s)).
