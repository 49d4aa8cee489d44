%% Process: links, monitors, trapping exits, names, the dictionary, timers.
-module(ex_process).
-export([main/0]).

-include("driver.hrl").

main() ->
    P = 'Elixir.Process',
    Self = self(),
    p(P:whereis(nobody)),
    p(P:register(Self, me)),
    p(P:whereis(me) =:= Self),
    p(P:info(Self, registered_name)),
    p(P:unregister(me)),
    p(P:info(Self, registered_name)),
    p(P:sleep(10)),
    p({P:put(k, 1), P:put(k, 2), P:get(k), P:get(z), P:get(z, d), P:delete(k), P:delete(k)}),
    p({P:flag(trap_exit, true), P:flag(trap_exit, true), P:info(Self, trap_exit)}),
    Pid = spawn(fun() -> receive stop -> ok end end),
    p({P:link(Pid), P:'alive?'(Pid), P:unlink(Pid)}),
    Ref = P:monitor(Pid),
    p(is_reference(Ref)),
    p(P:send(Pid, stop, [])),
    receive {'DOWN', Ref, process, _, Why} -> p({down, Why}) end,
    p({P:'alive?'(Pid), P:info(Pid), P:info(Pid, status)}),
    p(P:demonitor(P:monitor(Self))),
    Pid2 = spawn_link(fun() -> receive after infinity -> ok end end),
    p(P:exit(Pid2, boom)),
    receive {'EXIT', Pid2, R2} -> p({exit, R2}) end,
    P:send_after(Self, tick, 10),
    receive tick -> p(tick) end,
    Timer = P:send_after(Self, tock, 100000),
    p(is_integer(P:cancel_timer(Timer))),
    p(P:cancel_timer(Timer)),
    Ref2 = P:monitor(nobody_here),
    receive {'DOWN', Ref2, process, _, Why2} -> p({down, Why2}) end,
    try_(fun() -> P:register(Self, 'Elixir.Process') end),
    try_(fun() -> P:unregister(nobody_here) end).
