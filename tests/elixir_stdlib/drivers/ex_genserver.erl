%% GenServer: a counter started with a name, called, cast to, crashed
%% and stopped; the replies and exits Elixir's GenServer gives.
-module(ex_genserver).
-export([main/0, init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

-include("driver.hrl").

init(N) when is_integer(N) -> {ok, N};
init(stop_me) -> {stop, no_way};
init(ignore_me) -> ignore.

handle_call(get, _From, N) -> {reply, N, N};
handle_call({add, K}, _From, N) -> {reply, ok, N + K};
handle_call(later, From, N) ->
    'Elixir.GenServer':reply(From, {later, N}),
    {noreply, N};
handle_call(crash, _From, N) -> {reply, 1 div (N - N), N};
handle_call(stop, _From, N) -> {stop, normal, stopped, N}.

handle_cast({set, K}, _) -> {noreply, K}.

handle_info({set, K}, _) -> {noreply, K}.

terminate(_, _) -> ok.

main() ->
    G = 'Elixir.GenServer',
    process_flag(trap_exit, true),
    {ok, Pid} = G:start_link(?MODULE, 1, [{name, counter}]),
    p(G:whereis(counter) =:= Pid),
    p(G:whereis(Pid) =:= Pid),
    p(G:call(counter, get)),
    p(G:call(Pid, {add, 4})),
    p(G:cast(counter, {set, 10})),
    p(G:call(counter, get, 1000)),
    counter ! {set, 20},
    p(G:call(counter, later)),
    {error, {already_started, Other}} = G:start_link(?MODULE, 1, [{name, counter}]),
    p(Other =:= Pid),
    p(G:start(?MODULE, stop_me)),
    p(G:start(?MODULE, ignore_me)),
    p(G:start_link(?MODULE, ignore_me, [{name, ignored}])),
    p(G:whereis(ignored)),
    try_(fun() -> G:call(nobody, get) end),
    try_(fun() -> G:call(nobody, get, 100) end),
    p(G:whereis(nobody)),
    p(G:cast(nobody, x)),
    try
        G:call(counter, crash)
    catch
        exit:{{Reason, _Stack}, Where} -> p({exit, Reason, Where})
    end,
    receive {'EXIT', Pid, {Why, _}} -> p({linked_exit, Why}) end,
    p(G:whereis(counter)),
    {ok, Pid2} = G:start_link(?MODULE, 5),
    p(G:call(Pid2, stop)),
    receive {'EXIT', Pid2, Why2} -> p({linked_exit, Why2}) end,
    {ok, Pid3} = G:start(?MODULE, 7, [{name, third}]),
    p(G:stop(third)),
    p(is_process_alive(Pid3)),
    {ok, _} = G:start(?MODULE, 8, [{name, fourth}]),
    p(G:stop(fourth, {shutdown, done}, 5000)).
