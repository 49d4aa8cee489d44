%% S4: a temporary child is never restarted, and its spec is removed when it
%% ends.
-module(s4_temporary_is_never_restarted_and_its_spec_goes).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(a, idle, temporary, 5000), lic:worker(b, idle)]),
    lic:crash(lic:child(s, a), boom),
    lic:obs("children", lic:which_children(s)),
    lic:obs("restart_it", lic:restart_child(s, a)).
