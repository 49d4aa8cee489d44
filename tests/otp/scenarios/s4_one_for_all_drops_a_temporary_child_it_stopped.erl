%% S4: a temporary child stopped by a sibling's failure under one_for_all is
%% not started again and its spec is gone.
-module(s4_one_for_all_drops_a_temporary_child_it_stopped).
-export([run/0]).

run() ->
    lic:sup(s, one_for_all, 3, 5, [lic:worker(a, idle), lic:worker(t, idle, temporary, 5000), lic:worker(b, idle)]),
    lic:crash(lic:child(s, a), boom),
    lic:obs("children", lic:which_children(s)).
