%% S8: start_child with an id in use gives {error, {already_started, Pid}}
%% while it runs and {error, already_present} when it does not.
-module(s8_start_child_with_an_id_in_use).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(a, idle)]),
    lic:obs("new", lic:start_child(s, lic:worker(b, idle))),
    lic:obs("running", lic:start_child(s, lic:worker(a, idle))),
    lic:terminate_child(s, a),
    lic:obs("present", lic:start_child(s, lic:worker(a, idle))).
