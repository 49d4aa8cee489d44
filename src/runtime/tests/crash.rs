//! Crash isolation: a panic inside a process ends that process only.

use super::support::*;
use crate::runtime::{HostError, Term};

fn panic_reason(message: &str) -> Term {
    Term::tuple([Term::atom("panic"), Term::string(message)])
}

#[test]
fn a_panic_becomes_the_exit_reason_and_reaches_the_links() {
    let rt = runtime();
    let trapping = probe(&rt, true);
    let bystander = spawn_idle(&rt);
    let buggy = rt.spawn("buggy", |me| async move {
        me.receive().await;
        let numbers: Vec<i64> = Vec::new();
        Term::int(numbers[3])
    });
    trapping
        .run(move |me| async move { me.link(buggy) })
        .unwrap()
        .unwrap();
    rt.send(buggy, atom("go"));
    rt.run_until_quiet(SHORT);
    let reason = reason_of_death(&rt, buggy);
    let text = reason.to_string();
    assert!(text.starts_with("{panic,\"index out of bounds"), "{text}");
    assert_eq!(
        next_message(&trapping, SHORT),
        Some(exit_message(buggy, reason))
    );
    assert!(rt.is_alive(bystander), "other processes go on");
}

#[test]
fn the_live_runtime_survives_panics() {
    let rt = live_runtime();
    let echo = rt.spawn("echo", echo);
    for _ in 0..20 {
        rt.spawn("panicker", |_| async { panic!("on purpose") });
    }
    let p = probe(&rt, false);
    let reply = p
        .run(move |me| async move {
            me.send(
                echo,
                Term::tuple([Term::pid(me.pid()), Term::atom("still here?")]),
            );
            me.receive().await
        })
        .unwrap();
    assert_eq!(reply, atom("still here?"));
    let deaths = rt.recent_deaths(100);
    assert_eq!(
        deaths
            .iter()
            .filter(|d| d.reason == panic_reason("on purpose"))
            .count(),
        20
    );
}

#[test]
fn a_panic_in_a_host_job_ends_the_host_process() {
    let rt = runtime();
    let p = probe(&rt, false);
    let result = p.run(|_| async { panic!("bad job") });
    assert_eq!(
        result,
        Err::<(), _>(HostError::Died(panic_reason("bad job")))
    );
    assert!(!p.is_alive());
    assert_eq!(
        p.run(|_| async {}),
        Err(HostError::Died(panic_reason("bad job")))
    );
}

#[test]
fn a_death_is_known_as_soon_as_the_process_is_not_alive_live() {
    // The session polls `is_alive` from its own thread while a worker
    // finishes the process; `expect dead w boom` must never find the
    // process dead and its reason unknown.
    let rt = live_runtime();
    for round in 0..2_000 {
        let pid = spawn_exits_on_demand(&rt);
        let reason = Term::tuple([atom("boom"), Term::int(round)]);
        rt.send(pid, Term::tuple([atom("exit_with"), reason.clone()]));
        while rt.is_alive(pid) {
            std::hint::spin_loop();
        }
        assert_eq!(rt.death(pid).map(|death| death.reason), Some(reason));
    }
}
