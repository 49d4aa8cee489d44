%% S3: restarts are stamped in whole seconds and one is kept while Stamp >=
%% Now - Period: with intensity 1 and period 5 s, a second crash exactly 5 s
%% after the first takes the supervisor down; one 6.2 s after does not.
-module(s3_the_period_boundary_in_whole_seconds).
-export([run/0]).

run() ->
    lic:align_to_second(),
    lic:sup(s, one_for_one, [lic:worker(a, idle)]),
    lic:sup(t, one_for_one, [lic:worker(a, idle)]),
    lic:crash(lic:child(s, a), first),
    lic:crash(lic:child(t, a), first),
    timer:sleep(4900),
    lic:crash(lic:child(s, a), second),
    lic:obs("s_after_5s", lic:whereis(s)),
    timer:sleep(1100),
    lic:crash(lic:child(t, a), second),
    lic:obs("t_after_6_2s", lic:whereis(t)),
    lic:obs("t_children", lic:count_children(t)).
