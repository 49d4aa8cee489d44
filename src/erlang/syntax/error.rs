//! Compile errors as `Diagnostic`s: the line of the definition with a caret
//! under the column, a message and a hint, rendered like the command
//! language's errors.

use crate::diagnostics::Diagnostic;
use crate::erlang::ast::Pos;

pub type Result<T> = std::result::Result<T, Diagnostic>;

/// An error at `pos` of `source`, underlining `len` characters.
pub fn error_at(
    source: &str,
    pos: Pos,
    len: usize,
    message: impl Into<String>,
    hint: Option<String>,
) -> Diagnostic {
    Diagnostic::at(
        pos.line.max(1) as usize,
        pos.column.max(1) as usize,
        len.max(1),
        message,
        hint,
    )
    .quote(source)
}
