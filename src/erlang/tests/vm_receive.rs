//! `receive`: Erlang's selective semantics, timeouts, the save position.

use super::build::*;
use super::support::*;
use crate::erlang::ast::{BinOp, Expr};
use crate::erlang::vm::interpreter::EXAMINED;
use crate::erlang::{self};
use crate::runtime::{Atom, Pid, Runtime, Term};
use std::time::Duration;

/// Loads `t` with `start() -> BODY.` and spawns it (not run yet).
fn spawn_body(rt: &Runtime, body: Vec<Expr>) -> Pid {
    load(
        rt,
        module("t", vec![func("start", vec![cl(1, vec![], body)])]),
    );
    erlang::spawn_top(rt, Atom::new("t"), Atom::new("start"), vec![]).unwrap()
}

fn quiet(rt: &Runtime) {
    rt.run_until_quiet(Duration::from_secs(60));
}

fn exit_of(rt: &Runtime, pid: Pid) -> Option<Term> {
    rt.death(pid).map(|d| d.reason)
}

fn take(pattern: crate::erlang::ast::Pattern, value: Expr) -> Expr {
    receive(vec![arm(pattern, vec![], vec![value])])
}

#[test]
fn the_oldest_matching_message_is_taken_and_the_others_stay_in_order() {
    // receive go -> ok end,
    // B = receive {b, X} -> X end, A1 = receive {a, Y} -> Y end,
    // A2 = receive {a, Z} -> Z end, exit({B, A1, A2})
    let rt = rt();
    let pid = spawn_body(
        &rt,
        vec![
            take(pa("go"), a("ok")),
            m(pv("B"), take(pt(vec![pa("b"), pv("X")]), v("X"))),
            m(pv("A1"), take(pt(vec![pa("a"), pv("Y")]), v("Y"))),
            m(pv("A2"), take(pt(vec![pa("a"), pv("Z")]), v("Z"))),
            call("exit", vec![t(vec![v("B"), v("A1"), v("A2")])]),
        ],
    );
    for (tag, n) in [("a", 1), ("a", 2), ("b", 3)] {
        rt.send(pid, tuple(vec![atom(tag), Term::int(n)]));
    }
    rt.send(pid, atom("go"));
    quiet(&rt);
    assert_eq!(exit_of(&rt, pid).unwrap().to_string(), "{3,1,2}");
}

#[test]
fn guards_in_receive_clauses_select_messages() {
    // N = receive {n, N0} when N0 > 5 -> N0 end, Rest = receive M -> M end, exit({N, Rest})
    let rt = rt();
    let pid = spawn_body(
        &rt,
        vec![
            m(
                pv("N"),
                receive(vec![arm(
                    pt(vec![pa("n"), pv("N0")]),
                    vec![vec![op(BinOp::Gt, v("N0"), i(5))]],
                    vec![v("N0")],
                )]),
            ),
            m(pv("Rest"), take(pv("M"), v("M"))),
            call("exit", vec![t(vec![v("N"), v("Rest")])]),
        ],
    );
    rt.send(pid, tuple(vec![atom("n"), Term::int(1)]));
    rt.send(pid, tuple(vec![atom("n"), Term::int(7)]));
    quiet(&rt);
    assert_eq!(exit_of(&rt, pid).unwrap().to_string(), "{7,{n,1}}");
}

#[test]
fn after_0_polls_without_waiting() {
    // First = receive x -> got after 0 -> none end,
    // self() ! x, Second = receive x -> got after 0 -> none end, exit({First, Second})
    let poll = || {
        receive_after(
            vec![arm(pa("x"), vec![], vec![a("got")])],
            i(0),
            vec![a("none")],
        )
    };
    let value = eval(vec![
        m(pv("First"), poll()),
        send(call("self", vec![]), a("x")),
        m(pv("Second"), poll()),
        t(vec![v("First"), v("Second")]),
    ]);
    assert_eq!(value.to_string(), "{none,got}");
}

#[test]
fn after_infinity_waits_for_ever() {
    // receive M -> exit(M) after infinity -> exit(never) end
    let rt = rt();
    let pid = spawn_body(
        &rt,
        vec![receive_after(
            vec![arm(pv("M"), vec![], vec![call("exit", vec![v("M")])])],
            a("infinity"),
            vec![call("exit", vec![a("never")])],
        )],
    );
    quiet(&rt);
    rt.advance(Duration::from_secs(24 * 3600));
    assert!(rt.is_alive(pid));
    rt.send(pid, atom("hello"));
    quiet(&rt);
    assert_eq!(exit_of(&rt, pid), Some(atom("hello")));
}

#[test]
fn after_fires_at_its_deadline_and_waking_does_not_rearm_the_timer() {
    // receive never -> ok after 1000 -> exit(timeout) end, with junk
    // arriving meanwhile: each wakes the process, none restarts the timer.
    let rt = rt();
    let pid = spawn_body(
        &rt,
        vec![receive_after(
            vec![arm(pa("never"), vec![], vec![a("ok")])],
            i(1000),
            vec![call("exit", vec![a("timeout")])],
        )],
    );
    quiet(&rt);
    let started = rt.now();
    for _ in 0..3 {
        rt.advance(Duration::from_millis(300));
        rt.send(pid, atom("junk"));
        quiet(&rt);
        assert!(rt.is_alive(pid));
    }
    rt.advance(Duration::from_millis(200));
    quiet(&rt);
    let death = rt.death(pid).expect("timed out");
    assert_eq!(death.reason, atom("timeout"));
    let waited = death.at - started;
    assert!(
        waited >= Duration::from_millis(1000) && waited < Duration::from_millis(1010),
        "{waited:?}"
    );
}

#[test]
fn a_waiting_receive_does_not_rescan_messages_it_rejected() {
    // receive wanted -> exit(done) end, behind 100 unwanted messages, then
    // 10 more arriving one at a time: each is looked at once.
    let rt = rt();
    let pid = spawn_body(&rt, vec![take(pa("wanted"), call("exit", vec![a("done")]))]);
    EXAMINED.with(|n| n.set(0));
    for _ in 0..100 {
        rt.send(pid, atom("junk"));
    }
    quiet(&rt);
    assert_eq!(EXAMINED.with(|n| n.get()), 100);
    for _ in 0..10 {
        rt.send(pid, atom("junk"));
        quiet(&rt);
    }
    assert_eq!(EXAMINED.with(|n| n.get()), 110, "only the new ones");
    rt.send(pid, atom("wanted"));
    quiet(&rt);
    assert_eq!(EXAMINED.with(|n| n.get()), 111);
    assert_eq!(exit_of(&rt, pid), Some(atom("done")));
}

#[test]
fn the_next_receive_starts_again_from_the_oldest_message() {
    // receive b -> ok end, receive X -> exit(X) end  with [a, b] queued:
    // the second receive takes a, which the first skipped.
    let rt = rt();
    let pid = spawn_body(
        &rt,
        vec![
            take(pa("b"), a("ok")),
            take(pv("X"), call("exit", vec![v("X")])),
        ],
    );
    rt.send(pid, atom("a"));
    rt.send(pid, atom("b"));
    quiet(&rt);
    assert_eq!(exit_of(&rt, pid), Some(atom("a")));
}

#[test]
fn timer_sleep_waits_and_send_after_delivers_later() {
    // erlang:send_after(500, self(), ping), timer:sleep(100),
    // R = receive ping -> early after 0 -> not_yet end,
    // receive ping -> exit(R) end
    let rt = rt();
    let pid = spawn_body(
        &rt,
        vec![
            rcall(
                "erlang",
                "send_after",
                vec![i(500), call("self", vec![]), a("ping")],
            ),
            rcall("timer", "sleep", vec![i(100)]),
            m(
                pv("R"),
                receive_after(
                    vec![arm(pa("ping"), vec![], vec![a("early")])],
                    i(0),
                    vec![a("not_yet")],
                ),
            ),
            take(pa("ping"), call("exit", vec![v("R")])),
        ],
    );
    quiet(&rt);
    rt.advance(Duration::from_millis(150));
    quiet(&rt);
    assert!(rt.is_alive(pid));
    rt.advance(Duration::from_millis(400));
    quiet(&rt);
    assert_eq!(exit_of(&rt, pid), Some(atom("not_yet")));
}
