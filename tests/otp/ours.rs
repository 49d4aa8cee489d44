//! The letitcrash side of a scenario: the script run in a deterministic
//! session, as `letitcrash check` runs it, keeping what the `# obs` commands
//! printed.

use letitcrash::commands::{Command, parse_script};
use letitcrash::session::{Line, Session, SessionConfig};
use letitcrash::view::Style;
use std::path::Path;

/// What a command marked `# obs LABEL` showed: `obs LABEL TERM` lines, then
/// `end`, in the form the Erlang harness prints.
pub fn observe(script: &Path) -> Vec<String> {
    let source =
        std::fs::read_to_string(script).unwrap_or_else(|e| panic!("{}: {e}", script.display()));
    let mut session = Session::new(SessionConfig::deterministic(0, Style::PLAIN));
    let mut observations = Vec::new();
    for statement in parse_script(&source) {
        let statement = statement.unwrap_or_else(|error| {
            panic!("{}", error.render(Some(&script.display().to_string())))
        });
        let label = statement
            .comments
            .iter()
            .find_map(|c| c.strip_prefix("obs "))
            .map(str::trim);
        let evaluation = session.eval(&statement);
        let is_flush = matches!(statement.command, Command::Flush);
        match label {
            Some(label) => observations.push(format!(
                "obs {label} {}",
                shown(&evaluation.lines, is_flush)
            )),
            None if !evaluation.ok => observations.push(format!(
                "unobserved command failed: {}: {}",
                statement.source,
                shown(&evaluation.lines, is_flush)
            )),
            None => {}
        }
        if evaluation
            .lines
            .iter()
            .any(|line| matches!(line, Line::Notice(text) if text.contains("shell")))
        {
            observations.push("shell_died".to_owned());
        }
    }
    observations.push("end".to_owned());
    observations
}

/// A command's result as a term: its value; `flush`'s messages as a list;
/// or `error:Reason` when it failed, as the harness prints a raised error.
fn shown(lines: &[Line], is_flush: bool) -> String {
    if let Some(error) = lines.iter().find_map(|line| match line {
        Line::Error(text) => Some(text),
        _ => None,
    }) {
        return format!("error:{}", error_reason(error));
    }
    if is_flush {
        // `flush` prints `Shell got M` per message, then `ok`.
        let flushed: Vec<&str> = lines
            .iter()
            .filter_map(|line| match line {
                Line::Text(text) => text.strip_prefix("Shell got "),
                _ => None,
            })
            .collect();
        return format!("[{}]", flushed.join(","));
    }
    let value = lines.iter().rev().find_map(|line| match line {
        Line::Value(text) => Some(text.clone()),
        _ => None,
    });
    value.unwrap_or_else(|| "no_value".to_owned())
}

/// The reason in an error line, in Erlang's words where the shell's error
/// has one: `** exception error: noproc` and `call failed: noproc` are both
/// the error `noproc`; `nothing matched within 1s` is the harness's
/// `nothing_matched`. Anything else is just `failed`, which the harness's
/// `lic:fails` prints for any error: the shell words those its own way.
fn error_reason(error: &str) -> String {
    let message = error.lines().next().unwrap_or_default();
    let message = message.strip_prefix("error: ").unwrap_or(message);
    let message = message.split(" (hint: ").next().unwrap_or_default();
    if let Some(reason) = message
        .strip_prefix("** exception error: ")
        .or_else(|| message.strip_prefix("call failed: "))
    {
        reason.to_owned()
    } else if message.starts_with("nothing matched within") {
        "nothing_matched".to_owned()
    } else {
        "failed".to_owned()
    }
}
