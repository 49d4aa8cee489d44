//! Every runtime error ends the process with the exit reason OTP 25 gives
//! (with `[{line, N}]` locations; OTP also names the file).
//!
//! The module under test, `counter`, is always:
//!
//! ```erlang
//! start(X) -> R = loop(X), R.        % line 1 (not a tail call: a frame)
//! loop(X) ->                          % line 2
//!     BODY.                           % line 3 (and 4)
//! ```

use super::build::*;
use super::support::*;
use crate::erlang::ast::{BinOp, Expr};
use crate::erlang::describe_reason;
use crate::runtime::Term;

/// Runs `counter:start(5)` with `loop(X) -> BODY.` (BODY from line 3).
fn crash(body: Vec<Expr>) -> Term {
    crash_with(body, vec![])
}

fn crash_with(body: Vec<Expr>, extra: Vec<crate::erlang::ast::Function>) -> Term {
    let rt = rt();
    let body = body
        .into_iter()
        .enumerate()
        .map(|(n, e)| at(3 + n as u32, e))
        .collect();
    let mut functions = vec![
        func(
            "start",
            vec![cl(
                1,
                vec![pv("X")],
                vec![m(pv("R"), call("loop", vec![v("X")])), v("R")],
            )],
        ),
        func("loop", vec![cl(2, vec![pv("X")], body)]),
    ];
    functions.extend(extra);
    load(&rt, module("counter", functions));
    run(&rt, "counter", "start", vec![Term::int(5)]).expect("it crashed")
}

fn loop_at(line: i64) -> Term {
    frame("counter", "loop", Term::int(1), Some(line))
}

fn start_frame() -> Term {
    frame("counter", "start", Term::int(1), Some(1))
}

fn reason(error: Term, stack: Vec<Term>) -> Term {
    tuple(vec![error, Term::list(stack)])
}

#[test]
fn badmatch_with_the_value_and_the_stack() {
    // loop(X) -> Y = X + 1, 1 = Y.
    let exit = crash(vec![m(pv("Y"), add(v("X"), i(1))), m(pi(1), v("Y"))]);
    assert_eq!(
        exit,
        reason(
            tuple(vec![atom("badmatch"), Term::int(6)]),
            vec![loop_at(4), start_frame()]
        )
    );
    assert_eq!(
        describe_reason(&exit),
        "{badmatch,6} in counter:loop/1 line 4"
    );
}

#[test]
fn function_clause_shows_the_arguments_and_the_function_line() {
    // loop(0) -> ok.  (called with 5)
    let rt = rt();
    load(
        &rt,
        module(
            "counter",
            vec![
                func(
                    "start",
                    vec![cl(
                        1,
                        vec![pv("X")],
                        vec![m(pv("R"), call("loop", vec![v("X")])), v("R")],
                    )],
                ),
                func("loop", vec![cl(2, vec![pi(0)], vec![a("ok")])]),
            ],
        ),
    );
    let exit = run(&rt, "counter", "start", vec![Term::int(5)]).unwrap();
    assert_eq!(
        exit,
        reason(
            atom("function_clause"),
            vec![frame("counter", "loop", ints(&[5]), Some(2)), start_frame()]
        )
    );
    assert_eq!(
        describe_reason(&exit),
        "function_clause in counter:loop/1 line 2"
    );
}

#[test]
fn case_clause_and_if_clause() {
    // loop(X) -> case X of 0 -> zero end.
    let exit = crash(vec![case(
        v("X"),
        vec![arm(pi(0), vec![], vec![a("zero")])],
    )]);
    assert_eq!(
        exit,
        reason(
            tuple(vec![atom("case_clause"), Term::int(5)]),
            vec![loop_at(3), start_frame()]
        )
    );
    // loop(X) -> if X > 10 -> big end.
    let exit = crash(vec![if_(vec![(
        vec![vec![op(BinOp::Gt, v("X"), i(10))]],
        vec![a("big")],
    )])]);
    assert_eq!(
        exit,
        reason(atom("if_clause"), vec![loop_at(3), start_frame()])
    );
}

#[test]
fn badarith_has_the_operator_frame_first() {
    // loop(X) -> X + a.
    let exit = crash(vec![add(v("X"), a("a"))]);
    assert_eq!(
        exit,
        reason(
            atom("badarith"),
            vec![
                frame(
                    "erlang",
                    "+",
                    Term::list(vec![Term::int(5), atom("a")]),
                    None
                ),
                loop_at(3),
                start_frame()
            ]
        )
    );
    assert_eq!(describe_reason(&exit), "badarith in counter:loop/1 line 3");
    // loop(X) -> X div 0.
    let exit = crash(vec![op(BinOp::IntDiv, v("X"), i(0))]);
    assert_eq!(exit.as_tuple().unwrap()[0], atom("badarith"));
}

#[test]
fn badarg_has_the_bif_frame_with_its_arguments() {
    // loop(X) -> element(9, {X}).
    let exit = crash(vec![call("element", vec![i(9), t(vec![v("X")])])]);
    assert_eq!(
        exit,
        reason(
            atom("badarg"),
            vec![
                frame(
                    "erlang",
                    "element",
                    Term::list(vec![Term::int(9), tuple(vec![Term::int(5)])]),
                    None
                ),
                loop_at(3),
                start_frame()
            ]
        )
    );
}

#[test]
fn sending_to_a_name_nobody_has_is_badarg() {
    // loop(X) -> nobody ! X.
    let exit = crash(vec![send(a("nobody"), v("X"))]);
    assert_eq!(exit.as_tuple().unwrap()[0], atom("badarg"));
}

#[test]
fn undef_shows_the_missing_function_with_its_arguments() {
    // loop(X) -> R = nosuch:f(X), R.
    let exit = crash(vec![m(pv("R"), rcall("nosuch", "f", vec![v("X")])), v("R")]);
    assert_eq!(
        exit,
        reason(
            atom("undef"),
            vec![
                frame("nosuch", "f", ints(&[5]), None),
                loop_at(3),
                start_frame()
            ]
        )
    );
}

#[test]
fn badfun_and_badarity() {
    // loop(X) -> X(1).
    let exit = crash(vec![fcall(v("X"), vec![i(1)])]);
    assert_eq!(
        exit,
        reason(
            tuple(vec![atom("badfun"), Term::int(5)]),
            vec![loop_at(3), start_frame()]
        )
    );
    // loop(X) -> F = fun(A) -> A end, F(1, 2).
    let exit = crash(vec![
        m(pv("F"), lambda(vec![pv("A")], vec![v("A")])),
        fcall(v("F"), vec![i(1), i(2)]),
    ]);
    let [error, stack] = exit.as_tuple().unwrap() else {
        panic!("{exit}")
    };
    let [tag, detail] = error.as_tuple().unwrap() else {
        panic!("{error}")
    };
    assert_eq!(*tag, atom("badarity"));
    let [fun, args] = detail.as_tuple().unwrap() else {
        panic!("{detail}")
    };
    assert!(fun.as_fun().is_some());
    assert_eq!(*args, ints(&[1, 2]));
    assert_eq!(*stack, Term::list(vec![loop_at(4), start_frame()]));
}

#[test]
fn timeout_value() {
    // loop(X) -> receive after foo -> ok end.
    let exit = crash(vec![receive_after(vec![], a("foo"), vec![a("ok")])]);
    assert_eq!(
        exit,
        reason(atom("timeout_value"), vec![loop_at(3), start_frame()])
    );
}

#[test]
fn uncaught_throw_is_nocatch() {
    // loop(X) -> throw({oops, X}).
    let exit = crash(vec![call("throw", vec![t(vec![a("oops"), v("X")])])]);
    assert_eq!(
        exit,
        reason(
            tuple(vec![
                atom("nocatch"),
                tuple(vec![atom("oops"), Term::int(5)])
            ]),
            vec![loop_at(3), start_frame()]
        )
    );
}

#[test]
fn error_raises_with_the_stack_and_exit_ends_with_the_reason_exactly() {
    // loop(X) -> error({bad, X}).
    let exit = crash(vec![call("error", vec![t(vec![a("bad"), v("X")])])]);
    assert_eq!(
        exit,
        reason(
            tuple(vec![atom("bad"), Term::int(5)]),
            vec![loop_at(3), start_frame()]
        )
    );
    // loop(X) -> exit({shutdown, X}).
    let exit = crash(vec![call("exit", vec![t(vec![a("shutdown"), v("X")])])]);
    assert_eq!(exit, tuple(vec![atom("shutdown"), Term::int(5)]));
}

#[test]
fn the_stack_keeps_at_most_eight_frames() {
    // loop(X) -> deep(X).  deep(0) -> 1 = 2; deep(N) -> 1 + other(N - 1).
    // other(N) -> 1 + deep(N).  (Two call sites taking turns: erts keeps
    // a return address once in a row, so one site would be one frame.)
    let deep = func(
        "deep",
        vec![
            cl(5, vec![pi(0)], vec![m(pi(1), i(2))]),
            cl(
                6,
                vec![pv("N")],
                vec![add(i(1), call("other", vec![sub(v("N"), i(1))]))],
            ),
        ],
    );
    let other = func(
        "other",
        vec![cl(
            7,
            vec![pv("N")],
            vec![add(i(1), call("deep", vec![v("N")]))],
        )],
    );
    let exit = crash_with(vec![call("deep", vec![i(20)])], vec![deep, other]);
    let stack = &exit.as_tuple().unwrap()[1];
    let Some(frames) = stack.list_to_vec() else {
        panic!("{exit}")
    };
    assert_eq!(frames.len(), 8);
    assert_eq!(frames[0], frame("counter", "deep", Term::int(1), Some(5)));
    assert_eq!(frames[1], frame("counter", "other", Term::int(1), Some(7)));
    assert_eq!(frames[2], frame("counter", "deep", Term::int(1), Some(6)));
    assert_eq!(frames[7], frame("counter", "other", Term::int(1), Some(7)));
}

#[test]
fn a_recursion_through_one_call_site_is_one_frame() {
    // loop(X) -> deep(X).  deep(0) -> 1 = 2; deep(N) -> 1 + deep(N - 1).
    // The BEAM's stack: deep at line 5, deep at line 6 once, loop, start.
    let deep = func(
        "deep",
        vec![
            cl(5, vec![pi(0)], vec![m(pi(1), i(2))]),
            cl(
                6,
                vec![pv("N")],
                vec![add(i(1), call("deep", vec![sub(v("N"), i(1))]))],
            ),
        ],
    );
    let exit = crash_with(vec![at(3, call("deep", vec![i(20)]))], vec![deep]);
    let stack = &exit.as_tuple().unwrap()[1];
    let frames = stack.list_to_vec().expect("a stack");
    assert_eq!(
        frames,
        vec![
            frame("counter", "deep", Term::int(1), Some(5)),
            frame("counter", "deep", Term::int(1), Some(6)),
            start_frame(),
        ]
    );
}

#[test]
fn describe_prints_reasons_without_a_stack_as_themselves() {
    assert_eq!(describe_reason(&atom("boom")), "boom");
    assert_eq!(
        describe_reason(&tuple(vec![atom("shutdown"), atom("x")])),
        "{shutdown,x}"
    );
}
