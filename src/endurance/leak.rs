//! `letitcrash leak`: many spawn/exit cycles; memory must come back.
//!
//! A process that lives and dies leaves nothing behind in a correct
//! runtime: its slot in the process table, its mailbox, its links and its
//! entry in the death record are reused or bounded. So after a warm-up
//! (which fills what is bounded but kept, such as the `recent_deaths` ring,
//! and lets the allocator reach its working size), the resident set must
//! stay where it was however many processes come and go. The run spawns
//! `--cycles` processes in batches: each batch is spawned at once, every
//! process links to its neighbour, sends it a message and exits, and the
//! next batch starts when the runtime is empty again. Resident memory
//! (`VmRSS`) is read after the warm-up (the baseline), after every batch
//! (the peak) and at the end, when it must be within 10% of the baseline.

use super::resident_bytes;
use crate::runtime::{Config, Runtime, Term};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct LeakOptions {
    pub cycles: u64,
    /// Processes alive at once.
    pub batch: usize,
    /// The allowed growth over the baseline, in percent.
    pub tolerance_percent: u64,
    pub schedulers: Option<usize>,
}

impl Default for LeakOptions {
    fn default() -> LeakOptions {
        LeakOptions {
            cycles: 1_000_000,
            batch: 1_000,
            tolerance_percent: 10,
            schedulers: None,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct LeakReport {
    pub cycles: u64,
    pub warm_up: u64,
    pub batch: usize,
    pub baseline: u64,
    pub peak: u64,
    pub after: u64,
    pub tolerance_percent: u64,
    pub wall: Duration,
    pub violations: Vec<String>,
}

impl LeakReport {
    pub fn passed(&self) -> bool {
        self.violations.is_empty()
    }

    pub fn render(&self) -> String {
        let mib = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
        let growth = (self.after as f64 / self.baseline.max(1) as f64 - 1.0) * 100.0;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "leak: {} spawn/exit cycles in batches of {} after {} warm-up cycles, {:.1} s",
            self.cycles,
            self.batch,
            self.warm_up,
            self.wall.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "  resident memory: baseline {:.1} MiB, peak {:.1} MiB, after {:.1} MiB ({growth:+.1}%, allowed +{}%)",
            mib(self.baseline),
            mib(self.peak),
            mib(self.after),
            self.tolerance_percent
        );
        if self.passed() {
            let _ = writeln!(out, "leak: ok");
        } else {
            for violation in &self.violations {
                let _ = writeln!(out, "leak: {violation}");
            }
        }
        out
    }
}

/// Runs `cycles` spawn/exit cycles in batches, returning when the runtime
/// is empty again.
fn cycle(rt: &Runtime, cycles: u64, batch: usize) -> Result<(), String> {
    let mut done = 0;
    while done < cycles {
        let n = batch.min((cycles - done) as usize);
        let mut previous = None;
        for _ in 0..n {
            let neighbour = previous;
            let pid = rt.spawn("cycle", move |me| async move {
                if let Some(neighbour) = neighbour {
                    // A link and a message, so that dying has something to
                    // clean up; the neighbour may be gone already (L8).
                    let _ = me.link(neighbour);
                    me.send(neighbour, Term::atom("bye"));
                }
                Term::normal()
            });
            previous = Some(pid);
        }
        let outcome = rt.run_until(|| rt.process_count() == 0, Duration::from_secs(60));
        if outcome != crate::runtime::Outcome::Done {
            return Err(format!(
                "{} processes still alive a minute after their batch ({outcome:?})",
                rt.process_count()
            ));
        }
        done += n as u64;
    }
    Ok(())
}

pub fn run(options: &LeakOptions) -> LeakReport {
    let started = Instant::now();
    let config = match options.schedulers {
        Some(n) => Config::live().with_schedulers(n),
        None => Config::live(),
    };
    let rt = Runtime::new(config);
    let recent_deaths = rt.config().recent_deaths as u64;
    // Enough to fill the death record twice over and reach the allocator's
    // working size: what is kept on purpose is in the baseline.
    let warm_up = (recent_deaths * 2).max(options.batch as u64 * 20);
    let mut report = LeakReport {
        cycles: options.cycles,
        warm_up,
        batch: options.batch,
        tolerance_percent: options.tolerance_percent,
        ..LeakReport::default()
    };
    if let Err(error) = cycle(&rt, warm_up, options.batch) {
        report.violations.push(format!("warm-up: {error}"));
        return report;
    }
    report.baseline = resident_bytes();
    report.peak = report.baseline;
    let mut done = 0;
    // In slices, so the peak is sampled as the run goes.
    let slice = (options.batch as u64 * 50).max(1);
    while done < options.cycles {
        let n = slice.min(options.cycles - done);
        if let Err(error) = cycle(&rt, n, options.batch) {
            report.violations.push(error);
            break;
        }
        report.peak = report.peak.max(resident_bytes());
        done += n;
    }
    report.after = resident_bytes();
    report.peak = report.peak.max(report.after);
    if report.baseline == 0 {
        report
            .violations
            .push("no resident memory figure (/proc/self/status has no VmRSS)".to_owned());
    } else if report.after * 100 > report.baseline * (100 + options.tolerance_percent) {
        report.violations.push(format!(
            "resident memory grew from {} to {} bytes, more than {}%",
            report.baseline, report.after, options.tolerance_percent
        ));
    }
    report.wall = started.elapsed();
    report
}
