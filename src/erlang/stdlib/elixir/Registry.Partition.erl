%% The server behind Elixir's Registry (see Registry.erl): the entries of
%% each key in the order they were registered, and each process's keys.
%% It traps exits: a registering process is linked to it, and its
%% 'EXIT' takes its entries away.
-module('Elixir.Registry.Partition').
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2,
         code_change/3]).

init({Kind, Meta}) ->
    process_flag(trap_exit, true),
    {ok, #{kind => Kind, entries => #{}, keys => #{}, meta => maps:from_list(Meta)}}.

handle_call({register, Key, Pid, Value}, _From, #{kind := unique, entries := Entries} = State) ->
    case [Owner || {Owner, _} <- maps:get(Key, Entries, []), is_process_alive(Owner)] of
        [Owner | _] -> {reply, {error, {already_registered, Owner}}, State};
        [] -> {reply, {ok, self()}, add(Key, Pid, Value, drop_key(Key, State))}
    end;
handle_call({register, Key, Pid, Value}, _From, State) ->
    {reply, {ok, self()}, add(Key, Pid, Value, State)};
handle_call({unregister, Key, Pid}, _From, State) ->
    {reply, ok, remove(Key, Pid, State)};
handle_call({lookup, Key}, _From, #{entries := Entries} = State) ->
    {reply, [Entry || {Pid, _} = Entry <- maps:get(Key, Entries, []), is_process_alive(Pid)], State};
handle_call({keys, Pid}, _From, #{keys := Keys} = State) ->
    {reply, maps:get(Pid, Keys, []), State};
handle_call({values, Key, Pid}, _From, #{entries := Entries} = State) ->
    {reply, [Value || {Owner, Value} <- maps:get(Key, Entries, []), Owner =:= Pid], State};
handle_call({put_value, Key, Pid, Value}, _From, #{entries := Entries} = State) ->
    Updated = [case Owner of Pid -> {Pid, Value}; _ -> Entry end
               || {Owner, _} = Entry <- maps:get(Key, Entries, [])],
    {reply, ok, State#{entries := Entries#{Key => Updated}}};
handle_call(count, _From, #{entries := Entries} = State) ->
    {reply, lists:sum([length(List) || List <- maps:values(Entries)]), State};
handle_call(kind, _From, #{kind := Kind} = State) ->
    {reply, Kind, State};
handle_call({meta, Key}, _From, #{meta := Meta} = State) ->
    {reply, case Meta of #{Key := Value} -> {ok, Value}; _ -> error end, State};
handle_call({put_meta, Key, Value}, _From, #{meta := Meta} = State) ->
    {reply, ok, State#{meta := Meta#{Key => Value}}}.

handle_cast(_Message, State) -> {noreply, State}.

handle_info({'EXIT', Pid, _Reason}, #{keys := Keys} = State) ->
    {noreply, lists:foldl(fun(Key, Acc) -> remove(Key, Pid, Acc) end, State,
                          lists:usort(maps:get(Pid, Keys, [])))};
handle_info(_Message, State) -> {noreply, State}.

terminate(_Reason, _State) -> ok.

code_change(_Old, State, _Extra) -> {ok, State}.

add(Key, Pid, Value, #{entries := Entries, keys := Keys} = State) ->
    link(Pid),
    State#{entries := Entries#{Key => maps:get(Key, Entries, []) ++ [{Pid, Value}]},
           keys := Keys#{Pid => maps:get(Pid, Keys, []) ++ [Key]}}.

%% Every entry of Key by Pid; a process left with no key is unlinked.
remove(Key, Pid, #{entries := Entries, keys := Keys} = State) ->
    Left = [Entry || {Owner, _} = Entry <- maps:get(Key, Entries, []), Owner =/= Pid],
    Own = [K || K <- maps:get(Pid, Keys, []), K =/= Key],
    Entries1 = case Left of [] -> maps:remove(Key, Entries); _ -> Entries#{Key => Left} end,
    Keys1 = case Own of
                [] -> unlink(Pid), maps:remove(Pid, Keys);
                _ -> Keys#{Pid => Own}
            end,
    State#{entries := Entries1, keys := Keys1}.

%% A unique key whose owner died before its 'EXIT' was handled: taken over.
drop_key(Key, #{entries := Entries} = State) ->
    case maps:get(Key, Entries, []) of
        [{Owner, _}] -> remove(Key, Owner, State);
        [] -> State
    end.
