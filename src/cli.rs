//! The command line: what `letitcrash` accepts, and what each command runs.
//!
//! [`Cli`] is the whole grammar (clap derive); [`run`] hands a parsed
//! command over to the library: [`crate::repl`] for the interactive shell,
//! [`crate::script`] for replaying and checking demo scripts,
//! [`crate::bench`] for the benchmarks, [`crate::endurance`] for the soak,
//! leak and fuzz runs. It lives in the library, not in
//! `main.rs`, so that tests can parse the commands the docs show with the
//! very parser the binary uses.

use crate::bench::{self, BenchOptions, Workload};
use crate::commands::parse_duration;
use crate::runtime::{Limits, MIN_HEAP_WORDS, set_default_limits};
use crate::{endurance, repl, script};
use clap::{CommandFactory, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// A playground for Erlang/OTP-style processes: spawn, link, kill,
/// supervise, and watch the restarts happen.
///
/// With no command it is the REPL, and takes the REPL's options:
/// `letitcrash --seed 0` is `letitcrash repl --seed 0`.
#[derive(Debug, Parser)]
#[command(name = "letitcrash", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The REPL's options, when no command is given.
    #[command(flatten)]
    pub repl: ReplArgs,
    /// Scheduler threads for the live runtime (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub schedulers: Option<usize>,
    /// The limits on runaway programs, as the BEAM's emulator flags.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The limits that keep a runaway program from taking the tool down
/// (`runtime/config.rs`): OTP's `+hmax`, `+P` and `+t`, for every runtime
/// the command starts.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LimitArgs {
    /// Kill a process whose heap (what it can reach, mailbox included)
    /// grows past WORDS words of 8 bytes, as OTP's `max_heap_size` (`erl
    /// +hmax`); 0: no limit. Default 33554432 (256 MiB).
    #[arg(long, global = true, value_name = "WORDS", value_parser = parse_max_heap_size)]
    pub max_heap_size: Option<u64>,
    /// How many processes may live at once (`erl +P`); past it a spawn
    /// fails with `system_limit`. Default 262144.
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub process_limit: Option<u64>,
    /// How many atoms the atom table may hold (`erl +t`, at least 8192);
    /// past it `list_to_atom/1` fails with `system_limit`. Default 1048576.
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u64).range(8192..))]
    pub atom_limit: Option<u64>,
}

impl LimitArgs {
    /// The limits these options ask for, the defaults elsewhere.
    pub fn limits(&self) -> Limits {
        let defaults = Limits::default();
        Limits {
            process_limit: self
                .process_limit
                .map_or(defaults.process_limit, |n| n as usize),
            max_heap_size: self.max_heap_size.unwrap_or(defaults.max_heap_size),
            atom_limit: self.atom_limit.map_or(defaults.atom_limit, |n| n as usize),
        }
    }
}

/// `--max-heap-size`: 0, or at least OTP's minimum heap size (233 words).
fn parse_max_heap_size(text: &str) -> Result<u64, String> {
    let words: u64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of words"))?;
    if words != 0 && words < MIN_HEAP_WORDS {
        return Err(format!(
            "a max heap size is 0 (no limit) or at least {MIN_HEAP_WORDS} words, as on the BEAM"
        ));
    }
    Ok(words)
}

impl Cli {
    /// Parses `args` (the program name first) as the binary does. Unlike
    /// the derived parser, it refuses REPL options before another command
    /// (`letitcrash --seed 0 run FILE`): they would silently do nothing.
    /// (`--schedulers` is global, so it may stand anywhere.)
    pub fn try_parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let cli = Cli::try_parse_from(args)?;
        if let (Some(_), Some(command)) = (cli.repl.seed, &cli.command) {
            let name = command.name();
            return Err(Cli::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                format!(
                    "`--seed` before a command is the REPL's; for `{name}`, put it after: `letitcrash {name} ... --seed N`"
                ),
            ));
        }
        Ok(cli)
    }
}

/// Options of the interactive shell.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReplArgs {
    /// Run the REPL deterministically, on a virtual clock, with this seed.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// With --seed: run the next process the seed picks at random, not the
    /// BEAM's run-queue order (to look for races).
    #[arg(long, requires = "seed")]
    pub random_order: bool,
    /// Serve the session to browsers too (as `stage on` does).
    #[arg(long, conflicts_with = "seed")]
    pub serve: bool,
    /// With --serve: the port.
    #[arg(long, value_name = "N", requires = "serve")]
    pub port: Option<u16>,
    /// With --serve: bind the LAN address and print a QR code to it.
    #[arg(long, requires = "serve")]
    pub public: bool,
    /// Write terms, exit reasons and errors as iex does (`{:ok, 1}`,
    /// `#PID<0.5.0>`, `** (MatchError) ...`), as `syntax elixir` does.
    #[arg(long)]
    pub elixir: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The interactive shell (what runs when no command is given).
    Repl(ReplArgs),
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
        /// With --seed: run the next process the seed picks at random, not
        /// the BEAM's run-queue order (to look for races).
        #[arg(long, requires = "seed")]
        random_order: bool,
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
        /// Run the next process the seed picks at random, not the BEAM's
        /// run-queue order (to look for races).
        #[arg(long)]
        random_order: bool,
    },
    /// Serve the projector page and the audience demo to browsers.
    Serve {
        /// The port (0: any free port).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Replay this demo script while serving (the browsers follow it).
        /// Without --step, one statement every 0.8 s, and each `pause` waits
        /// for a key (when stdin is not a terminal: 2 s, so nothing hangs).
        #[arg(long, value_name = "FILE")]
        script: Option<PathBuf>,
        /// With --script: the presenter paces it, as `run --step` does. A
        /// key runs the next command (Enter, space, an arrow, Page Down), a
        /// `pause` waits for one; q (or Ctrl-C) ends the replay and keeps
        /// serving; i hands you the shell.
        #[arg(long, requires = "script")]
        step: bool,
        /// Bind the LAN address (not 127.0.0.1) and print a QR code to it.
        #[arg(long)]
        public: bool,
    },
    /// Measure spawn, message ring, restart and fairness figures.
    Bench {
        /// spawn, ring, restart, fairness or all; vm-ring, vm-fib, vm-spawn, vm-map,
        /// vm-binary, vm-bignum, vm-list, vm-send or vm; audience.
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
        /// audience: simulated phones.
        #[arg(long, default_value_t = 500)]
        clients: usize,
        /// audience: how long the phones crash, in seconds.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
        /// audience: each phone presses Crash every this many milliseconds
        /// (200 is as fast as the rate limit allows); by default at random
        /// every 1 to 4 s.
        #[arg(long, value_name = "MS")]
        press_every: Option<u64>,
        /// audience: the partitions' restart intensity (default: the
        /// stage's own default, as `serve` runs it).
        #[arg(long)]
        intensity: Option<u32>,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Endurance: a tree of 1,000 supervised workers under random kills and
    /// crashes; checks restarts against S3, process leaks and lost events.
    Soak {
        /// How long the chaos lasts (virtual seconds when deterministic).
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Kills and crashes per second.
        #[arg(long, default_value_t = 1000)]
        rate: u32,
        /// On the virtual clock, the same run every time (the default).
        #[arg(long, conflicts_with = "live")]
        deterministic: bool,
        /// On the worker threads and the wall clock.
        #[arg(long)]
        live: bool,
    },
    /// Endurance: spawn/exit cycles; resident memory must return to within
    /// 10% of its baseline.
    Leak {
        #[arg(long, default_value_t = 1_000_000)]
        cycles: u64,
        /// Processes alive at once.
        #[arg(long, default_value_t = 1_000)]
        batch: usize,
    },
    /// Endurance: generated and mutated lines through piped mode; no panic,
    /// no hang, every parse error with a caret.
    Fuzz {
        #[arg(long, default_value_t = 200_000)]
        lines: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Lines per session.
        #[arg(long, default_value_t = 2_000)]
        chunk: usize,
        /// The longest one session may take.
        #[arg(long, value_parser = parse_duration, value_name = "DURATION", default_value = "30s")]
        timeout: Duration,
        /// Sessions side by side.
        #[arg(long, default_value_t = 2)]
        jobs: usize,
        /// Where failing chunks are saved.
        #[arg(long, default_value = "target/fuzz-failures")]
        save: PathBuf,
    },
}

impl Command {
    /// The command's name as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Repl(_) => "repl",
            Command::Run { .. } => "run",
            Command::Check { .. } => "check",
            Command::Serve { .. } => "serve",
            Command::Bench { .. } => "bench",
            Command::Soak { .. } => "soak",
            Command::Leak { .. } => "leak",
            Command::Fuzz { .. } => "fuzz",
        }
    }
}

fn parse_workload(text: &str) -> Result<Vec<Workload>, String> {
    Workload::from_name(text).ok_or_else(|| {
        format!("`{text}` is not a benchmark: spawn, ring, restart, fairness, all, vm-ring, vm-fib, vm-spawn, vm-map, vm-binary, vm-bignum, vm-list, vm-send, vm or audience")
    })
}

/// `--random-order` as a deterministic runtime's [`Order`].
fn order_of(random_order: bool) -> crate::runtime::Order {
    if random_order {
        crate::runtime::Order::Random
    } else {
        crate::runtime::Order::Beam
    }
}

/// Runs what the command line asked for.
pub fn run(cli: Cli) -> ExitCode {
    let schedulers = cli.schedulers;
    set_default_limits(cli.limits.limits());
    match cli.command.unwrap_or(Command::Repl(cli.repl)) {
        Command::Repl(ReplArgs {
            seed,
            random_order,
            serve,
            port,
            public,
            elixir,
        }) => {
            let stage = serve.then(|| crate::stage::StageOptions {
                port: port.unwrap_or(crate::stage::StageOptions::default().port),
                public,
            });
            let order = order_of(random_order);
            repl::run_with_stage(
                repl::ReplOptions {
                    schedulers,
                    seed,
                    order,
                    syntax: if elixir {
                        crate::view::Syntax::Elixir
                    } else {
                        crate::view::Syntax::Erlang
                    },
                },
                stage,
            )
        }
        Command::Serve {
            port,
            script,
            step,
            public,
        } => crate::serve::run(
            &crate::stage::StageOptions { port, public },
            script.as_deref(),
            step,
            schedulers,
        ),
        Command::Run {
            file,
            step,
            typing,
            delay,
            seed,
            random_order,
            keep_going,
            comments,
        } => script::run(script::RunOptions {
            file,
            step,
            typing,
            delay,
            seed,
            order: order_of(random_order),
            keep_going,
            comments,
            schedulers,
            pauses: script::Pauses::Ignore,
        }),
        Command::Check {
            files,
            seed,
            random_order,
        } => script::check(script::CheckOptions {
            files,
            seed,
            order: order_of(random_order),
        }),
        Command::Bench {
            workload,
            procs,
            hops,
            times,
            spinners,
            clients,
            seconds,
            press_every,
            intensity,
            json,
        } => {
            if workload.iter().flatten().any(|w| *w == Workload::Audience) {
                let room = bench::audience::Room {
                    clients,
                    duration: std::time::Duration::from_secs(seconds),
                    press_every: press_every.map(std::time::Duration::from_millis),
                    intensity,
                };
                return bench::audience::run_cli(&room, json);
            }
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
        Command::Soak {
            seconds,
            seed,
            rate,
            deterministic: _,
            live,
        } => {
            let report = endurance::soak::run(&endurance::soak::SoakOptions {
                seconds,
                seed,
                live,
                rate,
                schedulers,
            });
            endurance_exit(report.passed(), &report.render())
        }
        Command::Leak { cycles, batch } => {
            let report = endurance::leak::run(&endurance::leak::LeakOptions {
                cycles,
                batch,
                schedulers,
                ..endurance::leak::LeakOptions::default()
            });
            endurance_exit(report.passed(), &report.render())
        }
        Command::Fuzz {
            lines,
            seed,
            chunk,
            timeout,
            jobs,
            save,
        } => {
            let report = endurance::fuzz::run(&endurance::fuzz::FuzzOptions {
                lines,
                seed,
                chunk,
                timeout,
                jobs,
                save,
                binary: None,
            });
            endurance_exit(report.passed(), &report.render())
        }
    }
}

/// Prints an endurance report; fails the command when it found violations.
fn endurance_exit(passed: bool, report: &str) -> ExitCode {
    print!("{report}");
    if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
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
