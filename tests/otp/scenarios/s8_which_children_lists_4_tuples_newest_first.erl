%% S8: which_children lists {Id, Pid | undefined, worker | supervisor,
%% [Kind]}, newest first.
-module(s8_which_children_lists_4_tuples_newest_first).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(a, idle), lic:worker(b, {counter, [1]}), lic:supervisor(inner, one_for_one, [lic:worker(x, idle)])]),
    lic:obs("rows", lic:which_children(s)),
    lic:terminate_child(s, a),
    lic:obs("with_a_stopped", lic:which_children(s)).
