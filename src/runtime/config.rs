//! How a runtime is set up: live or deterministic, how many schedulers,
//! how long a time slice is.

/// Live: worker threads on the wall clock, as on stage. Deterministic: one
/// thread, a seeded order and a virtual clock, for checking scripts and for
/// tests that must give the same result every time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Live,
    Deterministic { seed: u64 },
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
}

impl Config {
    /// Live, one scheduler per core.
    pub fn live() -> Config {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Config {
            mode: Mode::Live,
            schedulers: cores,
            reductions_per_slice: 4000,
            recent_deaths: 10_000,
            virtual_nanos_per_reduction: 250,
        }
    }

    /// Deterministic with this seed.
    pub fn deterministic(seed: u64) -> Config {
        Config {
            mode: Mode::Deterministic { seed },
            schedulers: 1,
            ..Config::live()
        }
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
