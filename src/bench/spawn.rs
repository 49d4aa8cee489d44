//! Spawn N idle processes: time per spawn, memory per process, teardown.

use super::report::Report;
use crate::endurance::resident_bytes;
use crate::runtime::{Atom, Runtime, Term};
use std::time::{Duration, Instant};

/// An idle process: waits for `stop`.
async fn idle(me: std::sync::Arc<crate::runtime::Process>) -> Term {
    let stop = Atom::new("stop");
    while !me.receive().await.is_atom(stop) {}
    Term::normal()
}

pub fn run(rt: &Runtime, procs: usize) -> Report {
    // The spawner is a process, as on the BEAM side (an Erlang process
    // spawns there): spawning from the bench's own thread made a third
    // thread compete with the two workers for two cores, and the figure
    // moved with how the OS scheduled the three (docs/benchmarks.md).
    let spawner = rt.spawn_host("spawner");
    spawner
        .run(|_| async {})
        .expect("the spawner is up before the clock starts");
    rt.run_until_quiet(Duration::from_secs(1));
    let rss_before = resident_bytes();
    let start = Instant::now();
    let pids = spawner
        .run_for(Duration::from_secs(600), move |me| async move {
            (0..procs)
                .map(|_| me.spawn("idle", idle))
                .collect::<Vec<_>>()
        })
        .expect("the spawner spawns");
    // Every process has run its first slice and waits in receive.
    rt.run_until_quiet(Duration::from_secs(600));
    let spawned = start.elapsed();
    let rss_after = resident_bytes();

    let start = Instant::now();
    rt.exit(spawner.pid(), Term::atom("kill"));
    let stop = Term::atom("stop");
    for &pid in &pids {
        rt.send(pid, stop.clone());
    }
    rt.run_until(|| rt.process_count() == 0, Duration::from_secs(600));
    let teardown = start.elapsed();

    let bytes = rss_after.saturating_sub(rss_before) as f64 / procs as f64;
    Report::new("spawn")
        .param("procs", procs as u64)
        .figure("ns_per_spawn", spawned.as_nanos() as f64 / procs as f64)
        .figure("bytes_per_process", bytes)
        .figure("teardown_ms", teardown.as_secs_f64() * 1000.0)
}
