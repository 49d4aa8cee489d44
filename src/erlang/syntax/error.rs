//! Compile errors as `ParseError`s: the line of the definition with a caret
//! under the column, a message and a hint, rendered like the command
//! language's errors.

use crate::diagnostics::ParseError;
use crate::erlang::ast::Pos;

pub type Result<T> = std::result::Result<T, ParseError>;

/// An error at `pos` of `source`, underlining `len` characters.
pub fn error_at(
    source: &str,
    pos: Pos,
    len: usize,
    message: impl Into<String>,
    hint: Option<String>,
) -> ParseError {
    let line = pos.line.max(1) as usize;
    let source_line = source
        .split('\n')
        .nth(line - 1)
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_string();
    ParseError {
        line,
        column: pos.column.max(1) as usize,
        len: len.max(1),
        message: message.into(),
        expected: Vec::new(),
        hint,
        source_line,
    }
}
