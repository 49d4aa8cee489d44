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

// mimalloc's own entry point for giving freed memory back to the system
// (`mimalloc.h`: `void mi_collect(bool force)`), in the library the
// `mimalloc` crate builds and links; that crate does not export it.
unsafe extern "C" {
    fn mi_collect(force: bool);
}

/// Returns the calling thread's freed pages to the operating system: a
/// scheduler thread that goes idle after a runaway process was killed,
/// the session's thread after a statement (`runtime/memory.rs` says when
/// and why: mimalloc returns memory only when the thread that owns it
/// calls into it again, and an idle thread does not).
fn release_memory() {
    // SAFETY: `mi_collect` takes no pointers and may be called from any
    // thread at any time; it works on the calling thread's heap and on
    // mimalloc's shared lists under mimalloc's own locks. Measured
    // necessary: without it resident memory stayed at 574 MB after the
    // processes of a mailbox flood were gone (docs/benchmarks.md,
    // "Runaway processes").
    unsafe { mi_collect(true) }
}

fn main() -> ExitCode {
    // Before anything opens a descriptor: a stage with a full room holds
    // more than the usual soft limit of 1,024 (and so does the audience
    // bench, phones and server in one process).
    letitcrash::stage::raise_descriptor_limit();
    letitcrash::runtime::memory::set_release(release_memory);
    let cli = Cli::try_parse_args(std::env::args_os()).unwrap_or_else(|error| error.exit());
    cli::run(cli)
}
