//! Monitors: OTP-SEMANTICS M1–M3.

use super::support::*;
use crate::runtime::{Atom, Pid, Ref, Term};

fn down(reference: Ref, pid: Pid, reason: Term) -> Term {
    Term::tuple([
        Term::Atom(Atom::DOWN),
        Term::Ref(reference),
        Term::Atom(Atom::PROCESS),
        Term::Pid(pid),
        reason,
    ])
}

#[test]
fn m1_monitors_are_one_way_independent_and_fire_once() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    let (first, second) = watcher
        .run(move |me| async move { (me.monitor(x), me.monitor(x)) })
        .unwrap();
    assert_ne!(first, second);
    make_exit(&rt, x, atom("boom"));
    let mut messages = drain(&watcher);
    messages.sort_by_key(|m| m.to_string());
    assert_eq!(
        messages,
        vec![down(first, x, atom("boom")), down(second, x, atom("boom"))]
    );
    assert!(
        watcher.is_alive(),
        "a monitor is not a link: the watcher lives"
    );
    rt.run_until_quiet(SHORT);
    assert!(drain(&watcher).is_empty(), "each monitor fires once");

    // One-way: the watched process does not notice the watcher's death.
    let y = spawn_idle(&rt);
    let doomed = probe(&rt, false);
    doomed.run(move |me| async move { me.monitor(y) }).unwrap();
    rt.exit(doomed.pid(), atom("kill"));
    rt.run_until_quiet(SHORT);
    assert!(rt.is_alive(y));
    assert!(rt.process_info(y).unwrap().monitored_by.is_empty());
}

#[test]
fn m2_down_carries_the_reason() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    let reference = watcher.run(move |me| async move { me.monitor(x) }).unwrap();
    rt.run_until_quiet(SHORT);
    assert_eq!(
        rt.process_info(x).unwrap().monitored_by,
        vec![watcher.pid()]
    );
    make_exit(&rt, x, atom("boom"));
    assert_eq!(
        next_message(&watcher, SHORT),
        Some(down(reference, x, atom("boom")))
    );
}

#[test]
fn m2_monitoring_a_dead_process_gives_noproc_at_once() {
    let rt = runtime();
    let x = spawn_exits_on_demand(&rt);
    make_exit(&rt, x, Term::normal());
    let watcher = probe(&rt, false);
    let (reference, message) = watcher
        .run(move |me| async move {
            let reference = me.monitor(x);
            (
                reference,
                me.receive_timeout(std::time::Duration::ZERO).await,
            )
        })
        .unwrap();
    assert_eq!(message, Some(down(reference, x, atom("noproc"))));
}

#[test]
fn m3_no_down_after_demonitor() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    let (kept, removed) = watcher
        .run(move |me| async move {
            let kept = me.monitor(x);
            let removed = me.monitor(x);
            assert!(me.demonitor(removed));
            assert!(
                !me.demonitor(removed),
                "demonitor twice: the second does nothing"
            );
            (kept, removed)
        })
        .unwrap();
    make_exit(&rt, x, atom("boom"));
    let messages = drain(&watcher);
    assert_eq!(messages, vec![down(kept, x, atom("boom"))]);
    assert!(
        !messages
            .iter()
            .any(|m| m.to_string().contains(&removed.to_string()))
    );
}

#[test]
fn m3_demonitor_wins_over_a_down_already_on_its_way() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    let reference = watcher.run(move |me| async move { me.monitor(x) }).unwrap();
    // x dies while the watcher is not running: the 'DOWN' is in transit.
    // The watcher demonitors before handling it: it must never show up.
    let messages = watcher
        .run(move |me| async move {
            me.send(
                x,
                Term::tuple([Term::atom("exit_with"), Term::atom("boom")]),
            );
            me.sleep(std::time::Duration::from_millis(0)).await;
            me.demonitor(reference);
            let mut all = Vec::new();
            while let Some(m) = me
                .receive_timeout(std::time::Duration::from_millis(10))
                .await
            {
                all.push(m);
            }
            all
        })
        .unwrap();
    // Either the 'DOWN' was handled before demonitor (then it is in the
    // mailbox, and stays, like an 'EXIT' after unlink) or it was dropped;
    // never both, never twice.
    assert!(messages.len() <= 1, "{messages:?}");
}

#[test]
fn monitor_pair_makes_one_process_watch_another() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    let reference = rt.monitor_pair(watcher.pid(), x);
    rt.run_until_quiet(SHORT);
    make_exit(&rt, x, atom("boom"));
    assert_eq!(
        next_message(&watcher, SHORT),
        Some(down(reference, x, atom("boom")))
    );
}

#[test]
fn the_mailbox_can_be_read_without_taking_messages() {
    let rt = runtime();
    let p = probe(&rt, false);
    rt.send(p.pid(), Term::Int(1));
    rt.send(p.pid(), Term::Int(2));
    assert_eq!(rt.mailbox(p.pid()), Some(vec![Term::Int(1), Term::Int(2)]));
    assert_eq!(drain(&p), vec![Term::Int(1), Term::Int(2)]);
    assert_eq!(rt.mailbox(p.pid()), Some(vec![]));
}
