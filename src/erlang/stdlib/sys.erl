%% sys: the system messages a gen_server or gen_statem answers besides
%% its callbacks, after OTP 25's sys.erl: read or replace its state,
%% suspend and resume it, change its code (the callback's `code_change`
%% while suspended), stop it. A request is a call with the label
%% `system`; the process handles it in `handle_system_msg/6` and goes on
%% through its behaviour's `system_continue/3`.

get_state(Name) ->
    case send_system_msg(Name, get_state) of
        {ok, State} -> State;
        {error, Reason} -> erlang:error(Reason)
    end.

get_state(Name, Timeout) ->
    case send_system_msg(Name, get_state, Timeout) of
        {ok, State} -> State;
        {error, Reason} -> erlang:error(Reason)
    end.

replace_state(Name, StateFun) ->
    case send_system_msg(Name, {replace_state, StateFun}) of
        {ok, State} -> State;
        {error, Reason} -> erlang:error(Reason)
    end.

replace_state(Name, StateFun, Timeout) ->
    case send_system_msg(Name, {replace_state, StateFun}, Timeout) of
        {ok, State} -> State;
        {error, Reason} -> erlang:error(Reason)
    end.

suspend(Name) -> send_system_msg(Name, suspend).

suspend(Name, Timeout) -> send_system_msg(Name, suspend, Timeout).

resume(Name) -> send_system_msg(Name, resume).

resume(Name, Timeout) -> send_system_msg(Name, resume, Timeout).

change_code(Name, Mod, Vsn, Extra) ->
    send_system_msg(Name, {change_code, Mod, Vsn, Extra}).

change_code(Name, Mod, Vsn, Extra, Timeout) ->
    send_system_msg(Name, {change_code, Mod, Vsn, Extra}, Timeout).

terminate(Name, Reason) -> send_system_msg(Name, {terminate, Reason}).

terminate(Name, Reason, Timeout) ->
    send_system_msg(Name, {terminate, Reason}, Timeout).

send_system_msg(Name, Request) ->
    try gen:call(Name, system, Request) of
        {ok, Res} -> Res
    catch
        exit:Reason -> exit({Reason, mfa(Name, Request)})
    end.

send_system_msg(Name, Request, Timeout) ->
    try gen:call(Name, system, Request, Timeout) of
        {ok, Res} -> Res
    catch
        exit:Reason -> exit({Reason, mfa(Name, Request, Timeout)})
    end.

mfa(Name, {replace_state, StateFun}) -> {sys, replace_state, [Name, StateFun]};
mfa(Name, {change_code, Mod, Vsn, Extra}) -> {sys, change_code, [Name, Mod, Vsn, Extra]};
mfa(Name, {terminate, Reason}) -> {sys, terminate, [Name, Reason]};
mfa(Name, Atom) -> {sys, Atom, [Name]}.

mfa(Name, {replace_state, StateFun}, Timeout) ->
    {sys, replace_state, [Name, StateFun, Timeout]};
mfa(Name, {change_code, Mod, Vsn, Extra}, Timeout) ->
    {sys, change_code, [Name, Mod, Vsn, Extra, Timeout]};
mfa(Name, {terminate, Reason}, Timeout) -> {sys, terminate, [Name, Reason, Timeout]};
mfa(Name, Atom, Timeout) -> {sys, Atom, [Name, Timeout]}.

%% Called by the behaviour's loop on `{system, From, Request}`.
handle_system_msg(Msg, From, Parent, Module, Debug, Misc) ->
    handle_system_msg(running, Msg, From, Parent, Module, Debug, Misc).

handle_system_msg(SysState, Msg, From, Parent, Module, Debug, Misc) ->
    case do_cmd(SysState, Msg, Parent, Module, Debug, Misc) of
        {suspended, Reply, NDebug, NMisc} ->
            gen:reply(From, Reply),
            suspend_loop(Parent, Module, NDebug, NMisc);
        {running, Reply, NDebug, NMisc} ->
            gen:reply(From, Reply),
            Module:system_continue(Parent, NDebug, NMisc);
        {{terminating, Reason}, Reply, NDebug, NMisc} ->
            gen:reply(From, Reply),
            Module:system_terminate(Reason, Parent, NDebug, NMisc)
    end.

%% Suspended, a process takes nothing but system messages and its
%% parent's exit.
suspend_loop(Parent, Module, Debug, Misc) ->
    receive
        {system, From, Msg} ->
            handle_system_msg(suspended, Msg, From, Parent, Module, Debug, Misc);
        {'EXIT', Parent, Reason} ->
            Module:system_terminate(Reason, Parent, Debug, Misc)
    end.

do_cmd(_, suspend, _Parent, _Module, Debug, Misc) ->
    {suspended, ok, Debug, Misc};
do_cmd(_, resume, _Parent, _Module, Debug, Misc) ->
    {running, ok, Debug, Misc};
do_cmd(SysState, get_state, _Parent, Module, Debug, Misc) ->
    {SysState, do_get_state(Module, Misc), Debug, Misc};
do_cmd(SysState, {replace_state, StateFun}, _Parent, Module, Debug, Misc) ->
    {Res, NMisc} = do_replace_state(StateFun, Module, Misc),
    {SysState, Res, Debug, NMisc};
do_cmd(_, {terminate, Reason}, _Parent, _Module, Debug, Misc) ->
    {{terminating, Reason}, ok, Debug, Misc};
do_cmd(suspended, {change_code, Module, Vsn, Extra}, _Parent, Mod, Debug, Misc) ->
    {Res, NMisc} = do_change_code(Mod, Module, Vsn, Extra, Misc),
    {suspended, Res, Debug, NMisc};
do_cmd(SysState, Other, _Parent, _Module, Debug, Misc) ->
    {SysState, {error, {unknown_system_msg, Other}}, Debug, Misc}.

do_get_state(Module, Misc) ->
    try Module:system_get_state(Misc) of
        {ok, State} -> {ok, State}
    catch
        Class:Reason -> {error, {callback_failed, {Module, system_get_state}, {Class, Reason}}}
    end.

do_replace_state(StateFun, Module, Misc) ->
    try Module:system_replace_state(StateFun, Misc) of
        {ok, State, NMisc} -> {{ok, State}, NMisc}
    catch
        Class:Reason ->
            {{error, {callback_failed, {Module, system_replace_state}, {Class, Reason}}}, Misc}
    end.

do_change_code(Mod, Module, Vsn, Extra, Misc) ->
    case catch Mod:system_code_change(Misc, Module, Vsn, Extra) of
        {ok, NMisc} -> {ok, NMisc};
        Else -> {{error, Else}, Misc}
    end.
