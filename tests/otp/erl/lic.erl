%% The harness for the differential suite: what letitcrash's shell does,
%% written against the real BEAM.
%%
%% A scenario module (tests/otp/scenarios/NAME.erl) exports run/0. It runs
%% in a fresh process that plays the shell, and prints one line per
%% observation:
%%
%%     obs LABEL TERM
%%
%% The same scenario written as a .crash script marks its observed commands
%% with a `# obs LABEL` comment; tests/otp.rs runs both and compares the
%% lines, with pids and references renamed in order of first appearance.
%%
%% The shell of the command language acts on behalf of other processes
%% (`trap W on`, `link W D`, `monitor W T`, `crash W boom`). On the BEAM
%% only a process can do that for itself, so every kind here (idle, sink,
%% counter) answers a control message, {'$lic', From, Ref, Fun}, by running
%% Fun itself (on_behalf/2 sends it and waits for the answer), and dies of
%% {'$lic_crash', Reason} as of a bug of its own (crash/2).
-module(lic).
-compile({no_auto_import, [spawn/2, spawn/3, exit/2, monitor/2, demonitor/1, demonitor/2, whereis/1]}).
-export([main/1, obs/2, try_obs/2, settle/0, settled/1, sleep/1, align_to_second/0]).
-export([spawn/2, spawn/3, start_link/2, start_link/3, on_behalf/2, control/1]).
-export([trap/2, crash/2, exit/2, link/2, unlink/2, monitor/2, demonitor/1]).
-export([flush/0, recv/1, recv/2, call/2, send/2, whereis/1, child/2, fails/2, demonitor/2]).
-export([which_children/1, count_children/1, start_child/2, terminate_child/2, restart_child/2, delete_child/2]).
-export([sup/3, sup/5, worker/2, worker/4, supervisor/3, supervisor/6]).
-export([def/2, spawn_def/2, purge/1]).

%% How long the shell lets the system run after a command, as letitcrash's
%% deterministic driver runs it "until quiet" after each one.
-define(SETTLE_MS, 50).

%% erl -noshell -pa DIR -run lic main SCENARIO
main([Scenario]) ->
    %% Supervisor reports would mix with the observations on stdout.
    logger:set_primary_config(level, none),
    Module = list_to_atom(Scenario),
    {Shell, Monitor} = spawn_monitor(fun() -> Module:run() end),
    receive
        {'DOWN', Monitor, process, Shell, normal} ->
            io:format("end~n");
        {'DOWN', Monitor, process, Shell, Reason} ->
            io:format("shell_died ~w~n", [Reason])
    after 60000 ->
        io:format("timeout~n")
    end,
    halt(0).

%% One observation.
obs(Label, Term) ->
    io:format("obs ~s ~w~n", [Label, Term]).

%% Observes what Fun returns, or the error it raises: a command of the
%% shell that fails prints `error:Reason`.
try_obs(Label, Fun) ->
    try Fun() of
        Value -> obs(Label, Value)
    catch
        error:Reason -> io:format("obs ~s error:~w~n", [Label, Reason]);
        exit:{Reason, {gen_server, call, _}} -> io:format("obs ~s error:~w~n", [Label, Reason])
    end.

%% Observes only that Fun fails, whatever the reason: for commands whose
%% error letitcrash words in its own way (`register` of a taken name).
fails(Label, Fun) ->
    try Fun() of
        Value -> obs(Label, Value)
    catch
        _:_ -> io:format("obs ~s error:failed~n", [Label])
    end.

settle() -> timer:sleep(?SETTLE_MS).

sleep(Ms) -> timer:sleep(Ms), settle().

%% Waits for the first tenth of a second of the monotonic clock's next
%% second. supervisor:add_restart/3 stamps restarts in whole seconds, and
%% letitcrash's deterministic clock starts at 0: a scenario about the
%% period's boundary starts its clock here so both count the same seconds.
align_to_second() ->
    case erlang:monotonic_time(millisecond) rem 1000 of
        Ms when Ms < 100 -> ok;
        Ms -> timer:sleep(1000 - Ms), align_to_second()
    end.

%% `spawn KIND(ARGS) [link | monitor]` from the shell.
spawn(Kind, Args) -> spawn(Kind, Args, none).
spawn(Kind, Args, link) -> settled(spawn_link(Kind, init, [Args]));
spawn(Kind, Args, monitor) -> {Pid, _} = spawn_monitor(Kind, init, [Args]), settled(Pid);
spawn(Kind, Args, none) -> settled(erlang:spawn(Kind, init, [Args])).

settled(Value) -> settle(), Value.

%% The start function of every worker child: {lic, start_link, [Kind, Args]},
%% with a simple_one_for_one's extra arguments after Args.
start_link(Kind, Args) -> {ok, spawn_link(Kind, init, [Args])}.
start_link(Kind, Args, Extra) -> start_link(Kind, Args ++ [Extra]).

%% Runs Fun inside Pid, which must be one of the kinds here, and returns
%% its value, or raises what it raised (as the shell's command fails).
on_behalf(Pid, Fun) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {'$lic', self(), Ref, Fun},
    receive
        {Ref, {value, Value}} -> erlang:demonitor(Ref, [flush]), Value;
        {Ref, {raised, Class, Reason}} -> erlang:demonitor(Ref, [flush]), erlang:raise(Class, Reason, []);
        {'DOWN', Ref, process, Pid, _} -> error(noproc)
    end.

%% Called by a kind's loop for every message: true if it was a control
%% message (now handled), false otherwise.
control({'$lic_crash', Reason}) ->
    erlang:exit(Reason);
control({'$lic', From, Ref, Fun}) ->
    Answer = try {value, Fun()} catch Class:Reason -> {raised, Class, Reason} end,
    From ! {Ref, Answer},
    true;
control(_) ->
    false.

%% `trap W on|off`: the old value, as process_flag/2 gives it.
trap(Pid, On) when Pid =:= self() -> settled(process_flag(trap_exit, On));
trap(Pid, On) -> settled(on_behalf(Pid, fun() -> process_flag(trap_exit, On) end)).

%% `crash W REASON`: W itself fails with REASON. Waits until it is gone, as
%% the deterministic driver runs until the crash and its effects are done.
crash(Pid, Reason) ->
    Ref = erlang:monitor(process, Pid),
    Pid ! {'$lic_crash', Reason},
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    settled(ok).

%% `exit W REASON` from the shell.
exit(Pid, Reason) -> settled(erlang:exit(Pid, Reason)).

%% `link A B` / `unlink A B`: A links to B.
link(A, B) -> settled(on_behalf(A, fun() -> erlang:link(B) end)).
unlink(A, B) -> settled(on_behalf(A, fun() -> erlang:unlink(B) end)).

%% `monitor A B`: A monitors B; the reference.
monitor(A, B) when A =:= self() -> settled(erlang:monitor(process, B));
monitor(A, B) -> settled(on_behalf(A, fun() -> erlang:monitor(process, B) end)).

%% `demonitor R`, acting for the monitor's owner.
demonitor(Ref) -> settled(erlang:demonitor(Ref)).
demonitor(Owner, Ref) when Owner =:= self() -> demonitor(Ref);
demonitor(Owner, Ref) -> settled(on_behalf(Owner, fun() -> erlang:demonitor(Ref) end)).

%% `send P M`: the message, as `!` gives it.
send(To, Message) -> settled(To ! Message).

%% `whereis TARGET`: the pid if it is alive, else undefined.
whereis(Name) when is_atom(Name) -> erlang:whereis(Name);
whereis(Pid) when is_pid(Pid) ->
    case is_process_alive(Pid) of true -> Pid; false -> undefined end.

%% The pid of child Id of Sup, as the path `sup/id` names it.
child(Sup, Id) ->
    case lists:keyfind(Id, 1, supervisor:which_children(Sup)) of
        {Id, Pid, _, _} when is_pid(Pid) -> Pid;
        _ -> undefined
    end.

%% The supervisor API, letting the system settle after each call.
which_children(Sup) -> supervisor:which_children(Sup).
count_children(Sup) -> supervisor:count_children(Sup).
start_child(Sup, Spec) -> settled(supervisor:start_child(Sup, Spec)).
terminate_child(Sup, Id) -> settled(supervisor:terminate_child(Sup, Id)).
restart_child(Sup, Id) -> settled(supervisor:restart_child(Sup, Id)).
delete_child(Sup, Id) -> settled(supervisor:delete_child(Sup, Id)).

%% `def NAME { CLAUSES }`: Clauses, the text between the braces, compiled
%% as module Name with every function exported (as a definition's are) and
%% loaded as the shell's c/1 loads a module: code:purge/1 first, which
%% kills the processes still in the old version (if there is one), then
%% the new version, which makes the current one old. Each version is its
%% own source string in the scenario, so nothing is on disk to be found by
%% the code path.
def(Name, Clauses) ->
    Header = io_lib:format("-module(~s).~n-compile([export_all, nowarn_export_all]).~n", [Name]),
    Forms = forms(lists:flatten([Header, Clauses]), 1, []),
    {ok, Name, Binary} = compile:forms(Forms, [return_errors]),
    code:purge(Name),
    {module, Name} = code:load_binary(Name, atom_to_list(Name) ++ ".erl", Binary),
    settled({ok, Name}).

forms(Source, Line, Acc) ->
    case erl_scan:tokens([], Source, Line) of
        {done, {ok, Tokens, Next}, Rest} ->
            {ok, Form} = erl_parse:parse_form(Tokens),
            forms(Rest, Next, [Form | Acc]);
        {more, _} ->
            lists:reverse(Acc)
    end.

%% `spawn NAME(ARGS)` of a definition: NAME:start(ARGS...) in its newest
%% version.
spawn_def(Name, Args) -> settled(erlang:spawn(Name, start, Args)).

%% `purge NAME`: code:purge/1, true if it killed a process.
purge(Name) -> settled(code:purge(Name)).

%% `flush`: the shell's messages, oldest first.
flush() -> flush([]).
flush(Acc) ->
    receive M -> flush([M | Acc]) after 0 -> lists:reverse(Acc) end.

%% `receive timeout T`: the first message, or the command fails.
recv(Timeout) ->
    receive M -> M after Timeout -> error(nothing_matched) end.

%% `receive PATTERN timeout T`, with the pattern as a predicate: the
%% oldest message it accepts; the others stay in the mailbox, in order.
recv(Matches, Timeout) ->
    recv(Matches, Timeout, erlang:monotonic_time(millisecond) + Timeout).
recv(Matches, Timeout, Deadline) ->
    {messages, Queue} = process_info(self(), messages),
    case [M || M <- Queue, Matches(M)] of
        [First | _] -> receive First -> First end;
        [] ->
            case erlang:monotonic_time(millisecond) >= Deadline of
                true -> error(nothing_matched);
                false -> timer:sleep(2), recv(Matches, Timeout, Deadline)
            end
    end.

%% `call P REQUEST`: a gen_server call.
call(Pid, Request) -> gen_server:call(Pid, Request, 5000).

%% `sup NAME STRATEGY intensity I period P { CHILDREN }`: a supervisor
%% registered as Name, started by the shell and unlinked from it, as the
%% command language starts one (the shell stays its parent).
sup(Name, Strategy, Children) -> sup(Name, Strategy, 1, 5, Children).
sup(Name, Strategy, Intensity, Period, Children) ->
    Flags = #{strategy => Strategy, intensity => Intensity, period => Period},
    case supervisor:start_link({local, Name}, lic_sup, {Flags, Children}) of
        {ok, Pid} -> unlink(Pid), settled(Pid);
        Other -> settled(Other)
    end.

%% A worker child spec: `worker ID KIND [RESTART] [shutdown S]`.
worker(Id, {Kind, Args}) -> worker(Id, {Kind, Args}, permanent, 5000);
worker(Id, Kind) -> worker(Id, {Kind, []}).
worker(Id, {Kind, Args}, Restart, Shutdown) ->
    #{id => Id, start => {lic, start_link, [Kind, Args]}, restart => Restart,
      shutdown => Shutdown, type => worker, modules => [Kind]};
worker(Id, Kind, Restart, Shutdown) -> worker(Id, {Kind, []}, Restart, Shutdown).

%% A nested supervisor child: `sup ID STRATEGY ... { CHILDREN }`.
supervisor(Id, Strategy, Children) ->
    supervisor(Id, Strategy, {1, 5}, Children, permanent, infinity).
supervisor(Id, Strategy, {Intensity, Period}, Children, Restart, Shutdown) ->
    Flags = #{strategy => Strategy, intensity => Intensity, period => Period},
    #{id => Id, start => {supervisor, start_link, [lic_sup, {Flags, Children}]},
      restart => Restart, shutdown => Shutdown, type => supervisor,
      modules => [supervisor]}.
