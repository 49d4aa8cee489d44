%% The talk's StateServer, "just a GenServer with a simple API on top of
%% a map", as `use GenServer` would compile it (child_spec/1, a named
%% start_link/1), supervised: its state survives calls and casts, not a
%% crash, after which the supervisor starts it again from its argument.
-module(ex_state_server).
-export([main/0, child_spec/1, start_link/1, value/1, store/2, remove/1, keys/0,
         init/1, handle_call/3, handle_cast/2]).

-include("driver.hrl").

child_spec(Arg) -> #{id => ?MODULE, start => {?MODULE, start_link, [Arg]}}.

start_link(Initial) -> 'Elixir.GenServer':start_link(?MODULE, Initial, [{name, ?MODULE}]).

value(Key) -> 'Elixir.GenServer':call(?MODULE, {get, Key}).
store(Key, Value) -> 'Elixir.GenServer':cast(?MODULE, {put, Key, Value}).
remove(Key) -> 'Elixir.GenServer':call(?MODULE, {delete, Key}).
keys() -> 'Elixir.GenServer':call(?MODULE, keys).

init(Initial) -> {ok, Initial}.

handle_call({get, Key}, _From, State) -> {reply, 'Elixir.Map':'fetch!'(State, Key), State};
handle_call({delete, Key}, _From, State) -> {reply, 'Elixir.Map':get(State, Key), 'Elixir.Map':delete(State, Key)};
handle_call(keys, _From, State) -> {reply, 'Elixir.Map':keys(State), State}.

handle_cast({put, Key, Value}, State) -> {noreply, 'Elixir.Map':put(State, Key, Value)}.

restarted(Old) -> restarted(Old, 500).

restarted(_, 0) -> timed_out;
restarted(Old, N) ->
    case whereis(?MODULE) of
        Pid when is_pid(Pid), Pid =/= Old -> restarted;
        _ -> receive after 10 -> restarted(Old, N - 1) end
    end.

main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = 'Elixir.Supervisor':start_link([{?MODULE, #{speaker => <<"me">>}}], [{strategy, one_for_one}]),
    p(value(speaker)),
    p(store(topic, <<"elixir">>)),
    p(store(slides, 42)),
    p(keys()),
    p(remove(slides)),
    p(keys()),
    Old = whereis(?MODULE),
    try value(nothing_here) catch exit:{{Reason, _}, {M, F, A}} -> p({exit, Reason, M, F, A}) end,
    p(restarted(Old)),
    p(keys()),
    p([{Id, Type} || {Id, _, Type, _} <- 'Elixir.Supervisor':which_children(Sup)]),
    p('Elixir.Supervisor':count_children(Sup)),
    p('Elixir.Supervisor':stop(Sup)).
