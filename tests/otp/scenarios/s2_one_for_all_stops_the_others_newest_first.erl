%% S2: one_for_all stops the other children in reverse start order (with
%% shutdown), then starts all of them again.
-module(s2_one_for_all_stops_the_others_newest_first).
-export([run/0]).

run() ->
    lic:sup(s, one_for_all, 3, 5, [lic:worker(a, idle), lic:worker(b, idle), lic:worker(c, idle)]),
    lic:obs("started", lic:which_children(s)),
    lic:monitor(self(), lic:child(s, a)),
    lic:monitor(self(), lic:child(s, c)),
    lic:crash(lic:child(s, b), boom),
    lic:obs("stopped", lic:flush()),
    lic:obs("started_again", lic:which_children(s)).
