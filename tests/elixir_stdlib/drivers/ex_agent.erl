%% Agent: state read and changed with functions, named, stopped, crashed.
-module(ex_agent).
-export([main/0, add/2]).

-include("driver.hrl").

add(State, N) -> State + N.

main() ->
    Ag = 'Elixir.Agent',
    process_flag(trap_exit, true),
    {ok, A} = Ag:start_link(fun() -> 0 end),
    p(Ag:get(A, fun(S) -> S end)),
    p(Ag:update(A, fun(S) -> S + 1 end)),
    p(Ag:get_and_update(A, fun(S) -> {S, S * 10} end)),
    p(Ag:get(A, fun(S) -> S end, 1000)),
    p(Ag:cast(A, fun(S) -> S + 5 end)),
    p(Ag:get(A, ?MODULE, add, [100])),
    p(Ag:update(A, fun(S) -> S * 2 end, 1000)),
    p(Ag:get_and_update(A, fun(S) -> {S, S} end, 1000)),
    {ok, _} = Ag:start_link(fun() -> [] end, [{name, stack}]),
    Ag:update(stack, fun(S) -> [1 | S] end),
    Ag:update(stack, fun(S) -> [2 | S] end),
    p(Ag:get(stack, fun(S) -> S end)),
    p(Ag:start(fun() -> exit(nope) end)),
    {ok, Lone} = Ag:start(fun() -> lone end),
    p(Ag:get(Lone, fun(S) -> S end)),
    p(Ag:stop(Lone)),
    p(Ag:stop(stack)),
    receive {'EXIT', _, StackWhy} -> p({stack_exit, StackWhy}) end,
    try_(fun() -> Ag:get(nobody, fun erlang:abs/1) end),
    try
        Ag:get_and_update(A, fun(_) -> not_a_pair end)
    catch
        exit:{Why, {M, F, _}} -> p({exit, Why, M, F})
    end,
    receive {'EXIT', A, AWhy} -> p({linked_exit, AWhy}) end,
    p(Ag:child_spec(foo)),
    p(Ag:child_spec([{name, x}])).
