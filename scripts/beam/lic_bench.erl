%%% lic_bench: the BEAM half of letitcrash's side-by-side benchmark.
%%%
%%% The same four workloads as `letitcrash bench`, written in plain
%%% Erlang/OTP, printing the same JSON lines (one object per benchmark, on
%%% standard output; anything else goes to standard error):
%%%
%%%   {"name":"ring","params":{"procs":1000,"hops":1000000},
%%%    "figures":{"ns_per_hop":120.1},"schedulers":2,"revision":"beam-OTP25"}
%%%
%%% Build and run (scripts/bench-vs-beam.sh does this for you):
%%%
%%%   erlc -o /tmp/licb scripts/beam/*.erl
%%%   erl -noshell +P 2000000 -pa /tmp/licb -s lic_bench main -extra spawn --procs 1000000
%%%   erl -noshell -pa /tmp/licb -s lic_bench main -extra ring --procs 1000 --hops 1000000
%%%   erl -noshell -pa /tmp/licb -s lic_bench main -extra restart --times 10000
%%%   erl -noshell -pa /tmp/licb -s lic_bench main -extra fairness --spinners 4
%%%   erl -noshell +P 2000000 -pa /tmp/licb -s lic_bench main -extra all
%%%
%%% `-s lic_bench main` calls main/0, which reads the words after `-extra`
%%% (init:get_plain_arguments/0); `-extra` is needed because erl would take
%%% `--procs` for one of its own flags. From a shell or -eval, call
%%% lic_bench:main(["ring", "--procs", "1000"]) directly. main halts the
%%% node itself (status 0 on success, 1 on a usage error or a failure), so
%%% no `-s init stop` is needed. `--json` is accepted and ignored: the
%%% output is always JSON, as with `letitcrash bench --json`.
%%%
%%% Workloads (see README.md beside this file for more):
%%%   spawn    --procs N     spawn N idle processes; ns per spawn, bytes per
%%%                          process (RSS delta), teardown time
%%%   ring     --procs N --hops H
%%%                          a token goes round a ring of N processes for H
%%%                          hops in total; ns per hop
%%%   restart  --times K     a one_for_one supervisor restarts a registered
%%%                          gen_server that we kill K times; us per restart
%%%                          (also: the same with at most 100 restarts per
%%%                          supervisor, us_per_restart_small_intensity)
%%%   fairness --spinners S [--rounds R]
%%%                          S processes burn CPU while a ping-pong pair
%%%                          measures R round trips; p50 and p99 in us
%%%   all                    the four above, with defaults or the flags given
-module(lic_bench).

-export([vm_ring_start/0, vm_fib_start/1, vm_idle/0, vm_map_start/2,
         vm_binary_build/2, vm_binary_walk/2, vm_bignum_fact/1, vm_bignum_fib/3,
         vm_list_run/1, vm_send_run/2, vm_send_echo/0,
         main/0, main/1]).
%% Exported because they are the bodies of spawned processes and are
%% started by name (spawn/3), which reads better in a profile or crash dump.
-export([idle/0, ring_node/0, spinner/0]).

-define(DEFAULTS, #{procs => 1000000, hops => 1000000, times => 10000,
                    spinners => 4, rounds => 2000}).

%%====================================================================
%% Entry point
%%====================================================================

%% `erl ... -s lic_bench main -extra ARGS`: the words after -extra.
main() ->
    main(init:get_plain_arguments()).

main(Args) ->
    Status =
        try run(Args) of
            ok -> 0
        catch
            throw:{usage, Msg} ->
                io:format(standard_error, "lic_bench: ~s~n~s", [Msg, usage()]),
                1;
            Class:Reason:Stack ->
                io:format(standard_error, "lic_bench: ~p:~p~n~p~n",
                          [Class, Reason, Stack]),
                1
        end,
    %% erlang:halt/1 would not wait for standard_io to drain; init:stop/1
    %% flushes it and then stops the node cleanly.
    init:stop(Status).

usage() ->
    "usage: lic_bench <spawn|ring|restart|fairness|all|vm-ring|vm-fib|vm-spawn|vm-map|vm-binary|vm-bignum|vm-list|vm-send>\n"
    "                 [--procs N] [--hops H]\n"
    "                 [--times K] [--spinners S] [--rounds R] [--json]\n".

run([]) ->
    throw({usage, "no workload given"});
run([Workload | Flags]) ->
    Opts = parse_flags(Flags, ?DEFAULTS),
    case Workload of
        "spawn"    -> emit(spawn_bench(Opts));
        "ring"     -> emit(ring_bench(Opts));
        "restart"  -> emit(restart_bench(Opts));
        "fairness" -> emit(fairness_bench(Opts));
        "vm-ring"  -> emit(vm_ring_bench(Opts));
        "vm-fib"   -> emit(vm_fib_bench(Opts));
        "vm-spawn" -> emit(vm_spawn_bench(Opts));
        "vm-map"   -> emit(vm_map_bench(Opts));
        "vm-binary" -> emit(vm_binary_bench(Opts));
        "vm-bignum" -> emit(vm_bignum_bench(Opts));
        "vm-list"  -> emit(vm_list_bench(Opts));
        "vm-send"  -> emit(vm_send_bench(Opts));
        "all" ->
            %% `all` runs the ring with 1,000 processes unless --procs says
            %% otherwise; the spawn test gets --procs or its million.
            RingOpts = case lists:member("--procs", Flags) of
                           true -> Opts;
                           false -> Opts#{procs := 1000}
                       end,
            emit(spawn_bench(Opts)),
            emit(ring_bench(RingOpts)),
            emit(restart_bench(Opts)),
            emit(fairness_bench(Opts));
        Other ->
            throw({usage, "unknown workload: " ++ Other})
    end.

parse_flags([], Opts) ->
    Opts;
parse_flags(["--json" | Rest], Opts) ->
    parse_flags(Rest, Opts);
parse_flags([Flag, Value | Rest], Opts) ->
    Key = case Flag of
              "--procs" -> procs;
              "--hops" -> hops;
              "--times" -> times;
              "--spinners" -> spinners;
              "--rounds" -> rounds;
              _ -> throw({usage, "unknown flag: " ++ Flag})
          end,
    N = try list_to_integer(Value)
        catch error:badarg -> throw({usage, Flag ++ " wants a number"})
        end,
    N >= 0 orelse throw({usage, Flag ++ " wants a number >= 0"}),
    parse_flags(Rest, Opts#{Key := N});
parse_flags([Flag], _Opts) ->
    throw({usage, "missing value for " ++ Flag}).

%%====================================================================
%% spawn: N idle processes
%%====================================================================

%% Each spawned process does nothing but wait for `stop`.
idle() ->
    receive
        stop -> ok
    end.

spawn_bench(#{procs := N}) ->
    N > 0 orelse throw({usage, "--procs must be > 0"}),
    Limit = erlang:system_info(process_limit),
    N + 100 =< Limit orelse
        throw({usage, io_lib:format("--procs ~b is over the process limit ~b: "
                                    "start erl with +P ~b", [N, Limit, 2 * N])}),
    %% Settle the node first so that the "before" readings are quiet.
    erlang:garbage_collect(),
    wait_run_queues_empty(),
    BaseCount = erlang:system_info(process_count),
    RssBefore = rss_bytes(),
    ErtsBefore = erlang:memory(processes),

    T0 = now_ns(),
    Pids = spawn_idle(N, []),
    %% spawn/3 only queues the new process; wait until every one of them
    %% has run and is parked in its receive, so the time covers "N idle
    %% processes exist", not just "N spawn requests were made".
    wait_run_queues_empty(),
    T1 = now_ns(),

    %% Bytes per process: the growth of the OS process's resident set
    %% (VmRSS in /proc/self/status), as the Rust side measures it. It
    %% includes our list of N pids (16 bytes a cons cell). The VM's own
    %% count of process memory (heap + control block) is reported too.
    RssAfter = rss_bytes(),
    ErtsAfter = erlang:memory(processes),

    %% Teardown: tell everyone to stop, and wait until the process count
    %% is back where it was. No monitors: they would cost memory and time
    %% of their own.
    T2 = now_ns(),
    lists:foreach(fun(Pid) -> Pid ! stop end, Pids),
    wait_process_count(BaseCount),
    T3 = now_ns(),

    result(<<"spawn">>, [{procs, N}],
           [{ns_per_spawn, (T1 - T0) / N},
            {bytes_per_process, (RssAfter - RssBefore) / N},
            {teardown_ms, (T3 - T2) / 1.0e6},
            {erts_bytes_per_process, (ErtsAfter - ErtsBefore) / N}]).

spawn_idle(0, Acc) ->
    Acc;
spawn_idle(N, Acc) ->
    spawn_idle(N - 1, [spawn(?MODULE, idle, []) | Acc]).

%% Poll until no scheduler has anything queued. We sleep 1 ms between
%% looks so that the polling itself does not take a scheduler away.
wait_run_queues_empty() ->
    case erlang:statistics(total_run_queue_lengths_all) of
        0 -> ok;
        _ -> receive after 1 -> wait_run_queues_empty() end
    end.

wait_process_count(Target) ->
    case erlang:system_info(process_count) =< Target of
        true -> ok;
        false -> receive after 1 -> wait_process_count(Target) end
    end.

rss_bytes() ->
    {ok, Status} = file:read_file("/proc/self/status"),
    {match, [Kb]} = re:run(Status, "VmRSS:\\s+(\\d+) kB",
                           [{capture, all_but_first, list}]),
    list_to_integer(Kb) * 1024.

%%====================================================================
%% ring: one token, N processes, H hops
%%====================================================================

%% A ring node first learns who comes next, then forwards the token,
%% counting hops down. Whoever sees the count reach 0 tells the
%% benchmark process. `stop` goes round the ring once to tear it down.
ring_node() ->
    receive
        {next, Next} -> ring_loop(Next)
    end.

ring_loop(Next) ->
    receive
        {token, 0, Reporter} ->
            Reporter ! ring_done,
            ring_loop(Next);
        {token, Hops, Reporter} ->
            Next ! {token, Hops - 1, Reporter},
            ring_loop(Next);
        stop ->
            Next ! stop,
            ok
    end.

ring_bench(#{procs := N, hops := H}) ->
    N > 0 orelse throw({usage, "--procs must be > 0"}),
    Nodes = [spawn_link(?MODULE, ring_node, []) || _ <- lists:seq(1, N)],
    %% Close the ring: node i gets node i+1, the last gets the first.
    [First | _] = Nodes,
    lists:foreach(fun({Pid, Next}) -> Pid ! {next, Next} end,
                  lists:zip(Nodes, tl(Nodes) ++ [First])),
    wait_run_queues_empty(),

    T0 = now_ns(),
    First ! {token, H, self()},
    receive ring_done -> ok end,
    T1 = now_ns(),

    %% The stop message goes round once; the node that started it gets
    %% it back from its predecessor only if that one is still alive, and
    %% a send to a dead process is simply dropped, so this always ends.
    unlink_all(Nodes),
    First ! stop,
    result(<<"ring">>, [{procs, N}, {hops, H}],
           [{ns_per_hop, (T1 - T0) / max(H, 1)}]).

unlink_all(Pids) ->
    lists:foreach(fun erlang:unlink/1, Pids).

%%====================================================================
%% restart: supervisor restarts a killed, registered gen_server K times
%%====================================================================

%% lic_bench_sup is a real OTP supervisor (one_for_one) and
%% lic_bench_worker a real gen_server registered as lic_bench_worker.
%% The worker's init/1 sends {worker_started, self()} to us, so we learn
%% of each new child without polling: by the time init/1 runs, the name
%% is registered (gen_server registers before calling init/1).
restart_bench(#{times := K}) ->
    K > 0 orelse throw({usage, "--times must be > 0"}),
    %% Each restart makes the supervisor log a SUPERVISOR REPORT (and the
    %% default handler writes it to standard output). Printing 10,000 of
    %% them would measure the terminal, not the restart, and would mix
    %% with our JSON, so we mute log events from the supervisor module.
    ok = logger:set_module_level(supervisor, none),
    %% The figure asked for: one supervisor, K kills, intensity K + 10.
    UsPerRestart = timed_restarts(K) / K / 1000,
    %% The same K kills, but under a fresh supervisor every 100 restarts
    %% (intensity 110). The supervisor keeps the times of its recent
    %% restarts in a list and walks it on every restart to check the
    %% intensity, so with thousands of restarts within its period each
    %% restart costs more; this second figure shows the cost without
    %% that history. Starting and stopping the supervisors is not timed.
    Batch = 100,
    Batches = [min(Batch, K - I) || I <- lists:seq(0, K - 1, Batch)],
    SmallNs = lists:sum([timed_restarts(B) || B <- Batches]),
    result(<<"restart">>, [{times, K}],
           [{us_per_restart, UsPerRestart},
            {us_per_restart_small_intensity, SmallNs / K / 1000}]).

%% Start a supervisor sized for K restarts, kill its child K times, stop
%% it; return the nanoseconds spent on the K kills and restarts.
timed_restarts(K) ->
    {ok, Sup} = lic_bench_sup:start_link(self(), K),
    %% We stop the supervisor ourselves at the end; without the link, its
    %% shutdown exit does not take us down with it.
    unlink(Sup),
    First = receive {worker_started, P0} -> P0 end,
    First = whereis(lic_bench_worker),

    T0 = now_ns(),
    Last = kill_and_wait(K, First),
    T1 = now_ns(),

    %% Sanity: the last child we heard of is the registered, running one.
    Last = whereis(lic_bench_worker),
    pong = gen_server:call(lic_bench_worker, ping),
    stop_sup(Sup),
    T1 - T0.

kill_and_wait(0, Pid) ->
    Pid;
kill_and_wait(K, Pid) ->
    exit(Pid, kill),
    receive
        {worker_started, New} when New =/= Pid -> kill_and_wait(K - 1, New)
    after 5000 ->
        error({no_restart_within_5s, K})
    end.

stop_sup(Sup) ->
    Ref = monitor(process, Sup),
    exit(Sup, shutdown),
    receive {'DOWN', Ref, process, Sup, _} -> ok end.

%%====================================================================
%% fairness: round-trip times under CPU-bound load
%%====================================================================

%% A spinner loops forever without ever receiving. The BEAM still takes
%% the scheduler back from it: every function call costs a reduction and
%% a process is preempted after a budget of them (about 4,000).
spinner() ->
    spinner().

fairness_bench(#{spinners := S, rounds := R}) ->
    R > 0 orelse throw({usage, "--rounds must be > 0"}),
    Spinners = [spawn(?MODULE, spinner, []) || _ <- lists:seq(1, S)],
    Self = self(),
    Ponger = spawn(fun pong_loop/0),
    %% The pinger measures; it runs as its own process (like the ponger)
    %% so that both sides of the pair compete with the spinners alike.
    Warmup = 50,
    _Pinger = spawn(fun() ->
                            _ = ping_rounds(Warmup, Ponger, []),
                            Self ! {rtts, ping_rounds(R, Ponger, [])}
                    end),
    Rtts = receive {rtts, L} -> L end,
    Ponger ! stop,
    lists:foreach(fun(P) -> exit(P, kill) end, Spinners),

    Sorted = lists:sort(Rtts),
    result(<<"fairness">>, [{spinners, S}],
           [{rtt_p50_us, percentile(Sorted, 50) / 1000},
            {rtt_p99_us, percentile(Sorted, 99) / 1000},
            {rtt_max_us, lists:last(Sorted) / 1000}]).

ping_rounds(0, _Ponger, Acc) ->
    Acc;
ping_rounds(N, Ponger, Acc) ->
    T0 = now_ns(),
    Ponger ! {ping, self()},
    receive pong -> ok end,
    ping_rounds(N - 1, Ponger, [now_ns() - T0 | Acc]).

pong_loop() ->
    receive
        {ping, From} -> From ! pong, pong_loop();
        stop -> ok
    end.

%% Nearest-rank percentile of a sorted, non-empty list.
percentile(Sorted, P) ->
    Len = length(Sorted),
    Rank = max(1, min(Len, ceil(P / 100 * Len))),
    lists:nth(Rank, Sorted).

%%====================================================================
%% Output
%%====================================================================

%% ---- the process language's workloads (letitcrash bench vm-*) ----------
%% The same programs the playground compiles to its bytecode, word for
%% word, so the two VMs run the same code.

%% vm-ring: loop(Next) -> receive 0 -> ok; K -> Next ! K - 1, loop(Next) end.
vm_ring_start() ->
    receive {next, Next} -> vm_ring_loop(Next) end.

vm_ring_loop(Next) ->
    receive
        0 -> ok;
        K -> Next ! K - 1, vm_ring_loop(Next)
    end.

vm_ring_bench(#{procs := N, hops := H}) ->
    Nodes = [spawn(?MODULE, vm_ring_start, []) || _ <- lists:seq(1, N)],
    [First | _] = Nodes,
    lists:foreach(fun({Pid, Next}) -> Pid ! {next, Next} end,
                  lists:zip(Nodes, tl(Nodes) ++ [First])),
    wait_run_queues_empty(),
    Last = lists:nth(H rem N + 1, Nodes),
    T0 = now_ns(),
    Ref = monitor(process, Last),
    First ! H,
    receive {'DOWN', Ref, process, _, _} -> ok end,
    T1 = now_ns(),
    [exit(P, kill) || P <- Nodes],
    result(<<"vm-ring">>, [{procs, N}, {hops, H}],
           [{ns_per_hop, (T1 - T0) / max(H, 1)}]).

%% vm-fib: fib(27) inside one process.
vm_fib_start(Parent) -> Parent ! {fib, vm_fib(27)}.

vm_fib(0) -> 0;
vm_fib(1) -> 1;
vm_fib(N) -> vm_fib(N - 1) + vm_fib(N - 2).

vm_fib_bench(_Opts) ->
    T0 = now_ns(),
    spawn(?MODULE, vm_fib_start, [self()]),
    receive {fib, 196418} -> ok end,
    T1 = now_ns(),
    result(<<"vm-fib">>, [{n, 27}], [{ms, (T1 - T0) / 1.0e6}]).

%% vm-spawn: N idle processes (start() -> receive stop -> ok end).
vm_idle() -> receive stop -> ok end.

vm_spawn_bench(#{procs := N0}) ->
    %% 100,000 unless --procs says otherwise, as `bench vm-spawn` does
    %% (the 1,000,000 default is the spawn workload's).
    N = case N0 of 1000000 -> 100000; _ -> N0 end,
    Base = erlang:system_info(process_count),
    wait_run_queues_empty(),
    Rss0 = rss_bytes(),
    T0 = now_ns(),
    Pids = [spawn(?MODULE, vm_idle, []) || _ <- lists:seq(1, N)],
    wait_run_queues_empty(),
    T1 = now_ns(),
    Rss1 = rss_bytes(),
    T2 = now_ns(),
    [P ! stop || P <- Pids],
    wait_process_count(Base),
    T3 = now_ns(),
    result(<<"vm-spawn">>, [{procs, N}],
           [{ns_per_spawn, (T1 - T0) / N},
            {bytes_per_process, (Rss1 - Rss0) / N},
            {teardown_ms, (T3 - T2) / 1.0e6}]).

%% vm-map: 100,000 puts (M#{K => V}, the map threaded through a loop),
%% then 100,000 gets (maps:get/2), on one map in one process.
vm_map_start(Parent, N) -> Parent ! {map, vm_map_get(vm_map_put(#{}, N), N, 0)}.

vm_map_put(M, 0) -> M;
vm_map_put(M, N) -> vm_map_put(M#{N => N}, N - 1).

vm_map_get(_, 0, Sum) -> Sum;
vm_map_get(M, N, Sum) -> vm_map_get(M, N - 1, Sum + maps:get(N, M)).

vm_map_bench(_Opts) ->
    N = 100000,
    Sum = N * (N + 1) div 2,
    T0 = now_ns(),
    spawn(?MODULE, vm_map_start, [self(), N]),
    receive {map, Sum} -> ok end,
    T1 = now_ns(),
    result(<<"vm-map">>, [{n, N}], [{ms, (T1 - T0) / 1.0e6}]).

%% vm-binary: build a 1 MB binary by appending a byte at a time, then
%% walk it with <<B, Rest/binary>>, each in a process of its own (the
%% binary is sent from one to the other: a reference, on both VMs).
vm_binary_build(0, Acc) -> Acc;
vm_binary_build(N, Acc) -> vm_binary_build(N - 1, <<Acc/binary, (N band 255)>>).

vm_binary_walk(<<B, Rest/binary>>, Sum) -> vm_binary_walk(Rest, Sum + B);
vm_binary_walk(<<>>, Sum) -> Sum.

vm_binary_bench(_Opts) ->
    Size = 1048576,
    T0 = now_ns(),
    Bin = run_in_process(fun() -> vm_binary_build(Size, <<>>) end),
    T1 = now_ns(),
    Sum = run_in_process(fun() -> vm_binary_walk(Bin, 0) end),
    T2 = now_ns(),
    Size = byte_size(Bin),
    133693440 = Sum,
    result(<<"vm-binary">>, [{bytes, Size}],
           [{ms, (T2 - T0) / 1.0e6}, {build_ms, (T1 - T0) / 1.0e6},
            {walk_ms, (T2 - T1) / 1.0e6}]).

%% vm-bignum: fact(5000) (body-recursive, N * fact(N - 1)) and fib(10000)
%% (iterative adds), each in a process of its own.
vm_bignum_fact(0) -> 1;
vm_bignum_fact(N) -> N * vm_bignum_fact(N - 1).

vm_bignum_fib(0, A, _) -> A;
vm_bignum_fib(N, A, B) -> vm_bignum_fib(N - 1, B, A + B).

vm_bignum_bench(_Opts) ->
    T0 = now_ns(),
    Fact = run_in_process(fun() -> vm_bignum_fact(5000) end),
    T1 = now_ns(),
    Fib = run_in_process(fun() -> vm_bignum_fib(10000, 0, 1) end),
    T2 = now_ns(),
    %% The same checks as ours: the digits, and a residue of each.
    16326 = length(integer_to_list(Fact)),
    2090 = length(integer_to_list(Fib)),
    result(<<"vm-bignum">>, [{fact, 5000}, {fib, 10000}],
           [{ms, (T2 - T0) / 1.0e6}, {fact_ms, (T1 - T0) / 1.0e6},
            {fib_ms, (T2 - T1) / 1.0e6}, {fact_mod, Fact rem 1000000007},
            {fib_mod, Fib rem 1000000007}]).

%% vm-list: lists:seq(1, N), two tail-recursive walks (a length and a
%% sum), lists:reverse/1, lists:map/2 and lists:foldl/3, in one process.
vm_list_run(N) ->
    L = lists:seq(1, N),
    Len = vm_list_len(L, 0),
    Sum = vm_list_sum(L, 0),
    R = lists:reverse(L),
    M = lists:map(fun(X) -> X + 1 end, R),
    Fold = lists:foldl(fun(X, Acc) -> X + Acc end, 0, M),
    {Len, Sum, hd(R), hd(M), Fold}.

vm_list_len([_ | T], N) -> vm_list_len(T, N + 1);
vm_list_len([], N) -> N.

vm_list_sum([H | T], S) -> vm_list_sum(T, S + H);
vm_list_sum([], S) -> S.

vm_list_bench(_Opts) ->
    N = 1000000,
    Sum = N * (N + 1) div 2,
    T0 = now_ns(),
    Answer = run_in_process(fun() -> vm_list_run(N) end),
    T1 = now_ns(),
    {N, Sum, N, N1, Fold} = Answer,
    N1 = N + 1,
    Fold = Sum + N,
    result(<<"vm-list">>, [{n, N}], [{ms, (T1 - T0) / 1.0e6}]).

%% vm-send: a list of 10,000 integers goes to an echo process and back,
%% 10,000 round trips (20,000 sends); each send copies the list into the
%% receiver's heap here.
vm_send_run(N, Times) ->
    Echo = spawn(fun vm_send_echo/0),
    vm_send_ping(Echo, lists:seq(1, N), Times).

vm_send_ping(Echo, L, 0) -> Echo ! stop, L;
vm_send_ping(Echo, L, K) ->
    Echo ! {self(), L},
    receive {Echo, Back} -> vm_send_ping(Echo, Back, K - 1) end.

vm_send_echo() ->
    receive
        {From, L} -> From ! {self(), L}, vm_send_echo();
        stop -> ok
    end.

vm_send_bench(_Opts) ->
    N = 10000,
    Times = 10000,
    T0 = now_ns(),
    List = run_in_process(fun() -> vm_send_run(N, Times) end),
    T1 = now_ns(),
    List = lists:seq(1, N),
    result(<<"vm-send">>, [{n, N}, {round_trips, Times}],
           [{ms, (T1 - T0) / 1.0e6}]).

%% Runs F in a new process and answers its result.
run_in_process(F) ->
    Parent = self(),
    Ref = make_ref(),
    spawn(fun() -> Parent ! {Ref, F()} end),
    receive {Ref, Value} -> Value end.

now_ns() ->
    erlang:monotonic_time(nanosecond).

result(Name, Params, Figures) ->
    #{name => Name, params => Params, figures => Figures}.

emit(#{name := Name, params := Params, figures := Figures}) ->
    Line = ["{\"name\":\"", Name, "\"",
            ",\"params\":", json_object(Params),
            ",\"figures\":", json_object(Figures),
            ",\"schedulers\":",
            integer_to_list(erlang:system_info(schedulers_online)),
            ",\"revision\":\"beam-OTP", erlang:system_info(otp_release), "\"}"],
    io:put_chars([Line, $\n]),
    ok.

%% Just enough JSON for our own lines: an ordered list of {atom, number}.
json_object(Pairs) ->
    Members = [["\"", atom_to_list(K), "\":", json_number(V)] || {K, V} <- Pairs],
    ["{", lists:join(",", Members), "}"].

json_number(V) when is_integer(V) ->
    integer_to_list(V);
json_number(V) when is_float(V) ->
    float_to_list(V, [{decimals, 3}, compact]).
