//! Replaying and checking demo scripts.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// `letitcrash run FILE ...`.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub file: PathBuf,
    pub step: bool,
    pub typing: Option<Duration>,
    pub delay: Option<Duration>,
    pub seed: Option<u64>,
    pub keep_going: bool,
    pub comments: bool,
    pub schedulers: Option<usize>,
}

/// `letitcrash check FILE...`.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub files: Vec<PathBuf>,
    pub seed: u64,
}

pub fn run(options: RunOptions) -> ExitCode {
    let _ = options;
    ExitCode::FAILURE
}

pub fn check(options: CheckOptions) -> ExitCode {
    let _ = options;
    ExitCode::FAILURE
}
