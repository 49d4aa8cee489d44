%% Elixir 1.14's DynamicSupervisor, on the playground's supervisor: a
%% one_for_one supervisor started with no children, to which
%% start_child/2 adds each under an id of its own, since Elixir's
%% children have no ids (an atom, as the playground's supervisor and its
%% views name children: the spec's id and a number, `'Elixir.Worker#3'`); which_children/1 shows them as
%% Elixir's does, `:undefined` for the id, and terminate_child/2 takes a
%% pid and forgets the child.
-module('Elixir.DynamicSupervisor').
-export([child_spec/1, start_link/1, start_link/2, start_link/3, init/1,
         start_child/2, terminate_child/2, which_children/1,
         count_children/1, stop/1, stop/2, stop/3]).

child_spec(Opts) ->
    Id = 'Elixir.Keyword':get(Opts, id, 'Elixir.DynamicSupervisor'),
    #{id => Id, start => {'Elixir.DynamicSupervisor', start_link, [Opts]}, type => supervisor}.

start_link(Opts) ->
    {Flags, StartOpts} = 'Elixir.Keyword':split(Opts, [strategy, max_seconds, max_restarts, max_children, extra_arguments]),
    start_link('Elixir.DynamicSupervisor.Default', init(Flags), StartOpts).

start_link(Module, Arg) -> start_link(Module, Arg, []).

start_link(Module, Arg, Opts) ->
    'Elixir.Supervisor':start_link('Elixir.DynamicSupervisor', {Module, Arg}, Opts).

%% The supervisor's callback: the module's flags, no children.
init({Module, Arg}) ->
    case Module:init(Arg) of
        {ok, Flags} when is_map(Flags) -> {ok, {maps:with([strategy, intensity, period], Flags), []}};
        ignore -> ignore;
        Other -> Other
    end;
init(Opts) when is_list(Opts) ->
    Strategy = 'Elixir.Keyword':get(Opts, strategy, one_for_one),
    {ok, #{strategy => Strategy,
           intensity => 'Elixir.Keyword':get(Opts, max_restarts, 3),
           period => 'Elixir.Keyword':get(Opts, max_seconds, 5),
           max_children => 'Elixir.Keyword':get(Opts, max_children, infinity),
           extra_arguments => 'Elixir.Keyword':get(Opts, extra_arguments, [])}}.

start_child(Supervisor, Child) ->
    Spec = 'Elixir.Supervisor':child_spec(Child, []),
    Id = child_id(maps:get(id, Spec, child)),
    case supervisor:start_child(Supervisor, Spec#{id => Id}) of
        {ok, undefined} ->
            supervisor:delete_child(Supervisor, Id),
            ignore;
        {error, _} = Error ->
            supervisor:delete_child(Supervisor, Id),
            Error;
        Started -> Started
    end.

child_id(Id) when is_atom(Id) ->
    list_to_atom(atom_to_list(Id) ++ "#" ++ integer_to_list(erlang:unique_integer([positive])));
child_id(_) -> child_id(child).

terminate_child(Supervisor, Pid) when is_pid(Pid) ->
    case [Id || {Id, P, _, _} <- supervisor:which_children(Supervisor), P =:= Pid] of
        [Id] ->
            supervisor:terminate_child(Supervisor, Id),
            supervisor:delete_child(Supervisor, Id),
            ok;
        [] -> {error, not_found}
    end.

which_children(Supervisor) ->
    [{undefined, Pid, Type, Modules} || {_, Pid, Type, Modules} <- supervisor:which_children(Supervisor)].

count_children(Supervisor) -> maps:from_list(supervisor:count_children(Supervisor)).

stop(Supervisor) -> stop(Supervisor, normal, infinity).

stop(Supervisor, Reason) -> stop(Supervisor, Reason, infinity).

stop(Supervisor, Reason, Timeout) -> 'Elixir.GenServer':stop(Supervisor, Reason, Timeout).
