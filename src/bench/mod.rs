//! `letitcrash bench`: the runtime's speed and memory, measured.
//!
//! Four workloads, the same ones `scripts/beam/lic_bench.erl` runs on the
//! BEAM so `scripts/bench-vs-beam.sh` can put the figures side by side:
//!
//! - [`spawn`]: spawn N idle processes; ns per spawn, bytes per process
//!   (resident memory before and after, from /proc), time to tear down.
//! - [`ring`]: N processes in a ring pass one token H hops; ns per hop.
//! - [`restart`]: a supervisor restarts its killed child K times; µs per
//!   restart, from the kill to the new child running.
//! - [`fairness`]: S spinners burn CPU while a ping-pong pair measures its
//!   round trip; p50 and p99. Preemption by reductions keeps p99 low.
//!
//! - [`vm`]: the same kind of work done by processes written in the
//!   process language (`vm-ring`, `vm-fib`, `vm-spawn`, `vm-map`,
//!   `vm-binary`, `vm-bignum`, `vm-list`, `vm-send`), run by the bytecode
//!   interpreter; not part of `all`.
//!
//! - [`audience`]: the stage's audience demo, N simulated phones over
//!   loopback joining, following their event streams and crashing;
//!   `bench audience`, not part of `all`.
//!
//! Speed is measured here and only here: tests never assert on time.
//!
//! Imports: anything below the front ends (it builds runtimes, sessions and
//! stages to measure them) and `endurance`'s memory reading.

pub mod audience;
mod fairness;
mod report;
mod restart;
mod ring;
mod spawn;
mod vm;

pub use report::Report;

use crate::runtime::Config;

/// Which benchmarks to run, with what parameters.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    pub workloads: Vec<Workload>,
    pub procs: Option<usize>,
    pub hops: u64,
    pub times: u64,
    pub spinners: usize,
    pub schedulers: usize,
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workload {
    Spawn,
    Ring,
    Restart,
    Fairness,
    VmRing,
    VmFib,
    VmSpawn,
    /// 100,000 puts and 100,000 gets on one map.
    VmMap,
    VmBinary,
    VmBignum,
    /// `lists:seq`, walks, `lists:reverse`, `map` and `foldl` on a
    /// million elements.
    VmList,
    /// A 10,000-element list sent back and forth 10,000 times.
    VmSend,
    /// The stage's audience demo over loopback (its own report).
    Audience,
}

impl Workload {
    pub const ALL: [Workload; 4] = [
        Workload::Spawn,
        Workload::Ring,
        Workload::Restart,
        Workload::Fairness,
    ];

    pub fn from_name(name: &str) -> Option<Vec<Workload>> {
        Some(match name {
            "spawn" => vec![Workload::Spawn],
            "ring" => vec![Workload::Ring],
            "restart" => vec![Workload::Restart],
            "fairness" => vec![Workload::Fairness],
            "vm-ring" => vec![Workload::VmRing],
            "vm-fib" => vec![Workload::VmFib],
            "vm-spawn" => vec![Workload::VmSpawn],
            "vm-map" => vec![Workload::VmMap],
            "vm-binary" => vec![Workload::VmBinary],
            "vm-bignum" => vec![Workload::VmBignum],
            "vm-list" => vec![Workload::VmList],
            "vm-send" => vec![Workload::VmSend],
            "audience" => vec![Workload::Audience],
            "vm" => vec![
                Workload::VmRing,
                Workload::VmFib,
                Workload::VmSpawn,
                Workload::VmMap,
                Workload::VmBinary,
                Workload::VmBignum,
                Workload::VmList,
                Workload::VmSend,
            ],
            "all" => Workload::ALL.to_vec(),
            _ => return None,
        })
    }
}

impl Default for BenchOptions {
    fn default() -> BenchOptions {
        BenchOptions {
            workloads: Workload::ALL.to_vec(),
            procs: None,
            hops: 1_000_000,
            times: 10_000,
            spinners: 4,
            schedulers: std::thread::available_parallelism().map_or(1, usize::from),
            json: false,
        }
    }
}

/// The runtime a benchmark runs on: live, and with room for as many
/// processes as it is asked to spawn (`bench spawn` starts a million, past
/// the default process limit of 262,144, as `erl +P 2000000` must for the
/// BEAM's side in scripts/beam/).
pub fn bench_config(options: &BenchOptions) -> Config {
    let mut config = Config::live().with_schedulers(options.schedulers);
    config.process_limit = config
        .process_limit
        .max(options.procs.unwrap_or(0).saturating_mul(2))
        .max(BENCH_PROCESS_LIMIT);
    config
}

/// Room for `bench spawn`'s million processes and the runtime's own.
const BENCH_PROCESS_LIMIT: usize = 2_000_000;

/// Runs the chosen benchmarks, each on a fresh live runtime, and returns
/// their reports.
pub fn run(options: &BenchOptions, mut on_report: impl FnMut(&Report)) -> Vec<Report> {
    small_pages_only();
    let mut reports = Vec::new();
    let runtime = || crate::behavior::runtime(bench_config(options));
    for workload in &options.workloads {
        let new_reports = match workload {
            Workload::Spawn => vec![spawn::run(&runtime(), options.procs.unwrap_or(1_000_000))],
            Workload::Ring => match options.procs {
                Some(procs) => vec![ring::run(&runtime(), procs, options.hops)],
                None => [1_000, 10_000]
                    .map(|procs| ring::run(&runtime(), procs, options.hops))
                    .to_vec(),
            },
            Workload::Restart => vec![restart::run(&runtime(), options.times)],
            Workload::Fairness => vec![fairness::run(&runtime(), options.spinners)],
            Workload::VmRing => match options.procs {
                Some(procs) => vec![vm::ring(&runtime(), procs, options.hops)],
                None => [1_000, 10_000]
                    .map(|procs| vm::ring(&runtime(), procs, options.hops))
                    .to_vec(),
            },
            Workload::VmFib => vec![vm::fib(&runtime())],
            Workload::VmSpawn => vec![vm::spawn(&runtime(), options.procs.unwrap_or(100_000))],
            Workload::VmMap => vec![vm::map(&runtime(), vm::MAP_KEYS)],
            Workload::VmBinary => vec![vm::binary(&runtime())],
            Workload::VmBignum => vec![vm::bignum(&runtime())],
            Workload::VmList => vec![vm::list(&runtime())],
            Workload::VmSend => vec![vm::send(&runtime())],
            // Not a runtime figure: `letitcrash bench audience` runs it.
            Workload::Audience => Vec::new(),
        };
        for mut report in new_reports {
            report.schedulers = options.schedulers;
            on_report(&report);
            reports.push(report);
        }
    }
    reports
}

/// Turns transparent huge pages off for this process before any workload
/// runs. mimalloc asks for them (`MADV_HUGEPAGE`), and where the kernel's
/// THP defrag setting is `madvise` (Debian's default) a first touch of such
/// a page may stall in direct compaction when free memory is fragmented:
/// spawning a million processes then took 264 to 1,156 ns each over seven
/// runs, against 394 to 450 with small pages (docs/benchmarks.md). The
/// small pages cost ~100,000 more page faults per million processes; the
/// figure is stable instead of lucky.
fn small_pages_only() {
    #[cfg(target_os = "linux")]
    if let Err(error) = nix::sys::prctl::set_thp_disable(true) {
        eprintln!("bench: could not turn transparent huge pages off: {error}");
    }
}
