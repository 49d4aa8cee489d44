//! The process language's workloads: the same programs as
//! `scripts/beam/lic_bench.erl`'s `vm-*` workloads, compiled by
//! `erlang::compile` and run by our interpreter.
//!
//! ```erlang
//! %% vm-ring: N processes, one token, H hops
//! start() -> receive {next, Next} -> loop(Next) end.
//! loop(Next) -> receive 0 -> ok; K -> Next ! K - 1, loop(Next) end.
//!
//! %% vm-fib: fib(27) inside one process
//! start(Parent) -> Parent ! {fib, fib(27)}.
//! fib(0) -> 0; fib(1) -> 1; fib(N) -> fib(N - 1) + fib(N - 2).
//!
//! %% vm-spawn: N idle processes
//! start() -> receive stop -> ok end.
//!
//! %% vm-map: N puts, then N gets, on one map (source text: see `map`)
//! start(Parent, N) -> Parent ! {map, get(put(#{}, N), N, 0)}.
//! ```
//!
//! The trees of these three are built by hand (they were written before
//! the front end's parser was on main); `vm-map`, `vm-binary`,
//! `vm-bignum`, `vm-list` and `vm-send` are compiled from their source
//! text.

use super::report::Report;
use crate::endurance::resident_bytes;
use crate::erlang::ast::*;
use crate::erlang::{self, CompiledModule};
use crate::runtime::{Atom, Runtime, Term};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn p(kind: PatternKind) -> Pattern {
    Pattern {
        kind,
        pos: Pos::new(1, 1),
    }
}

fn e(kind: ExprKind) -> Expr {
    Expr {
        kind,
        pos: Pos::new(1, 1),
    }
}

fn var(name: &str) -> Expr {
    e(ExprKind::Var(name.into()))
}

fn call(name: &str, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call(Callee::Local(name.into()), args))
}

fn clause(patterns: Vec<Pattern>, body: Vec<Expr>) -> Clause {
    Clause {
        patterns,
        guard: vec![],
        body,
        pos: Pos::new(1, 1),
    }
}

fn arm(pattern: Pattern, body: Vec<Expr>) -> CaseClause {
    CaseClause {
        pattern,
        guard: vec![],
        body,
        pos: Pos::new(1, 1),
    }
}

fn function(name: &str, clauses: Vec<Clause>) -> Function {
    Function {
        name: name.into(),
        arity: clauses[0].patterns.len(),
        clauses,
        pos: Pos::new(1, 1),
    }
}

fn binop(op: BinOp, a: Expr, b: Expr) -> Expr {
    e(ExprKind::BinOp(op, Box::new(a), Box::new(b)))
}

fn compile(name: &str, functions: Vec<Function>) -> Arc<CompiledModule> {
    let module = Module {
        name: name.into(),
        functions,
        source: String::new(),
        attributes: Default::default(),
    };
    erlang::compile(&module).expect("the benchmark programs compile")
}

fn ring_module() -> Arc<CompiledModule> {
    let next = p(PatternKind::Tuple(vec![
        p(PatternKind::Atom("next".into())),
        p(PatternKind::Var("Next".into())),
    ]));
    let start = clause(
        vec![],
        vec![e(ExprKind::Receive {
            clauses: vec![arm(next, vec![call("loop", vec![var("Next")])])],
            after: None,
        })],
    );
    let forward = vec![
        e(ExprKind::Send(
            Box::new(var("Next")),
            Box::new(binop(BinOp::Sub, var("K"), e(ExprKind::Int(Term::int(1))))),
        )),
        call("loop", vec![var("Next")]),
    ];
    let loop_ = clause(
        vec![p(PatternKind::Var("Next".into()))],
        vec![e(ExprKind::Receive {
            clauses: vec![
                arm(
                    p(PatternKind::Int(Term::int(0))),
                    vec![e(ExprKind::Atom("ok".into()))],
                ),
                arm(p(PatternKind::Var("K".into())), forward),
            ],
            after: None,
        })],
    );
    compile(
        "vm_ring",
        vec![
            function("start", vec![start]),
            function("loop", vec![loop_]),
        ],
    )
}

/// `bench vm-ring`: ns per hop.
pub fn ring(rt: &Runtime, procs: usize, hops: u64) -> Report {
    let module = ring_module();
    erlang::load(rt, module);
    let (name, start) = (Atom::new("vm_ring"), Atom::new("start"));
    let members: Vec<_> = (0..procs)
        .map(|_| erlang::spawn_top(rt, name, start, vec![]).expect("start/0"))
        .collect();
    for (i, &member) in members.iter().enumerate() {
        let next = members[(i + 1) % procs];
        rt.send(member, Term::tuple([Term::atom("next"), Term::pid(next)]));
    }
    rt.run_until_quiet(Duration::from_secs(60));
    // The member that sees 0 ends; the bench watches it.
    let last = members[(hops % procs as u64) as usize];
    let first = members[0];
    let watcher = rt.spawn_host("bench");
    let begin = Instant::now();
    watcher
        .run_for(Duration::from_secs(3600), move |me| async move {
            me.monitor(last);
            me.send(first, Term::int(hops as i64));
            me.receive().await
        })
        .expect("the ring finishes");
    let elapsed = begin.elapsed();
    for &member in &members {
        rt.exit(member, Term::atom("kill"));
    }
    rt.run_until(|| rt.process_count() <= 1, Duration::from_secs(60));
    Report::new("vm-ring")
        .param("procs", procs as u64)
        .param("hops", hops)
        .figure("ns_per_hop", elapsed.as_nanos() as f64 / hops.max(1) as f64)
}

fn fib_module() -> Arc<CompiledModule> {
    let int = |n: i64| e(ExprKind::Int(Term::int(n)));
    let fib = function(
        "fib",
        vec![
            clause(vec![p(PatternKind::Int(Term::int(0)))], vec![int(0)]),
            clause(vec![p(PatternKind::Int(Term::int(1)))], vec![int(1)]),
            clause(
                vec![p(PatternKind::Var("N".into()))],
                vec![binop(
                    BinOp::Add,
                    call("fib", vec![binop(BinOp::Sub, var("N"), int(1))]),
                    call("fib", vec![binop(BinOp::Sub, var("N"), int(2))]),
                )],
            ),
        ],
    );
    let start = function(
        "start",
        vec![clause(
            vec![p(PatternKind::Var("Parent".into()))],
            vec![e(ExprKind::Send(
                Box::new(var("Parent")),
                Box::new(e(ExprKind::Tuple(vec![
                    e(ExprKind::Atom("fib".into())),
                    call("fib", vec![int(27)]),
                ]))),
            ))],
        )],
    );
    compile("vm_fib", vec![start, fib])
}

/// `bench vm-fib`: milliseconds for fib(27) in one process.
pub fn fib(rt: &Runtime) -> Report {
    erlang::load(rt, fib_module());
    let host = rt.spawn_host("bench");
    let me = host.pid();
    let begin = Instant::now();
    let answer = host
        .run_for(Duration::from_secs(600), move |process| async move {
            erlang::spawn(
                &process,
                Atom::new("vm_fib"),
                Atom::new("start"),
                vec![Term::pid(me)],
                false,
            )
            .expect("start/1");
            process.receive().await
        })
        .expect("fib answers");
    let elapsed = begin.elapsed();
    assert_eq!(answer.to_string(), "{fib,196418}");
    Report::new("vm-fib")
        .param("n", 27)
        .figure("ms", elapsed.as_secs_f64() * 1000.0)
}

fn idle_module() -> Arc<CompiledModule> {
    let start = clause(
        vec![],
        vec![e(ExprKind::Receive {
            clauses: vec![arm(
                p(PatternKind::Atom("stop".into())),
                vec![e(ExprKind::Atom("ok".into()))],
            )],
            after: None,
        })],
    );
    compile("vm_idle", vec![function("start", vec![start])])
}

/// `bench vm-spawn`: ns per spawn and bytes per idle defined process.
pub fn spawn(rt: &Runtime, procs: usize) -> Report {
    erlang::load(rt, idle_module());
    let (name, start) = (Atom::new("vm_idle"), Atom::new("start"));
    rt.run_until_quiet(Duration::from_secs(1));
    let rss_before = resident_bytes();
    let begin = Instant::now();
    let pids: Vec<_> = (0..procs)
        .map(|_| erlang::spawn_top(rt, name, start, vec![]).expect("start/0"))
        .collect();
    rt.run_until_quiet(Duration::from_secs(600));
    let spawned = begin.elapsed();
    let rss_after = resident_bytes();
    let begin = Instant::now();
    let stop = Term::atom("stop");
    for &pid in &pids {
        rt.send(pid, stop.clone());
    }
    rt.run_until(|| rt.process_count() == 0, Duration::from_secs(600));
    let teardown = begin.elapsed();
    let bytes = rss_after.saturating_sub(rss_before) as f64 / procs as f64;
    Report::new("vm-spawn")
        .param("procs", procs as u64)
        .figure("ns_per_spawn", spawned.as_nanos() as f64 / procs as f64)
        .figure("bytes_per_process", bytes)
        .figure("teardown_ms", teardown.as_secs_f64() * 1000.0)
}

/// The keys `bench vm-map` puts and gets.
pub const MAP_KEYS: i64 = 100_000;

/// `vm-map`: `n` puts on one map (`M#{K => V}`, the map threaded through
/// a loop, so it is updated in place), then `n` gets (`maps:get/2`, which
/// is `erlang:map_get/2` once compiled, as with erlc), as
/// `scripts/beam/lic_bench.erl`'s `vm_map_*` functions do.
const MAP_SOURCE: &str = "
  start(Parent, N) -> Parent ! {result, get_all(put_all(#{}, N), N, 0)}.
  put_all(M, 0) -> M;
  put_all(M, N) -> put_all(M#{N => N}, N - 1).
  get_all(_, 0, Sum) -> Sum;
  get_all(M, N, Sum) -> get_all(M, N - 1, Sum + maps:get(N, M)).
";

/// `bench vm-map`: milliseconds for `n` puts and `n` gets in one process.
pub fn map(rt: &Runtime, n: i64) -> Report {
    erlang::load(rt, compile_source("vm_map", MAP_SOURCE));
    let (sum, elapsed) = answer(rt, "vm_map", "start", vec![Term::int(n)]);
    assert_eq!(
        sum,
        Term::from_i128(i128::from(n) * (i128::from(n) + 1) / 2)
    );
    Report::new("vm-map")
        .param("n", n as u64)
        .figure("ms", elapsed.as_secs_f64() * 1000.0)
}

/// A module of the process language from its source, for the workloads
/// written as text (the parser is on main now).
fn compile_source(name: &str, source: &str) -> Arc<CompiledModule> {
    let module = erlang::parse(name, source).expect("the benchmark programs parse");
    erlang::check(&module).expect("the benchmark programs check");
    erlang::compile(&module).expect("the benchmark programs compile")
}

/// Spawns `module:function(Parent, Args...)` from a host process and
/// waits for the `{result, Value}` it sends back: the value, and the time
/// from the spawn to the answer.
fn answer(rt: &Runtime, module: &str, function: &str, args: Vec<Term>) -> (Term, Duration) {
    let host = rt.spawn_host("bench");
    let me = host.pid();
    let (module, function) = (Atom::new(module), Atom::new(function));
    let begin = Instant::now();
    let reply = host
        .run_for(Duration::from_secs(600), move |process| async move {
            let mut all = vec![Term::pid(me)];
            all.extend(args);
            erlang::spawn(&process, module, function, all, false).expect("the function exists");
            process.receive().await
        })
        .expect("the workload answers");
    let elapsed = begin.elapsed();
    let [_, value] = reply
        .tagged::<2>(Atom::new("result"))
        .expect("{result, Value}")
        .clone();
    (value, elapsed)
}

const BINARY_SOURCE: &str = "
  start_build(Parent, N) -> Parent ! {result, build(N, <<>>)}.
  build(0, Acc) -> Acc;
  build(N, Acc) -> build(N - 1, <<Acc/binary, (N band 255)>>).

  start_walk(Parent, Bin) -> Parent ! {result, walk(Bin, 0)}.
  walk(<<B, Rest/binary>>, Sum) -> walk(Rest, Sum + B);
  walk(<<>>, Sum) -> Sum.
";

/// `bench vm-binary`: build a 1 MB binary by appending a byte at a time,
/// then walk it with `<<B, Rest/binary>>`, each in a process of its own
/// (`scripts/beam/lic_bench.erl` runs the same); milliseconds.
///
/// ```erlang
/// build(0, Acc) -> Acc;
/// build(N, Acc) -> build(N - 1, <<Acc/binary, (N band 255)>>).
/// walk(<<B, Rest/binary>>, Sum) -> walk(Rest, Sum + B);
/// walk(<<>>, Sum) -> Sum.
/// ```
pub fn binary(rt: &Runtime) -> Report {
    const SIZE: i64 = 1 << 20;
    erlang::load(rt, compile_source("vm_binary", BINARY_SOURCE));
    let (bin, build) = answer(rt, "vm_binary", "start_build", vec![Term::int(SIZE)]);
    assert_eq!(bin.as_binary_bytes().map(<[u8]>::len), Some(SIZE as usize));
    let (sum, walk) = answer(rt, "vm_binary", "start_walk", vec![bin]);
    // Each byte value 0..=255 comes 4096 times.
    assert_eq!(sum.as_i64(), Some(4096 * (255 * 256 / 2)));
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    Report::new("vm-binary")
        .param("bytes", SIZE as u64)
        .figure("ms", ms(build + walk))
        .figure("build_ms", ms(build))
        .figure("walk_ms", ms(walk))
}

const BIGNUM_SOURCE: &str = "
  fact(Parent, N) -> Parent ! {result, fact(N)}.
  fact(0) -> 1;
  fact(N) -> N * fact(N - 1).

  fib(Parent, N) -> Parent ! {result, fib(N, 0, 1)}.
  fib(0, A, _) -> A;
  fib(N, A, B) -> fib(N - 1, B, A + B).
";

/// `bench vm-bignum`: fact(5000) (`N * fact(N - 1)`) and fib(10000)
/// (iterative adds) with bignums, each in a process of its own;
/// milliseconds.
pub fn bignum(rt: &Runtime) -> Report {
    erlang::load(rt, compile_source("vm_bignum", BIGNUM_SOURCE));
    let (fact, fact_time) = answer(rt, "vm_bignum", "fact", vec![Term::int(5000)]);
    let (fib, fib_time) = answer(rt, "vm_bignum", "fib", vec![Term::int(10_000)]);
    // The digits and a residue of each, as the BEAM side checks them.
    let modulus = Term::int(1_000_000_007);
    let residue = |n: &Term| {
        crate::runtime::term::arith::rem(n, &modulus)
            .expect("an integer")
            .as_i64()
            .expect("small")
    };
    assert_eq!(fact.to_string().len(), 16326);
    assert_eq!(fib.to_string().len(), 2090);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    Report::new("vm-bignum")
        .param("fact", 5000)
        .param("fib", 10_000)
        .figure("ms", ms(fact_time + fib_time))
        .figure("fact_ms", ms(fact_time))
        .figure("fib_ms", ms(fib_time))
        .figure("fact_mod", residue(&fact) as f64)
        .figure("fib_mod", residue(&fib) as f64)
}

const LIST_SOURCE: &str = "
  start(Parent, N) -> Parent ! {result, run(N)}.
  run(N) ->
      L = lists:seq(1, N),
      Len = len(L, 0),
      Sum = sum(L, 0),
      R = lists:reverse(L),
      M = lists:map(fun(X) -> X + 1 end, R),
      Fold = lists:foldl(fun(X, Acc) -> X + Acc end, 0, M),
      {Len, Sum, hd(R), hd(M), Fold}.
  len([_ | T], N) -> len(T, N + 1);
  len([], N) -> N.
  sum([H | T], S) -> sum(T, S + H);
  sum([], S) -> S.
";

/// The elements `bench vm-list` builds.
pub const LIST_LENGTH: i64 = 1_000_000;

/// What `vm-list`'s `run(N)` answers: the length, the sum, the heads of
/// the reversed and the mapped list, and the fold's sum.
pub fn list_answer(n: i64) -> Term {
    let sum = i128::from(n) * (i128::from(n) + 1) / 2;
    Term::tuple([
        Term::int(n),
        Term::from_i128(sum),
        Term::int(n),
        Term::int(n + 1),
        Term::from_i128(sum + i128::from(n)),
    ])
}

/// Runs `vm-list`'s program on `n` elements in a process of its own; its
/// answer and the time from the spawn to the answer.
pub fn list_run(rt: &Runtime, n: i64) -> (Term, Duration) {
    erlang::load(rt, compile_source("vm_list", LIST_SOURCE));
    answer(rt, "vm_list", "start", vec![Term::int(n)])
}

/// `bench vm-list`: `lists:seq(1, N)`, two tail-recursive walks of it (a
/// length and a sum), `lists:reverse/1`, `lists:map/2` and `lists:foldl/3`,
/// all in one process, N = 1,000,000 (`scripts/beam/lic_bench.erl` runs
/// the same); milliseconds from the spawn to the answer.
///
/// ```erlang
/// run(N) ->
///     L = lists:seq(1, N),
///     Len = len(L, 0),
///     Sum = sum(L, 0),
///     R = lists:reverse(L),
///     M = lists:map(fun(X) -> X + 1 end, R),
///     Fold = lists:foldl(fun(X, Acc) -> X + Acc end, 0, M),
///     {Len, Sum, hd(R), hd(M), Fold}.
/// len([_ | T], N) -> len(T, N + 1);
/// len([], N) -> N.
/// sum([H | T], S) -> sum(T, S + H);
/// sum([], S) -> S.
/// ```
pub fn list(rt: &Runtime) -> Report {
    let (value, elapsed) = list_run(rt, LIST_LENGTH);
    assert_eq!(value, list_answer(LIST_LENGTH));
    Report::new("vm-list")
        .param("n", LIST_LENGTH as u64)
        .figure("ms", elapsed.as_secs_f64() * 1000.0)
}

const SEND_SOURCE: &str = "
  start(Parent, N, Times) -> Parent ! {result, run(N, Times)}.
  run(N, Times) ->
      Echo = spawn(fun echo/0),
      ping(Echo, lists:seq(1, N), Times).
  ping(Echo, L, 0) -> Echo ! stop, L;
  ping(Echo, L, K) ->
      Echo ! {self(), L},
      receive {Echo, Back} -> ping(Echo, Back, K - 1) end.
  echo() ->
      receive
          {From, L} -> From ! {self(), L}, echo();
          stop -> ok
      end.
";

/// The length of the list `bench vm-send` sends, and its round trips.
pub const SEND_LENGTH: i64 = 10_000;
pub const SEND_ROUND_TRIPS: i64 = 10_000;

/// Runs `vm-send`'s program: a list of `n` elements goes to an echo
/// process and back `times` times; the list that came back last and the
/// time from the spawn to the answer.
pub fn send_run(rt: &Runtime, n: i64, times: i64) -> (Term, Duration) {
    erlang::load(rt, compile_source("vm_send", SEND_SOURCE));
    answer(rt, "vm_send", "start", vec![Term::int(n), Term::int(times)])
}

/// `bench vm-send`: a list of 10,000 integers sent to an echo process,
/// which sends it back, 10,000 round trips (20,000 sends); milliseconds
/// from the spawn to the answer, which is the list that came back last,
/// checked element by element. A send shares the list here (one
/// reference count); the BEAM copies its 10,000 cells into the receiver's
/// heap each time.
///
/// ```erlang
/// run(N, Times) ->
///     Echo = spawn(fun echo/0),
///     ping(Echo, lists:seq(1, N), Times).
/// ping(Echo, L, 0) -> Echo ! stop, L;
/// ping(Echo, L, K) ->
///     Echo ! {self(), L},
///     receive {Echo, Back} -> ping(Echo, Back, K - 1) end.
/// echo() ->
///     receive
///         {From, L} -> From ! {self(), L}, echo();
///         stop -> ok
///     end.
/// ```
pub fn send(rt: &Runtime) -> Report {
    let (list, elapsed) = send_run(rt, SEND_LENGTH, SEND_ROUND_TRIPS);
    assert_eq!(list, Term::list((1..=SEND_LENGTH).map(Term::int)));
    Report::new("vm-send")
        .param("n", SEND_LENGTH as u64)
        .param("round_trips", SEND_ROUND_TRIPS as u64)
        .figure("ms", elapsed.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Config;

    fn runtime() -> Runtime {
        crate::behavior::runtime(Config::live().with_schedulers(2))
    }

    #[test]
    fn vm_list_computes_its_answer_at_a_small_size() {
        let rt = runtime();
        for n in [1, 2, 1000] {
            let (value, _) = list_run(&rt, n);
            assert_eq!(value, list_answer(n), "n = {n}");
        }
    }

    #[test]
    fn vm_send_brings_the_list_back_intact() {
        let rt = runtime();
        let (list, _) = send_run(&rt, 100, 50);
        assert_eq!(list, Term::list((1..=100).map(Term::int)));
        // No round trip at all: the list as built.
        let (list, _) = send_run(&rt, 3, 0);
        assert_eq!(list.to_string(), "[1,2,3]");
    }

    #[test]
    fn every_benchmark_program_compiles_and_vm_map_answers() {
        // A program the checker refuses (a local `put/2` beside the BIF,
        // as erl_lint refuses it) would only show when the bench runs.
        for (name, source) in [
            ("map_source", MAP_SOURCE),
            ("binary_source", BINARY_SOURCE),
            ("bignum_source", BIGNUM_SOURCE),
            ("list_source", LIST_SOURCE),
            ("send_source", SEND_SOURCE),
        ] {
            compile_source(name, source);
        }
        // `map` checks the sum it gets back.
        map(&runtime(), 100);
    }
}
