%% S8: count_children gives specs, active, supervisors and workers.
-module(s8_count_children).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(a, idle), lic:worker(b, idle, transient, 5000), lic:supervisor(inner, one_for_one, [lic:worker(x, idle)])]),
    lic:send(lic:child(s, b), stop),
    lic:obs("counts", lic:count_children(s)).
