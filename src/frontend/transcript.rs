//! A transcript: each statement echoed after the prompt, then its result
//! lines, then the events it caused, in the order things happened.
//!
//! Piped mode (`letitcrash < demo.crash`) and `serve` without a script
//! (its `audience open`) print one with [`play`]; `run` and `serve
//! --script` (the paced replay, `crate::script`) and the REPL print the
//! same prompt and echo with their own pacing.

use crate::commands::highlight::highlight;
use crate::commands::parse_script;
use crate::diagnostics::Diagnostic;
use crate::session::{Control, Session};
use crate::view::{Role, Style};
use std::io::Write;

/// The prompt a statement is typed (or echoed) after.
pub const PROMPT: &str = "crash> ";
/// The prompt of a block's continuation lines (as wide as [`PROMPT`]).
pub const CONTINUATION: &str = "  ...> ";

/// `source` as a transcript shows it: after the prompt, highlighted, a
/// block's lines as they were written.
pub fn echo(source: &str, style: &Style) -> String {
    format!(
        "{}{}",
        style.paint(PROMPT, Role::Header),
        highlight(source, style)
    )
}

/// `source` as the paced replay types it after a prompt already on screen
/// (the prompt first, the command at a key press), a block's continuation
/// lines after [`CONTINUATION`], as the REPL shows them while typing.
pub fn typed(source: &str, style: &Style) -> String {
    let continuation = format!("\n{}", style.paint(CONTINUATION, Role::Quiet));
    highlight(source, style).replace('\n', &continuation)
}

/// Runs the script `input` (named `file` in errors) on `session`, writing
/// the transcript to `out`, with no pause between statements (the paced
/// replay is `crate::script`'s). A parse
/// error is shown where it is and the rest goes on; `quit` ends it.
/// Returns true when every statement parsed and succeeded.
pub fn play(session: &mut Session, input: &str, file: &str, out: &mut dyn Write) -> bool {
    play_checked(session, input, &[], file, out)
}

/// [`play`] for bytes that may not all be UTF-8 (a pipe): a line that is
/// not is an error where it stands, and the statement it belongs to does
/// not run; the rest goes on.
pub fn play_bytes(session: &mut Session, input: &[u8], file: &str, out: &mut dyn Write) -> bool {
    let (text, bad_lines) = super::input::decode_lines(input);
    play_checked(session, &text, &bad_lines, file, out)
}

/// [`play`], with the lines of `input` that could not be read reported
/// among the statements, in order of lines.
fn play_checked(
    session: &mut Session,
    input: &str,
    bad_lines: &[Diagnostic],
    file: &str,
    out: &mut dyn Write,
) -> bool {
    let style = session.style();
    let feed = session.feed();
    let mut ok = bad_lines.is_empty();
    let mut bad = bad_lines.iter().peekable();
    for parsed in parse_script(input) {
        let first_line = match &parsed {
            Ok(stmt) => stmt.span.line,
            Err(error) => error.line,
        };
        while let Some(error) = bad.next_if(|error| error.line < first_line) {
            let _ = write!(out, "{}", error.render_styled(Some(file), &style));
        }
        let stmt = match parsed {
            Ok(stmt) => stmt,
            Err(error) => {
                ok = false;
                let _ = write!(out, "{}", error.render_styled(Some(file), &style));
                continue;
            }
        };
        // A statement with a line it could not read is not what was
        // written: its errors instead of it.
        let last_line = first_line + stmt.source.matches('\n').count();
        let mut broken = false;
        while let Some(error) = bad.next_if(|error| error.line <= last_line) {
            let _ = write!(out, "{}", error.render_styled(Some(file), &style));
            broken = true;
        }
        if broken {
            continue;
        }
        let _ = writeln!(out, "{}", echo(&stmt.source, &style));
        let evaluation = session.eval(&stmt);
        ok &= evaluation.ok;
        for line in &evaluation.lines {
            let _ = writeln!(out, "{}", line.render(&style));
        }
        for line in feed.drain() {
            let _ = writeln!(out, "{line}");
        }
        let _ = out.flush();
        // `clear` and `pause` mean nothing in a transcript; `quit` ends it.
        if evaluation.control == Control::Quit {
            break;
        }
    }
    // A line a process began and did not end is shown at the end.
    session.runtime().flush_output();
    for line in feed.drain() {
        let _ = writeln!(out, "{line}");
    }
    for error in bad {
        let _ = write!(out, "{}", error.render_styled(Some(file), &style));
    }
    let _ = out.flush();
    ok
}
