//! Splitting a script into statements, with their comments and expected
//! output, and recovering after errors.
//!
//! A script is read line by line. A statement normally fills one line, but
//! goes on while a bracket or quote is open, which is how `sup` blocks span
//! lines. Around statements:
//!
//! - `# text` lines are comments, kept on the next statement so a replayer
//!   can show them (`--comments`);
//! - `#=> text` lines directly after a statement are its expected output,
//!   which `check` compares (`#=>` alone is an empty line).
//!
//! After a parse error the next statement simply starts on the next line
//! outside any bracket, since brackets are counted before parsing. A block
//! never closed swallows nothing: parsing resumes at the next line that
//! starts in column 1, a good guess for where the presenter's next command is.

use super::scan::Scanner;
use super::{error_at, parse_statement, span_of};
use crate::commands::ast::Stmt;
use crate::diagnostics::Diagnostic;

/// One line of the script: where it starts, its text without `\r\n`, and
/// its raw text with any `\r`, so scanned offsets match the source.
struct Line<'a> {
    start: usize,
    text: &'a str,
    raw: &'a str,
}

fn lines_of(src: &str) -> Vec<Line<'_>> {
    let mut start = 0;
    src.split('\n')
        .map(|raw| {
            let line = Line {
                start,
                text: raw.trim_end_matches('\r'),
                raw,
            };
            start += raw.len() + 1;
            line
        })
        .collect()
}

/// What a line is, seen on its own.
enum LineKind<'a> {
    Blank,
    Expected(&'a str),
    Comment(&'a str),
    Code,
}

fn classify(text: &str) -> LineKind<'_> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        LineKind::Blank
    } else if let Some(output) = trimmed.strip_prefix("#=>") {
        LineKind::Expected(output.strip_prefix(' ').unwrap_or(output))
    } else if super::basics::is_comment_start(trimmed) {
        let comment = &trimmed[1..];
        LineKind::Comment(comment.strip_prefix(' ').unwrap_or(comment))
    } else {
        LineKind::Code
    }
}

pub(super) fn parse(src: &str) -> Vec<Result<Stmt, Diagnostic>> {
    let lines = lines_of(src);
    let mut results = Vec::new();
    let mut comments = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match classify(lines[i].text) {
            LineKind::Blank => i += 1,
            // `#=>` away from a statement has nothing to describe: a comment.
            LineKind::Expected(text) | LineKind::Comment(text) => {
                comments.push(text.to_string());
                i += 1;
            }
            LineKind::Code => {
                let (result, next) = statement_at(src, &lines, i);
                i = next;
                let mut expected_output = Vec::new();
                while let Some(LineKind::Expected(text)) = lines.get(i).map(|l| classify(l.text)) {
                    expected_output.push(text.to_string());
                    i += 1;
                }
                let comments = std::mem::take(&mut comments);
                results.push(result.map(|stmt| Stmt {
                    expected_output,
                    comments,
                    ..stmt
                }));
            }
        }
    }
    results
}

/// Parses the statement starting on line `first`; returns it and the index
/// of the line after it.
fn statement_at(src: &str, lines: &[Line<'_>], first: usize) -> (Result<Stmt, Diagnostic>, usize) {
    let mut scanner = Scanner::default();
    let mut last = first;
    loop {
        scanner.feed(lines[last].raw);
        scanner.feed("\n");
        if scanner.is_complete() || last + 1 == lines.len() {
            break;
        }
        last += 1;
    }
    let indent = lines[first].text.len() - lines[first].text.trim_start().len();
    let start = lines[first].start + indent;
    if !scanner.is_complete() {
        let resume = resume_after(lines, first);
        // The opener to blame is one left open on the lines this statement
        // keeps (up to where parsing resumes), scanned on their own: the
        // swallowed lines may close it and open another, which belongs to
        // a later statement and is reported with it (blaming it here
        // reported it twice, and never the bracket really left open).
        let mut own = Scanner::default();
        for line in &lines[first..resume.max(first + 1)] {
            own.feed(line.raw);
            own.feed("\n");
        }
        if let Some((opener, offset)) = own.unclosed() {
            let error = unclosed_error(src, lines[first].start + offset, opener);
            return (Err(error), resume);
        }
        if let Some((keyword, offset)) = own.unclosed_block() {
            let error = Diagnostic {
                len: keyword.len(),
                ..error_at(
                    src,
                    lines[first].start + offset,
                    format!("this `{keyword}` has no `end`"),
                    "an Erlang block ends with `end`",
                )
            };
            return (Err(error), resume);
        }
        // Its own lines close everything they open: what stayed open is
        // a later statement's (`receive decr timeout 1s` is a command, and
        // a `[` never closed further down belongs to the line it is on),
        // so this statement is those lines, and the later one is
        // reported where it stands, once.
        last = resume.max(first + 1) - 1;
    }
    let end = lines[last].start + lines[last].text.len();
    let text = src[start..end].trim_end();
    let result = parse_statement(src, start, text).map(|command| Stmt {
        command,
        span: span_of(src, start, text.len()),
        source: text.to_string(),
        expected_output: Vec::new(),
        comments: Vec::new(),
    });
    (result, last + 1)
}

fn unclosed_error(src: &str, offset: usize, opener: char) -> Diagnostic {
    let (what, hint) = match opener {
        '"' => ("string", "add a closing \"".to_string()),
        '\'' => ("quoted atom", "add a closing '".to_string()),
        bracket => (
            "",
            format!("add a `{}` to close it", super::scan::closer_of(bracket)),
        ),
    };
    let message = if what.is_empty() {
        format!("this `{opener}` is never closed")
    } else {
        format!("this {what} is never closed")
    };
    error_at(src, offset, message, &hint)
}

/// Where to go on after a statement that never closed: the next line that
/// starts in column 1 with code.
fn resume_after(lines: &[Line<'_>], first: usize) -> usize {
    (first + 1..lines.len())
        .find(|&i| {
            let text = lines[i].text;
            let starts_flush = text.starts_with(|c: char| !c.is_whitespace() && c != '}');
            starts_flush && matches!(classify(text), LineKind::Code)
        })
        .unwrap_or(lines.len())
}
