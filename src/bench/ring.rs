//! A ring of N processes passing one token H hops.

use super::report::Report;
use crate::runtime::{Runtime, Term};
use std::time::{Duration, Instant};

pub fn run(rt: &Runtime, procs: usize, hops: u64) -> Report {
    let finisher = rt.spawn_host("bench");
    let done = finisher.pid();
    // Each member learns the next pid, then forwards the hop count,
    // decremented, until it reaches zero.
    let members: Vec<_> = (0..procs)
        .map(|_| {
            rt.spawn("ring", move |me| async move {
                let next = me.receive().await.as_pid().expect("the next pid first");
                // The next member is held, not looked up on every hop.
                let Some(next) = me.resolve(next) else {
                    return Term::normal();
                };
                loop {
                    let Some(hops) = me.receive().await.as_int() else {
                        return Term::normal();
                    };
                    if hops == 0 {
                        me.send(done, Term::atom("done"));
                    } else {
                        me.send_to(&next, Term::int(hops - 1));
                    }
                }
            })
        })
        .collect();
    for (i, &member) in members.iter().enumerate() {
        rt.send(member, Term::pid(members[(i + 1) % procs]));
    }
    rt.run_until_quiet(Duration::from_secs(60));
    let first = members[0];
    let start = Instant::now();
    let finished = finisher
        .run_for(Duration::from_secs(3600), move |me| async move {
            me.send(first, Term::int(hops as i64));
            me.receive().await
        })
        .expect("the ring finishes");
    let elapsed = start.elapsed();
    debug_assert!(finished.is_atom(crate::runtime::Atom::new("done")));
    for &member in &members {
        rt.send(member, Term::atom("stop"));
    }
    Report::new("ring")
        .param("procs", procs as u64)
        .param("hops", hops)
        .figure("ns_per_hop", elapsed.as_nanos() as f64 / hops.max(1) as f64)
}
