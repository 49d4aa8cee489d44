%% R1: defining a name again loads a new version; a process already running
%% stays in its version until a fully qualified call (ver:loop(N)) moves it,
%% with its state, to the newest; a new spawn runs the newest.
-module(r1_a_qualified_call_moves_a_process_to_the_new_version).
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
    A = lic:spawn_def(ver, [0]),
    lic:send(A, {add, 5}),
    lic:obs("loaded", lic:def(ver, "
  start(N) -> loop(N).
  loop(N) ->
    receive
      {which, From} -> From ! {version, 2, N}, loop(N);
      {add, M} -> loop(N + 10 * M);
      upgrade -> ver:loop(N)
    end.
")),
    lic:send(A, {which, self()}),
    lic:try_obs("before_upgrade", fun() -> lic:recv(1000) end),
    lic:send(A, upgrade),
    lic:send(A, {add, 1}),
    lic:send(A, {which, self()}),
    lic:try_obs("after_upgrade", fun() -> lic:recv(1000) end),
    B = lic:spawn_def(ver, [0]),
    lic:send(B, {which, self()}),
    lic:try_obs("new_spawn", fun() -> lic:recv(1000) end).
