%%% lic_bench_worker: the child that lic_bench's restart workload kills.
%%%
%%% A minimal gen_server, registered locally as lic_bench_worker. On each
%%% start it tells the benchmark process {worker_started, self()}: when its
%%% init/1 runs, gen_server has already registered the name, so that
%%% message means "the new child is registered and about to serve".
-module(lic_bench_worker).
-behaviour(gen_server).

-export([start_link/1]).
-export([init/1, handle_call/3, handle_cast/2]).

start_link(Notify) ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, Notify, []).

init(Notify) ->
    Notify ! {worker_started, self()},
    {ok, no_state}.

%% `ping` lets the benchmark check that the last child really serves calls.
handle_call(ping, _From, State) ->
    {reply, pong, State}.

handle_cast(_Msg, State) ->
    {noreply, State}.
