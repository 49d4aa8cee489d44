%% S4: a permanent child is restarted after every exit, normal included.
-module(s4_permanent_is_restarted_even_after_normal).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, 3, 5, [lic:worker(a, idle)]),
    A = lic:child(s, a),
    lic:send(A, stop),
    lic:obs("children", lic:which_children(s)).
