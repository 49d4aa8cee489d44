//! Reductions, preemption, tail calls in constant space, the depth limit.

use super::build::*;
use super::support::*;
use crate::erlang::ast::BinOp;
use crate::erlang::vm::interpreter::MAX_DEPTH;
use crate::erlang::{self};
use crate::runtime::{Atom, Config, Term};
use std::time::Duration;

/// def spin { start() -> loop(0). loop(N) -> loop(N + 1). }
fn spin() -> crate::erlang::ast::Module {
    module(
        "spin",
        vec![
            func("start", vec![cl(1, vec![], vec![call("loop", vec![i(0)])])]),
            func(
                "loop",
                vec![cl(
                    2,
                    vec![pv("N")],
                    vec![call("loop", vec![add(v("N"), i(1))])],
                )],
            ),
        ],
    )
}

/// def napper { start() -> receive after 10 -> exit(woke) end. }
fn napper() -> crate::erlang::ast::Module {
    module(
        "napper",
        vec![func(
            "start",
            vec![cl(
                1,
                vec![],
                vec![receive_after(
                    vec![],
                    i(10),
                    vec![call("exit", vec![a("woke")])],
                )],
            )],
        )],
    )
}

#[test]
fn an_endless_loop_is_preempted_and_others_still_run_deterministic() {
    let rt = rt();
    load(&rt, spin());
    load(&rt, napper());
    let spinner = erlang::spawn_top(&rt, Atom::new("spin"), Atom::new("start"), vec![]).unwrap();
    let napper = erlang::spawn_top(&rt, Atom::new("napper"), Atom::new("start"), vec![]).unwrap();
    rt.run_until(|| !rt.is_alive(napper), Duration::from_secs(1));
    assert_eq!(rt.death(napper).map(|d| d.reason), Some(atom("woke")));
    let info = rt.process_info(spinner).expect("still spinning");
    assert!(
        info.reductions > 4 * 4000,
        "ran many slices: {}",
        info.reductions
    );
    assert_eq!(
        info.current_function,
        Some((Atom::new("spin"), Atom::new("loop"), 1))
    );
    assert_eq!(info.kind, Atom::new("spin"));
    rt.exit(spinner, atom("kill"));
    rt.run_until_quiet(Duration::from_secs(1));
    assert!(!rt.is_alive(spinner));
}

#[test]
fn an_endless_loop_is_preempted_and_the_shell_still_answers_live() {
    // One scheduler: without preemption the spinner would keep it for ever.
    let rt = crate::behavior::runtime(Config::live().with_schedulers(1));
    load(&rt, spin());
    load(&rt, napper());
    let spinner = erlang::spawn_top(&rt, Atom::new("spin"), Atom::new("start"), vec![]).unwrap();
    let napper = erlang::spawn_top(&rt, Atom::new("napper"), Atom::new("start"), vec![]).unwrap();
    let shell = rt.spawn_host("shell");
    let echoed = shell
        .run_for(Duration::from_secs(10), move |me| async move {
            me.send(me.pid(), Term::atom("ping"));
            me.receive().await
        })
        .expect("the shell runs");
    assert_eq!(echoed, atom("ping"));
    rt.run_until(|| !rt.is_alive(napper), Duration::from_secs(10));
    assert_eq!(rt.death(napper).map(|d| d.reason), Some(atom("woke")));
    rt.exit(spinner, atom("kill"));
}

#[test]
fn tail_calls_run_ten_million_iterations_in_constant_space() {
    // start(N) -> R = loop(N), exit(R).  loop(0) -> done; loop(N) -> loop(N - 1).
    let rt = rt();
    load(
        &rt,
        module(
            "t",
            vec![
                func(
                    "start",
                    vec![cl(
                        1,
                        vec![pv("N")],
                        vec![
                            m(pv("R"), call("loop", vec![v("N")])),
                            call("exit", vec![v("R")]),
                        ],
                    )],
                ),
                func(
                    "loop",
                    vec![
                        cl(2, vec![pi(0)], vec![a("done")]),
                        cl(
                            3,
                            vec![pv("N")],
                            vec![call("loop", vec![sub(v("N"), i(1))])],
                        ),
                    ],
                ),
            ],
        ),
    );
    MAX_DEPTH.with(|d| d.set(0));
    let exit = run(&rt, "t", "start", vec![Term::int(10_000_000)]);
    assert_eq!(exit, Some(atom("done")));
    assert_eq!(
        MAX_DEPTH.with(|d| d.get()),
        1,
        "only start/1 waits for loop/1"
    );
}

#[test]
fn deep_body_recursion_ends_the_process_with_system_limit_not_the_runtime() {
    // down(0) -> 0; down(N) -> 1 + down(N - 1).   called with 1,000,000
    let rt = rt();
    load(
        &rt,
        module(
            "t",
            vec![func(
                "down",
                vec![
                    cl(1, vec![pi(0)], vec![i(0)]),
                    cl(
                        2,
                        vec![pv("N")],
                        vec![add(i(1), call("down", vec![sub(v("N"), i(1))]))],
                    ),
                ],
            )],
        ),
    );
    let exit = run(&rt, "t", "down", vec![Term::int(1_000_000)]).unwrap();
    assert_eq!(exit.as_tuple().unwrap()[0], atom("system_limit"));
    // The runtime is fine: the same code with a small N returns.
    assert_eq!(
        run(&rt, "t", "down", vec![Term::int(1000)]),
        Some(Term::normal())
    );
}

#[test]
fn lists_map_runs_inside_the_vm_charged_and_preemptible() {
    // start() -> L = lists:map(fun(X) -> X * 2 end, lists:seq(1, 100000)),
    //            exit({length(L), hd(L), lists:foldl(fun(X, A) -> X + A end, 0, L)}).
    let value = eval(vec![
        m(
            pv("L"),
            rcall(
                "lists",
                "map",
                vec![
                    lambda(vec![pv("X")], vec![op(BinOp::Mul, v("X"), i(2))]),
                    rcall("lists", "seq", vec![i(1), i(100_000)]),
                ],
            ),
        ),
        t(vec![
            call("length", vec![v("L")]),
            call("hd", vec![v("L")]),
            rcall(
                "lists",
                "foldl",
                vec![
                    lambda(vec![pv("X"), pv("A")], vec![add(v("X"), v("A"))]),
                    i(0),
                    v("L"),
                ],
            ),
        ]),
    ]);
    assert_eq!(value.to_string(), "{100000,2,10000100000}");
}

/// Three children spawned around a message the parent sends itself; each
/// child sends one message back, and the parent's exit reason is the
/// order they came in.
const SPAWN_ORDER: &str = "
  start() ->
    Me = self(),
    spawn(fun() -> Me ! a end),
    spawn(fun() -> Me ! b end),
    Me ! first,
    spawn(fun() -> Me ! c end),
    exit(collect(4, [])).
  collect(0, Acc) -> lists:reverse(Acc);
  collect(N, Acc) -> receive X -> collect(N - 1, [X | Acc]) end.
";

fn spawn_order(config: Config) -> Term {
    let rt = crate::behavior::runtime(config);
    let module = erlang::parse("order", SPAWN_ORDER).expect("parses");
    erlang::load(&rt, erlang::compile(&module).expect("compiles"));
    run(&rt, "order", "start", vec![]).expect("ended")
}

#[test]
fn the_beam_order_runs_the_spawner_on_then_its_children_in_spawn_order() {
    // A single BEAM scheduler (`erl +S 1`): the parent runs until it
    // waits, and each child joined the run queue's back when spawned.
    let expected = Term::list(["first", "a", "b", "c"].map(Term::atom).to_vec());
    for seed in [1, 7, 42] {
        assert_eq!(
            spawn_order(Config::deterministic(seed)),
            expected,
            "seed {seed}"
        );
    }
}

#[test]
fn random_order_is_there_for_looking_for_races() {
    use crate::runtime::Order;
    let orders: std::collections::BTreeSet<String> = (0..20)
        .map(|seed| spawn_order(Config::deterministic(seed).with_order(Order::Random)).to_string())
        .collect();
    assert!(orders.len() > 1, "twenty seeds gave one order: {orders:?}");
    // The same seed, the same order.
    let again = |seed| spawn_order(Config::deterministic(seed).with_order(Order::Random));
    assert_eq!(again(3), again(3));
}
