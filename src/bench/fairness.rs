//! Spinners burning CPU while a ping-pong pair measures its round trip.

use super::report::Report;
use crate::runtime::{Runtime, Term};
use std::time::{Duration, Instant};

const ROUND_TRIPS: usize = 2_000;

pub fn run(rt: &Runtime, spinners: usize) -> Report {
    let spinning: Vec<_> = (0..spinners)
        .map(|_| {
            rt.spawn("spinner", |me| async move {
                loop {
                    // Busy work between checks, charged as reductions.
                    let mut x = 0u64;
                    for i in 0..200 {
                        x = x.wrapping_mul(31).wrapping_add(std::hint::black_box(i));
                    }
                    std::hint::black_box(x);
                    me.work(100).await;
                }
            })
        })
        .collect();
    let ponger = rt.spawn("ponger", |me| async move {
        loop {
            if let Some(from) = me.receive().await.as_pid() {
                me.send(from, Term::atom("pong"));
            }
        }
    });
    let pinger = rt.spawn_host("pinger");
    // Let the spinners get going first.
    std::thread::sleep(Duration::from_millis(50));
    let mut rtts = pinger
        .run_for(Duration::from_secs(600), move |me| async move {
            let mut rtts = Vec::with_capacity(ROUND_TRIPS);
            for _ in 0..ROUND_TRIPS {
                let start = Instant::now();
                me.send(ponger, Term::pid(me.pid()));
                me.receive().await;
                rtts.push(start.elapsed());
            }
            rtts
        })
        .expect("the pings finish");
    for pid in spinning {
        rt.exit(pid, Term::atom("kill"));
    }
    rtts.sort();
    let percentile =
        |p: f64| rtts[((rtts.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e6;
    Report::new("fairness")
        .param("spinners", spinners as u64)
        .figure("rtt_p50_us", percentile(0.50))
        .figure("rtt_p99_us", percentile(0.99))
}
