//! Elixir, the talk's language, beside Erlang on the same VM: `defmodule`
//! typed in the REPL or loaded from a `.ex`/`.exs` file, and Elixir
//! expressions at the prompt.
//!
//! ```text
//! defmodule Counter do          lexer.rs  text -> tokens (newlines count)
//!   def start(n) do             parser/   tokens -> ast.rs, Elixir's own
//!     spawn(fn -> loop(n) end)            shape (calls with do blocks)
//!   end                         lower/    ast.rs -> crate::erlang::ast,
//!   ...                                   as elixir_erl compiles Elixir
//! end
//! ```
//!
//! The front end stops at the Erlang front end's syntax tree: the checker,
//! the compiler, the VM, hot reload and the views take it from there and
//! need nothing new, as Elixir itself compiles to Erlang's abstract
//! format. A module `Counter` is the atom `'Elixir.Counter'`, so Erlang
//! code calls `'Elixir.Counter':start(0)` and Elixir code `:lists.reverse/1`.
//! What Elixir's standard library provides (`Enum`, `GenServer`,
//! `String.Chars` for interpolation, `Kernel.raise/1,2`) is called as the
//! Erlang modules `'Elixir.Enum'`, ... which the standard library loads.
//!
//! Errors are [`Diagnostic`]s at the line and column of the Elixir text,
//! with a caret and a hint, as the Erlang front end's.
//!
//! Imports: the Erlang front end's syntax tree and errors, the
//! diagnostics; never the session or the command language.

pub mod ast;
pub mod lexer;
pub mod lower;
pub mod parser;

use crate::diagnostics::Diagnostic;
use crate::erlang::ast::{Expr, Module};

/// The modules of an Elixir text (`defmodule`s, nested ones as modules of
/// their own), and the top-level expressions that are not modules.
pub fn parse_file(source: &str) -> Result<(Vec<Module>, Vec<ast::Node>), Diagnostic> {
    let tokens = lexer::tokenize(source)?;
    let nodes = parser::Parser::new(source, tokens).program()?;
    let (modules, rest) = lower::modules(source, nodes)?;
    Ok((modules.into_iter().map(|m| m.module).collect(), rest))
}

/// Whether `text` starts (after blank lines and `#` comments) with
/// `defmodule`: an Elixir module, wherever it is read.
pub fn starts_with_defmodule(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .is_some_and(|line| {
            line.strip_prefix("defmodule")
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
        })
}

/// An Elixir expression sequence typed at the prompt, lowered with the
/// session's variables bound (`bound`, by their Elixir names): the
/// expressions, and each Elixir variable bound after them with the
/// Erlang variable that holds it.
pub struct ShellExprs {
    pub exprs: Vec<Expr>,
    pub bindings: std::collections::BTreeMap<String, String>,
}

pub fn parse_shell(source: &str, bound: &[String]) -> Result<ShellExprs, Diagnostic> {
    let tokens = lexer::tokenize(source)?;
    let nodes = parser::Parser::new(source, tokens).program()?;
    let scope = lower::ModuleScope {
        shell: true,
        ..Default::default()
    };
    let mut lowerer = lower::Lowerer::new(source, scope);
    for name in bound {
        lowerer.vars.insert(name.clone(), name.clone());
    }
    let pos = nodes
        .first()
        .map_or(crate::erlang::ast::Pos::new(1, 1), |n| n.pos);
    let exprs = lowerer.body(&nodes, pos)?;
    let bindings = lowerer
        .vars
        .iter()
        .filter(|(name, var)| !bound.contains(name) || *name != *var)
        .map(|(name, var)| (name.clone(), var.clone()))
        .collect();
    Ok(ShellExprs { exprs, bindings })
}

#[cfg(test)]
mod tests;
