%% S4: a transient child is restarted after an abnormal exit, not after
%% normal, shutdown or {shutdown, _}: then it is kept with no pid.
-module(s4_transient_is_restarted_only_after_an_abnormal_exit).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, 5, 5, [lic:worker(Id, idle, transient, 5000) || Id <- [a, b, c]]),
    lic:crash(lic:child(s, a), boom),
    lic:obs("after_boom", lic:which_children(s)),
    lic:send(lic:child(s, a), stop),
    lic:crash(lic:child(s, b), shutdown),
    lic:crash(lic:child(s, c), {shutdown, done}),
    lic:obs("after_normal_exits", lic:which_children(s)),
    lic:obs("counts", lic:count_children(s)).
