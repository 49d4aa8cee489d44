%% gen_server, after OTP 25's gen_server.erl: a server process around a
%% callback module, with the same functions, the same messages
%% (`{'$gen_call', From, Request}`, `{'$gen_cast', Msg}`, system
%% messages) and the same exit reasons, so a book's gen_server module
%% runs unchanged, and what crashes shows the frames OTP's does
%% (`gen_server:try_handle_call/4`, `handle_msg/6`,
%% `proc_lib:init_p_do_apply/3`; the lines are this file's).
%%
%% What it leaves out: `multi_call`/`abcast` (one node), `enter_loop`,
%% debug options (`sys:trace`), `format_status`, hibernation (a no-op:
%% the server just waits). The termination report is printed as the
%% logger formats OTP's, without its time header and the client's
%% stack.

start(Mod, Args, Options) ->
    gen:start(gen_server, nolink, Mod, Args, Options).

start(Name, Mod, Args, Options) ->
    gen:start(gen_server, nolink, Name, Mod, Args, Options).

start_link(Mod, Args, Options) ->
    gen:start(gen_server, link, Mod, Args, Options).

start_link(Name, Mod, Args, Options) ->
    gen:start(gen_server, link, Name, Mod, Args, Options).

start_monitor(Mod, Args, Options) ->
    gen:start(gen_server, monitor, Mod, Args, Options).

start_monitor(Name, Mod, Args, Options) ->
    gen:start(gen_server, monitor, Name, Mod, Args, Options).

stop(Name) -> proc_lib:stop(Name, normal, infinity).

stop(Name, Reason, Timeout) -> proc_lib:stop(Name, Reason, Timeout).

call(Name, Request) ->
    case catch gen:call(Name, '$gen_call', Request) of
        {ok, Res} -> Res;
        {'EXIT', Reason} -> exit({Reason, {gen_server, call, [Name, Request]}})
    end.

call(Name, Request, Timeout) ->
    case catch gen:call(Name, '$gen_call', Request, Timeout) of
        {ok, Res} -> Res;
        {'EXIT', Reason} -> exit({Reason, {gen_server, call, [Name, Request, Timeout]}})
    end.

cast({local, Name}, Request) -> cast(Name, Request);
cast(Dest, Request) ->
    do_send(Dest, {'$gen_cast', Request}),
    ok.

reply(From, Reply) ->
    gen:reply(From, Reply),
    ok.

do_send(Dest, Msg) ->
    try erlang:send(Dest, Msg)
    catch
        error:_ -> ok
    end,
    ok.

%% The new server (through gen:init_it/6,7).
init_it(Starter, self, Name, Mod, Args, Options) ->
    init_it(Starter, self(), Name, Mod, Args, Options);
init_it(Starter, Parent, Name0, Mod, Args, _Options) ->
    Name = gen:name(Name0),
    case init_it(Mod, Args) of
        {ok, {ok, State}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, State, Mod, infinity);
        {ok, {ok, State, Timeout}} when Timeout =:= infinity; is_integer(Timeout), Timeout >= 0; Timeout =:= hibernate ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, State, Mod, Timeout);
        {ok, {ok, State, {continue, _} = Continue}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, State, Mod, Continue);
        {ok, {stop, Reason}} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        {ok, ignore} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        {ok, Else} ->
            Error = {bad_return_value, Else},
            proc_lib:init_ack(Starter, {error, Error}),
            exit(Error);
        {'EXIT', Class, Reason, Stacktrace} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, terminate_reason(Class, Reason, Stacktrace)}),
            erlang:raise(Class, Reason, Stacktrace)
    end.

init_it(Mod, Args) ->
    try
        {ok, Mod:init(Args)}
    catch
        throw:R -> {ok, R};
        Class:R:S -> {'EXIT', Class, R, S}
    end.

%% The main loop: one message, or the timeout the last callback asked
%% for, or a `{continue, C}` to run first. (`handle_msg/6` takes OTP's
%% hibernate_after timeout, unused here, so that its frame in a crash's
%% stack is the one OTP shows.)
loop(Parent, Name, State, Mod, {continue, Continue} = Msg) ->
    Reply = try_dispatch(Mod, handle_continue, Continue, State),
    handle_common_reply(Reply, Parent, Name, undefined, Msg, Mod, State);
loop(Parent, Name, State, Mod, hibernate) ->
    loop(Parent, Name, State, Mod, infinity);
loop(Parent, Name, State, Mod, infinity) ->
    receive
        Msg -> decode_msg(Msg, Parent, Name, State, Mod, infinity)
    end;
loop(Parent, Name, State, Mod, Time) ->
    Msg = receive
              Input -> Input
          after Time ->
              timeout
          end,
    decode_msg(Msg, Parent, Name, State, Mod, Time).

decode_msg(Msg, Parent, Name, State, Mod, Time) ->
    case Msg of
        {system, From, Req} ->
            sys:handle_system_msg(Req, From, Parent, gen_server, [], [Name, State, Mod, Time]);
        {'EXIT', Parent, Reason} ->
            terminate(Reason, [], Name, undefined, Msg, Mod, State);
        _ ->
            handle_msg(Msg, Parent, Name, State, Mod, infinity)
    end.

try_dispatch({'$gen_cast', Msg}, Mod, State) ->
    try_dispatch(Mod, handle_cast, Msg, State);
try_dispatch(Info, Mod, State) ->
    try_dispatch(Mod, handle_info, Info, State).

try_dispatch(Mod, Func, Msg, State) ->
    try
        {ok, Mod:Func(Msg, State)}
    catch
        throw:R ->
            {ok, R};
        error:undef = R:Stacktrace when Func == handle_info ->
            case erlang:function_exported(Mod, handle_info, 2) of
                false ->
                    io:format("=WARNING REPORT====~n"
                              "** Undefined handle_info in ~p~n"
                              "** Unhandled message: ~tp~n", [Mod, Msg]),
                    {ok, {noreply, State}};
                true ->
                    {'EXIT', error, R, Stacktrace}
            end;
        Class:R:Stacktrace ->
            {'EXIT', Class, R, Stacktrace}
    end.

try_handle_call(Mod, Msg, From, State) ->
    try
        {ok, Mod:handle_call(Msg, From, State)}
    catch
        throw:R ->
            {ok, R};
        Class:R:Stacktrace ->
            {'EXIT', Class, R, Stacktrace}
    end.

try_terminate(Mod, Reason, State) ->
    case erlang:function_exported(Mod, terminate, 2) of
        true ->
            try
                {ok, Mod:terminate(Reason, State)}
            catch
                throw:R ->
                    {ok, R};
                Class:R:Stacktrace ->
                    {'EXIT', Class, R, Stacktrace}
            end;
        false ->
            {ok, ok}
    end.

handle_msg({'$gen_call', From, Msg}, Parent, Name, State, Mod, _HibernateAfterTimeout) ->
    Result = try_handle_call(Mod, Msg, From, State),
    case Result of
        {ok, {reply, Reply, NState}} ->
            reply(From, Reply),
            loop(Parent, Name, NState, Mod, infinity);
        {ok, {reply, Reply, NState, Time}} when Time =:= infinity; is_integer(Time), Time >= 0; Time =:= hibernate ->
            reply(From, Reply),
            loop(Parent, Name, NState, Mod, Time);
        {ok, {reply, Reply, NState, {continue, _} = Continue}} ->
            reply(From, Reply),
            loop(Parent, Name, NState, Mod, Continue);
        {ok, {stop, Reason, Reply, NState}} ->
            try
                terminate(Reason, [], Name, From, Msg, Mod, NState)
            after
                reply(From, Reply)
            end;
        Other ->
            handle_common_reply(Other, Parent, Name, From, Msg, Mod, State)
    end;
handle_msg(Msg, Parent, Name, State, Mod, _HibernateAfterTimeout) ->
    Reply = try_dispatch(Msg, Mod, State),
    handle_common_reply(Reply, Parent, Name, undefined, Msg, Mod, State).

handle_common_reply(Reply, Parent, Name, From, Msg, Mod, State) ->
    case Reply of
        {ok, {noreply, NState}} ->
            loop(Parent, Name, NState, Mod, infinity);
        {ok, {noreply, NState, Time}} when Time =:= infinity; is_integer(Time), Time >= 0; Time =:= hibernate ->
            loop(Parent, Name, NState, Mod, Time);
        {ok, {noreply, NState, {continue, _} = Continue}} ->
            loop(Parent, Name, NState, Mod, Continue);
        {ok, {stop, Reason, NState}} ->
            terminate(Reason, [], Name, From, Msg, Mod, NState);
        {'EXIT', Class, Reason, Stacktrace} ->
            terminate(Class, Reason, Stacktrace, Name, From, Msg, Mod, State);
        {ok, BadReply} ->
            terminate({bad_return_value, BadReply}, [], Name, From, Msg, Mod, State)
    end.

%% The system protocol (sys.erl).
system_continue(Parent, _Debug, [Name, State, Mod, Time]) ->
    loop(Parent, Name, State, Mod, Time).

system_terminate(Reason, _Parent, _Debug, [Name, State, Mod, _Time]) ->
    terminate(Reason, [], Name, undefined, [], Mod, State).

system_code_change([Name, State, Mod, Time], _Module, OldVsn, Extra) ->
    case catch Mod:code_change(OldVsn, State, Extra) of
        {ok, NewState} -> {ok, [Name, NewState, Mod, Time]};
        Else -> Else
    end.

system_get_state([_Name, State, _Mod, _Time]) ->
    {ok, State}.

system_replace_state(StateFun, [Name, State, Mod, Time]) ->
    NState = StateFun(State),
    {ok, NState, [Name, NState, Mod, Time]}.

%% The end: `terminate/2` of the callback, a report unless the reason is
%% `normal`, `shutdown` or `{shutdown, _}`, then the exit, with the
%% callback's stack for an error in it.
terminate(Reason, Stacktrace, Name, From, Msg, Mod, State) ->
    terminate(exit, Reason, Stacktrace, false, Name, From, Msg, Mod, State).

terminate(Class, Reason, Stacktrace, Name, From, Msg, Mod, State) ->
    terminate(Class, Reason, Stacktrace, true, Name, From, Msg, Mod, State).

terminate(Class, Reason, Stacktrace, ReportStacktrace, Name, From, Msg, Mod, State) ->
    Reply = try_terminate(Mod, terminate_reason(Class, Reason, Stacktrace), State),
    case Reply of
        {'EXIT', C, R, S} ->
            error_info(R, S, Name, From, Msg, State),
            erlang:raise(C, R, S);
        _ ->
            case {Class, Reason} of
                {exit, normal} -> ok;
                {exit, shutdown} -> ok;
                {exit, {shutdown, _}} -> ok;
                _ when ReportStacktrace ->
                    error_info(Reason, Stacktrace, Name, From, Msg, State);
                _ ->
                    error_info(Reason, undefined, Name, From, Msg, State)
            end
    end,
    case Stacktrace of
        [] -> erlang:Class(Reason);
        _ -> erlang:raise(Class, Reason, Stacktrace)
    end.

terminate_reason(error, Reason, Stacktrace) -> {Reason, Stacktrace};
terminate_reason(exit, Reason, _Stacktrace) -> Reason.

%% OTP's report, as its logger prints it (`format_log_multi/2`), or, in a
%% session that speaks Elixir, as Elixir 1.14's Logger.Translator writes
%% it (`report_gen_server_terminate/3`).
error_info(Reason, Stacktrace, Name, From, Msg, State) ->
    ReportReason = case Stacktrace of
                       undefined -> Reason;
                       _ -> {Reason, Stacktrace}
                   end,
    case erlang:'$elixir_reports'() of
        true -> elixir_error_info(ReportReason, Name, From, Msg, State);
        false -> erlang_error_info(ReportReason, Name, Msg, State)
    end.

erlang_error_info(ReportReason, Name, Msg, State) ->
    io:format("=ERROR REPORT====~n"
              "** Generic server ~tp terminating ~n"
              "** Last message in was ~tp~n"
              "** When Server state == ~tp~n"
              "** Reason for termination ==~n** ~tp~n",
              [Name, Msg, State, ReportReason]).

%% `[error] GenServer Stack terminating`, the reason as an exception
%% banner with its stack (`format_reason/1`: `** (stop) ...` for an exit
%% reason), the last message and who sent it, the state, and whether the
%% client is alive. Frames without a file name no place, as
%% `Exception.format_stacktrace_entry/1` leaves it out.
elixir_error_info(ReportReason, Name, From, Msg, State) ->
    Inspect = fun(T) -> erlang:'$elixir_inspect'(T, []) end,
    Reason = case ReportReason of
                 {Error, [_ | _] = Stack} ->
                     case lists:all(fun is_frame/1, Stack) of
                         true ->
                             Frames = << <<"\n    ", (elixir_frame(F))/binary>> || F <- Stack >>,
                             <<"\n", ('Elixir.Exception':format_banner(error, Error, Stack))/binary,
                               Frames/binary>>;
                         false ->
                             elixir_stop(ReportReason)
                     end;
                 _ ->
                     elixir_stop(ReportReason)
             end,
    Client = case From of
                 {Pid, _Tag} when is_pid(Pid) -> Pid;
                 _ -> undefined
             end,
    LastFrom = case Client of
                   undefined -> <<>>;
                   _ -> <<" (from ", (Inspect(Client))/binary, ")">>
               end,
    ClientInfo = case Client of
                     undefined -> <<>>;
                     _ ->
                         Alive = case is_process_alive(Client) of
                                     true -> <<" is alive">>;
                                     false -> <<" is dead">>
                                 end,
                         <<"\nClient ", (Inspect(Client))/binary, Alive/binary>>
                 end,
    io:format("[error] GenServer ~ts terminating~ts~n"
              "Last message~ts: ~ts~n"
              "State: ~ts~ts~n",
              [Inspect(Name), Reason, LastFrom, Inspect(Msg), Inspect(State), ClientInfo]).

elixir_stop(Reason) ->
    <<"\n** (stop) ", ('Elixir.Exception':format_exit(Reason))/binary>>.

is_frame({_M, _F, _A, Location}) when is_list(Location) -> true;
is_frame(_) -> false.

elixir_frame({M, F, A, Location} = Frame) ->
    case proplists:get_value(file, Location) of
        undefined -> 'Elixir.Exception':format_mfa(M, F, A);
        _ -> 'Elixir.Exception':format_stacktrace_entry(Frame)
    end.
