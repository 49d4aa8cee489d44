//! The interactive REPL.

use std::process::ExitCode;

/// How to start the REPL.
#[derive(Clone, Debug, Default)]
pub struct ReplOptions {
    /// Scheduler threads (default: one per core).
    pub schedulers: Option<usize>,
    /// Deterministic mode with this seed.
    pub seed: Option<u64>,
}

pub fn run(options: ReplOptions) -> ExitCode {
    let _ = options;
    ExitCode::FAILURE
}
