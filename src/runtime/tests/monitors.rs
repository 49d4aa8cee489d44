//! Monitors: OTP-SEMANTICS M1–M3.

use super::support::*;
use crate::runtime::{Atom, Pid, Ref, Term};
use std::time::Duration;

fn down(reference: Ref, pid: Pid, reason: Term) -> Term {
    down_for(reference, Term::pid(pid), reason)
}

/// The 'DOWN' of a monitor made by registered name (M2).
fn down_named(reference: Ref, name: &str, reason: Term) -> Term {
    let object = Term::tuple([atom(name), atom("nonode@nohost")]);
    down_for(reference, object, reason)
}

fn down_for(reference: Ref, object: Term, reason: Term) -> Term {
    Term::tuple([
        Term::from_atom(Atom::DOWN),
        Term::reference(reference),
        Term::from_atom(Atom::PROCESS),
        object,
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
fn m1_monitoring_yourself_makes_no_monitor() {
    let rt = runtime();
    let p = probe(&rt, false);
    let pid = p.pid();
    rt.register(Atom::new("me"), pid).unwrap();
    let references = p
        .run(move |me| async move { [me.monitor(pid), me.monitor_name(Atom::new("me"))] })
        .unwrap();
    let by_proxy = [
        rt.monitor_pair(pid, pid),
        rt.monitor_name_pair(pid, Atom::new("me")),
    ];
    rt.run_until_quiet(SHORT);
    let all: Vec<Ref> = references.into_iter().chain(by_proxy).collect();
    for (i, a) in all.iter().enumerate() {
        assert!(all[i + 1..].iter().all(|b| b != a), "fresh references");
    }
    let info = rt.process_info(pid).unwrap();
    assert!(info.monitors.is_empty(), "{:?}", info.monitors);
    assert!(info.monitored_by.is_empty(), "{:?}", info.monitored_by);
    assert!(drain(&p).is_empty(), "no 'DOWN' ever comes");
}

#[test]
fn m2_monitoring_by_name_names_the_object_in_the_down() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    rt.register(Atom::new("n"), x).unwrap();
    let reference = watcher
        .run(|me| async move { me.monitor_name(Atom::new("n")) })
        .unwrap();
    let by_proxy = rt.monitor_name_pair(watcher.pid(), Atom::new("n"));
    rt.run_until_quiet(SHORT);
    assert_eq!(
        rt.process_info(x).unwrap().monitored_by,
        vec![watcher.pid(), watcher.pid()]
    );
    make_exit(&rt, x, atom("boom"));
    assert_eq!(
        drain(&watcher),
        vec![
            down_named(reference, "n", atom("boom")),
            down_named(by_proxy, "n", atom("boom"))
        ]
    );
}

#[test]
fn m2_monitoring_a_name_nobody_holds_gives_noproc_at_once() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let (reference, message) = watcher
        .run(|me| async move {
            let reference = me.monitor_name(Atom::new("nobody"));
            (reference, me.receive_timeout(Duration::ZERO).await)
        })
        .unwrap();
    assert_eq!(
        message,
        Some(down_named(reference, "nobody", atom("noproc")))
    );

    let by_proxy = rt.monitor_name_pair(watcher.pid(), Atom::new("nobody"));
    assert_eq!(
        next_message(&watcher, SHORT),
        Some(down_named(by_proxy, "nobody", atom("noproc")))
    );
    assert!(rt.process_info(watcher.pid()).unwrap().monitors.is_empty());
}

#[test]
fn m3_demonitor_for_acts_for_the_owner() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    let reference = rt.monitor_pair(watcher.pid(), x);
    rt.run_until_quiet(SHORT);
    assert_eq!(rt.monitor_owner(reference), Some(watcher.pid()));
    assert!(rt.demonitor_for(watcher.pid(), reference));
    assert!(!rt.demonitor_for(watcher.pid(), reference), "only once");
    rt.run_until_quiet(SHORT);
    assert_eq!(rt.monitor_owner(reference), None);
    assert!(rt.process_info(watcher.pid()).unwrap().monitors.is_empty());
    assert!(rt.process_info(x).unwrap().monitored_by.is_empty());
    make_exit(&rt, x, atom("boom"));
    assert!(drain(&watcher).is_empty(), "no 'DOWN' after demonitor");
}

#[test]
fn m3_demonitor_for_a_monitor_the_owner_has_not_recorded_yet() {
    let rt = runtime();
    let watcher = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    // Nothing has run: the monitor is still a signal in the owner's queue.
    let reference = rt.monitor_pair(watcher.pid(), x);
    assert_eq!(rt.monitor_owner(reference), Some(watcher.pid()));
    assert!(rt.demonitor_for(watcher.pid(), reference));
    rt.run_until_quiet(SHORT);
    assert!(rt.process_info(watcher.pid()).unwrap().monitors.is_empty());
    assert!(rt.process_info(x).unwrap().monitored_by.is_empty());
    make_exit(&rt, x, atom("boom"));
    assert!(drain(&watcher).is_empty(), "no 'DOWN' after demonitor");
}

#[test]
fn m3_demonitor_for_drops_a_down_sent_but_not_yet_handled() {
    let rt = runtime();
    let watcher = rt.spawn("idle", idle);
    let x = spawn_exits_on_demand(&rt);
    let reference = rt.monitor_pair(watcher, x);
    rt.run_until_quiet(SHORT);
    // x ends and its 'DOWN' is queued for the watcher, which has not run.
    rt.send(x, Term::tuple([atom("exit_with"), atom("boom")]));
    rt.run_until(|| !rt.is_alive(x), SHORT);
    assert!(rt.demonitor_for(watcher, reference));
    rt.run_until_quiet(SHORT);
    assert_eq!(rt.mailbox(watcher), Some(vec![]));
}

#[test]
fn the_mailbox_can_be_read_without_taking_messages() {
    let rt = runtime();
    let p = probe(&rt, false);
    rt.send(p.pid(), Term::int(1));
    rt.send(p.pid(), Term::int(2));
    assert_eq!(rt.mailbox(p.pid()), Some(vec![Term::int(1), Term::int(2)]));
    assert_eq!(drain(&p), vec![Term::int(1), Term::int(2)]);
    assert_eq!(rt.mailbox(p.pid()), Some(vec![]));
}
