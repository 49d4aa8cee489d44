%% S7: an exit signal from the supervisor's parent (the shell that started
%% it, linked or not) stops its children right to left and ends it with the
%% parent's reason.
-module(s7_an_exit_signal_from_the_parent_stops_the_supervisor).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(a, idle), lic:worker(b, idle)]),
    [lic:monitor(self(), P) || P <- [lic:child(s, a), lic:child(s, b), s]],
    lic:exit(whereis(s), boom),
    lic:obs("stopped", lic:flush()),
    lic:obs("name", lic:whereis(s)).
