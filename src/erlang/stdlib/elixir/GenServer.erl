%% Elixir 1.14's GenServer: its API over the playground's gen_server
%% (src/erlang/stdlib/gen_server.erl), so an Elixir server is a
%% gen_server process as the views and `why` know it. A call that fails
%% exits with {Reason, {GenServer, call, [Server, Request, Timeout]}}, as
%% Elixir's does. Names: an atom (a local name), or {:via, Module, Name}
%% with a registry module (register_name/2, whereis_name/1, send/2,
%% unregister_name/1), which the server registers itself with before its
%% init/1 runs, as gen does; {:global, _} needs the global name server,
%% which the playground (one node) does not have, and is refused with an
%% ArgumentError that says so.
-module('Elixir.GenServer').
-export(['$unsupported_name'/1, start_link/2, start/2, '$init_via'/6, call/2, reply/2, stop/1,
         stop/2, whereis/1, stop/3, cast/2, call/3, start/3, start_link/3]).

start_link(Module, Arg) -> start_link(Module, Arg, []).

start_link(Module, Arg, Opts) -> do_start(link, Module, Arg, Opts).

start(Module, Arg) -> start(Module, Arg, []).

start(Module, Arg, Opts) -> do_start(nolink, Module, Arg, Opts).

do_start(Link, Module, Arg, Opts) ->
    case 'Elixir.Keyword':pop(Opts, name) of
        {nil, Rest} -> gen:start(gen_server, Link, Module, Arg, Rest);
        {Name, Rest} when is_atom(Name) -> gen:start(gen_server, Link, {local, Name}, Module, Arg, Rest);
        {{via, Registry, Name} = Via, Rest} ->
            case Registry:whereis_name(Name) of
                Pid when is_pid(Pid) -> {error, {already_started, Pid}};
                _ -> start_via(Link, Via, Module, Arg, Rest)
            end;
        {Other, _} -> erlang:error('Elixir.ArgumentError':exception('$unsupported_name'(Other)))
    end.

%% What a name the playground cannot register is refused with.
'$unsupported_name'({global, _}) ->
    <<"a {:global, name} needs the global name server, which the playground (one node) does not have: "
      "name the process with an atom or {:via, Module, Name}">>;
'$unsupported_name'(_) ->
    <<"expected :name option to be one of the following: an atom or {:via, Module, Name} "
      "({:global, name} needs a global name server, which the playground does not have)">>.

start_via(link, Via, Module, Arg, Opts) ->
    proc_lib:start_link('Elixir.GenServer', '$init_via', [self(), self(), Via, Module, Arg, Opts]);
start_via(nolink, Via, Module, Arg, Opts) ->
    proc_lib:start('Elixir.GenServer', '$init_via', [self(), self, Via, Module, Arg, Opts]).

%% The new server: registers itself through the registry, then runs as
%% any gen_server (named by its pid in its reports).
'$init_via'(Starter, Parent, {via, Registry, Name}, Module, Arg, Opts) ->
    case Registry:register_name(Name, self()) of
        yes -> gen_server:init_it(Starter, Parent, self(), Module, Arg, Opts);
        no -> proc_lib:init_ack(Starter, {error, {already_started, Registry:whereis_name(Name)}})
    end.

call(Server, Request) -> call(Server, Request, 5000).

call(Server, Request, Timeout) ->
    Where = {'Elixir.GenServer', call, [Server, Request, Timeout]},
    case 'Elixir.GenServer':whereis(Server) of
        nil -> erlang:exit({noproc, Where});
        Pid when Pid =:= self() -> erlang:exit({calling_self, Where});
        Pid ->
            try gen:call(Pid, '$gen_call', Request, Timeout) of
                {ok, Reply} -> Reply
            catch
                exit:Reason -> erlang:exit({Reason, Where})
            end
    end.

cast({via, Registry, Name}, Request) ->
    try Registry:send(Name, {'$gen_cast', Request}) catch _:_ -> ok end,
    ok;
cast(Server, Request) ->
    Dest = case Server of
        {local, Name} -> Name;
        _ -> Server
    end,
    try erlang:send(Dest, {'$gen_cast', Request}) catch _:_ -> ok end,
    ok.

reply(From, Reply) -> gen:reply(From, Reply), ok.

stop(Server) -> stop(Server, normal, infinity).

stop(Server, Reason) -> stop(Server, Reason, infinity).

stop({via, _, _} = Server, Reason, Timeout) ->
    case 'Elixir.GenServer':whereis(Server) of
        nil -> erlang:exit(noproc);
        Pid -> proc_lib:stop(Pid, Reason, Timeout)
    end;
stop(Server, Reason, Timeout) -> proc_lib:stop(Server, Reason, Timeout).

whereis(Pid) when is_pid(Pid) -> Pid;
whereis(Name) when is_atom(Name) -> 'Elixir.Process':whereis(Name);
whereis({local, Name}) -> 'Elixir.Process':whereis(Name);
whereis({via, Registry, Name}) ->
    case Registry:whereis_name(Name) of
        Pid when is_pid(Pid) -> Pid;
        _ -> nil
    end;
whereis(_) -> nil.
