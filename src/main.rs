//! The `letitcrash` command: the REPL by default, or `run`, `check`, `bench`.
//!
//! This file only reads the command line and hands over to the library:
//! `repl` for the interactive shell, `script` for replaying and checking
//! demo scripts, `bench` for the benchmarks.

use clap::{Parser, Subcommand};
use letitcrash::bench::{self, BenchOptions, Workload};
use letitcrash::lang::parse_duration;
use letitcrash::{repl, script};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// mimalloc instead of the system allocator: spawning and ending a million
/// processes is mostly allocation, and glibc's malloc spends a quarter of
/// that time consolidating free lists (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A playground for Erlang/OTP-style processes: spawn, link, kill,
/// supervise, and watch the restarts happen.
#[derive(Parser)]
#[command(name = "letitcrash", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Scheduler threads for the live runtime (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    schedulers: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// The interactive shell (what runs when no command is given).
    Repl {
        /// Run deterministically, on a virtual clock, with this seed.
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Replay a demo script as if it were typed.
    Run {
        file: PathBuf,
        /// Wait for a key before each command (Enter: next, q: quit, i: interact).
        #[arg(long)]
        step: bool,
        /// Type each command out, one character per DURATION.
        #[arg(long, value_parser = parse_duration, value_name = "DURATION")]
        typing: Option<Duration>,
        /// Wait DURATION between commands.
        #[arg(long, value_parser = parse_duration, value_name = "DURATION")]
        delay: Option<Duration>,
        /// Run deterministically, on a virtual clock, with this seed.
        #[arg(long)]
        seed: Option<u64>,
        /// Go on after a command fails.
        #[arg(long)]
        keep_going: bool,
        /// Show the script's `#` comments.
        #[arg(long)]
        comments: bool,
    },
    /// Check scripts: run them deterministically and verify every `expect`
    /// and `#=>` expected output.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value_t = 0)]
        seed: u64,
    },
    /// Measure spawn, message ring, restart and fairness figures.
    Bench {
        /// spawn, ring, restart, fairness or all.
        #[arg(default_value = "all", value_parser = parse_workload)]
        workload: Vec<Vec<Workload>>,
        /// Processes (spawn: 1,000,000; ring: 1,000 and 10,000).
        #[arg(long)]
        procs: Option<usize>,
        /// Hops around the ring.
        #[arg(long, default_value_t = 1_000_000)]
        hops: u64,
        /// Restarts.
        #[arg(long, default_value_t = 10_000)]
        times: u64,
        /// Spinners competing with the ping-pong pair.
        #[arg(long, default_value_t = 4)]
        spinners: usize,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn parse_workload(text: &str) -> Result<Vec<Workload>, String> {
    Workload::from_name(text).ok_or_else(|| {
        format!("`{text}` is not a benchmark: spawn, ring, restart, fairness or all")
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let schedulers = cli.schedulers;
    match cli.command.unwrap_or(Command::Repl { seed: None }) {
        Command::Repl { seed } => repl::run(repl::ReplOptions { schedulers, seed }),
        Command::Run {
            file,
            step,
            typing,
            delay,
            seed,
            keep_going,
            comments,
        } => script::run(script::RunOptions {
            file,
            step,
            typing,
            delay,
            seed,
            keep_going,
            comments,
            schedulers,
        }),
        Command::Check { files, seed } => script::check(script::CheckOptions { files, seed }),
        Command::Bench {
            workload,
            procs,
            hops,
            times,
            spinners,
            json,
        } => {
            let defaults = BenchOptions::default();
            let options = BenchOptions {
                workloads: workload.into_iter().flatten().collect(),
                procs,
                hops,
                times,
                spinners,
                schedulers: schedulers.unwrap_or(defaults.schedulers),
                json,
            };
            run_bench(&options)
        }
    }
}

fn run_bench(options: &BenchOptions) -> ExitCode {
    let revision = git_revision();
    if !options.json {
        println!(
            "letitcrash bench  ({} schedulers, revision {revision})",
            options.schedulers
        );
    }
    bench::run(options, |report| {
        if options.json {
            println!("{}", report.to_json(&revision));
        } else {
            println!("{}", report.to_line());
        }
    });
    ExitCode::SUCCESS
}

/// The git revision of the working tree, if there is one.
fn git_revision() -> String {
    std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_else(|| "unknown".to_owned())
}
