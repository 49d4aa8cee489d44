%% L4: P killed by kill passes killed over its links: a non-trapping partner
%% dies with killed.
-module(l4_killed_kills_a_non_trapping_partner).
-export([run/0]).

run() ->
    P = lic:spawn(idle, []),
    Q = lic:spawn(idle, []),
    lic:link(P, Q),
    lic:monitor(self(), Q),
    lic:exit(P, kill),
    lic:try_obs("q_down", fun() -> lic:recv(1000) end).
