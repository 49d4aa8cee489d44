//! The process language's front end: the text inside `def NAME { ... }` to
//! an [`ast::Module`](crate::erlang::ast::Module).
//!
//! - `lexer`: characters to tokens (`erl_scan`'s rules, plus durations);
//! - `attributes`: `-module`, `-export`, `-import`, `-compile` and the
//!   attributes read and kept (`-behaviour`, `-spec`, ...);
//! - `preprocess`: macros (`-define`, `?NAME`) and `-ifdef`, over tokens;
//! - `comprehensions`: `[E || X <- L, Cond]`, expanded into
//!   `lists:flatmap/2` and `case`;
//! - `records`: `-record` and the record syntax, expanded into tuples;
//! - `parser`: the module level (functions, clauses, guards) and the
//!   nesting guard that keeps any input from overflowing the stack;
//! - `expr`: expressions by precedence, and the block expressions;
//! - `pattern`: expressions that are patterns, as `erl_parse` does;
//! - `map`: `#{K => V}`, `M#{K := V}` and map patterns;
//! - `bits`: binaries, `<<Value:Size/Specifiers, ...>>`, and their
//!   patterns;
//! - `error`: compile errors as the command language's `Diagnostic`s.
//!
//! Positions count from the start of the text given: line 1 is the line
//! of `def`, so a REPL entry and a script agree, and `lang` adds the
//! script's offset when it reports FILE:LINE:COL.

mod attributes;
mod bits;
mod comprehensions;
mod error;
mod expr;
mod lexer;
mod map;
mod parser;
mod pattern;
mod preprocess;
mod records;

#[cfg(test)]
mod tests;

pub use error::error_at;
pub use lexer::{Tok, Token, tokenize};
pub use parser::MAX_DEPTH;

use crate::diagnostics::Diagnostic;
use crate::erlang::ast::{Expr, Module};

/// Parses the clauses of the definition `name` (the text between its
/// braces). Never panics; an error has a line, column, message and hint.
pub fn parse_module(name: &str, source: &str) -> Result<Module, Diagnostic> {
    parse_module_in(name, source, None)
}

/// The same, reading `-include("FILE")` from `include_dir` (the directory
/// of the file the module comes from; without one, `-include` is an
/// error).
pub fn parse_module_in(
    name: &str,
    source: &str,
    include_dir: Option<&std::path::Path>,
) -> Result<Module, Diagnostic> {
    let tokens = preprocess::preprocess(source, name, tokenize(source)?, include_dir)?;
    let mut parser = parser::Parser::new(source, tokens);
    let (attributes, mut functions) = parser.forms()?;
    if let Some((module, at)) = &attributes.module
        && module != name
    {
        return Err(error::error_at(
            source,
            *at,
            module.chars().count(),
            format!("this module is `{module}`, but it is loaded as `{name}`"),
            Some(format!(
                "a module's name is its file's (or its definition's): -module({name})."
            )),
        ));
    }
    attributes::resolve_imports(&attributes, &mut functions);
    for clause in functions.iter_mut().flat_map(|f| &mut f.clauses) {
        clause
            .guard
            .iter_mut()
            .flatten()
            .for_each(records::strip_defaults);
        clause.body.iter_mut().for_each(records::strip_defaults);
    }
    Ok(Module {
        name: name.to_string(),
        functions,
        source: source.to_string(),
        attributes,
    })
}

/// Parses what the shell's prompt takes as Erlang: a sequence of
/// expressions separated by commas, with an optional `.` at the end
/// (`X = lists:seq(1, 3), length(X).`), as `erl` reads one entry. No
/// preprocessing: the prompt has no macros or records.
pub fn parse_exprs(source: &str) -> Result<Vec<Expr>, Diagnostic> {
    let mut parser = parser::Parser::new(source, tokenize(source)?);
    let mut exprs = parser.exprs()?;
    parser.eat_dot();
    if parser.peek_tok() != &Tok::Eof {
        return Err(parser.error_here(
            format!("unexpected {} after the expression", parser.describe_next()),
            Some("separate expressions with `,`; a `.` ends them".into()),
        ));
    }
    exprs.iter_mut().for_each(records::strip_defaults);
    Ok(exprs)
}
