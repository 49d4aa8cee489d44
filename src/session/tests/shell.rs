//! The shell process: killed by a link, reborn with its variables.

use super::*;
use std::sync::atomic::Ordering;

#[test]
fn a_linked_crash_kills_the_shell_and_a_new_one_starts() {
    let mut s = session();
    let old = s.shell_pid();
    let out = run(
        &mut s,
        "Keep = {still, here}\nspawn crasher(100, boom) link\nsleep 200ms",
    );
    assert!(
        has(
            &out,
            &format!("** shell {old} exited: boom — started a new shell")
        ),
        "{out:?}"
    );
    assert_ne!(s.shell_pid(), old);
    assert_eq!(
        last(&run(&mut s, "Keep")),
        "{still,here}",
        "variables survive"
    );
    assert_eq!(last(&run(&mut s, "self")), s.shell_pid().to_string());
}

#[test]
fn spawn_monitor_delivers_down_to_the_shell() {
    let mut s = session();
    let out = run(
        &mut s,
        "spawn crasher(100, boom) monitor\nsleep 200ms\nflush",
    );
    assert!(has(&out, "monitoring <0."), "{out:?}");
    assert!(has(&out, "Shell got {'DOWN',#Ref<0."), "{out:?}");
}

#[test]
fn an_interrupted_wait_ends_at_once_and_the_shell_goes_on() {
    // Live: a `sleep 30s` that took its time would hang the test.
    let mut live = Session::new(SessionConfig::live(Style::PLAIN));
    run(&mut live, "spawn idle as quiet");
    let interrupt = live.interrupt_flag();
    interrupt.store(true, Ordering::SeqCst);
    for command in [
        "sleep 30s",
        "receive timeout 30s",
        "call quiet hello timeout 30s",
        "wait quiet dead timeout 30s",
    ] {
        let out = run(&mut live, command);
        assert!(has(&out, "interrupted (Ctrl-C)"), "{command}: {out:?}");
    }
    let out = run(&mut live, "receive Never -> Never end.");
    assert!(has(&out, "** exception exit: interrupted"), "{out:?}");
    // The flag is the interrupter's to clear; then all is as before.
    interrupt.store(false, Ordering::SeqCst);
    let out = run(&mut live, "self() ! back, receive M -> {got, M} end.");
    assert!(has(&out, "{got,back}"), "{out:?}");
    assert!(
        has(&run(&mut live, "whereis quiet"), "<0."),
        "the processes run on"
    );

    // Deterministic: a receive nothing answers is interrupted, not stuck.
    let mut det = session();
    det.interrupt_flag().store(true, Ordering::SeqCst);
    let out = run(&mut det, "receive");
    assert!(has(&out, "interrupted (Ctrl-C)"), "{out:?}");
}

#[test]
fn in_elixir_flush_and_a_dead_shell_write_terms_as_iex_does() {
    let mut s = session();
    let out = run(&mut s, "syntax elixir\nsend(self(), {:count, 42})\nflush()");
    assert_eq!(&out[out.len() - 2..], ["{:count, 42}", ":ok"], "{out:?}");
    let old = s.shell_pid();
    let out = run(&mut s, "spawn crasher(100, {boom, 1}) link\nsleep 200ms");
    assert!(
        has(
            &out,
            &format!("** shell {old} exited: {{:boom, 1}} — started a new shell")
        ),
        "{out:?}"
    );
}

#[test]
fn an_elixir_expression_that_raises_is_shown_as_iex_shows_it() {
    let mut s = session();
    let out = run(&mut s, "syntax elixir\nx = :a\n1 + x");
    assert_eq!(
        last(&out),
        "error: ** (ArithmeticError) bad argument in arithmetic expression",
        "{out:?}"
    );
    let out = run(&mut s, "exit({:shutdown, x})");
    assert_eq!(last(&out), "error: ** (exit) shutdown: :a", "{out:?}");
}
