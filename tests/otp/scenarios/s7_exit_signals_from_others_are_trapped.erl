%% S7: a supervisor traps exits: an exit signal from a process that is
%% neither its parent nor its child does nothing to it or its children.
-module(s7_exit_signals_from_others_are_trapped).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(a, idle)]),
    _A = lic:child(s, a),
    W = lic:spawn(idle, []),
    lic:link(W, whereis(s)),
    lic:crash(W, boom),
    lic:obs("sup_alive", lic:whereis(s)),
    lic:obs("child_same", lic:child(s, a)).
