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
    assert!(kinds.iter().any(|k| matches!(k, EventKind::Exited {
        pid, name: None, reason, ..
    } if *pid == x && *reason == atom("boom"))));
    assert!(kinds.iter().any(|k| matches!(k, EventKind::ExitSignal {
        from, to, reason, outcome: SignalOutcome::Died, ..
    } if *from == x && *to == plain.pid() && *reason == atom("boom"))));
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
    rt.send(quiet, Term::int(1));
    rt.send(traced, Term::int(2));
    rt.run_until_quiet(SHORT);
    let messages: Vec<EventKind> = events
        .try_iter()
        .map(|e| e.kind)
        .filter(|k| matches!(k, EventKind::Sent { .. } | EventKind::Received { .. }))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        matches!(&messages[0], EventKind::Sent { to, message, .. } if *to == traced && *message == Term::int(2))
    );
    assert!(
        matches!(&messages[1], EventKind::Received { pid, message } if *pid == traced && *message == Term::int(2))
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

/// `why` follows ids: a linked death names the exit signal that killed
/// it, and that signal names the death it came from. The process that
/// died of its own code names the last message it took.
#[test]
fn an_exit_names_the_event_that_caused_it() {
    use crate::runtime::{Cause, Event};
    let rt = runtime();
    let events = rt.subscribe();
    let plain = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    plain
        .run(move |me| async move { me.link(x) })
        .unwrap()
        .unwrap();
    make_exit(&rt, x, atom("boom"));
    let all: Vec<Event> = events.try_iter().collect();
    let exited = |pid| {
        all.iter()
            .find(|e| matches!(&e.kind, EventKind::Exited { pid: p, .. } if *p == pid))
            .expect("an exit")
    };
    let EventKind::Exited { cause, .. } = &exited(x).kind else {
        unreachable!()
    };
    assert_eq!(cause.cause, Cause::Own { location: None });
    assert_eq!(
        cause.last_message,
        Some(Term::tuple([atom("exit_with"), atom("boom")]))
    );
    assert_eq!(cause.links, vec![plain.pid()]);
    let EventKind::Exited { cause, .. } = &exited(plain.pid()).kind else {
        unreachable!()
    };
    let Cause::Signal {
        from,
        signal: Some(signal),
    } = cause.cause
    else {
        panic!("killed by a signal: {cause:?}")
    };
    assert_eq!(from, x);
    let signal = all.iter().find(|e| e.id == signal).expect("the signal");
    assert!(
        matches!(&signal.kind, EventKind::ExitSignal { cause: Some(c), .. } if *c == exited(x).id),
        "the signal came from x's death: {signal:?}"
    );
    let ids: Vec<u64> = all.iter().map(|e| e.id.get()).collect();
    assert!(ids.windows(2).all(|w| w[1] == w[0] + 1), "ids count up");
}

/// Every way a monitor comes and goes says so, with the same reference at
/// both ends, so a watcher of the stream knows which monitors exist (the
/// stage draws them). A monitor by a name nobody holds is no monitor.
#[test]
fn monitors_made_and_removed_are_reported() {
    use crate::runtime::{Atom, NativeProgram};
    let rt = runtime();
    let events = rt.subscribe();
    let watcher = probe(&rt, false);
    let w = watcher.pid();
    let x = spawn_idle(&rt);
    rt.register(Atom::new("x"), x).unwrap();
    let (by_pid, by_name, nobody, spawned, child) = watcher
        .run(move |me| async move {
            let by_pid = me.monitor(x);
            let by_name = me.monitor_name(Atom::new("x"));
            let nobody = me.monitor_name(Atom::new("nobody"));
            let (child, spawned) = me.spawn_program_with(
                "idle",
                Box::new(NativeProgram::new(std::future::pending())),
                false,
                true,
            );
            assert!(me.demonitor(by_pid));
            me.demonitor_flush(by_name);
            (by_pid, by_name, nobody, spawned.unwrap(), child)
        })
        .unwrap();
    let pair = rt.monitor_pair(w, x);
    let pair_by_name = rt.monitor_name_pair(w, Atom::new("x"));
    rt.run_until_quiet(SHORT);
    assert!(rt.demonitor_for(w, pair));
    let kinds: Vec<EventKind> = events.try_iter().map(|e| e.kind).collect();
    let made: Vec<_> = kinds
        .iter()
        .filter_map(|k| match k {
            EventKind::Monitored {
                watcher,
                target,
                reference,
            } => Some((*watcher, *target, *reference)),
            _ => None,
        })
        .collect();
    assert_eq!(
        made,
        [
            (w, x, by_pid),
            (w, x, by_name),
            (w, child, spawned),
            (w, x, pair),
            (w, x, pair_by_name)
        ],
        "no monitor by the name nobody holds: {nobody}"
    );
    let removed: Vec<_> = kinds
        .iter()
        .filter_map(|k| match k {
            EventKind::Demonitored { watcher, reference } => Some((*watcher, *reference)),
            _ => None,
        })
        .collect();
    assert_eq!(removed, [(w, by_pid), (w, by_name), (w, pair)]);
}
