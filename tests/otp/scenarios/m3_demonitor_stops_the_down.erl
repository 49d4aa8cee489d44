%% M3: after demonitor no new 'DOWN' arrives for that reference; a 'DOWN'
%% already in the mailbox stays.
-module(m3_demonitor_stops_the_down).
-export([run/0]).

run() ->
    A = lic:spawn(idle, []),
    R = lic:monitor(self(), A),
    lic:obs("demonitor", lic:demonitor(R)),
    lic:crash(A, boom),
    lic:obs("nothing", lic:flush()),
    B = lic:spawn(idle, []),
    R2 = lic:monitor(self(), B),
    lic:crash(B, bang),
    lic:demonitor(R2),
    lic:obs("already_there", lic:flush()).
