%% M3: demonitor R acts for the monitor's owner, whoever made it: R = monitor
%% W T, demonitor R, and W gets no 'DOWN' from T.
-module(m3_demonitor_acts_for_the_owner).
-export([run/0]).

run() ->
    W = lic:spawn(sink, []),
    T = lic:spawn(idle, []),
    R = lic:monitor(W, T),
    lic:obs("demonitor", lic:demonitor(W, R)),
    lic:crash(T, boom),
    lic:obs("w_queue", lic:call(W, count)).
