%% S3: more restarts than the intensity within the period: the supervisor
%% stops its children and exits with shutdown.
-module(s3_intensity_exceeded_gives_up_with_shutdown).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, 2, 10, [lic:worker(a, idle), lic:worker(b, idle)]),
    lic:monitor(self(), s),
    lic:monitor(self(), lic:child(s, b)),
    lic:crash(lic:child(s, a), one),
    lic:crash(lic:child(s, a), two),
    lic:obs("still_up", lic:whereis(s)),
    lic:crash(lic:child(s, a), three),
    lic:obs("downs", lic:flush()),
    lic:obs("gone", lic:whereis(s)).
