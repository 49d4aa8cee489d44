//! Registered names (N1) and signal ordering (O1).

use super::support::*;
use crate::runtime::{Atom, Pid, RegisterError, Term};
use std::time::Duration;

#[test]
fn n1_a_name_is_released_when_its_process_ends() {
    let rt = runtime();
    let name = Atom::new("worker");
    let x = spawn_exits_on_demand(&rt);
    rt.register(name, x).unwrap();
    assert_eq!(rt.whereis(name), Some(x));
    assert_eq!(rt.process_info(x).unwrap().name, Some(name));
    make_exit(&rt, x, atom("boom"));
    assert_eq!(rt.whereis(name), None);
    assert_eq!(
        rt.death(x).unwrap().name,
        Some(name),
        "the death remembers the name"
    );
    let y = spawn_idle(&rt);
    assert_eq!(rt.register(name, y), Ok(()));
}

#[test]
fn n1_registering_a_taken_name_or_a_dead_pid_is_an_error() {
    let rt = runtime();
    let name = Atom::new("taken");
    let a = spawn_idle(&rt);
    let b = spawn_idle(&rt);
    rt.register(name, a).unwrap();
    assert_eq!(
        rt.register(name, b),
        Err(RegisterError::NameTaken { name, owner: a })
    );
    assert_eq!(
        rt.register(Atom::new("second"), a),
        Err(RegisterError::AlreadyNamed { pid: a, name })
    );
    let dead = spawn_exits_on_demand(&rt);
    make_exit(&rt, dead, Term::normal());
    assert_eq!(
        rt.register(Atom::new("ghost"), dead),
        Err(RegisterError::NotAlive(dead))
    );
    assert_eq!(
        rt.register(Atom::new("nobody"), Pid::from_number(999_999)),
        Err(RegisterError::NotAlive(Pid::from_number(999_999)))
    );
    assert!(rt.unregister(Atom::new("never")).is_err());
}

#[test]
fn o1_messages_between_a_pair_arrive_in_the_order_sent() {
    let rt = runtime();
    let receiver = probe(&rt, false);
    let target = receiver.pid();
    let sender = rt.spawn_host("sender");
    sender
        .run(move |me| async move {
            for i in 0..1000 {
                me.send(target, Term::int(i));
            }
        })
        .unwrap();
    let received = drain(&receiver);
    assert_eq!(received, (0..1000).map(Term::int).collect::<Vec<_>>());
}

#[test]
fn o1_a_message_sent_before_dying_arrives_before_the_exit() {
    let rt = runtime();
    let trapping = probe(&rt, true);
    let target = trapping.pid();
    let x = rt.spawn("last_words", move |me| async move {
        me.receive().await;
        me.send(target, Term::atom("goodbye"));
        Term::atom("boom")
    });
    trapping
        .run(move |me| async move { me.link(x) })
        .unwrap()
        .unwrap();
    rt.send(x, atom("go"));
    rt.run_until_quiet(SHORT);
    assert_eq!(
        drain(&trapping),
        vec![atom("goodbye"), exit_message(x, atom("boom"))]
    );
}

#[test]
fn o1_holds_per_sender_under_the_live_scheduler() {
    let rt = live_runtime();
    let receiver = probe(&rt, false);
    let target = receiver.pid();
    const SENDERS: i64 = 8;
    const EACH: i64 = 2000;
    for s in 0..SENDERS {
        rt.spawn("sender", move |me| async move {
            for i in 0..EACH {
                me.send(target, Term::tuple([Term::int(s), Term::int(i)]));
            }
            Term::normal()
        });
    }
    let received = receiver
        .run(|me| async move {
            let mut all = Vec::new();
            while all.len() < (SENDERS * EACH) as usize {
                match me.receive_timeout(Duration::from_secs(10)).await {
                    Some(m) => all.push(m),
                    None => break,
                }
            }
            all
        })
        .unwrap();
    assert_eq!(received.len(), (SENDERS * EACH) as usize);
    let mut next = vec![0; SENDERS as usize];
    for message in received {
        let [s, i] = message.as_tuple().unwrap() else {
            panic!("unexpected {message}")
        };
        let (s, i) = (s.as_int().unwrap(), i.as_int().unwrap());
        assert_eq!(i, next[s as usize], "sender {s} out of order");
        next[s as usize] += 1;
    }
}

#[test]
fn sending_to_a_dead_pid_is_silently_dropped() {
    let rt = runtime();
    let x = spawn_exits_on_demand(&rt);
    make_exit(&rt, x, Term::normal());
    let p = probe(&rt, false);
    p.run(move |me| async move { me.send(x, Term::atom("hello?")) })
        .unwrap();
    rt.send(Pid::from_number(123_456), atom("nobody"));
    rt.run_until_quiet(SHORT);
    assert!(p.is_alive());
}

#[test]
fn sending_to_an_unregistered_name_is_badarg() {
    let rt = runtime();
    let p = probe(&rt, false);
    let result = p
        .run(|me| async move { me.send_named(Atom::new("nobody_here"), Term::int(1)) })
        .unwrap();
    assert_eq!(result, Err(Term::atom("badarg")));
}
