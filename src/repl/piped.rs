//! Piped mode: `letitcrash < demo.crash` reads a whole script from stdin
//! and prints a transcript, as if each statement had been typed.
//!
//! Each statement is echoed after the prompt, then come its output lines,
//! then the events it caused, so the transcript reads in the order things
//! happened. Unlike `letitcrash run`, there is no pacing and no stepping:
//! this is for pipes, CI and quick experiments. The exit code says whether
//! every statement parsed and every command succeeded.

use super::editor::{PROMPT, render_parse_error};
use crate::commands::parse_script;
use crate::session::{Control, Session};
use crate::view::Role;
use std::io::{Read, Write};
use std::process::ExitCode;

/// Runs the script in `input` on `session`, writing the transcript to `out`.
/// Returns true when nothing failed.
pub fn run_script(session: &mut Session, input: &str, out: &mut dyn Write) -> bool {
    let style = session.style();
    let feed = session.feed();
    let mut ok = true;
    for parsed in parse_script(input) {
        let stmt = match parsed {
            Ok(stmt) => stmt,
            Err(error) => {
                ok = false;
                let _ = write!(
                    out,
                    "{}",
                    render_parse_error(&error, Some("<stdin>"), &style)
                );
                continue;
            }
        };
        let _ = writeln!(
            out,
            "{}{}",
            style.paint(PROMPT, Role::Header),
            crate::repl::helper::highlight(&stmt.source, &style)
        );
        let evaluation = session.eval(&stmt);
        ok &= evaluation.ok;
        for line in &evaluation.lines {
            let _ = writeln!(out, "{}", line.render(&style));
        }
        for line in feed.drain() {
            let _ = writeln!(out, "{line}");
        }
        // `clear` and `pause` mean nothing in a transcript; `quit` ends it.
        if evaluation.control == Control::Quit {
            break;
        }
    }
    let _ = out.flush();
    ok
}

/// Reads all of stdin and runs it.
pub fn run(session: &mut Session) -> ExitCode {
    let mut input = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("letitcrash: cannot read stdin: {error}");
        return ExitCode::FAILURE;
    }
    let mut out = std::io::stdout().lock();
    if run_script(session, &input, &mut out) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
