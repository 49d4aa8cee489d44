//! The shell process: killed by a link, reborn with its variables.

use super::*;

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
