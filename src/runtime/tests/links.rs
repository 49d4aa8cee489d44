//! Links and exit signals: OTP-SEMANTICS L1–L10.

use super::support::*;
use crate::runtime::{Atom, EventKind, Term};

#[test]
fn l1_links_are_bidirectional_single_and_not_to_self() {
    let rt = runtime();
    let p = probe(&rt, false);
    let a = spawn_idle(&rt);
    p.run(move |me| async move {
        me.link(a).unwrap();
        me.link(a).unwrap();
        me.link(me.pid()).unwrap();
    })
    .unwrap();
    rt.run_until_quiet(SHORT);
    assert_eq!(rt.process_info(p.pid()).unwrap().links, vec![a]);
    assert_eq!(rt.process_info(a).unwrap().links, vec![p.pid()]);
}

#[test]
fn l1_either_side_may_unlink() {
    let rt = runtime();
    let p = probe(&rt, false);
    let q = probe(&rt, false);
    let q_pid = q.pid();
    p.run(move |me| async move { me.link(q_pid) })
        .unwrap()
        .unwrap();
    rt.run_until_quiet(SHORT);
    let p_pid = p.pid();
    q.run(move |me| async move { me.unlink(p_pid) }).unwrap();
    rt.run_until_quiet(SHORT);
    assert!(rt.process_info(p.pid()).unwrap().links.is_empty());
    assert!(rt.process_info(q.pid()).unwrap().links.is_empty());
}

#[test]
fn l2_links_get_the_reason_after_the_name_is_released() {
    let rt = runtime();
    let trapper = probe(&rt, true);
    let other = probe(&rt, true);
    let x = spawn_exits_on_demand(&rt);
    rt.register(Atom::new("x"), x).unwrap();
    for host in [&trapper, &other] {
        host.run(move |me| async move { me.link(x) })
            .unwrap()
            .unwrap();
    }
    make_exit(&rt, x, atom("boom"));
    for host in [&trapper, &other] {
        // The name is free by the time the exit signal arrives: the receiver
        // can take it at once.
        let (message, registered) = host
            .run(|me| async move {
                let message = me.receive().await;
                (message, me.register(Atom::new("x")))
            })
            .unwrap();
        assert_eq!(message, exit_message(x, atom("boom")));
        if host.pid() == trapper.pid() {
            assert_eq!(registered, Ok(()));
        }
    }
}

#[test]
fn l3_normal_exit_does_not_kill_a_linked_partner() {
    let rt = runtime();
    let partner = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    partner
        .run(move |me| async move { me.link(x) })
        .unwrap()
        .unwrap();
    make_exit(&rt, x, Term::normal());
    assert_eq!(reason_of_death(&rt, x), Term::normal());
    assert!(partner.is_alive());
    assert!(rt.process_info(partner.pid()).unwrap().links.is_empty());
}

#[test]
fn l4_kill_is_untrappable_and_links_carry_killed() {
    let rt = runtime();
    let trapping = probe(&rt, true);
    let partner = spawn_idle(&rt);
    trapping
        .run(move |me| async move { me.link(partner) })
        .unwrap()
        .unwrap();
    rt.exit(trapping.pid(), atom("kill"));
    rt.run_until_quiet(SHORT);
    assert!(!trapping.is_alive());
    assert_eq!(reason_of_death(&rt, trapping.pid()), atom("killed"));
    assert_eq!(reason_of_death(&rt, partner), atom("killed"));
}

#[test]
fn l4_killed_over_a_link_is_trappable() {
    let rt = runtime();
    let watcher = probe(&rt, true);
    let victim = spawn_idle(&rt);
    watcher
        .run(move |me| async move { me.link(victim) })
        .unwrap()
        .unwrap();
    rt.exit(victim, atom("kill"));
    assert_eq!(
        next_message(&watcher, SHORT),
        Some(exit_message(victim, atom("killed")))
    );
    assert!(watcher.is_alive());
}

#[test]
fn l5_a_process_ending_with_kill_sends_an_ordinary_kill() {
    let rt = runtime();
    let trapping = probe(&rt, true);
    let plain = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    for host in [&trapping, &plain] {
        host.run(move |me| async move { me.link(x) })
            .unwrap()
            .unwrap();
    }
    make_exit(&rt, x, atom("kill"));
    assert_eq!(reason_of_death(&rt, x), atom("kill"));
    assert_eq!(
        next_message(&trapping, SHORT),
        Some(exit_message(x, atom("kill")))
    );
    assert!(trapping.is_alive());
    assert_eq!(reason_of_death(&rt, plain.pid()), atom("kill"));
}

#[test]
fn l6_other_reasons_kill_or_arrive_at_the_end_of_the_mailbox() {
    let rt = runtime();
    let trapping = probe(&rt, true);
    let plain = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    for host in [&trapping, &plain] {
        host.run(move |me| async move { me.link(x) })
            .unwrap()
            .unwrap();
    }
    rt.send(trapping.pid(), atom("first"));
    make_exit(&rt, x, atom("boom"));
    assert_eq!(reason_of_death(&rt, plain.pid()), atom("boom"));
    assert_eq!(
        drain(&trapping),
        vec![atom("first"), exit_message(x, atom("boom"))]
    );
}

#[test]
fn l7_explicit_normal_exit_is_ignored_or_trapped() {
    let rt = runtime();
    let plain = probe(&rt, false);
    let trapping = probe(&rt, true);
    let sender = rt.spawn_host("sender");
    let targets = [plain.pid(), trapping.pid()];
    sender
        .run(move |me| async move {
            for target in targets {
                me.exit(target, Term::normal());
            }
        })
        .unwrap();
    rt.run_until_quiet(SHORT);
    assert!(plain.is_alive());
    assert_eq!(
        next_message(&trapping, SHORT),
        Some(exit_message(sender.pid(), Term::normal()))
    );
}

#[test]
fn l7_exit_normal_sent_to_yourself_ends_you() {
    let rt = runtime();
    let p = probe(&rt, false);
    let result = p.run(|me| async move {
        me.exit(me.pid(), Term::normal());
        me.receive().await
    });
    assert_eq!(result, Err(crate::runtime::HostError::Died(Term::normal())));
}

#[test]
fn l8_linking_to_a_dead_process() {
    let rt = runtime();
    let x = spawn_exits_on_demand(&rt);
    make_exit(&rt, x, atom("gone"));
    let plain = probe(&rt, false);
    let result = plain.run(move |me| async move { me.link(x) }).unwrap();
    assert_eq!(result, Err(atom("noproc")));
    let trapping = probe(&rt, true);
    trapping
        .run(move |me| async move { me.link(x) })
        .unwrap()
        .unwrap();
    assert_eq!(
        next_message(&trapping, SHORT),
        Some(exit_message(x, atom("noproc")))
    );
}

#[test]
fn l8_a_link_that_reaches_a_process_as_it_dies_gets_noproc() {
    let rt = runtime();
    let x = spawn_exits_on_demand(&rt);
    let trapping = probe(&rt, true);
    // x is told to exit and, in the same breath, linked: the link request
    // arrives after x has decided to end, and is answered with noproc.
    trapping
        .run(move |me| async move {
            me.send(
                x,
                Term::tuple([Term::atom("exit_with"), Term::atom("boom")]),
            );
            me.link(x)
        })
        .unwrap()
        .unwrap();
    let message = next_message(&trapping, SHORT).unwrap();
    assert!(
        message == exit_message(x, atom("noproc")) || message == exit_message(x, atom("boom")),
        "got {message}"
    );
}

#[test]
fn l9_after_unlink_the_link_has_no_effect() {
    let rt = runtime();
    let plain = probe(&rt, false);
    let x = spawn_exits_on_demand(&rt);
    plain
        .run(move |me| async move {
            me.link(x).unwrap();
            me.unlink(x);
        })
        .unwrap();
    make_exit(&rt, x, atom("boom"));
    assert!(plain.is_alive());
}

#[test]
fn l9_an_exit_message_already_in_the_mailbox_stays() {
    let rt = runtime();
    let trapping = probe(&rt, true);
    let x = spawn_exits_on_demand(&rt);
    trapping
        .run(move |me| async move { me.link(x) })
        .unwrap()
        .unwrap();
    make_exit(&rt, x, atom("boom"));
    trapping.run(move |me| async move { me.unlink(x) }).unwrap();
    assert_eq!(drain(&trapping), vec![exit_message(x, atom("boom"))]);
}

#[test]
fn l10_spawn_link_is_atomic() {
    let rt = runtime();
    let trapping = probe(&rt, true);
    // The child dies in its very first slice. A separate spawn and link
    // could see it dead already (noproc); spawn_link cannot.
    let child = trapping
        .run(|me| async move { me.spawn_link("doomed", |_| async { Term::atom("boom") }) })
        .unwrap();
    assert_eq!(
        next_message(&trapping, SHORT),
        Some(exit_message(child, atom("boom")))
    );

    let plain = probe(&rt, false);
    let result = plain.run(|me| async move {
        me.spawn_link("doomed", |_| async { Term::atom("boom") });
        me.receive().await
    });
    assert_eq!(result, Err(crate::runtime::HostError::Died(atom("boom"))));
}

#[test]
fn link_pair_links_two_other_processes() {
    let rt = runtime();
    let a = spawn_idle(&rt);
    let b = spawn_idle(&rt);
    rt.link_pair(a, b).unwrap();
    rt.run_until_quiet(SHORT);
    assert_eq!(rt.process_info(a).unwrap().links, vec![b]);
    rt.exit(a, atom("boom"));
    rt.run_until_quiet(SHORT);
    assert_eq!(reason_of_death(&rt, b), atom("boom"));
}

#[test]
fn l8_link_pair_with_a_dead_process_fails_or_traps_and_sends_no_exit_signal() {
    let rt = runtime();
    let events = rt.subscribe();
    let dead = spawn_exits_on_demand(&rt);
    make_exit(&rt, dead, Term::normal());

    // Not trapping: the call fails with noproc, and the linker is unharmed
    // (as if it had caught the error link/1 raised).
    let plain = probe(&rt, false);
    assert_eq!(rt.link_pair(plain.pid(), dead), Err(atom("noproc")));
    rt.run_until_quiet(SHORT);
    assert!(plain.is_alive());
    assert!(rt.process_info(plain.pid()).unwrap().links.is_empty());
    assert!(drain(&plain).is_empty());

    // Trapping: {'EXIT', Dead, noproc} in the mailbox, no link.
    let trapping = probe(&rt, true);
    assert_eq!(rt.link_pair(trapping.pid(), dead), Ok(()));
    assert_eq!(
        next_message(&trapping, SHORT),
        Some(exit_message(dead, atom("noproc")))
    );
    assert!(rt.process_info(trapping.pid()).unwrap().links.is_empty());

    let exit_signals: Vec<EventKind> = events
        .try_iter()
        .map(|e| e.kind)
        .filter(|kind| matches!(kind, EventKind::ExitSignal { .. }))
        .collect();
    assert!(exit_signals.is_empty(), "{exit_signals:?}");
}

#[test]
fn l8_link_pair_from_a_dead_process_fails_and_leaves_the_other_alone() {
    let rt = runtime();
    let dead = spawn_exits_on_demand(&rt);
    make_exit(&rt, dead, Term::normal());
    let alive = probe(&rt, false);
    assert_eq!(rt.link_pair(dead, alive.pid()), Err(atom("noproc")));
    rt.run_until_quiet(SHORT);
    assert!(alive.is_alive());
    assert!(rt.process_info(alive.pid()).unwrap().links.is_empty());
}
