%% The `timer` module as OTP 25 has it, beside timer:sleep/1 (a BIF of the
%% VM): measuring a call, durations in milliseconds, and timers with OTP
%% 25's return values. A send_after to a pid is an erlang:send_after/3
%% timer ({ok, {send_local, Ref}}), and one of no time is sent at once
%% ({ok, {instant, Ref}}); everything else goes through the timer server,
%% a process registered as timer_server that the first such call starts,
%% as OTP's kernel does at boot: apply_after runs the function in a new
%% process spawned by the server, exit_after and kill_after send the exit
%% signal from the server, and an interval timer is linked to the process
%% it serves (the caller of apply_interval, the receiver of
%% send_interval), so that it stops when that process dies. The clock is
%% the runtime's, virtual in a deterministic session.

-module(timer).
-export([tc/1, tc/2, seconds/1, minutes/1, hours/1, hms/3]).
-export([send_after/2, send_after/3, apply_after/4, exit_after/2, exit_after/3,
         kill_after/1, kill_after/2, send_interval/2, send_interval/3,
         apply_interval/4, cancel/1]).

%% `{Microseconds, Value}` of calling F (with Args).
tc(F) when is_function(F, 0) ->
    T0 = erlang:monotonic_time(microsecond),
    Value = F(),
    {erlang:monotonic_time(microsecond) - T0, Value}.

tc(F, Args) when is_function(F, length(Args)) ->
    T0 = erlang:monotonic_time(microsecond),
    Value = apply(F, Args),
    {erlang:monotonic_time(microsecond) - T0, Value}.

seconds(S) -> 1000 * S.

minutes(M) -> 60 * seconds(M).

hours(H) -> 60 * minutes(H).

hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).

%% The timers. A time is a non-negative integer of milliseconds; anything
%% else, or a destination that is neither a pid nor a name, is
%% {error, badarg}.
send_after(Time, Message) -> send_after(Time, self(), Message).

send_after(0, Dest, Message) when is_pid(Dest); is_atom(Dest) ->
    Dest ! Message,
    {ok, {instant, make_ref()}};
send_after(Time, Pid, Message) when is_integer(Time), Time >= 0, is_pid(Pid) ->
    {ok, {send_local, erlang:send_after(Time, Pid, Message)}};
send_after(Time, Name, Message) when is_integer(Time), Time >= 0, is_atom(Name) ->
    request({apply_once, Time, {timer, send, [Name, Message]}});
send_after(_, _, _) -> {error, badarg}.

apply_after(0, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    run({M, F, A}),
    {ok, {instant, make_ref()}};
apply_after(Time, M, F, A) when is_integer(Time), Time >= 0, is_atom(M), is_atom(F), is_list(A) ->
    request({apply_once, Time, {M, F, A}});
apply_after(_, _, _, _) -> {error, badarg}.

exit_after(Time, Reason) -> exit_after(Time, self(), Reason).

exit_after(Time, Dest, Reason) -> apply_after(Time, erlang, exit, [Dest, Reason]).

kill_after(Time) -> exit_after(Time, self(), kill).

kill_after(Time, Dest) -> exit_after(Time, Dest, kill).

send_interval(Time, Message) -> send_interval(Time, self(), Message).

send_interval(Time, Pid, Message) when is_integer(Time), Time >= 0, is_pid(Pid) ->
    request({apply_interval, Time, Pid, {timer, send, [Pid, Message]}});
send_interval(Time, Name, Message) when is_integer(Time), Time >= 0, is_atom(Name) ->
    case whereis(Name) of
        undefined -> {error, badarg};
        Pid -> request({apply_interval, Time, Pid, {timer, send, [Name, Message]}})
    end;
send_interval(_, _, _) -> {error, badarg}.

apply_interval(Time, M, F, A) when is_integer(Time), Time >= 0, is_atom(M), is_atom(F), is_list(A) ->
    request({apply_interval, Time, self(), {M, F, A}});
apply_interval(_, _, _, _) -> {error, badarg}.

cancel({instant, Ref}) when is_reference(Ref) -> {ok, cancel};
cancel({send_local, Ref}) when is_reference(Ref) ->
    _ = erlang:cancel_timer(Ref),
    {ok, cancel};
cancel({once, Ref} = TRef) when is_reference(Ref) -> request({cancel, TRef});
cancel({interval, Ref} = TRef) when is_reference(Ref) -> request({cancel, TRef});
cancel(_) -> {error, badarg}.

%% What a timer does when it fires: a send or an exit signal from the
%% server itself, any other function in a process of its own.
run({timer, send, [Dest, Message]}) -> send_to(Dest, Message);
run({erlang, exit, [Dest, Reason]}) ->
    case destination(Dest) of
        undefined -> ok;
        Pid -> exit(Pid, Reason)
    end;
run({M, F, A}) -> spawn(M, F, A).

%% A name that no process has is a send to no one, not a badarg that
%% would take the server down.
send_to(Dest, Message) ->
    case destination(Dest) of
        undefined -> ok;
        Pid -> Pid ! Message
    end.

destination(Pid) when is_pid(Pid) -> Pid;
destination(Name) when is_atom(Name) -> whereis(Name);
destination(_) -> undefined.

%% A call to the timer server: {Tag, Reply} answers it. A server that
%% dies first fails the call as a gen_server:call to it would.
request(Request) ->
    Server = server(),
    Tag = monitor(process, Server),
    Server ! {timer_request, self(), Tag, Request},
    receive
        {Tag, Reply} ->
            demonitor(Tag, [flush]),
            Reply;
        {'DOWN', Tag, process, _, Reason} ->
            exit({Reason, {gen_server, call, [timer_server, Request, infinity]}})
    end.

%% The running server, or a new one. Two processes may start one at
%% once: the second to register dies of badarg, and its starter, told by
%% its monitor, takes the first.
server() ->
    case whereis(timer_server) of
        undefined -> start_server();
        Pid -> Pid
    end.

start_server() ->
    Starter = self(),
    Pid = spawn(fun() -> server_init(Starter) end),
    Monitor = monitor(process, Pid),
    receive
        {timer_server_started, Pid} ->
            demonitor(Monitor, [flush]),
            Pid;
        {'DOWN', Monitor, process, Pid, _} -> server()
    end.

server_init(Starter) ->
    register(timer_server, self()),
    process_flag(trap_exit, true),
    Starter ! {timer_server_started, self()},
    server_loop(#{}).

%% The server's state maps each timer's {once, Ref} or {interval, Ref} to
%% the erlang:start_timer/3 reference of its next firing (and, for an
%% interval, what it needs to fire again).
server_loop(Timers) ->
    receive
        {timer_request, From, Tag, Request} ->
            {Reply, Timers1} = handle(Request, Timers),
            From ! {Tag, Reply},
            server_loop(Timers1);
        {timeout, Fired, {once, _} = TRef} ->
            case Timers of
                #{TRef := {Fired, MFA}} ->
                    run(MFA),
                    server_loop(maps:remove(TRef, Timers));
                _ -> server_loop(Timers)
            end;
        {timeout, Fired, {interval, _} = TRef} ->
            case Timers of
                #{TRef := {Fired, Pid, Time, Due, MFA}} ->
                    run(MFA),
                    Next = Due + Time,
                    Again = arm(Next, TRef),
                    server_loop(Timers#{TRef := {Again, Pid, Time, Next, MFA}});
                _ -> server_loop(Timers)
            end;
        {'EXIT', Pid, _} ->
            Gone = [TRef || {TRef, {_, P, _, _, _}} <- maps:to_list(Timers), P =:= Pid],
            server_loop(lists:foldl(fun forget/2, Timers, Gone));
        _ -> server_loop(Timers)
    end.

handle({apply_once, Time, MFA}, Timers) ->
    TRef = {once, make_ref()},
    Fired = erlang:start_timer(Time, self(), TRef),
    {{ok, TRef}, Timers#{TRef => {Fired, MFA}}};
handle({apply_interval, Time, Pid, MFA}, Timers) ->
    link(Pid),
    TRef = {interval, make_ref()},
    %% Each firing is due a whole number of intervals after the start, so
    %% a late one does not delay the next.
    Due = erlang:monotonic_time(millisecond) + Time,
    {{ok, TRef}, Timers#{TRef => {arm(Due, TRef), Pid, Time, Due, MFA}}};
handle({cancel, TRef}, Timers) -> {{ok, cancel}, forget(TRef, Timers)}.

arm(Due, TRef) ->
    erlang:start_timer(erlang:max(0, Due - erlang:monotonic_time(millisecond)), self(), TRef).

%% Stops a timer; an interval's process is unlinked once no interval
%% serves it.
forget(TRef, Timers) ->
    case Timers of
        #{TRef := {Fired, MFA}} when is_tuple(MFA) ->
            _ = erlang:cancel_timer(Fired),
            maps:remove(TRef, Timers);
        #{TRef := {Fired, Pid, _, _, _}} ->
            _ = erlang:cancel_timer(Fired),
            Rest = maps:remove(TRef, Timers),
            case [T || {T, {_, P, _, _, _}} <- maps:to_list(Rest), P =:= Pid] of
                [] -> unlink(Pid);
                _ -> true
            end,
            Rest;
        _ -> Timers
    end.
