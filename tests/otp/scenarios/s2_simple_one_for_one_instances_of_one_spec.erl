%% S2: simple_one_for_one: every child is a dynamic instance of one spec,
%% started by start_child with extra arguments, restarted alone.
-module(s2_simple_one_for_one_instances_of_one_spec).
-export([run/0]).

run() ->
    lic:sup(s, simple_one_for_one, 3, 5, [lic:worker(w, counter)]),
    lic:obs("first", lic:start_child(s, [10])),
    lic:obs("second", lic:start_child(s, [20])),
    lic:obs("children", lic:which_children(s)).
