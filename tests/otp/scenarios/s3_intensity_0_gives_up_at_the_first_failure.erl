%% S3: with intensity 0 the first failure takes the supervisor down.
-module(s3_intensity_0_gives_up_at_the_first_failure).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, 0, 5, [lic:worker(a, idle)]),
    lic:monitor(self(), s),
    lic:crash(lic:child(s, a), boom),
    lic:try_obs("down", fun() -> lic:recv(1000) end).
