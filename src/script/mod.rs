//! Replaying and checking demo scripts (`.crash` files).
//!
//! - [`run`] (`letitcrash run FILE`) replays a script as if it were typed:
//!   each statement echoed after the `crash> ` prompt, then its output and
//!   the events it caused; `say` narration in its own colour; with pacing
//!   for a talk (`--step`, `--typing`, `--delay`). See [`replay`].
//! - [`check`] (`letitcrash check FILE...`) runs scripts deterministically
//!   and verifies every `expect` and every `#=>` expected-output block,
//!   ending with the line `N passed, M failed`. See [`check_source`].
//!
//! Both drive a [`Session`] one statement at a time, like the REPL; the
//! output of a statement is the same in both: [`statement_output`].
//!
//! Imports: the front end's shared parts, the session, the command language,
//! the views, and the REPL (step mode's `i` hands the session to it).

mod check;
pub mod keys;
pub mod matching;
#[cfg(test)]
mod matching_properties;
mod replay;

pub use check::{CheckReport, check_source, check_source_in, summary};
pub use replay::{Interact, interact, replay, replay_in};

use crate::commands::Stmt;
use crate::session::{Evaluation, Session};
use crate::view::{Style, style_from_env};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// `letitcrash run FILE ...`.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub file: PathBuf,
    /// Wait for a key before each command (Enter: next, q: quit, i: interact).
    pub step: bool,
    /// Type each command out, one character per duration.
    pub typing: Option<Duration>,
    /// Wait this long between commands.
    pub delay: Option<Duration>,
    /// Run deterministically with this seed (default: live).
    pub seed: Option<u64>,
    /// Deterministic runs: the BEAM's order, or the seed's random one.
    pub order: crate::runtime::Order,
    /// Go on after a command fails (exit code 1 at the end).
    pub keep_going: bool,
    /// Show the script's `#` comments.
    pub comments: bool,
    /// Scheduler threads for the live runtime.
    pub schedulers: Option<usize>,
    /// What a `pause` does when not stepping (step mode always waits for
    /// a key): `run` ignores it, `serve --script` does not.
    pub pauses: Pauses,
}

/// What a script's `pause` does outside step mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pauses {
    /// Go straight on (`run` without `--step`: a recording plays through).
    #[default]
    Ignore,
    /// Wait for a key, as step mode does (`serve --script` on a terminal).
    Key,
    /// Wait this long (`serve --script` when stdin is not a terminal, so
    /// a test or CI never hangs on a beat).
    Delay(Duration),
}

/// `letitcrash check FILE...`.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub files: Vec<PathBuf>,
    pub seed: u64,
    /// The BEAM's order (the default), or the seed's random one.
    pub order: crate::runtime::Order,
}

/// What a statement printed: its result lines (rendered with `style`, each
/// multi-line text split into lines) followed by the event lines it caused;
/// for the `last` statement, with the lines processes began and did not
/// end.
pub fn statement_output(
    session: &mut Session,
    stmt: &Stmt,
    last: bool,
    style: &Style,
) -> (Evaluation, Vec<String>) {
    let evaluation = session.eval(stmt);
    if last {
        session.runtime().flush_output();
    }
    let mut lines: Vec<String> = evaluation
        .lines
        .iter()
        .flat_map(|line| {
            line.render(style)
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    lines.extend(session.feed().drain());
    (evaluation, lines)
}

/// A script's text, or why it cannot be read: a file that is not UTF-8
/// gets the error at its first line that is not, with a caret, as a parse
/// error would (and, as a parse error does, stops the script before it
/// starts).
pub fn read_script(path: &std::path::Path, name: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|error| format!("error: cannot read {name}: {error}\n"))?;
    crate::frontend::input::decode(bytes).map_err(|error| error.render(Some(name)))
}

/// `letitcrash run FILE`: replay a script on the terminal.
pub fn run(options: RunOptions) -> ExitCode {
    let name = options.file.display().to_string();
    let style = style_from_env();
    let src = match read_script(&options.file, &name) {
        Ok(src) => src,
        Err(error) => {
            eprint!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut keys = keys::Keys::stdin();
    let ok = replay(&name, &src, &options, style, &mut out, &mut keys);
    let _ = out.flush();
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `letitcrash check FILE...`: check every script; prints each failure,
/// one line per file, and the summary `N passed, M failed` last.
pub fn check(options: CheckOptions) -> ExitCode {
    let style = style_from_env();
    let (mut passed, mut failed) = (0, 0);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &options.files {
        let name = path.display().to_string();
        let report = match read_script(path, &name) {
            Ok(src) => check_source_in(&name, &src, options.seed, options.order),
            Err(error) => CheckReport {
                passed: 0,
                failed: 1,
                failures: vec![error],
            },
        };
        for failure in &report.failures {
            let _ = writeln!(out, "{}", check::paint_failure(failure, &style));
        }
        let verdict = if report.ok() {
            style.paint("ok  ", crate::view::Role::Alive)
        } else {
            style.paint("FAIL", crate::view::Role::Crash)
        };
        let _ = writeln!(out, "{verdict} {name}: {}", report.summary());
        passed += report.passed;
        failed += report.failed;
    }
    let _ = writeln!(out, "{}", summary(passed, failed));
    let _ = out.flush();
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
