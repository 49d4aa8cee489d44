%% Elixir 1.14's Agent: state held by a GenServer running Agent.Server,
%% changed and read with functions (or {M, F, A}) run in the agent.
-module('Elixir.Agent').
-export([child_spec/1, start_link/1, start_link/2, start_link/3,
         start_link/4, start/1, start/2, get/2, get/3, get/4, get/5,
         get_and_update/2, get_and_update/3, update/2, update/3, cast/2,
         stop/1, stop/2, stop/3]).

child_spec(Arg) -> #{id => 'Elixir.Agent', start => {'Elixir.Agent', start_link, [Arg]}}.

start_link(Fun) -> start_link(Fun, []).

start_link(Fun, Opts) -> 'Elixir.GenServer':start_link('Elixir.Agent.Server', Fun, Opts).

start_link(M, F, A) -> start_link(M, F, A, []).

start_link(M, F, A, Opts) -> 'Elixir.GenServer':start_link('Elixir.Agent.Server', {M, F, A}, Opts).

start(Fun) -> start(Fun, []).

start(Fun, Opts) -> 'Elixir.GenServer':start('Elixir.Agent.Server', Fun, Opts).

get(Agent, Fun) -> get(Agent, Fun, 5000).

get(Agent, Fun, Timeout) -> 'Elixir.GenServer':call(Agent, {get, Fun}, Timeout).

get(Agent, M, F, A) -> get(Agent, M, F, A, 5000).

get(Agent, M, F, A, Timeout) -> 'Elixir.GenServer':call(Agent, {get, {M, F, A}}, Timeout).

get_and_update(Agent, Fun) -> get_and_update(Agent, Fun, 5000).

get_and_update(Agent, Fun, Timeout) -> 'Elixir.GenServer':call(Agent, {get_and_update, Fun}, Timeout).

update(Agent, Fun) -> update(Agent, Fun, 5000).

update(Agent, Fun, Timeout) -> 'Elixir.GenServer':call(Agent, {update, Fun}, Timeout).

cast(Agent, Fun) -> 'Elixir.GenServer':cast(Agent, {cast, Fun}).

stop(Agent) -> stop(Agent, normal, infinity).

stop(Agent, Reason) -> stop(Agent, Reason, infinity).

stop(Agent, Reason, Timeout) -> 'Elixir.GenServer':stop(Agent, Reason, Timeout).
