%% S2: rest_for_one stops the children started after the failed one (newest
%% first), then starts the failed one and those again; earlier ones are
%% untouched.
-module(s2_rest_for_one_restarts_the_failed_child_and_those_after_it).
-export([run/0]).

run() ->
    lic:sup(s, rest_for_one, 3, 5, [lic:worker(Id, idle) || Id <- [a, b, c, d]]),
    lic:obs("started", lic:which_children(s)),
    lic:monitor(self(), lic:child(s, a)),
    lic:monitor(self(), lic:child(s, c)),
    lic:monitor(self(), lic:child(s, d)),
    lic:crash(lic:child(s, b), boom),
    lic:obs("stopped", lic:flush()),
    lic:obs("children", lic:which_children(s)).
