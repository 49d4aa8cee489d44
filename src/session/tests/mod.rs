//! Evaluator tests: every command of the DESIGN.md table, run in a
//! deterministic session as a script would run it.

mod commands;
mod definitions;
mod elixir;
mod erlang_prompt;
mod expectations;
mod explain;
mod limits;
mod reload;
mod shell;
mod supervision;

use super::{Line, Session, SessionConfig};
use crate::commands::parse_script;
use crate::view::Style;

pub fn session() -> Session {
    Session::new(SessionConfig::deterministic(1, Style::PLAIN))
}

/// Runs every statement of `script`, returning the output lines (values as
/// they are, other lines prefixed by what they are) and the event lines.
pub fn run(session: &mut Session, script: &str) -> Vec<String> {
    let mut out = Vec::new();
    for stmt in parse_script(script) {
        let stmt = stmt.unwrap_or_else(|e| panic!("{}", e.render(None)));
        let evaluation = session.eval(&stmt);
        for line in evaluation.lines {
            out.push(match line {
                Line::Value(text) | Line::Text(text) => text,
                Line::Error(text) | Line::Pass(text) | Line::Fail(text) => text,
                Line::Say(text) => format!("say: {text}"),
                Line::Notice(text) => format!("notice: {text}"),
            });
        }
        out.extend(
            session
                .feed()
                .drain()
                .into_iter()
                .map(|e| format!("event: {e}")),
        );
    }
    out
}

/// The last output line that is not an event.
pub fn last(lines: &[String]) -> &str {
    lines
        .iter()
        .rev()
        .find(|l| !l.starts_with("event: "))
        .map(String::as_str)
        .unwrap_or("")
}

pub fn has(lines: &[String], needle: &str) -> bool {
    lines.iter().any(|l| l.contains(needle))
}
