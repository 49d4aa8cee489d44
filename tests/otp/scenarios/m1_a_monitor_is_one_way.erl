%% M1: a monitor is one-way: the watcher's death does not touch the watched,
%% and the watched one's death does not kill the watcher.
-module(m1_a_monitor_is_one_way).
-export([run/0]).

run() ->
    W = lic:spawn(sink, []),
    T = lic:spawn(idle, []),
    lic:monitor(W, T),
    lic:crash(T, boom),
    lic:obs("watcher_alive", lic:whereis(W)),
    lic:obs("watcher_queue", lic:call(W, count)),
    U = lic:spawn(idle, []),
    lic:monitor(W, U),
    lic:crash(W, bang),
    lic:obs("watched_alive", lic:whereis(U)).
