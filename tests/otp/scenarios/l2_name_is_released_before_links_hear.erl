%% L2: the dying process's registered name is released before its links hear
%% of the death.
-module(l2_name_is_released_before_links_hear).
-export([run/0]).

run() ->
    lic:trap(self(), true),
    N = lic:spawn(idle, [], link),
    register(n, N),
    lic:crash(N, boom),
    lic:try_obs("exit", fun() -> lic:recv(1000) end),
    lic:obs("name", lic:whereis(n)).
