%% S6: children stop right to left when the supervisor itself stops, and the
%% supervisor goes last.
-module(s6_children_stop_right_to_left).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(Id, idle) || Id <- [a, b, c]]),
    lic:obs("started", lic:which_children(s)),
    [lic:monitor(self(), lic:child(s, Id)) || Id <- [a, b, c]],
    lic:monitor(self(), s),
    lic:exit(whereis(s), shutdown),
    lic:obs("stopped", lic:flush()).
