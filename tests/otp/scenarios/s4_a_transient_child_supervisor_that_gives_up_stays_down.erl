%% S4: a child supervisor takes a restart type like a worker: a transient one
%% that gives up (shutdown) is not restarted and is listed as {Id, undefined,
%% supervisor, [supervisor]}.
-module(s4_a_transient_child_supervisor_that_gives_up_stays_down).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, 3, 5, [lic:worker(a, idle), lic:supervisor(inner, one_for_one, {0, 5}, [lic:worker(x, idle)], transient, infinity)]),
    lic:crash(lic:child(lic:child(s, inner), x), boom),
    lic:obs("children", lic:which_children(s)),
    lic:obs("counts", lic:count_children(s)).
