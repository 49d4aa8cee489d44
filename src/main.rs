//! The `letitcrash` command: the REPL by default, or `run`, `check`, `bench`.
//!
//! This file only reads the command line and hands over to the library
//! (see `letitcrash::cli`, where the grammar lives).

use letitcrash::cli::{self, Cli};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: spawning and ending a million
/// processes is mostly allocation, and glibc's malloc spends a quarter of
/// that time consolidating free lists (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Before anything opens a descriptor: a stage with a full room holds
    // more than the usual soft limit of 1,024 (and so does the audience
    // bench, phones and server in one process).
    letitcrash::stage::raise_descriptor_limit();
    let cli = Cli::try_parse_args(std::env::args_os()).unwrap_or_else(|error| error.exit());
    cli::run(cli)
}
