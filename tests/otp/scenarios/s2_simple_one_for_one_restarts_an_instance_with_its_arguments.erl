%% S2: a crashed simple_one_for_one instance is restarted with the arguments
%% it was started with.
-module(s2_simple_one_for_one_restarts_an_instance_with_its_arguments).
-export([run/0]).

run() ->
    lic:sup(s, simple_one_for_one, 3, 5, [lic:worker(w, counter)]),
    {ok, P} = lic:start_child(s, [7]),
    lic:send(P, incr),
    lic:obs("before", lic:call(P, get)),
    lic:send(P, oops),
    [{_, Q, _, _}] = lic:which_children(s),
    lic:obs("restarted", lic:call(Q, get)).
