%% Elixir 1.14's Registry: a local store of keys, each with the process
%% that registered it and a value, unique or duplicate, and the
%% {:via, Registry, {Registry, Key}} names of GenServer and Agent.
%%
%% Elixir keeps the entries in ETS tables that the registering processes
%% write themselves, with partitions linked to them to clean up after a
%% death. The playground has no ETS: one server process
%% ('Elixir.Registry.Partition') holds the entries, and every call goes
%% through it. What a program sees is the same: register/3 links the
%% caller to the registry, its entries go when it dies, lookup/2 never
%% answers a dead process, and the errors are Elixir's.
-module('Elixir.Registry').
-export([start_link/1, child_spec/1, register/3, unregister/2, lookup/2,
         keys/2, values/3, update_value/3, count/1, dispatch/3, dispatch/4,
         meta/2, put_meta/3, register_name/2, unregister_name/1,
         whereis_name/1, send/2]).
-compile({no_auto_import, [send/2]}).

child_spec(Opts) ->
    #{id => proplists:get_value(name, Opts, 'Elixir.Registry'),
      start => {'Elixir.Registry', start_link, [Opts]},
      type => supervisor}.

start_link(Opts) ->
    Keys = proplists:get_value(keys, Opts, nil),
    case lists:member(Keys, [unique, duplicate]) of
        true -> ok;
        false -> argument_error(<<"expected :keys to be given and be one of :unique or :duplicate, got: ",
                                  (inspect(Keys))/binary>>)
    end,
    Name = case lists:keyfind(name, 1, Opts) of
               {name, N} when is_atom(N) -> N;
               {name, Other} -> argument_error(<<"expected :name to be an atom, got: ", (inspect(Other))/binary>>);
               false -> argument_error(<<"expected :name option to be present">>)
           end,
    Meta = proplists:get_value(meta, Opts, []),
    gen_server:start_link({local, Name}, 'Elixir.Registry.Partition', {Keys, Meta}, []).

register(Registry, Key, Value) -> call(Registry, {register, Key, self(), Value}).

unregister(Registry, Key) -> call(Registry, {unregister, Key, self()}).

lookup(Registry, Key) -> call(Registry, {lookup, Key}).

keys(Registry, Pid) -> call(Registry, {keys, Pid}).

values(Registry, Key, Pid) -> call(Registry, {values, Key, Pid}).

%% Changes the value the caller registered Key with; the callback runs in
%% the caller, as in Elixir.
update_value(Registry, Key, Callback) ->
    case call(Registry, kind) of
        duplicate -> argument_error(<<"Registry.update_value/3 is not supported for duplicate registries">>);
        unique -> ok
    end,
    case values(Registry, Key, self()) of
        [Old] ->
            New = Callback(Old),
            ok = call(Registry, {put_value, Key, self(), New}),
            {New, Old};
        [] -> error
    end.

count(Registry) -> call(Registry, count).

dispatch(Registry, Key, Fun) -> dispatch(Registry, Key, Fun, []).

%% Calls Fun with the entries of Key, in the caller, unless there are none.
dispatch(Registry, Key, Fun, _Opts) ->
    case lookup(Registry, Key) of
        [] -> ok;
        Entries -> apply_dispatch(Fun, Entries), ok
    end.

apply_dispatch({M, F, A}, Entries) -> erlang:apply(M, F, [Entries | A]);
apply_dispatch(Fun, Entries) -> Fun(Entries).

meta(Registry, Key) -> call(Registry, {meta, Key}).

put_meta(Registry, Key, Value) -> call(Registry, {put_meta, Key, Value}).

%% The {:via, Registry, {Registry, Key}} protocol (and {Registry, Key,
%% Value}, registering with that value).
register_name({Registry, Key}, Pid) when Pid =:= self() -> register_name({Registry, Key, nil}, Pid);
register_name({Registry, Key, Value}, Pid) when Pid =:= self() ->
    case register(Registry, Key, Value) of
        {ok, _} -> yes;
        {error, _} -> no
    end.

unregister_name({Registry, Key}) -> unregister(Registry, Key);
unregister_name({Registry, Key, _Value}) -> unregister(Registry, Key).

whereis_name({Registry, Key}) ->
    case lookup(Registry, Key) of
        [{Pid, _} | _] -> Pid;
        [] -> undefined
    end;
whereis_name({Registry, Key, _Value}) -> whereis_name({Registry, Key}).

send({_Registry, _Key} = Name, Message) ->
    case whereis_name(Name) of
        undefined -> erlang:error(badarg, [Name, Message]);
        Pid -> erlang:send(Pid, Message)
    end;
send({Registry, Key, _Value}, Message) -> 'Elixir.Registry':send({Registry, Key}, Message).

%% A registry that does not run is an ArgumentError, not a noproc exit.
call(Registry, Request) ->
    case is_atom(Registry) andalso erlang:whereis(Registry) of
        undefined -> argument_error(<<"unknown registry: ", (inspect(Registry))/binary>>);
        _ -> gen_server:call(Registry, Request, infinity)
    end.

argument_error(Message) -> erlang:error('Elixir.ArgumentError':exception(Message)).

inspect(Term) -> 'Elixir.Kernel':inspect(Term).
