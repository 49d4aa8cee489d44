%% Elixir 1.14's Task, the parts the books use: async/await (a linked,
%% monitored process that sends {Ref, Result} to its owner), yield,
%% start/start_link. A task is the struct %Task{pid, ref, owner, mfa}.
-module('Elixir.Task').
-export(['__struct__'/1, '__struct__'/0, child_spec/1, async/1, async/3, await/1, await/2,
         await_many/1, await_many/2, yield/1, yield/2, shutdown/1,
         shutdown/2, start/1, start/3, start_link/1, start_link/3]).
-struct([mfa, owner, pid, ref]).

'__struct__'() -> #{'__struct__' => 'Elixir.Task', pid => nil, ref => nil, owner => nil, mfa => nil}.

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

child_spec(Arg) ->
    #{id => 'Elixir.Task', restart => temporary, start => {'Elixir.Task', start_link, [Arg]}}.

async(Fun) -> async(erlang, apply, [Fun, []]).

async(M, F, A) ->
    Owner = self(),
    Pid = erlang:spawn_link(fun() -> reply_to(Owner, M, F, A) end),
    Ref = erlang:monitor(process, Pid),
    Pid ! {Owner, Ref},
    #{'__struct__' => 'Elixir.Task', pid => Pid, ref => Ref, owner => Owner, mfa => {M, F, length(A)}}.

reply_to(Owner, M, F, A) ->
    receive
        {Owner, Ref} -> Owner ! {Ref, erlang:apply(M, F, A)}
    end.

await(Task) -> await(Task, 5000).

await(#{'__struct__' := 'Elixir.Task', ref := Ref} = Task, Timeout) ->
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, _, _, Reason} ->
            erlang:exit({Reason, {'Elixir.Task', await, [Task, Timeout]}})
    after Timeout ->
        erlang:demonitor(Ref, [flush]),
        erlang:exit({timeout, {'Elixir.Task', await, [Task, Timeout]}})
    end.

await_many(Tasks) -> await_many(Tasks, 5000).

await_many(Tasks, Timeout) -> [await(Task, Timeout) || Task <- Tasks].

yield(Task) -> yield(Task, 5000).

yield(#{'__struct__' := 'Elixir.Task', ref := Ref}, Timeout) ->
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            {ok, Reply};
        {'DOWN', Ref, _, _, Reason} -> {exit, Reason}
    after Timeout -> nil
    end.

shutdown(Task) -> shutdown(Task, 5000).

%% Stops the task (`shutdown`, or `kill` for :brutal_kill or when it
%% outlives Timeout): {:ok, Reply} if it had replied, {:exit, Reason} if
%% it had died of something else, nil otherwise. A fresh monitor sees it
%% go even if await/2 timed out and dropped the task's own.
shutdown(#{'__struct__' := 'Elixir.Task', pid := Pid, ref := Ref}, How) ->
    erlang:unlink(Pid),
    Monitor = erlang:monitor(process, Pid),
    case How of
        brutal_kill -> erlang:exit(Pid, kill);
        _ -> erlang:exit(Pid, shutdown)
    end,
    Timeout = case How of brutal_kill -> infinity; _ -> How end,
    Result = receive
        {Ref, Reply} -> {ok, Reply};
        {'DOWN', Down, _, _, Reason} when Down =:= Ref; Down =:= Monitor -> stopped(Reason)
    after Timeout ->
        erlang:exit(Pid, kill),
        receive {'DOWN', Monitor, _, _, Reason} -> stopped(Reason) end
    end,
    erlang:demonitor(Ref, [flush]),
    erlang:demonitor(Monitor, [flush]),
    Result.

stopped(shutdown) -> nil;
stopped(killed) -> nil;
stopped(noproc) -> nil;
stopped(Reason) -> {exit, Reason}.

start(Fun) -> start(erlang, apply, [Fun, []]).

start(M, F, A) -> {ok, erlang:spawn(fun() -> erlang:apply(M, F, A) end)}.

start_link(Fun) -> start_link(erlang, apply, [Fun, []]).

start_link(M, F, A) -> {ok, erlang:spawn_link(fun() -> erlang:apply(M, F, A) end)}.
