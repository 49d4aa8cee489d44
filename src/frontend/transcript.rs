//! A transcript: each statement echoed after the prompt, then its result
//! lines, then the events it caused, in the order things happened.
//!
//! Piped mode (`letitcrash < demo.crash`) and `serve --script` print one
//! with [`play`]; `run` (the paced replay) and the REPL print the same
//! prompt and echo with their own pacing.

use crate::commands::highlight::highlight;
use crate::commands::parse_script;
use crate::session::{Control, Session};
use crate::view::{Role, Style};
use std::io::Write;
use std::time::Duration;

/// The prompt a statement is typed (or echoed) after.
pub const PROMPT: &str = "crash> ";
/// The prompt of a block's continuation lines (as wide as [`PROMPT`]).
pub const CONTINUATION: &str = "   ..> ";

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
/// the transcript to `out`, waiting `pace` after each statement. A parse
/// error is shown where it is and the rest goes on; `quit` ends it.
/// Returns true when every statement parsed and succeeded.
pub fn play(
    session: &mut Session,
    input: &str,
    file: &str,
    out: &mut dyn Write,
    pace: Option<Duration>,
) -> bool {
    let style = session.style();
    let feed = session.feed();
    let mut ok = true;
    for parsed in parse_script(input) {
        let stmt = match parsed {
            Ok(stmt) => stmt,
            Err(error) => {
                ok = false;
                let _ = write!(out, "{}", error.render_styled(Some(file), &style));
                continue;
            }
        };
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
        if let Some(pace) = pace {
            std::thread::sleep(pace);
        }
    }
    let _ = out.flush();
    ok
}
