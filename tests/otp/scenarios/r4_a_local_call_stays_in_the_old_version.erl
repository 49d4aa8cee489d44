%% R4: local calls (loop(N)), however many, keep a running process in the
%% version it was in: after version 2 is loaded it still answers from version
%% 1, with its state; that is the old code check_process_code finds, so
%% loading a third version kills it.
-module(r4_a_local_call_stays_in_the_old_version).
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
    R = lic:monitor(self(), A),
    lic:def(ver, "
  start(N) -> loop(N).
  loop(N) ->
    receive
      {which, From} -> From ! {version, 2, N}, loop(N);
      {add, M} -> loop(N + M);
      upgrade -> ver:loop(N)
    end.
"),
    lic:send(A, {add, 1}),
    lic:send(A, {add, 2}),
    lic:send(A, {add, 3}),
    lic:send(A, {which, self()}),
    lic:try_obs("still_version_1", fun() -> lic:recv(1000) end),
    lic:def(ver, "
  start(N) -> loop(N).
  loop(N) ->
    receive
      {which, From} -> From ! {version, 3, N}, loop(N);
      {add, M} -> loop(N + M);
      upgrade -> ver:loop(N)
    end.
"),
    lic:try_obs("killed", fun() ->
        lic:recv(fun(M) -> case M of {'DOWN', R, process, A, _} -> true; _ -> false end end, 1000)
    end).
