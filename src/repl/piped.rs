//! Piped mode: `letitcrash < demo.crash` reads a whole script from stdin
//! and prints a transcript, as if each statement had been typed.
//!
//! Each statement is echoed after the prompt, then come its output lines,
//! then the events it caused, so the transcript reads in the order things
//! happened. Unlike `letitcrash run`, there is no pacing and no stepping:
//! this is for pipes, CI and quick experiments. The exit code says whether
//! every statement parsed and every command succeeded.

use crate::session::Session;
use std::io::{Read, Write};
use std::process::ExitCode;

/// Runs the script in `input` on `session`, writing the transcript to `out`.
/// Returns true when nothing failed.
pub fn run_script(session: &mut Session, input: &str, out: &mut dyn Write) -> bool {
    crate::frontend::play(session, input, "<stdin>", out)
}

/// Reads all of stdin and runs it. A line that is not UTF-8 is an error
/// where it stands, and the rest runs.
pub fn run(session: &mut Session) -> ExitCode {
    let mut input = Vec::new();
    if let Err(error) = std::io::stdin().read_to_end(&mut input) {
        eprintln!("letitcrash: cannot read stdin: {error}");
        return ExitCode::FAILURE;
    }
    let mut out = std::io::stdout().lock();
    if crate::frontend::play_bytes(session, &input, "<stdin>", &mut out) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
