%% S8: for simple_one_for_one, rows are {undefined, Pid, worker, [Kind]}
%% oldest first; count_children counts the template as one spec;
%% terminate_child takes a pid and answers ok even when it is gone; an id,
%% restart_child and delete_child give {error, simple_one_for_one}.
-module(s8_simple_one_for_one_api).
-export([run/0]).

run() ->
    lic:sup(s, simple_one_for_one, [lic:worker(w, idle)]),
    {ok, _P1} = lic:start_child(s, []),
    {ok, P2} = lic:start_child(s, []),
    {ok, _P3} = lic:start_child(s, []),
    lic:obs("rows", lic:which_children(s)),
    lic:obs("counts", lic:count_children(s)),
    lic:obs("terminate_pid", lic:terminate_child(s, P2)),
    lic:obs("terminate_again", lic:terminate_child(s, P2)),
    lic:obs("terminate_id", lic:terminate_child(s, w)),
    lic:obs("restart_id", lic:restart_child(s, w)),
    lic:obs("delete_id", lic:delete_child(s, w)),
    lic:obs("left", lic:which_children(s)).
