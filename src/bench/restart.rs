//! A supervisor restarting its killed child K times.

use super::report::Report;
use crate::runtime::{Process, Runtime, Term};
use crate::supervisor::{self, ChildSpec, Shutdown, SupervisorSpec};
use std::time::{Duration, Instant};

pub fn run(rt: &Runtime, times: u64) -> Report {
    let probe = rt.spawn_host("bench");
    let me_pid = probe.pid();
    // The worker announces itself when it starts, so the probe sees the
    // replacement running without polling.
    let worker = ChildSpec::worker("worker", "worker", move |sup: &Process, _: &[Term]| {
        Ok(sup.spawn_link("worker", move |me| async move {
            me.send(
                me_pid,
                Term::tuple([Term::atom("started"), Term::pid(me.pid())]),
            );
            loop {
                me.receive().await;
            }
        }))
    })
    .shutdown(Shutdown::BrutalKill);
    let spec = SupervisorSpec::default()
        .intensity(times as u32 + 10, Duration::from_secs(3600))
        .child(worker);
    let elapsed = probe
        .run_for(Duration::from_secs(3600), move |me| async move {
            supervisor::start_link(&me, spec)
                .await
                .expect("the supervisor starts");
            let mut current = started(&me).await;
            let start = Instant::now();
            for _ in 0..times {
                me.exit(current, Term::atom("kill"));
                current = started(&me).await;
            }
            start.elapsed()
        })
        .expect("the restarts finish");
    Report::new("restart").param("times", times).figure(
        "us_per_restart",
        elapsed.as_secs_f64() * 1e6 / times.max(1) as f64,
    )
}

async fn started(me: &Process) -> crate::runtime::Pid {
    let message = me.receive().await;
    message
        .as_tuple()
        .and_then(|t| t[1].as_pid())
        .expect("{started, Pid}")
}
