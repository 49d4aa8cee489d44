%% Elixir 1.14's GenServer: its API over the playground's gen_server
%% (src/erlang/stdlib/gen_server.erl), so an Elixir server is a
%% gen_server process as the views and `why` know it. A call that fails
%% exits with {Reason, {GenServer, call, [Server, Request, Timeout]}}, as
%% Elixir's does. Names: an atom (a local name); {:global, _} and
%% {:via, _, _} need registries the playground does not have, and are
%% refused as gen refuses them.
-module('Elixir.GenServer').

start_link(Module, Arg) -> start_link(Module, Arg, []).

start_link(Module, Arg, Opts) -> do_start(link, Module, Arg, Opts).

start(Module, Arg) -> start(Module, Arg, []).

start(Module, Arg, Opts) -> do_start(nolink, Module, Arg, Opts).

do_start(Link, Module, Arg, Opts) ->
    case 'Elixir.Keyword':pop(Opts, name) of
        {nil, Rest} -> gen:start(gen_server, Link, Module, Arg, Rest);
        {Name, Rest} when is_atom(Name) -> gen:start(gen_server, Link, {local, Name}, Module, Arg, Rest);
        {Other, Rest} -> gen:start(gen_server, Link, Other, Module, Arg, Rest)
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

stop(Server, Reason, Timeout) -> proc_lib:stop(Server, Reason, Timeout).

whereis(Pid) when is_pid(Pid) -> Pid;
whereis(Name) when is_atom(Name) -> 'Elixir.Process':whereis(Name);
whereis({local, Name}) -> 'Elixir.Process':whereis(Name);
whereis(_) -> nil.
