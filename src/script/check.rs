//! Check mode: run a script deterministically and verify what it claims.
//!
//! Two things in a script make claims:
//!
//! - `expect ...` statements, which the session evaluates (pass or fail);
//! - `#=>` blocks after a statement: the statement's actual output (its
//!   result lines, rendered plain, then the event lines it caused) must
//!   match the block, with `[..]` and `...` as wildcards (see
//!   [`matching`](super::matching)).
//!
//! A command that fails (an error line) is a failure too, unless it has a
//! `#=>` block: then the block says what should happen, error included. A
//! parse error is a failure. Each failure is reported with the file, line
//! and column of the statement, what was expected and what was found.
//!
//! The report is a pure function of the script and the seed, so the same
//! script checked twice prints the same bytes.

use super::matching::{diff, lines_match};
use super::statement_output;
use crate::commands::ast::Command;
use crate::commands::{Stmt, parse_script};
use crate::frontend::open_session;
use crate::runtime::Order;
use crate::session::{Control, SessionConfig};
use crate::view::{Role, Style};

/// What checking one script found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Expectations and output blocks that held.
    pub passed: usize,
    /// Expectations, output blocks, failed commands and parse errors that
    /// did not.
    pub failed: usize,
    /// One entry per failure, already laid out (several lines each).
    pub failures: Vec<String>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.failed == 0
    }

    /// The summary line: exactly `N passed, M failed`.
    pub fn summary(&self) -> String {
        summary(self.passed, self.failed)
    }
}

/// `N passed, M failed`, the last line of `letitcrash check`.
pub fn summary(passed: usize, failed: usize) -> String {
    format!("{passed} passed, {failed} failed")
}

/// Checks the script `src` (named `file` in reports) with `seed`, in the
/// BEAM's order.
pub fn check_source(file: &str, src: &str, seed: u64) -> CheckReport {
    check_source_in(file, src, seed, Order::Beam)
}

/// The same, in `order` (`--random-order`).
pub fn check_source_in(file: &str, src: &str, seed: u64, order: Order) -> CheckReport {
    let mut report = CheckReport::default();
    let mut config = SessionConfig::deterministic(seed, Style::PLAIN);
    config.runtime = config.runtime.with_order(order);
    let mut session = open_session(config);
    session.set_source(file);
    let mut statements = parse_script(src).into_iter().peekable();
    while let Some(parsed) = statements.next() {
        let stmt = match parsed {
            Ok(stmt) => stmt,
            Err(error) => {
                report.failed += 1;
                report.failures.push(error.render(Some(file)));
                continue;
            }
        };
        // After the last statement, a line a process began and did not
        // end is part of its output.
        let last = statements.peek().is_none() || matches!(stmt.command, Command::Quit);
        let (evaluation, output) = statement_output(&mut session, &stmt, last, &Style::PLAIN);
        let is_expect = matches!(stmt.command, Command::Expect(_));
        if is_expect {
            if evaluation.ok {
                report.passed += 1;
            } else {
                report.failed += 1;
                report
                    .failures
                    .push(failure(file, &stmt, "this expectation failed", &output));
            }
        }
        if !stmt.expected_output.is_empty() {
            if lines_match(&stmt.expected_output, &output) {
                report.passed += 1;
            } else {
                report.failed += 1;
                report.failures.push(output_failure(file, &stmt, &output));
            }
        } else if !is_expect && !evaluation.ok {
            report.failed += 1;
            report
                .failures
                .push(failure(file, &stmt, "this command failed", &output));
        }
        if evaluation.control == Control::Quit {
            break;
        }
    }
    report
}

/// `FILE:LINE:COL`, where a statement starts.
fn location(file: &str, stmt: &Stmt) -> String {
    format!("{file}:{}:{}", stmt.span.line, stmt.span.column)
}

fn indented(lines: &[String], indent: &str) -> String {
    if lines.is_empty() {
        return format!("{indent}(nothing)\n");
    }
    lines
        .iter()
        .map(|line| format!("{indent}{line}\n"))
        .collect()
}

fn source_block(stmt: &Stmt) -> String {
    stmt.source
        .lines()
        .map(|line| format!("  | {line}\n"))
        .collect()
}

fn failure(file: &str, stmt: &Stmt, what: &str, output: &[String]) -> String {
    format!(
        "{}: {what}\n{}{}",
        location(file, stmt),
        source_block(stmt),
        indented(output, "  ")
    )
}

fn output_failure(file: &str, stmt: &Stmt, output: &[String]) -> String {
    let block_line = stmt.span.line + stmt.source.lines().count();
    format!(
        "{}: the output differs from the #=> block at line {block_line}\n{}  expected:\n{}  actual:\n{}  diff (- expected, + actual):\n{}",
        location(file, stmt),
        source_block(stmt),
        indented(&stmt.expected_output, "    "),
        indented(output, "    "),
        indented(&diff(&stmt.expected_output, output), "    "),
    )
}

/// Paints a failure report for the terminal: the first line in the crash
/// colour, the rest as they are.
pub fn paint_failure(text: &str, style: &Style) -> String {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    format!(
        "{}\n{rest}",
        style.paint(&format!("FAIL {first}"), Role::Crash)
    )
}
