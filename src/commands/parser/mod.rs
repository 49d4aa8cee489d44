//! The parser: text in, `Stmt`s or `Diagnostic`s out.
//!
//! It is built from nom 8 parsers over `&str`, split by topic:
//!
//! - `basics`: the error type, whitespace, words, helpers for messages;
//! - `terms`: Erlang-style terms and durations;
//! - `targets`: targets, names and process kinds;
//! - `commands`: statements and every simple command;
//! - `sup`: supervisor blocks and child specs;
//! - `expect`: expectations;
//! - `scan`: bracket and quote depth, for multi-line input;
//! - `script`: splitting a whole file into statements, comments and
//!   expected output, with error recovery.
//!
//! The nom parsers see one statement at a time and report errors as a
//! position inside it; this module turns that into line and column in the
//! whole source, which is what the presenter sees.

mod basics;
mod commands;
mod erlang_line;
mod expect;
mod explain;
mod scan;
mod script;
mod stage;
mod sup;
mod targets;
mod terms;

pub use expect::EXPECTATION_FORMS;
pub use scan::Scanner;

use super::ast::{Command, Span, Stmt};
use crate::diagnostics::Diagnostic;
use basics::{SyntaxError, ws};

/// Parses one REPL entry (possibly several lines, as rustyline's validator
/// lets a `{` block continue). `Ok(None)` for a blank or comment-only line.
pub fn parse_line(src: &str) -> Result<Option<Stmt>, Diagnostic> {
    let rest = match ws(src) {
        Ok((rest, ())) => rest,
        Err(_) => src,
    };
    if rest.is_empty() {
        return Ok(None);
    }
    let start = src.len() - rest.len();
    let text = rest.trim_end();
    let command = parse_statement(src, start, text)?;
    Ok(Some(Stmt {
        command,
        span: span_of(src, start, text.len()),
        source: text.to_string(),
        expected_output: Vec::new(),
        comments: Vec::new(),
    }))
}

/// Parses a whole script. Each statement gives one result, in order; after
/// an error, parsing goes on with the next statement so a `--keep-going`
/// run (or an editor) sees every problem at once.
pub fn parse_script(src: &str) -> Vec<Result<Stmt, Diagnostic>> {
    script::parse(src)
}

/// True when `src` has an unclosed `{`, `[` or `(`, or an unterminated
/// string or quoted atom: the REPL should read another line before parsing.
pub fn is_incomplete(src: &str) -> bool {
    let mut scanner = Scanner::default();
    scanner.feed(src);
    !scanner.is_complete()
}

/// True when `src` ends inside the braces of a `def` block, where the text
/// is Erlang (for completion).
pub fn in_definition(src: &str) -> bool {
    let mut scanner = Scanner::default();
    scanner.feed(src);
    scanner.in_erlang()
}

/// A duration written as the language writes it (`250ms`, `5s`, `1m`), for
/// command-line options such as `--typing 25ms`.
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    match terms::duration(text.trim()) {
        Ok(("", duration)) => Ok(duration),
        _ => Err(format!("`{text}` is not a duration: write 250ms, 5s or 1m")),
    }
}

/// Parses the statement `text`, which starts at byte `start` of `src`:
/// as a command, else as Erlang (`erlang_line`).
fn parse_statement(src: &str, start: usize, text: &str) -> Result<Command, Diagnostic> {
    if crate::elixir::starts_with_defmodule(text) {
        return Ok(Command::Defmodule(text.to_string()));
    }
    if erlang_line::starts_as_call(text) && crate::erlang::syntax::parse_exprs(text).is_ok() {
        return Ok(Command::Erlang(text.to_string()));
    }
    parse_command(src, start, text).or_else(|error| {
        let position = position_of(src, start);
        let placement = erlang_line::Placement {
            line: position.line,
            column: position.column,
            source: src,
        };
        erlang_line::fallback(text, error, placement)
    })
}

/// Parses the statement `text` as a command.
fn parse_command(src: &str, start: usize, text: &str) -> Result<Command, Diagnostic> {
    match commands::statement(text) {
        Ok((rest, command)) if rest.trim().is_empty() => Ok(place_definition(command, text)),
        Ok((rest, _)) => Err(syntax_error(
            src,
            start,
            text,
            SyntaxError::new(rest, "unexpected text after the command"),
        )),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(syntax_error(src, start, text, e)),
        Err(nom::Err::Incomplete(_)) => Err(syntax_error(
            src,
            start,
            text,
            SyntaxError::new("", "unexpected end of input"),
        )),
    }
}

/// A `def` learns where its code starts in the statement: just after the
/// first `{`, which is the block's (`def NAME {`).
fn place_definition(command: Command, text: &str) -> Command {
    let Command::Def { name, source, .. } = command else {
        return command;
    };
    let start = text.find('{').map_or(0, |i| i + 1);
    let before = &text[..start];
    let line_offset = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Command::Def {
        name,
        source,
        line_offset,
        column_offset: before[line_start..].chars().count(),
    }
}

/// Turns an error inside `text` (at byte `start` of `src`) into one that
/// names a line and column of `src`.
fn syntax_error(src: &str, start: usize, text: &str, error: SyntaxError<'_>) -> Diagnostic {
    // `error.at` is a suffix of `text`, so its length gives the position.
    let local = text.len().saturating_sub(error.at.len());
    let offset = (start + local).min(src.len());
    let position = position_of(src, offset);
    let left_on_line = (position.line_text.chars().count() + 1).saturating_sub(position.column);
    Diagnostic {
        line: position.line,
        column: position.column,
        len: error.len.min(left_on_line).max(1),
        message: error
            .message
            .unwrap_or_else(|| "could not parse this".to_string()),
        expected: error.expected,
        hint: error.hint,
        source_line: position.line_text.to_string(),
    }
}

/// An error at a byte offset of `src`, for problems found before parsing
/// (such as a block that is never closed).
fn error_at(src: &str, offset: usize, message: String, hint: &str) -> Diagnostic {
    let position = position_of(src, offset);
    Diagnostic {
        line: position.line,
        column: position.column,
        len: 1,
        message,
        expected: Vec::new(),
        hint: Some(hint.to_string()),
        source_line: position.line_text.to_string(),
    }
}

struct Position<'a> {
    line: usize,
    column: usize,
    line_text: &'a str,
}

/// Line, column (both 1-based, columns in chars) and line text of a byte
/// offset. Offsets inside a character are moved back to its start.
fn position_of(src: &str, offset: usize) -> Position<'_> {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
    let line_text = src[line_start..line_end].trim_end_matches('\r');
    // An offset on a line's `\r` is shown just after the visible text.
    let column = src[line_start..offset]
        .chars()
        .count()
        .min(line_text.chars().count())
        + 1;
    Position {
        line: src[..offset].matches('\n').count() + 1,
        column,
        line_text,
    }
}

fn span_of(src: &str, offset: usize, len: usize) -> Span {
    let position = position_of(src, offset);
    Span {
        line: position.line,
        column: position.column,
        offset,
        len,
    }
}
