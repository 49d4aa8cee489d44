%% S1: the defaults are OTP's: one_for_one, intensity 1, period 5 s: the
%% first crash is restarted, the second within 5 s takes the supervisor down
%% with shutdown.
-module(s1_defaults_one_for_one_one_restart_in_five_seconds).
-export([run/0]).

run() ->
    lic:sup(s, one_for_one, [lic:worker(a, idle), lic:worker(b, idle)]),
    R = lic:monitor(self(), s),
    _B = lic:child(s, b),
    lic:crash(lic:child(s, a), boom),
    lic:obs("b_untouched", lic:child(s, b)),
    lic:crash(lic:child(s, a), boom),
    lic:try_obs("sup_down", fun() -> lic:recv(fun(M) -> element(2, M) =:= R end, 1000) end).
