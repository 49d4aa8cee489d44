//! The scheduler: preemption by reductions, many processes, both modes.

use super::support::*;
use crate::runtime::{Config, Runtime, Status, Term};
use std::time::Duration;

async fn spin(me: std::sync::Arc<crate::runtime::Process>) -> Term {
    loop {
        me.work(10).await;
    }
}

fn ping(rt: &Runtime, echo: crate::runtime::Pid) -> Term {
    let p = probe(rt, false);
    p.run_for(Duration::from_secs(10), move |me| async move {
        me.send(echo, Term::tuple([Term::pid(me.pid()), Term::atom("ping")]));
        me.receive().await
    })
    .unwrap()
}

#[test]
fn busy_processes_are_preempted_deterministic() {
    let rt = runtime();
    for _ in 0..4 {
        rt.spawn("spinner", spin);
    }
    let echo = rt.spawn("echo", echo);
    assert_eq!(ping(&rt, echo), atom("ping"));
}

#[test]
fn busy_processes_are_preempted_on_one_live_scheduler() {
    let rt = Runtime::new(Config::live().with_schedulers(1));
    let spinners: Vec<_> = (0..4).map(|_| rt.spawn("spinner", spin)).collect();
    let echo = rt.spawn("echo", echo);
    assert_eq!(ping(&rt, echo), atom("ping"));
    let info = rt.process_info(spinners[0]).unwrap();
    assert!(info.reductions > 0);
    assert!(matches!(info.status, Status::Running | Status::Runnable));
    // and a spinner can be killed even though it never receives
    for spinner in spinners {
        rt.exit(spinner, atom("kill"));
    }
    rt.run_until(|| rt.process_count() == 2, Duration::from_secs(10));
    assert_eq!(rt.process_count(), 2, "echo and the probe remain");
}

#[test]
fn an_idle_process_is_waiting() {
    let rt = runtime();
    let x = spawn_idle(&rt);
    rt.run_until_quiet(SHORT);
    assert_eq!(rt.process_info(x).unwrap().status, Status::Waiting);
}

#[test]
fn many_processes_spawn_and_all_exit_cleanly() {
    const COUNT: usize = 20_000;
    let rt = live_runtime();
    let pids: Vec<_> = (0..COUNT).map(|_| spawn_idle(&rt)).collect();
    assert_eq!(rt.process_count(), COUNT);
    rt.run_until_quiet(Duration::from_secs(30));
    for &pid in &pids {
        rt.send(pid, atom("stop"));
    }
    rt.run_until(|| rt.process_count() == 0, Duration::from_secs(30));
    assert_eq!(rt.process_count(), 0);
    assert!(rt.processes().is_empty());
    assert_eq!(rt.death(pids[COUNT - 1]).unwrap().reason, Term::normal());
}

#[test]
fn a_ring_passes_a_token_on_the_live_scheduler() {
    const SIZE: usize = 100;
    const HOPS: i64 = 10_000;
    let rt = live_runtime();
    let finisher = probe(&rt, false);
    let done = finisher.pid();
    // Each member forwards {token, N} to the next, until N reaches zero.
    let members: Vec<_> = (0..SIZE)
        .map(|_| {
            rt.spawn("ring", move |me| async move {
                let next = me
                    .receive()
                    .await
                    .as_pid()
                    .expect("first message: the next pid");
                loop {
                    let message = me.receive().await;
                    let hops = message.as_int().expect("a hop count");
                    if hops == 0 {
                        me.send(done, Term::atom("done"));
                    } else {
                        me.send(next, Term::int(hops - 1));
                    }
                }
            })
        })
        .collect();
    for (i, &member) in members.iter().enumerate() {
        rt.send(member, Term::pid(members[(i + 1) % SIZE]));
    }
    rt.send(members[0], Term::int(HOPS));
    assert_eq!(
        next_message(&finisher, Duration::from_secs(30)),
        Some(atom("done"))
    );
}

#[test]
fn a_host_job_can_wait_for_a_reply_on_the_live_scheduler() {
    let rt = live_runtime();
    let echo = rt.spawn("echo", echo);
    assert_eq!(ping(&rt, echo), atom("ping"));
}

#[test]
fn dropping_a_live_runtime_stops_everything() {
    let rt = live_runtime();
    for _ in 0..100 {
        rt.spawn("spinner", spin);
    }
    let host = probe(&rt, false);
    drop(rt);
    assert!(host.run(|_| async {}).is_err());
}
