%% S4: a restart touches only the children in its plan: a temporary sibling
%% under one_for_one keeps running, stays listed, can be terminated, and is
%% stopped in order when the supervisor gives up.
-module(s4_a_temporary_sibling_survives_a_one_for_one_restart).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(t, idle, temporary, 5000), lic:worker(a, idle), lic:worker(u, idle, temporary, 5000)]),
    lic:crash(lic:child(s, a), boom),
    lic:obs("after_restart", lic:which_children(s)),
    lic:obs("terminate_t", lic:terminate_child(s, t)),
    lic:obs("after_terminate", lic:which_children(s)),
    lic:monitor(self(), lic:child(s, u)),
    lic:crash(lic:child(s, a), again),
    lic:try_obs("u_stopped", fun() -> lic:recv(1000) end).
