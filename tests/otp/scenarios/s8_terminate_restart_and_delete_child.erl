%% S8: terminate_child keeps the spec; restart_child and delete_child need a
%% child that is not running; unknown ids give not_found.
-module(s8_terminate_restart_and_delete_child).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(a, idle), lic:worker(b, idle)]),
    lic:obs("restart_running", lic:restart_child(s, a)),
    lic:obs("delete_running", lic:delete_child(s, a)),
    lic:obs("terminate", lic:terminate_child(s, a)),
    lic:obs("kept", lic:which_children(s)),
    lic:obs("restart", lic:restart_child(s, a)),
    lic:terminate_child(s, b),
    lic:obs("delete", lic:delete_child(s, b)),
    lic:obs("deleted", lic:which_children(s)),
    lic:obs("unknown_terminate", lic:terminate_child(s, zz)),
    lic:obs("unknown_restart", lic:restart_child(s, zz)),
    lic:obs("unknown_delete", lic:delete_child(s, zz)).
