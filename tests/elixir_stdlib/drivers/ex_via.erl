%% GenServer and Agent named {via, Registry, Name}, with a registry of
%% our own (registered names under a prefix) standing in for Registry.
-module(ex_via).
-export([main/0, register_name/2, unregister_name/1, whereis_name/1, send/2]).

-include("driver.hrl").

key(Name) -> list_to_atom("via_" ++ atom_to_list(Name)).

register_name(Name, Pid) ->
    try register(key(Name), Pid) of
        true -> yes
    catch
        error:_ -> no
    end.

unregister_name(Name) -> unregister(key(Name)).

whereis_name(Name) ->
    case whereis(key(Name)) of
        undefined -> undefined;
        Pid -> Pid
    end.

send(Name, Msg) ->
    case whereis_name(Name) of
        undefined -> erlang:error({badarg, {Name, Msg}});
        Pid -> Pid ! Msg, Pid
    end.

main() ->
    G = 'Elixir.GenServer',
    Ag = 'Elixir.Agent',
    process_flag(trap_exit, true),
    Via = {via, ?MODULE, counter},
    {ok, Pid} = Ag:start_link(fun() -> 0 end, [{name, Via}]),
    p(whereis(via_counter) =:= Pid),
    p(G:whereis(Via) =:= Pid),
    p(Ag:update(Via, fun(N) -> N + 1 end)),
    p(Ag:cast(Via, fun(N) -> N + 10 end)),
    p(Ag:get(Via, fun(N) -> N end)),
    {error, {already_started, Again}} = Ag:start_link(fun() -> 0 end, [{name, Via}]),
    p(Again =:= Pid),
    p(G:whereis({via, ?MODULE, nobody})),
    p(G:cast({via, ?MODULE, nobody}, hello)),
    try_(fun() -> G:call({via, ?MODULE, nobody}, hello) end),
    {ok, Lone} = Ag:start(fun() -> lone end, [{name, {via, ?MODULE, lone}}]),
    p(Ag:get({via, ?MODULE, lone}, fun(S) -> S end)),
    p(Ag:stop({via, ?MODULE, lone})),
    p(is_process_alive(Lone)),
    p(Ag:stop(Via)),
    receive {'EXIT', Pid, Why} -> p({linked_exit, Why}) end.
