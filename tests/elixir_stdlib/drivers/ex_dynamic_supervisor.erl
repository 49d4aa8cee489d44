%% DynamicSupervisor: children started on demand, restarted, terminated
%% by pid; with options and with a callback module.
-module(ex_dynamic_supervisor).
-export([main/0, init/1, child_spec/1, start_link/1]).

-include("driver.hrl").

%% A worker: an Agent registered under its argument.
child_spec(Name) -> #{id => Name, start => {?MODULE, start_link, [Name]}}.

start_link(ignore) -> ignore;
start_link(fail) -> {error, failed};
start_link(Name) -> 'Elixir.Agent':start_link(fun() -> Name end, [{name, Name}]).

init(max) -> 'Elixir.DynamicSupervisor':init([{strategy, one_for_one}, {max_restarts, 0}]).

children(Sup) ->
    lists:sort([{Id, is_pid(Pid), Type, Mods} || {Id, Pid, Type, Mods} <- 'Elixir.DynamicSupervisor':which_children(Sup)]).

restarted(Name, Old) -> restarted(Name, Old, 500).

restarted(_, _, 0) -> timed_out;
restarted(Name, Old, N) ->
    case whereis(Name) of
        Pid when is_pid(Pid), Pid =/= Old -> restarted;
        _ -> receive after 10 -> restarted(Name, Old, N - 1) end
    end.

main() ->
    D = 'Elixir.DynamicSupervisor',
    process_flag(trap_exit, true),
    p(D:child_spec([])),
    p(D:init([{strategy, one_for_one}])),
    {ok, Sup} = D:start_link([{strategy, one_for_one}, {name, dyn}]),
    p(whereis(dyn) =:= Sup),
    p(children(dyn)),
    p(D:count_children(dyn)),
    {ok, A} = D:start_child(dyn, {?MODULE, a}),
    {ok, B} = D:start_child(dyn, #{id => ignored, start => {?MODULE, start_link, [b]}}),
    {ok, _} = D:start_child(dyn, {'Elixir.Agent', fun() -> anon end}),
    p({whereis(a) =:= A, whereis(b) =:= B}),
    p(D:start_child(dyn, {?MODULE, ignore})),
    p(D:start_child(dyn, {?MODULE, fail})),
    p(children(dyn)),
    p(D:count_children(dyn)),
    exit(A, kill),
    p(restarted(a, A)),
    p(D:terminate_child(dyn, B)),
    p(D:terminate_child(dyn, B)),
    p(whereis(b)),
    p(children(dyn)),
    p(D:count_children(dyn)),
    p(D:stop(dyn)),
    receive {'EXIT', Sup, Why} -> p({sup_exit, Why}) end,
    {ok, Sup2} = D:start_link(?MODULE, max),
    {ok, C} = D:start_child(Sup2, {?MODULE, c}),
    exit(C, kill),
    receive {'EXIT', Sup2, Why2} -> p({sup_exit, Why2}) end,
    p(whereis(c)).
