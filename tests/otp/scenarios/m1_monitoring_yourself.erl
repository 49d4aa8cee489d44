%% M1: a process monitoring itself gets a reference but no monitor, and no
%% 'DOWN' ever comes.
-module(m1_monitoring_yourself).
-export([run/0]).

run() ->
    W = lic:spawn(sink, []),
    R = lic:monitor(W, W),
    lic:obs("is_ref", R),
    T = lic:spawn(idle, []),
    lic:monitor(W, T),
    lic:crash(T, boom),
    lic:obs("only_t", lic:call(W, count)).
