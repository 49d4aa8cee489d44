//! The language front end: from the text a presenter types (or a `.crash`
//! script) to a checked syntax tree, plus what the REPL needs around it.
//!
//! - `ast`: the command language as data;
//! - `parser`: nom parsers producing `Stmt`s, with error recovery for scripts
//!   and `is_incomplete` for multi-line REPL input;
//! - `error`: parse errors rendered with a caret under the column;
//! - `suggest`: "did you mean" for misspelt commands and keywords;
//! - `help`: the command catalogue behind `help`, usage hints and completion;
//! - `highlight`: a forgiving lexer for syntax colouring as you type.
//!
//! Nothing here depends on the runtime: an evaluator elsewhere turns the AST
//! into runtime calls.

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
