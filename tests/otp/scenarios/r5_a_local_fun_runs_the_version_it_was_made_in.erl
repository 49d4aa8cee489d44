%% R5: a local fun (fun tag/1, or a closure) runs the version it was made in,
%% even when called after a new one is loaded; an external fun (fun
%% ver:tag/1) looks the version up when it is called. Once the process has
%% let go of its version 1 funs, purging version 1 kills nobody. (Holding
%% one at the purge does not count either: see r6.)
-module(r5_a_local_fun_runs_the_version_it_was_made_in).
-export([run/0]).

run() ->
    lic:def(ver, "
  tag(X) -> {version, 1, X}.
  local() -> fun tag/1.
  closure(Y) -> fun(X) -> {version, 1, X, Y} end.
"),
    lic:def(holder, "
  start() -> loop(ver:local(), ver:closure(y), fun ver:tag/1).
  loop(Local, Closure, External) ->
    receive
      {apply, From} -> From ! [Local(x), Closure(x), External(x)], loop(Local, Closure, External);
      forget -> loop(External, External, External)
    end.
"),
    H = lic:spawn_def(holder, []),
    lic:obs("h", H),
    lic:monitor(self(), H),
    lic:def(ver, "
  tag(X) -> {version, 2, X}.
  local() -> fun tag/1.
  closure(Y) -> fun(X) -> {version, 2, X, Y} end.
"),
    lic:send(H, {apply, self()}),
    lic:try_obs("applied", fun() -> lic:recv(1000) end),
    lic:send(H, forget),
    lic:send(H, {apply, self()}),
    lic:try_obs("forgot", fun() -> lic:recv(1000) end),
    lic:obs("purged", lic:purge(ver)),
    lic:obs("nobody_down", lic:flush()).
