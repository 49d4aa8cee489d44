%% S2: one_for_one restarts only the failed child; its siblings keep their
%% pids.
-module(s2_one_for_one_restarts_only_the_failed_child).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    lic:sup(s, one_for_one, 3, 5, [lic:worker(a, idle), lic:worker(b, idle), lic:worker(c, idle)]),
    lic:obs("before", lic:which_children(s)),
    lic:crash(lic:child(s, b), boom),
    lic:obs("after", lic:which_children(s)).
