%% application, far enough for the books' `application:start(App)`: an
%% application is its callback module's top supervisor, started by an
%% application master process that stays linked to it, as OTP 25's
%% application controller and master do. There is no `.app` resource in
%% a session: the callback module is `App_app` if it exports start/2,
%% else `App` (rebar3's template names it so), else Elixir's
%% `MyApp.Application` for `my_app` (mix's template); the start type is
%% `normal` and the start arguments `[]`; dependencies are not started;
%% the environment is what set_env/3 put. The controller is a gen_server
%% registered as application_controller, started by the first call.

start(App) -> start(App, temporary).

start(App, Type) -> gen_server:call(controller(), {start, App, Type}, infinity).

ensure_started(App) ->
    case start(App) of
        ok -> ok;
        {error, {already_started, App}} -> ok;
        Error -> Error
    end.

ensure_all_started(App) ->
    case start(App) of
        ok -> {ok, [App]};
        {error, {already_started, App}} -> {ok, []};
        {error, Reason} -> {error, {App, Reason}}
    end.

stop(App) -> gen_server:call(controller(), {stop, App}, infinity).

which_applications() -> gen_server:call(controller(), which_applications).

get_env(App, Key) -> gen_server:call(controller(), {get_env, App, Key}).

get_env(App, Key, Default) ->
    case get_env(App, Key) of
        {ok, Value} -> Value;
        undefined -> Default
    end.

set_env(App, Key, Value) -> gen_server:call(controller(), {set_env, App, Key, Value}).

unset_env(App, Key) -> gen_server:call(controller(), {unset_env, App, Key}).

get_all_env(App) -> gen_server:call(controller(), {get_all_env, App}).

controller() ->
    case whereis(application_controller) of
        undefined ->
            case gen_server:start({local, application_controller}, application, [], []) of
                {ok, Pid} -> Pid;
                {error, {already_started, Pid}} -> Pid
            end;
        Pid -> Pid
    end.

%% The controller: which applications run (their masters), and the
%% environment.
init([]) ->
    process_flag(trap_exit, true),
    {ok, #{running => #{}, env => #{}}}.

handle_call({start, App, Type}, _From, #{running := Running} = S) ->
    case Running of
        #{App := _} ->
            {reply, {error, {already_started, App}}, S};
        _ ->
            case callback_module(App) of
                undefined ->
                    {reply, {error, {"no such file or directory", atom_to_list(App) ++ ".app"}}, S};
                Mod ->
                    Controller = self(),
                    Master = spawn_link(fun() -> master(Controller, Mod) end),
                    receive
                        {Master, ok} ->
                            {reply, ok, S#{running := Running#{App => {Master, Type}}}};
                        {Master, Error} ->
                            {reply, Error, S}
                    end
            end
    end;
handle_call({stop, App}, _From, #{running := Running} = S) ->
    case Running of
        #{App := {Master, _}} ->
            Master ! {stop, self()},
            receive {Master, stopped} -> ok end,
            {reply, ok, S#{running := maps:remove(App, Running)}};
        _ ->
            {reply, {error, {not_started, App}}, S}
    end;
handle_call(which_applications, _From, #{running := Running} = S) ->
    {reply, [{App, "", ""} || App <- maps:keys(Running)], S};
handle_call({get_env, App, Key}, _From, #{env := Env} = S) ->
    case Env of
        #{{App, Key} := Value} -> {reply, {ok, Value}, S};
        _ -> {reply, undefined, S}
    end;
handle_call({set_env, App, Key, Value}, _From, #{env := Env} = S) ->
    {reply, ok, S#{env := Env#{{App, Key} => Value}}};
handle_call({get_all_env, App}, _From, #{env := Env} = S) ->
    {reply, lists:sort([{Key, Value} || {{A, Key}, Value} <- maps:to_list(Env), A =:= App]), S};
handle_call({unset_env, App, Key}, _From, #{env := Env} = S) ->
    {reply, ok, S#{env := maps:remove({App, Key}, Env)}}.

handle_cast(_, S) -> {noreply, S}.

%% A master whose application ended on its own.
handle_info({'EXIT', Master, _}, #{running := Running} = S) ->
    Left = maps:filter(fun(_, {M, _}) -> M =/= Master end, Running),
    {noreply, S#{running := Left}};
handle_info(_, S) ->
    {noreply, S}.

callback_module(App) ->
    Name = atom_to_list(App),
    Candidates = [list_to_atom(Name ++ "_app"), App,
                  list_to_atom("Elixir." ++ camelize(Name) ++ ".Application")],
    case [Mod || Mod <- Candidates, erlang:function_exported(Mod, start, 2)] of
        [Mod | _] -> Mod;
        [] -> undefined
    end.

%% my_app -> MyApp, as Macro.camelize/1 does.
camelize(Name) ->
    lists:append([capitalize(Word) || Word <- string:lexemes(Name, "_")]).

capitalize([First | Rest]) when First >= $a, First =< $z -> [First - 32 | Rest];
capitalize(Word) -> Word.

%% The application master: starts the top supervisor linked to itself,
%% and stops it, or ends when it does.
master(Controller, Mod) ->
    process_flag(trap_exit, true),
    case catch Mod:start(normal, []) of
        {ok, Pid} when is_pid(Pid) ->
            Controller ! {self(), ok},
            master_loop(Mod, Pid, []);
        {ok, Pid, State} when is_pid(Pid) ->
            Controller ! {self(), ok},
            master_loop(Mod, Pid, State);
        {error, Reason} ->
            Controller ! {self(), {error, {Reason, {Mod, start, [normal, []]}}}};
        Other ->
            Controller ! {self(), {error, {bad_return, {{Mod, start, [normal, []]}, Other}}}}
    end.

master_loop(Mod, Pid, State) ->
    receive
        {stop, Controller} ->
            exit(Pid, shutdown),
            receive {'EXIT', Pid, _} -> ok end,
            catch Mod:stop(State),
            Controller ! {self(), stopped};
        {'EXIT', Pid, _Reason} ->
            catch Mod:stop(State),
            ok;
        _ ->
            master_loop(Mod, Pid, State)
    end.
