%% Elixir 1.14's Agent.Server: the gen_server callbacks behind Agent.
-module('Elixir.Agent.Server').
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2,
         code_change/3]).

init(Fun) -> {ok, run(Fun, [])}.

handle_call({get, Fun}, _From, State) -> {reply, run(Fun, [State]), State};
handle_call({get_and_update, Fun}, _From, State) ->
    case run(Fun, [State]) of
        {Reply, NewState} -> {reply, Reply, NewState};
        Other -> {stop, {bad_return_value, Other}, State}
    end;
handle_call({update, Fun}, _From, State) -> {reply, ok, run(Fun, [State])}.

handle_cast({cast, Fun}, State) -> {noreply, run(Fun, [State])}.

handle_info(_Msg, State) -> {noreply, State}.

terminate(_Reason, _State) -> ok.

code_change(_Old, State, _Extra) -> {ok, State}.

run({M, F, A}, Extra) -> erlang:apply(M, F, Extra ++ A);
run(Fun, Extra) -> erlang:apply(Fun, Extra).
