%% gen: what gen_server and gen_statem share, after OTP 25's gen.erl:
%% starting a process that registers its name and acknowledges its
%% initialisation (through proc_lib), calls with a monitor, replies.
%%
%% A call sends `{Label, {self(), Mref}, Request}` and waits for
%% `{Mref, Reply}` or the monitor's 'DOWN'. OTP 25 tags a call with a
%% monitor *alias* (`[alias | Mref]`) so that a late reply is dropped;
%% the playground has no aliases, so a reply that comes after a timeout
%% lands in the caller's mailbox (as before OTP 24).

start(GenMod, LinkP, Name, Mod, Args, Options) ->
    case where(Name) of
        undefined -> do_spawn(GenMod, LinkP, Name, Mod, Args, Options);
        Pid -> {error, {already_started, Pid}}
    end.

start(GenMod, LinkP, Mod, Args, Options) ->
    do_spawn(GenMod, LinkP, Mod, Args, Options).

do_spawn(GenMod, LinkP, Mod, Args, Options) ->
    spawn_init(LinkP, [GenMod, self(), parent(LinkP), Mod, Args, Options], Options).

do_spawn(GenMod, LinkP, Name, Mod, Args, Options) ->
    spawn_init(LinkP, [GenMod, self(), parent(LinkP), Name, Mod, Args, Options], Options).

%% gen:init_it/6,7 in a new process, started as the caller asks.
spawn_init(link, InitArgs, Options) ->
    proc_lib:start_link(gen, init_it, InitArgs, timeout(Options), spawn_opts(Options));
spawn_init(monitor, InitArgs, Options) ->
    proc_lib:start_monitor(gen, init_it, InitArgs, timeout(Options), spawn_opts(Options));
spawn_init(_, InitArgs, Options) ->
    proc_lib:start(gen, init_it, InitArgs, timeout(Options), spawn_opts(Options)).

%% A server started without a link is its own parent (`self`).
parent(nolink) -> self;
parent(_) -> self().

%% The new process: registers its name, then hands over to the behaviour.
init_it(GenMod, Starter, Parent, Mod, Args, Options) ->
    init_it2(GenMod, Starter, Parent, self(), Mod, Args, Options).

init_it(GenMod, Starter, Parent, Name, Mod, Args, Options) ->
    case register_name(Name) of
        true ->
            init_it2(GenMod, Starter, Parent, Name, Mod, Args, Options);
        {false, Pid} ->
            proc_lib:init_ack(Starter, {error, {already_started, Pid}})
    end.

init_it2(GenMod, Starter, Parent, Name, Mod, Args, Options) ->
    GenMod:init_it(Starter, Parent, Name, Mod, Args, Options).

%% `call(Process, Label, Request, Timeout)`: `{ok, Reply}`, or an exit
%% (`noproc`, `timeout`, the server's exit reason).
call(Process, Label, Request) -> call(Process, Label, Request, 5000).

call(Process, Label, Request, Timeout) ->
    do_for_proc(Process, fun(Pid) -> do_call(Pid, Label, Request, Timeout) end).

do_call(Process, _Label, _Request, _Timeout) when Process =:= self() ->
    exit(calling_self);
do_call(Process, Label, Request, Timeout) ->
    Mref = erlang:monitor(process, Process),
    Process ! {Label, {self(), Mref}, Request},
    receive
        {Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            {ok, Reply};
        {'DOWN', Mref, _, _, Reason} ->
            exit(Reason)
    after Timeout ->
        erlang:demonitor(Mref, [flush]),
        exit(timeout)
    end.

do_for_proc(Pid, Fun) when is_pid(Pid) -> Fun(Pid);
do_for_proc(Name, Fun) when is_atom(Name) ->
    case whereis(Name) of
        Pid when is_pid(Pid) -> Fun(Pid);
        undefined -> exit(noproc)
    end;
do_for_proc({local, Name}, Fun) -> do_for_proc(Name, Fun);
do_for_proc(_, _) -> exit(noproc).

reply({To, Tag}, Reply) ->
    Msg = {Tag, Reply},
    try To ! Msg catch _:_ -> Msg end.

%% Where a name is: `undefined` or the pid.
where({local, Name}) -> whereis(Name);
where(_) -> undefined.

register_name({local, Name} = LN) ->
    try register(Name, self()) of
        true -> true
    catch
        error:_ -> {false, where(LN)}
    end;
register_name(Other) ->
    erlang:error(badarg, [Other]).

name({local, Name}) -> Name;
name(Pid) when is_pid(Pid) -> Pid.

unregister_name({local, Name}) ->
    try unregister(Name) of _ -> ok catch _:_ -> ok end;
unregister_name(_) -> ok.

get_parent() ->
    case get('$ancestors') of
        [Parent | _] when is_pid(Parent) -> Parent;
        [Parent | _] when is_atom(Parent) -> name_to_pid(Parent);
        _ -> exit(process_was_not_started_by_proc_lib)
    end.

name_to_pid(Name) ->
    case whereis(Name) of
        undefined -> exit(could_not_find_registered_name);
        Pid -> Pid
    end.

timeout(Options) ->
    case lists:keyfind(timeout, 1, Options) of
        {_, Time} -> Time;
        false -> infinity
    end.

spawn_opts(Options) ->
    case lists:keyfind(spawn_opt, 1, Options) of
        {_, Opts} -> Opts;
        false -> []
    end.

hibernate_after(Options) ->
    case lists:keyfind(hibernate_after, 1, Options) of
        {_, Time} -> Time;
        false -> infinity
    end.
