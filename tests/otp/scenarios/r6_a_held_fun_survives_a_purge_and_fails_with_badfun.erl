%% R6: holding a fun of the old version is not running it. OTP 25's
%% check_process_code/2 does not look at funs, so code:purge/1 kills nobody
%% and answers false, and the holders live on; once the code is gone,
%% calling such a fun (fun tag/1 or a closure, directly or through
%% lists:map/2, or spawn(F)) fails with {badfun, F}. The same when a def
%% loads a third version and purges the first on the way. A watcher reports
%% each holder's death through a monitor, with the error without its stack.
-module(r6_a_held_fun_survives_a_purge_and_fails_with_badfun).
-export([run/0]).

run() ->
    lic:def(ver, "
  tag(X) -> {version, 1, X}.
  local() -> fun tag/1.
  closure(Y) -> fun(X) -> {version, 1, X, Y} end.
  zero() -> fun() -> {version, 1} end.
"),
    lic:def(holder, "
  start() -> loop(ver:local(), ver:closure(y), ver:zero()).
  loop(Local, Closure, Zero) ->
    receive
      {apply, From} -> From ! [Local(x), Closure(x)], loop(Local, Closure, Zero);
      {local, From} -> From ! Local(x), loop(Local, Closure, Zero);
      {closure, From} -> From ! Closure(x), loop(Local, Closure, Zero);
      {map, From} -> From ! lists:map(Local, [x]), loop(Local, Closure, Zero);
      {spawn, From} ->
        {P, R} = spawn_monitor(Zero),
        receive {'DOWN', R, process, P, Why} -> From ! {spawned, Why} end,
        loop(Local, Closure, Zero)
    end.
"),
    lic:def(watch, "
  start(P, To) ->
    monitor(process, P),
    receive {'DOWN', _, process, P, Why} -> To ! {down, P, error_of(Why)} end.
  error_of({Reason, _Stack}) -> Reason;
  error_of(Reason) -> Reason.
"),
    L = lic:spawn_def(holder, []),
    C = lic:spawn_def(holder, []),
    M = lic:spawn_def(holder, []),
    S = lic:spawn_def(holder, []),
    lic:obs("l", L),
    lic:obs("c", C),
    lic:obs("m", M),
    lic:obs("s", S),
    lic:spawn_def(watch, [L, self()]),
    lic:spawn_def(watch, [C, self()]),
    lic:spawn_def(watch, [M, self()]),
    lic:spawn_def(watch, [S, self()]),
    lic:def(ver, "
  tag(X) -> {version, 2, X}.
  local() -> fun tag/1.
  closure(Y) -> fun(X) -> {version, 2, X, Y} end.
  zero() -> fun() -> {version, 2} end.
"),
    lic:send(L, {apply, self()}),
    lic:try_obs("applied_before_the_purge", fun() -> lic:recv(1000) end),
    lic:obs("purged", lic:purge(ver)),
    lic:obs("nobody_down", lic:flush()),
    lic:send(L, {local, self()}),
    lic:try_obs("local", fun() -> lic:recv(1000) end),
    lic:send(C, {closure, self()}),
    lic:try_obs("closure", fun() -> lic:recv(1000) end),
    lic:send(M, {map, self()}),
    lic:try_obs("map", fun() -> lic:recv(1000) end),
    lic:send(S, {spawn, self()}),
    lic:try_obs("spawn", fun() -> lic:recv(1000) end),
    lic:obs("s_lives_on", lic:flush()),
    K = lic:spawn_def(holder, []),
    lic:obs("k", K),
    lic:spawn_def(watch, [K, self()]),
    lic:def(ver, "
  tag(X) -> {version, 3, X}.
  local() -> fun tag/1.
  closure(Y) -> fun(X) -> {version, 3, X, Y} end.
  zero() -> fun() -> {version, 3} end.
"),
    lic:def(ver, "
  tag(X) -> {version, 4, X}.
  local() -> fun tag/1.
  closure(Y) -> fun(X) -> {version, 4, X, Y} end.
  zero() -> fun() -> {version, 4} end.
"),
    lic:obs("k_lives_on", lic:flush()),
    lic:send(K, {closure, self()}),
    lic:try_obs("k_closure", fun() -> lic:recv(1000) end).
