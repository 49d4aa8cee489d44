%% R2: at most two versions live. Loading a third purges the oldest first, as
%% the shell's c/1 does: a process still in version 1 is killed (reason
%% killed, even though it traps exits); one moved to version 2 by a qualified
%% call and one spawned in version 2 live on in what is now the old version.
-module(r2_loading_a_third_version_kills_processes_in_the_oldest).
-export([run/0]).

run() ->
    lic:def(ver, "
  start(N) -> process_flag(trap_exit, true), loop(N).
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
  start(N) -> process_flag(trap_exit, true), loop(N).
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
    lic:obs("loaded_third", lic:def(ver, "
  start(N) -> process_flag(trap_exit, true), loop(N).
  loop(N) ->
    receive
      {which, From} -> From ! {version, 3, N}, loop(N);
      {add, M} -> loop(N + M);
      upgrade -> ver:loop(N)
    end.
")),
    lic:obs("down", lic:flush()),
    lic:obs("a_gone", lic:whereis(A)),
    lic:send(B, {which, self()}),
    lic:try_obs("b_in_old_version_2", fun() -> lic:recv(1000) end),
    lic:send(C, {which, self()}),
    lic:try_obs("c_in_old_version_2", fun() -> lic:recv(1000) end),
    D = lic:spawn_def(ver, [4]),
    lic:send(D, {which, self()}),
    lic:try_obs("new_spawn", fun() -> lic:recv(1000) end).
