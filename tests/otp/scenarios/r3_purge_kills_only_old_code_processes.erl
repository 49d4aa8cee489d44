%% R3: purge NAME is code:purge/1: it kills the processes still in the old
%% version (reason killed) and answers true; a process moved to the current
%% version by a qualified call, and one spawned in it, live on. With no old
%% version left a second purge kills nobody and answers false.
-module(r3_purge_kills_only_old_code_processes).
-export([run/0]).

run() ->
    lic:def(ver, "
  start(N) -> loop(N).
  loop(N) ->
    receive
      {which, From} -> From ! {version, 1, N}, loop(N);
      {add, M} -> loop(N + M);
      upgrade -> ver:loop(N)
    end.
"),
    A = lic:spawn_def(ver, [1]),
    B = lic:spawn_def(ver, [2]),
    lic:obs("a", A),
    lic:obs("b", B),
    lic:monitor(self(), A),
    lic:monitor(self(), B),
    lic:def(ver, "
  start(N) -> loop(N).
  loop(N) ->
    receive
      {which, From} -> From ! {version, 2, N}, loop(N);
      {add, M} -> loop(N + M);
      upgrade -> ver:loop(N)
    end.
"),
    lic:send(B, upgrade),
    C = lic:spawn_def(ver, [3]),
    lic:monitor(self(), C),
    lic:obs("purged", lic:purge(ver)),
    lic:obs("down", lic:flush()),
    lic:send(B, {which, self()}),
    lic:try_obs("b_in_version_2", fun() -> lic:recv(1000) end),
    lic:send(C, {which, self()}),
    lic:try_obs("c_in_version_2", fun() -> lic:recv(1000) end),
    lic:obs("purged_again", lic:purge(ver)),
    lic:obs("nobody_down", lic:flush()).
