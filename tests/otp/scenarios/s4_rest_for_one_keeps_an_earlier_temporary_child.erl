%% S4: under rest_for_one a temporary child before the failed one stays; a
%% temporary child after it is stopped by the restart and gone.
-module(s4_rest_for_one_keeps_an_earlier_temporary_child).
-export([run/0]).

run() ->
    lic:sup(s, rest_for_one, 3, 5, [lic:worker(t, idle, temporary, 5000), lic:worker(a, idle), lic:worker(u, idle, temporary, 5000), lic:worker(b, idle)]),
    _T = lic:child(s, t),
    lic:crash(lic:child(s, a), boom),
    lic:obs("children", lic:which_children(s)),
    lic:obs("t_same", lic:child(s, t)).
