//! The event stream.

use super::support::*;
use crate::runtime::{EventKind, SignalOutcome, Term};

#[test]
fn spawns_exits_links_and_exit_signals_are_reported() {
    let rt = runtime();
    let events = rt.subscribe();
    let plain = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    plain
        .run(move |me| async move { me.link(x) })
        .unwrap()
        .unwrap();
    make_exit(&rt, x, atom("boom"));
    let kinds: Vec<EventKind> = events.try_iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&EventKind::Linked {
        a: plain.pid(),
        b: x
    }));
    assert!(kinds.contains(&EventKind::Exited {
        pid: x,
        name: None,
        reason: atom("boom")
    }));
    assert!(kinds.contains(&EventKind::ExitSignal {
        from: x,
        to: plain.pid(),
        reason: atom("boom"),
        outcome: SignalOutcome::Died
    }));
    let exits = kinds
        .iter()
        .filter(|k| matches!(k, EventKind::Exited { .. }))
        .count();
    assert_eq!(exits, 2, "x, then the linked probe");
}

#[test]
fn message_events_only_for_traced_processes() {
    let rt = runtime();
    let events = rt.subscribe();
    let quiet = spawn_idle(&rt);
    let traced = spawn_idle(&rt);
    assert!(rt.trace(traced, true));
    rt.send(quiet, Term::Int(1));
    rt.send(traced, Term::Int(2));
    rt.run_until_quiet(SHORT);
    let messages: Vec<EventKind> = events
        .try_iter()
        .map(|e| e.kind)
        .filter(|k| matches!(k, EventKind::Sent { .. } | EventKind::Received { .. }))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        matches!(&messages[0], EventKind::Sent { to, message: Term::Int(2), .. } if *to == traced)
    );
    assert!(
        matches!(&messages[1], EventKind::Received { pid, message: Term::Int(2) } if *pid == traced)
    );
}

#[test]
fn event_timestamps_never_go_backwards() {
    let rt = live_runtime();
    let events = rt.subscribe();
    for _ in 0..200 {
        let x = spawn_exits_on_demand(&rt);
        rt.send(x, Term::tuple([atom("exit_with"), atom("boom")]));
    }
    rt.run_until(
        || rt.process_count() == 0,
        std::time::Duration::from_secs(10),
    );
    let times: Vec<_> = events.try_iter().map(|e| e.at).collect();
    assert!(times.len() >= 400);
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}
