%% proc_lib: starting processes that report back, after OTP 25's
%% proc_lib.erl. A process started here knows its parent and ancestors
%% ('$ancestors') and its initial call ('$initial_call'), and its
%% starter can wait for it to acknowledge its initialisation
%% (`init_ack/1,2`): what gen_server and gen_statem are built on.
%%
%% An exception that ends such a process leaves it as OTP's does: an
%% error becomes the exit reason `{Reason, Stack}`, a throw `{{nocatch,
%% X}, Stack}` (`exit_p/3`). OTP also writes a CRASH REPORT through the
%% logger; the playground's event line for the crash says the same.

spawn(M, F, A) ->
    erlang:spawn(proc_lib, init_p, [my_name(), ancestors(), M, F, A]).

spawn_link(M, F, A) ->
    erlang:spawn_link(proc_lib, init_p, [my_name(), ancestors(), M, F, A]).

spawn_opt(M, F, A, Options) ->
    erlang:spawn_opt(proc_lib, init_p, [my_name(), ancestors(), M, F, A], Options).

%% The entry of every process started here.
init_p(Parent, Ancestors, M, F, A) ->
    put('$ancestors', [Parent | Ancestors]),
    put('$initial_call', trans_init(M, F, A)),
    init_p_do_apply(M, F, A).

init_p_do_apply(M, F, A) ->
    try
        apply(M, F, A)
    catch
        Class:Reason:Stacktrace -> exit_p(Class, Reason, Stacktrace)
    end.

exit_p(Class, Reason, Stacktrace) ->
    erlang:raise(exit, exit_reason(Class, Reason, Stacktrace), Stacktrace).

exit_reason(error, Reason, Stacktrace) -> {Reason, Stacktrace};
exit_reason(exit, Reason, _Stacktrace) -> Reason;
exit_reason(throw, Reason, Stacktrace) -> {{nocatch, Reason}, Stacktrace}.

%% What `initial_call/1` and the views show: a gen_server or gen_statem
%% as its callback module's `init/1`.
trans_init(gen, init_it, [_GenMod, _Starter, _Parent, Mod, _Args, _Options]) ->
    {Mod, init, 1};
trans_init(gen, init_it, [_GenMod, _Starter, _Parent, _Name, Mod, _Args, _Options]) ->
    {Mod, init, 1};
trans_init(M, F, A) ->
    {M, F, length(A)}.

start(M, F, A) -> start(M, F, A, infinity).

start(M, F, A, Timeout) -> start(M, F, A, Timeout, []).

start(M, F, A, Timeout, SpawnOpts) ->
    sync_start(proc_lib:spawn_opt(M, F, A, [monitor | SpawnOpts]), Timeout).

start_link(M, F, A) -> start_link(M, F, A, infinity).

start_link(M, F, A, Timeout) -> start_link(M, F, A, Timeout, []).

start_link(M, F, A, Timeout, SpawnOpts) ->
    sync_start_link(proc_lib:spawn_opt(M, F, A, [link | SpawnOpts]), Timeout).

start_monitor(M, F, A) -> start_monitor(M, F, A, infinity).

start_monitor(M, F, A, Timeout) -> start_monitor(M, F, A, Timeout, []).

start_monitor(M, F, A, Timeout, SpawnOpts) ->
    sync_start_monitor(proc_lib:spawn_opt(M, F, A, [monitor | SpawnOpts]), Timeout).

sync_start({Pid, Ref}, Timeout) ->
    receive
        {ack, Pid, Return} ->
            erlang:demonitor(Ref, [flush]),
            Return;
        {'DOWN', Ref, process, Pid, Reason} ->
            {error, Reason}
    after Timeout ->
        erlang:demonitor(Ref, [flush]),
        kill_flush(Pid),
        {error, timeout}
    end.

sync_start_link(Pid, Timeout) ->
    receive
        {ack, Pid, Return} ->
            Return;
        {'EXIT', Pid, Reason} ->
            {error, Reason}
    after Timeout ->
        kill_flush(Pid),
        {error, timeout}
    end.

sync_start_monitor({Pid, Ref}, Timeout) ->
    receive
        {ack, Pid, Return} ->
            {Return, Ref};
        {'DOWN', Ref, process, Pid, Reason} = Down ->
            self() ! Down,
            {{error, Reason}, Ref}
    after Timeout ->
        kill_flush(Pid),
        {{error, timeout}, Ref}
    end.

kill_flush(Pid) ->
    unlink(Pid),
    exit(Pid, kill),
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end,
    ok.

init_ack(Parent, Return) ->
    Parent ! {ack, self(), Return},
    ok.

init_ack(Return) ->
    [Parent | _] = get('$ancestors'),
    init_ack(Parent, Return).

%% `{M, F, Args}` with dummy arguments, as OTP gives it; false for a
%% process not started here.
initial_call(Process) ->
    case dictionary_of(Process) of
        {ok, Dictionary} ->
            case lists:keyfind('$initial_call', 1, Dictionary) of
                {'$initial_call', {M, F, A}} -> {M, F, make_dummy_args(A, [])};
                false -> false
            end;
        error -> false
    end.

translate_initial_call(Process) ->
    case dictionary_of(Process) of
        {ok, Dictionary} ->
            case lists:keyfind('$initial_call', 1, Dictionary) of
                {'$initial_call', MFA} -> MFA;
                false -> {proc_lib, init_p, 5}
            end;
        error -> {proc_lib, init_p, 5}
    end.

dictionary_of(Pid) when is_pid(Pid) ->
    case process_info(Pid, dictionary) of
        {dictionary, Dictionary} -> {ok, Dictionary};
        undefined -> error
    end;
dictionary_of(Dictionary) when is_list(Dictionary) ->
    {ok, Dictionary}.

make_dummy_args(0, Acc) -> Acc;
make_dummy_args(N, Acc) ->
    Arg = list_to_atom("Argument__" ++ integer_to_list(N)),
    make_dummy_args(N - 1, [Arg | Acc]).

%% Stops a process that speaks the system protocol (a gen_server, a
%% gen_statem) and waits until it has gone.
stop(Process) -> stop(Process, normal, infinity).

stop(Process, Reason, Timeout) ->
    Mref = erlang:monitor(process, Process),
    try
        sys:terminate(Process, Reason, Timeout)
    catch
        exit:{noproc, {sys, terminate, _}} ->
            erlang:demonitor(Mref, [flush]),
            exit(noproc);
        exit:{timeout, {sys, terminate, _}} ->
            erlang:demonitor(Mref, [flush]),
            exit(timeout);
        exit:Reason1 ->
            erlang:demonitor(Mref, [flush]),
            exit(Reason1)
    end,
    receive
        {'DOWN', Mref, _, _, Reason} -> ok;
        {'DOWN', Mref, _, _, Reason2} -> exit(Reason2)
    end.

hibernate(M, F, A) -> apply(M, F, A).

%% The parent as '$ancestors' records it: the registered name if it has
%% one, else the pid.
my_name() ->
    case process_info(self(), registered_name) of
        {registered_name, Name} -> Name;
        _ -> self()
    end.

ancestors() ->
    case get('$ancestors') of
        A when is_list(A) -> A;
        _ -> []
    end.
