%% S3: a one_for_all restart of every child counts as one restart.
-module(s3_a_one_for_all_restart_counts_once).
-export([run/0]).

run() ->
    lic:sup(s, one_for_all, [lic:worker(a, idle), lic:worker(b, idle), lic:worker(c, idle)]),
    lic:crash(lic:child(s, b), boom),
    lic:obs("survived", lic:count_children(s)).
