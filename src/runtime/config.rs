//! How a runtime is set up: live or deterministic, how many schedulers,
//! how long a time slice is, and the limits that keep a runaway program
//! from taking the tool down.
//!
//! The limits are the BEAM's emulator flags: `+P` (how many processes may
//! live at once), `+hmax` (the heap size at which a process is killed) and
//! `+t` (how many atoms the table may hold). Like those flags they are the
//! same for every runtime the program starts: the command line sets them
//! once ([`set_default_limits`]) and every [`Config`] starts from them, so
//! a `reset`, a script's session and the stage's all run under the limits
//! the presenter started the tool with. A test or a benchmark that needs
//! other limits sets the fields of its own `Config`. The atom limit is the
//! atom table's (`term/atom.rs`), which is one for the whole program.

use std::sync::OnceLock;

/// Live: worker threads on the wall clock, as on stage. Deterministic: one
/// thread and a virtual clock, for checking scripts and for tests that must
/// give the same result every time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Live,
    Deterministic { seed: u64, order: Order },
}

/// Which runnable process a deterministic runtime runs next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// A single BEAM scheduler's: the run queue in order, a process put at
    /// its back when it becomes runnable (spawned, sent a message, its
    /// slice used up), so the books' programs that depend on order print
    /// what `erl +S 1` prints.
    #[default]
    Beam,
    /// Chosen by the seeded generator: one seed one interleaving, another
    /// seed another, to look for races a program should not depend on.
    Random,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub mode: Mode,
    /// Worker threads in live mode (ignored in deterministic mode).
    pub schedulers: usize,
    /// Reductions in one time slice; the BEAM uses 4000.
    pub reductions_per_slice: u32,
    /// How many deaths to remember for `info` and `expect dead`.
    pub recent_deaths: usize,
    /// Deterministic mode: virtual nanoseconds one reduction takes. 250 ns
    /// is about what a reduction costs on the BEAM (4000 in a millisecond).
    pub virtual_nanos_per_reduction: u64,
    /// How many processes may live at once (OTP's `+P`): past it, a spawn
    /// fails with `system_limit`. The runtime's own processes (the shell,
    /// a host) are never refused.
    pub process_limit: usize,
    /// The heap size, in words of 8 bytes, at which a process is killed
    /// (OTP's `max_heap_size`, `+hmax`); 0 is no limit. Each process may
    /// set its own with `spawn_opt` or `process_flag(max_heap_size, N)`.
    pub max_heap_size: u64,
}

/// The limits every [`Config`] starts with: the emulator flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub process_limit: usize,
    pub max_heap_size: u64,
    /// How many atoms the table may hold (OTP's `+t`).
    pub atom_limit: usize,
}

/// OTP 25's default for `+P`: `erlang:system_info(process_limit)` on a
/// plain `erl` says 262,144. At about 400 bytes an idle process here (2.7
/// KB on the BEAM) they take some 100 MB, which any laptop has; a spawn
/// loop stops there instead of taking every byte (1.88 million processes
/// and 6 GB in 38 s before there was a limit).
pub const DEFAULT_PROCESS_LIMIT: usize = 262_144;

/// The default `max_heap_size`: 32 Mi words, 256 MiB of terms a process
/// can reach (its registers, its stack and its mailbox). OTP's default is
/// no limit; a stage needs one. No demo needs a quarter of a gigabyte in
/// one process, a laptop with 8 GB holds a few dozen such processes while
/// a supervisor restarts them, and a runaway reaches it in well under a
/// second (a list growing by a cell per reduction, `++` doubling, a
/// mailbox flood), so it is killed before the machine notices. The
/// measurements are in docs/benchmarks.md ("Runaway processes").
pub const DEFAULT_MAX_HEAP_SIZE: u64 = 32 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            process_limit: DEFAULT_PROCESS_LIMIT,
            max_heap_size: DEFAULT_MAX_HEAP_SIZE,
            atom_limit: super::term::atom::DEFAULT_ATOM_LIMIT,
        }
    }
}

static DEFAULT_LIMITS: OnceLock<Limits> = OnceLock::new();

/// Sets the limits every runtime of this program starts with, as `erl +P
/// N +hmax N +t N` does; the command line calls it once, before any
/// runtime starts. False if they were set already (or a runtime already
/// read them): they are the program's, fixed once known.
pub fn set_default_limits(limits: Limits) -> bool {
    let set = DEFAULT_LIMITS.set(limits).is_ok();
    if set {
        super::term::atom::set_atom_limit(limits.atom_limit);
    }
    set
}

/// The limits a new [`Config`] starts with.
pub fn default_limits() -> Limits {
    *DEFAULT_LIMITS.get_or_init(Limits::default)
}

impl Config {
    /// Live, one scheduler per core.
    pub fn live() -> Config {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let limits = default_limits();
        Config {
            mode: Mode::Live,
            schedulers: cores,
            reductions_per_slice: 4000,
            recent_deaths: 10_000,
            virtual_nanos_per_reduction: 250,
            process_limit: limits.process_limit,
            max_heap_size: limits.max_heap_size,
        }
    }

    /// Deterministic, in the BEAM's order (the seed is for
    /// [`Order::Random`] and for what the session draws at random).
    pub fn deterministic(seed: u64) -> Config {
        Config {
            mode: Mode::Deterministic {
                seed,
                order: Order::Beam,
            },
            schedulers: 1,
            ..Config::live()
        }
    }

    /// The same, in another order (no change to a live runtime).
    pub fn with_order(mut self, order: Order) -> Config {
        if let Mode::Deterministic { seed, .. } = self.mode {
            self.mode = Mode::Deterministic { seed, order };
        }
        self
    }

    pub fn with_schedulers(mut self, schedulers: usize) -> Config {
        self.schedulers = schedulers.max(1);
        self
    }
}

impl Default for Config {
    fn default() -> Config {
        Config::live()
    }
}
