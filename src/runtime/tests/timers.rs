//! Timers: send_after, cancel_timer, receive timeouts, on both clocks.

use super::support::*;
use crate::runtime::{EventKind, Term};
use std::time::Duration;

#[test]
fn send_after_delivers_on_time() {
    let rt = runtime();
    let events = rt.subscribe();
    let p = probe(&rt, false);
    let target = p.pid();
    rt.trace(target, true);
    p.run(
        move |me| async move { me.send_after(Duration::from_secs(2), target, Term::atom("wake")) },
    )
    .unwrap();
    rt.advance(Duration::from_secs(3));
    let sent_at = events
        .try_iter()
        .find(|e| matches!(e.kind, EventKind::Sent { .. }))
        .expect("the timer sent its message")
        .at;
    assert!(
        sent_at >= Duration::from_secs(2) && sent_at < Duration::from_millis(2100),
        "{sent_at:?}"
    );
    assert_eq!(drain(&p), vec![atom("wake")]);
}

#[test]
fn a_cancelled_timer_never_fires() {
    let rt = runtime();
    let p = probe(&rt, false);
    let target = p.pid();
    let cancelled = p
        .run(move |me| async move {
            let timer = me.send_after(Duration::from_secs(1), target, Term::atom("never"));
            me.cancel_timer(timer)
        })
        .unwrap();
    assert!(cancelled);
    rt.advance(Duration::from_secs(2));
    assert!(drain(&p).is_empty());
}

#[test]
fn cancelling_a_fired_timer_says_so() {
    let rt = runtime();
    let p = probe(&rt, false);
    let target = p.pid();
    let timer = p
        .run(move |me| async move {
            me.send_after(Duration::from_millis(5), target, Term::atom("fired"))
        })
        .unwrap();
    rt.advance(Duration::from_millis(10));
    assert!(
        !p.run(move |me| async move { me.cancel_timer(timer) })
            .unwrap()
    );
}

#[test]
fn receive_times_out_unless_a_message_comes_first() {
    let rt = runtime();
    let p = probe(&rt, false);
    let before = rt.now();
    assert_eq!(next_message(&p, Duration::from_secs(5)), None);
    let waited = rt.now() - before;
    assert!(
        waited >= Duration::from_secs(5) && waited < Duration::from_millis(5100),
        "{waited:?}"
    );

    let target = p.pid();
    rt.spawn("late_sender", move |me| async move {
        me.sleep(Duration::from_secs(1)).await;
        me.send(target, Term::atom("in time"));
        Term::normal()
    });
    assert_eq!(
        next_message(&p, Duration::from_secs(5)),
        Some(atom("in time"))
    );
}

#[test]
fn an_old_timeout_does_not_cut_a_later_receive_short() {
    let rt = runtime();
    let p = probe(&rt, false);
    let target = p.pid();
    // A message ends the first receive early; its timer still fires later,
    // while the second receive (with a longer timeout) waits.
    rt.spawn("sender", move |me| async move {
        me.sleep(Duration::from_millis(100)).await;
        me.send(target, Term::atom("first"));
        me.sleep(Duration::from_millis(1500)).await;
        me.send(target, Term::atom("second"));
        Term::normal()
    });
    let got = p
        .run(|me| async move {
            let first = me.receive_timeout(Duration::from_secs(1)).await;
            let second = me.receive_timeout(Duration::from_secs(3)).await;
            (first, second)
        })
        .unwrap();
    assert_eq!(got, (Some(atom("first")), Some(atom("second"))));
}

#[test]
fn timers_work_on_the_wall_clock() {
    let rt = live_runtime();
    let p = probe(&rt, false);
    let target = p.pid();
    p.run(move |me| async move { me.send_after(Duration::from_millis(20), target, Term::atom("tick")) })
        .unwrap();
    assert_eq!(next_message(&p, Duration::from_secs(5)), Some(atom("tick")));
    assert_eq!(next_message(&p, Duration::from_millis(30)), None);
}
