%% Supervisor: children given as a module, {Module, Arg} and a map, the
%% strategies' restarts, restart limits, the queries (pids left out: the
%% two systems number them differently), and a callback module.
-module(ex_supervisor).
-export([main/0, child_spec/1, start_link/1, init/1]).

-include("driver.hrl").

%% A worker: an Agent registered under its argument.
child_spec(Name) -> #{id => Name, start => {?MODULE, start_link, [Name]}}.

start_link(Name) -> 'Elixir.Agent':start_link(fun() -> Name end, [{name, Name}]).

%% As a callback module: a supervisor of two workers, one_for_all.
init(Names) -> 'Elixir.Supervisor':init([{?MODULE, N} || N <- Names], [{strategy, one_for_all}]).

children(Sup) ->
    [{Id, is_pid(Pid), Type, Mods} || {Id, Pid, Type, Mods} <- 'Elixir.Supervisor':which_children(Sup)].

%% Waits (bounded) until Name is registered to a pid other than Old.
restarted(Name, Old) -> restarted(Name, Old, 500).

restarted(_, _, 0) -> timed_out;
restarted(Name, Old, N) ->
    case whereis(Name) of
        Pid when is_pid(Pid), Pid =/= Old -> restarted;
        _ -> receive after 10 -> restarted(Name, Old, N - 1) end
    end.

main() ->
    S = 'Elixir.Supervisor',
    process_flag(trap_exit, true),
    p(S:child_spec(?MODULE, [])),
    p(S:child_spec({?MODULE, w}, [{id, other}, {restart, temporary}, {shutdown, 100}])),
    p(S:child_spec(#{id => m, start => {?MODULE, start_link, [m]}}, [{type, supervisor}])),
    p(S:child_spec({'Elixir.Agent', x}, [])),
    p(S:init([{?MODULE, a}, #{id => b, start => {?MODULE, start_link, [b]}}], [{strategy, rest_for_one}, {max_restarts, 1}, {max_seconds, 10}])),
    try_(fun() -> S:init([], []) end),
    {ok, Sup} = S:start_link([{?MODULE, one}, #{id => two, start => {?MODULE, start_link, [two]}}, {?MODULE, three}],
                             [{strategy, one_for_one}, {name, the_sup}]),
    p(whereis(the_sup) =:= Sup),
    p(children(the_sup)),
    p(S:count_children(the_sup)),
    Two = whereis(two),
    exit(Two, kill),
    p(restarted(two, Two)),
    p(children(the_sup)),
    p(S:terminate_child(the_sup, three)),
    p(whereis(three)),
    p(children(the_sup)),
    p(S:count_children(the_sup)),
    {ok, Three} = S:restart_child(the_sup, three),
    p(whereis(three) =:= Three),
    p(S:restart_child(the_sup, nobody)),
    p(S:terminate_child(the_sup, nobody)),
    p(S:terminate_child(the_sup, one)),
    p(S:delete_child(the_sup, one)),
    p(S:delete_child(the_sup, nobody)),
    p(children(the_sup)),
    {ok, Four} = S:start_child(the_sup, {?MODULE, four}),
    p(whereis(four) =:= Four),
    {error, {already_started, _}} = S:start_child(the_sup, {?MODULE, four}),
    p(S:count_children(the_sup)),
    p(S:stop(the_sup)),
    receive {'EXIT', Sup, SupWhy} -> p({sup_exit, SupWhy}) end,
    p({whereis(two), whereis(four)}),
    %% one_for_all through a callback module, with a name.
    {ok, Sup2} = S:start_link(?MODULE, [x, y], [{name, all_sup}]),
    X = whereis(x),
    Y = whereis(y),
    exit(X, kill),
    p(restarted(x, X)),
    p(restarted(y, Y)),
    p(children(all_sup)),
    %% Restart limits: no restarts allowed, so one crash ends it.
    {ok, Sup3} = S:start_link([{?MODULE, lonely}], [{strategy, one_for_one}, {max_restarts, 0}]),
    exit(whereis(lonely), kill),
    receive {'EXIT', Sup3, Why3} -> p({sup_exit, Why3}) end,
    p(whereis(lonely)),
    p(S:stop(Sup2)),
    receive {'EXIT', Sup2, Why2} -> p({sup_exit, Why2}) end.
