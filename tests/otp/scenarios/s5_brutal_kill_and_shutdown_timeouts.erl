%% S5: brutal_kill is exit(Child, kill); a timeout sends shutdown and kills a
%% child that has not ended in time; a child that does not trap ends with
%% shutdown at once.
-module(s5_brutal_kill_and_shutdown_timeouts).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(b, idle, permanent, brutal_kill), lic:worker(t, idle, permanent, 300), lic:worker(p, idle, permanent, 300)]),
    lic:trap(lic:child(s, b), true),
    lic:trap(lic:child(s, t), true),
    lic:monitor(self(), lic:child(s, b)),
    lic:monitor(self(), lic:child(s, t)),
    lic:monitor(self(), lic:child(s, p)),
    lic:terminate_child(s, b),
    lic:terminate_child(s, t),
    lic:terminate_child(s, p),
    lic:obs("downs", lic:flush()),
    lic:obs("children", lic:which_children(s)).
