//! The presenter's command language: from the text a presenter types (or a
//! `.crash` script) to a checked syntax tree, plus what an editor needs
//! around it.
//!
//! - `ast`: the command language as data;
//! - `parser`: nom parsers producing `Stmt`s, with error recovery for scripts
//!   and `is_incomplete` for multi-line REPL input; errors are
//!   [`Diagnostic`]s (line, column, caret, hint). A line that is no command
//!   but parses as Erlang becomes `Command::Erlang` (`parser/erlang_line.rs`);
//! - `suggest`: "did you mean" for misspelt commands and keywords;
//! - `help`: the command catalogue behind `help`, usage hints and completion;
//! - `highlight`: a forgiving lexer for syntax colouring as you type, and
//!   the colouring itself.
//!
//! Nothing here runs anything: the session (`crate::session`) turns the AST
//! into runtime calls.
//!
//! Imports: the diagnostics and the palette, the process language (to find
//! where a `def` block ends, and to parse Erlang at the prompt) and the
//! supervisor's spec enums; never the session or anything that runs.

pub mod ast;
pub mod help;
pub mod highlight;
pub mod parser;
pub mod suggest;

pub use crate::diagnostics::Diagnostic;
pub use ast::{Command, Stmt};
pub use parser::{in_definition, is_incomplete, parse_duration, parse_line, parse_script};

#[cfg(test)]
mod tests;
