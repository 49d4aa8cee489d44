//! Endurance runs: the long, bounded checks CI runs after the tests.
//!
//! The tests check each rule once, in a few processes; these runs check
//! that the rules still hold after many thousands of repetitions, when
//! races, leaks and rare inputs have had their chance:
//!
//! - [`soak`] (`letitcrash soak`): a tree of 1,000 supervised workers under
//!   random kills and crashes; at the end every child runs again or its
//!   supervisor is down as the restart intensity (S3) says, no process
//!   leaked and no event went missing.
//! - [`leak`] (`letitcrash leak`): spawn/exit cycles; resident memory must
//!   come back to its baseline.
//! - [`fuzz`] (`letitcrash fuzz`): generated and mutated command-language
//!   and process-language lines fed to the real binary's piped mode; no
//!   panic, no hang, every parse error with a caret.
//!
//! Each returns a report and a list of violations; the command exits
//! non-zero when the list is not empty. Nothing here touches the network
//! and every run has a fixed length, so CI can put a time limit on it.
//! Speed is not asserted here (see [`crate::bench`]); the figures are
//! printed so docs/benchmarks.md can record them.
//!
//! Imports: the session, the command language, supervisors, the built-in
//! kinds and the runtime.

pub mod fuzz;
pub mod leak;
pub mod soak;

/// A small seeded generator (splitmix64): the runs must be reproducible
/// from their `--seed`, and the crate has no `rand` dependency to spare.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent` in 100.
    pub fn percent(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Resident memory of this process in bytes, from /proc/self/status
/// (`VmRSS`); 0 where there is no /proc. The benchmarks' bytes per
/// process and the leak run's baseline both read it here.
pub fn resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map_or(0, |kb| kb * 1024)
}
