%% Task: async/await, yield, await_many, start, a task that crashes.
-module(ex_task).
-export([main/0]).

-include("driver.hrl").

main() ->
    Tk = 'Elixir.Task',
    T = Tk:async(fun() -> 6 * 7 end),
    p(Tk:await(T)),
    p(Tk:await(Tk:async(lists, seq, [1, 3]), 1000)),
    p(Tk:await_many([Tk:async(fun() -> 1 end), Tk:async(fun() -> 2 end)])),
    p(maps:keys(T)),
    p(maps:get(mfa, Tk:async(lists, seq, [1, 3]))),
    Slow = Tk:async(fun() -> receive go -> late end end),
    p(Tk:yield(Slow, 0)),
    maps:get(pid, Slow) ! go,
    p(Tk:yield(Slow, 5000)),
    {ok, Started} = Tk:start(fun() -> ok end),
    p(is_pid(Started)),
    process_flag(trap_exit, true),
    {ok, Linked} = Tk:start_link(fun() -> exit(linked_boom) end),
    receive {'EXIT', Linked, Why0} -> p({linked_exit, Why0}) end,
    Crash = Tk:async(fun() -> exit(boom) end),
    try
        Tk:await(Crash)
    catch
        exit:{Why, {M, F, [_, Timeout]}} -> p({exit, Why, M, F, Timeout})
    end,
    receive {'EXIT', _, Why2} -> p({linked_exit, Why2}) end,
    Crash2 = Tk:async(fun() -> exit(boom2) end),
    p(Tk:yield(Crash2, 5000)),
    receive {'EXIT', _, Why3} -> p({linked_exit, Why3}) end,
    Never = Tk:async(fun() -> receive never -> ok end end),
    try
        Tk:await(Never, 10)
    catch
        exit:{Why4, {M4, F4, [_, T4]}} -> p({exit, Why4, M4, F4, T4})
    end,
    p(Tk:shutdown(Never)),
    p(Tk:child_spec(x)).
