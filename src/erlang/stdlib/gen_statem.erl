%% gen_statem, after OTP 25's gen_statem.erl: a state machine process
%% around a callback module, in both callback modes (`state_functions`:
%% `Module:StateName(EventType, EventContent, Data)`;
%% `handle_event_function`: `Module:handle_event(EventType, EventContent,
%% State, Data)`), with `state_enter` calls, the event types `{call,
%% From}`, `cast`, `info`, `timeout`, `{timeout, Name}`, `state_timeout`
%% and `internal`, and the transition actions `postpone`, `{next_event,
%% Type, Content}`, `{reply, From, Reply}`, the three kinds of time-out
%% and `hibernate` (a no-op).
%%
%% The event queue: events from `next_event` actions come first, then,
%% after a change of state, the events postponed so far (oldest first),
%% then what was queued before. An event time-out is cancelled by any
%% event; a state time-out by a change of state; a generic time-out only
%% by being set again (or to `infinity`). Time-outs are timers
%% (`erlang:start_timer/3`) whose messages the loop recognises by their
%% reference.
%%
%% Left out: `send_request`, `enter_loop`, `format_status`, the
%% `{clean_timeout, T}` call proxy, debug options.

start(Module, Args, Opts) ->
    gen:start(gen_statem, nolink, Module, Args, Opts).
start(ServerName, Module, Args, Opts) ->
    gen:start(gen_statem, nolink, ServerName, Module, Args, Opts).
start_link(Module, Args, Opts) ->
    gen:start(gen_statem, link, Module, Args, Opts).
start_link(ServerName, Module, Args, Opts) ->
    gen:start(gen_statem, link, ServerName, Module, Args, Opts).
start_monitor(Module, Args, Opts) ->
    gen:start(gen_statem, monitor, Module, Args, Opts).
start_monitor(ServerName, Module, Args, Opts) ->
    gen:start(gen_statem, monitor, ServerName, Module, Args, Opts).

stop(ServerRef) -> proc_lib:stop(ServerRef, normal, infinity).
stop(ServerRef, Reason, Timeout) -> proc_lib:stop(ServerRef, Reason, Timeout).

cast({local, Name}, Msg) -> cast(Name, Msg);
cast(ServerRef, Msg) ->
    try erlang:send(ServerRef, {'$gen_cast', Msg}) catch _:_ -> ok end,
    ok.

call(ServerRef, Request) -> call(ServerRef, Request, infinity).

call(ServerRef, Request, Timeout) ->
    T = case Timeout of
            {dirty_timeout, T0} -> T0;
            {clean_timeout, T0} -> T0;
            T0 -> T0
        end,
    try gen:call(ServerRef, '$gen_call', Request, T) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {gen_statem, call, [ServerRef, Request, Timeout]}})
    end.

reply({reply, From, Reply}) -> reply(From, Reply);
reply(Replies) when is_list(Replies) -> [reply(R) || R <- Replies], ok.

reply(From, Reply) ->
    gen:reply(From, Reply),
    ok.

%% The new process (through gen:init_it/6,7).
init_it(Starter, self, Name, Module, Args, Opts) ->
    init_it(Starter, self(), Name, Module, Args, Opts);
init_it(Starter, Parent, Name0, Module, Args, _Opts) ->
    Name = gen:name(Name0),
    try Module:init(Args) of
        Result -> init_result(Starter, Parent, Name, Name0, Module, Result)
    catch
        throw:Result -> init_result(Starter, Parent, Name, Name0, Module, Result);
        Class:Reason:Stacktrace ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, terminate_reason(Class, Reason, Stacktrace)}),
            erlang:raise(Class, Reason, Stacktrace)
    end.

init_result(Starter, Parent, Name, Name0, Module, Result) ->
    case Result of
        {ok, State, Data} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(Parent, Name, Module, State, Data, []);
        {ok, State, Data, Actions} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(Parent, Name, Module, State, Data, listify(Actions));
        {stop, Reason} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        ignore ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        _ ->
            gen:unregister_name(Name0),
            Error = {bad_return_from_init, Result},
            proc_lib:init_ack(Starter, {error, Error}),
            exit(Error)
    end.

%% The machine: a map holding what OTP's gen_statem keeps in its records.
enter(Parent, Name, Module, State, Data, Actions) ->
    {CallbackMode, StateEnter} = callback_mode(Module),
    S = #{parent => Parent, name => Name, module => Module,
          callback_mode => CallbackMode, state_enter => StateEnter,
          state => State, data => Data, postponed => [],
          timers => #{}, event_timeout => infinity},
    case StateEnter of
        true ->
            S1 = call_state_enter(S, State, Actions),
            loop_events(S1, []);
        false ->
            {S1, Events} = apply_actions(S, Actions, State, undefined, []),
            loop_events(S1, Events)
    end.

callback_mode(Module) ->
    case Module:callback_mode() of
        Mode when Mode =:= state_functions; Mode =:= handle_event_function -> {Mode, false};
        Modes when is_list(Modes) ->
            Mode = case lists:member(handle_event_function, Modes) of
                       true -> handle_event_function;
                       false -> state_functions
                   end,
            {Mode, lists:member(state_enter, Modes)};
        Other -> erlang:error({callback_mode, Other})
    end.

%% Events queued: the next first; none: wait for a message.
loop_events(S, [{Type, Content} | Events]) ->
    handle_event(S#{event_timeout => infinity}, Type, Content, Events);
loop_events(S, []) ->
    receive_event(S).

receive_event(#{event_timeout := infinity} = S) ->
    receive
        Msg -> decode_msg(S, Msg)
    end;
receive_event(#{event_timeout := {Time, Content}} = S) ->
    receive
        Msg -> decode_msg(S#{event_timeout => infinity}, Msg)
    after Time ->
        handle_event(S#{event_timeout => infinity}, timeout, Content, [])
    end.

decode_msg(#{parent := Parent, timers := Timers} = S, Msg) ->
    case Msg of
        {system, From, Req} ->
            sys:handle_system_msg(Req, From, Parent, gen_statem, [], S);
        {'EXIT', Parent, Reason} ->
            terminate(exit, Reason, [], S);
        {'$gen_call', From, Request} ->
            handle_event(S, {call, From}, Request, []);
        {'$gen_cast', Cast} ->
            handle_event(S, cast, Cast, []);
        {timeout, Ref, TimeoutType} = Info ->
            case Timers of
                #{TimeoutType := {Ref, Content}} ->
                    handle_event(S#{timers => maps:remove(TimeoutType, Timers)},
                                 TimeoutType, Content, []);
                _ ->
                    handle_event(S, info, Info, [])
            end;
        _ ->
            handle_event(S, info, Msg, [])
    end.

%% One event through the callback, then the transition it asks for.
handle_event(#{state := State, data := Data} = S, Type, Content, Events) ->
    Result = try call_state_function(S, Type, Content, State, Data) of
                 R -> R
             catch
                 throw:R -> R;
                 Class:Reason:Stacktrace -> terminate(Class, Reason, Stacktrace, S)
             end,
    transition(S, Result, {Type, Content}, Events).

call_state_function(#{module := Module, callback_mode := state_functions}, Type, Content, State, Data) ->
    Module:State(Type, Content, Data);
call_state_function(#{module := Module}, Type, Content, State, Data) ->
    Module:handle_event(Type, Content, State, Data).

transition(#{state := State, data := Data} = S, Result, Event, Events) ->
    case Result of
        {next_state, NextState, NewData} ->
            next(S, State, NextState, NewData, [], Event, Events, false);
        {next_state, NextState, NewData, Actions} ->
            next(S, State, NextState, NewData, listify(Actions), Event, Events, false);
        {keep_state, NewData} ->
            next(S, State, State, NewData, [], Event, Events, false);
        {keep_state, NewData, Actions} ->
            next(S, State, State, NewData, listify(Actions), Event, Events, false);
        keep_state_and_data ->
            next(S, State, State, Data, [], Event, Events, false);
        {keep_state_and_data, Actions} ->
            next(S, State, State, Data, listify(Actions), Event, Events, false);
        {repeat_state, NewData} ->
            next(S, State, State, NewData, [], Event, Events, true);
        {repeat_state, NewData, Actions} ->
            next(S, State, State, NewData, listify(Actions), Event, Events, true);
        repeat_state_and_data ->
            next(S, State, State, Data, [], Event, Events, true);
        {repeat_state_and_data, Actions} ->
            next(S, State, State, Data, listify(Actions), Event, Events, true);
        {stop, Reason} ->
            terminate(exit, Reason, [], S);
        {stop, Reason, NewData} ->
            terminate(exit, Reason, [], S#{data => NewData});
        {stop_and_reply, Reason, Replies} ->
            reply(listify(Replies)),
            terminate(exit, Reason, [], S);
        {stop_and_reply, Reason, Replies, NewData} ->
            reply(listify(Replies)),
            terminate(exit, Reason, [], S#{data => NewData});
        _ ->
            terminate(error, {bad_return_from_state_function, Result}, [], S)
    end.

%% After a callback: the actions, the queue, the state enter call.
next(#{postponed := Postponed, timers := Timers} = S0, State, NextState, NewData, Actions, Event, Events, Repeat) ->
    %% A change of state cancels the state time-out before the
    %% transition's own actions (which may set a new one).
    S1 = case NextState =:= State of
             true -> S0#{data => NewData};
             false -> S0#{data => NewData, timers => cancel_timer(state_timeout, Timers)}
         end,
    {S2, NextEvents} = apply_actions(S1, Actions, NextState, Event, []),
    Postpone = maps:get(postpone, S2, false),
    S3 = maps:remove(postpone, S2),
    Postponed1 = case Postpone of
                     true -> [Event | Postponed];
                     false -> Postponed
                 end,
    case NextState =:= State of
        true ->
            S4 = S3#{postponed => Postponed1},
            S5 = case Repeat of
                     true -> maybe_state_enter(S4, State);
                     false -> S4
                 end,
            loop_events(S5, NextEvents ++ Events);
        false ->
            %% A change of state: the postponed events are retried.
            S4 = S3#{state => NextState, postponed => []},
            S5 = maybe_state_enter(S4, State),
            loop_events(S5, NextEvents ++ lists:reverse(Postponed1) ++ Events)
    end.

maybe_state_enter(#{state_enter := true, state := State} = S, OldState) ->
    call_state_enter(S, OldState, []);
maybe_state_enter(S, _OldState) ->
    S.

%% `Module:State(enter, OldState, Data)`: it may keep or repeat the state
%% with actions other than postpone and next_event.
call_state_enter(#{state := State, data := Data} = S0, OldState, InitActions) ->
    {S, _} = apply_actions(S0, InitActions, State, undefined, []),
    Result = try call_state_function(S, enter, OldState, State, Data) of
                 R -> R
             catch
                 throw:R -> R;
                 C:E:ST -> terminate(C, E, ST, S)
             end,
    {NewData, Actions} =
        case Result of
            {next_state, State, D} -> {D, []};
            {next_state, State, D, A} -> {D, listify(A)};
            {keep_state, D} -> {D, []};
            {keep_state, D, A} -> {D, listify(A)};
            keep_state_and_data -> {Data, []};
            {keep_state_and_data, A} -> {Data, listify(A)};
            {repeat_state, D} -> {D, []};
            {repeat_state, D, A} -> {D, listify(A)};
            repeat_state_and_data -> {Data, []};
            {repeat_state_and_data, A} -> {Data, listify(A)};
            {stop, Reason} -> terminate(exit, Reason, [], S);
            {stop, Reason, D} -> terminate(exit, Reason, [], S#{data => D});
            _ -> terminate(error, {bad_state_enter_return_from_state_function, Result}, [], S)
        end,
    {S1, _} = apply_actions(S#{data => NewData}, Actions, State, undefined, []),
    S1.

%% The actions in order; the `next_event`s, in order.
apply_actions(S, [], _State, _Event, NextEvents) ->
    {S, lists:reverse(NextEvents)};
apply_actions(S, [Action | Actions], State, Event, NextEvents) ->
    case Action of
        postpone ->
            apply_actions(S#{postpone => true}, Actions, State, Event, NextEvents);
        {postpone, Bool} ->
            apply_actions(S#{postpone => Bool}, Actions, State, Event, NextEvents);
        {next_event, Type, Content} ->
            apply_actions(S, Actions, State, Event, [{Type, Content} | NextEvents]);
        {reply, From, Reply} ->
            reply(From, Reply),
            apply_actions(S, Actions, State, Event, NextEvents);
        hibernate ->
            apply_actions(S, Actions, State, Event, NextEvents);
        {hibernate, _} ->
            apply_actions(S, Actions, State, Event, NextEvents);
        Time when is_integer(Time); Time =:= infinity ->
            apply_actions(set_event_timeout(S, Time, Time), Actions, State, Event, NextEvents);
        {timeout, Time, Content} ->
            apply_actions(set_event_timeout(S, Time, Content), Actions, State, Event, NextEvents);
        {timeout, Time, Content, _Opts} ->
            apply_actions(set_event_timeout(S, Time, Content), Actions, State, Event, NextEvents);
        {state_timeout, Time, Content} ->
            apply_actions(set_timer(S, state_timeout, Time, Content), Actions, State, Event, NextEvents);
        {state_timeout, Time, Content, _Opts} ->
            apply_actions(set_timer(S, state_timeout, Time, Content), Actions, State, Event, NextEvents);
        {{timeout, Name}, Time, Content} ->
            apply_actions(set_timer(S, {timeout, Name}, Time, Content), Actions, State, Event, NextEvents);
        {{timeout, Name}, Time, Content, _Opts} ->
            apply_actions(set_timer(S, {timeout, Name}, Time, Content), Actions, State, Event, NextEvents);
        _ ->
            terminate(error, {bad_action_from_state_function, Action}, [], S)
    end.

set_event_timeout(S, infinity, _Content) -> S#{event_timeout => infinity};
set_event_timeout(S, Time, Content) -> S#{event_timeout => {Time, Content}}.

set_timer(#{timers := Timers} = S, Type, infinity, _Content) ->
    S#{timers => cancel_timer(Type, Timers)};
set_timer(#{timers := Timers} = S, Type, Time, Content) ->
    Timers1 = cancel_timer(Type, Timers),
    Ref = erlang:start_timer(Time, self(), Type),
    S#{timers => Timers1#{Type => {Ref, Content}}}.

cancel_timer(Type, Timers) ->
    case Timers of
        #{Type := {Ref, _}} ->
            case erlang:cancel_timer(Ref) of
                false -> receive {timeout, Ref, _} -> ok after 0 -> ok end;
                _ -> ok
            end,
            maps:remove(Type, Timers);
        _ ->
            Timers
    end.

listify(Item) when is_list(Item) -> Item;
listify(Item) -> [Item].

%% The system protocol (sys.erl).
system_continue(_Parent, _Debug, S) -> loop_events(S, []).

system_terminate(Reason, _Parent, _Debug, S) -> terminate(exit, Reason, [], S).

system_code_change(#{module := Module, state := State, data := Data} = S, _Mod, OldVsn, Extra) ->
    case catch Module:code_change(OldVsn, State, Data, Extra) of
        {ok, NewState, NewData} -> {ok, S#{state => NewState, data => NewData}};
        Error -> Error
    end.

system_get_state(#{state := State, data := Data}) -> {ok, {State, Data}}.

system_replace_state(StateFun, #{state := State, data := Data} = S) ->
    {NewState, NewData} = Result = StateFun({State, Data}),
    {ok, Result, S#{state => NewState, data => NewData}}.

%% The end: `terminate/3` of the callback if it has one, then the exit.
terminate(Class, Reason, Stacktrace, #{module := Module, state := State, data := Data}) ->
    case erlang:function_exported(Module, terminate, 3) of
        true ->
            try Module:terminate(terminate_reason(Class, Reason, Stacktrace), State, Data)
            catch
                throw:_ -> ok;
                C:R:ST -> erlang:raise(C, R, ST)
            end;
        false -> ok
    end,
    case Stacktrace of
        [] -> erlang:Class(Reason);
        _ -> erlang:raise(Class, Reason, Stacktrace)
    end.

terminate_reason(error, Reason, Stacktrace) -> {Reason, Stacktrace};
terminate_reason(_Class, Reason, _Stacktrace) -> Reason.
