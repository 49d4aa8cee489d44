%%% lic_bench_sup: the supervisor of lic_bench's restart workload.
%%%
%%% A plain OTP supervisor with one child, lic_bench_worker, restarted
%%% one_for_one. The benchmark kills the child on purpose K times, so the
%%% restart intensity is set so that the supervisor never gives up: at
%%% most K + 10 restarts within any one second (a supervisor that sees more
%%% restarts than `intensity` within `period` seconds exits itself).
-module(lic_bench_sup).
-behaviour(supervisor).

-export([start_link/2]).
-export([init/1]).

%% Notify: the pid that each new worker tells it has started.
%% Times: how many restarts the benchmark will cause.
start_link(Notify, Times) ->
    supervisor:start_link(?MODULE, {Notify, Times}).

init({Notify, Times}) ->
    SupFlags = #{strategy => one_for_one,
                 intensity => Times + 10,
                 period => 1},
    Worker = #{id => lic_bench_worker,
               start => {lic_bench_worker, start_link, [Notify]},
               restart => permanent,   % always restart it, whatever the reason
               shutdown => brutal_kill,
               type => worker,
               modules => [lic_bench_worker]},
    {ok, {SupFlags, [Worker]}}.
