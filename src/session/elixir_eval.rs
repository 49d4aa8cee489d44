//! Elixir in the session: `defmodule` (its modules compiled and loaded as
//! `def`'s definitions are) and Elixir expressions at the prompt,
//! evaluated by the shell process as `iex` evaluates them.
//!
//! An expression runs as Erlang's at the prompt does (`erlang_eval`): the
//! Elixir front end lowers it to Erlang's syntax tree, with the session's
//! variables bound under their Elixir names, into the same throwaway
//! module, run as the shell process. Elixir rebinds (`x = x + 1`): the
//! lowering gives each binding a fresh Erlang name, and the session keeps
//! the last one under the Elixir name. A line that reads both as Erlang
//! and as Elixir (`x = 1`) is Elixir when the session's syntax is.
//!
//! A script whose first statement is a `defmodule` speaks Elixir: the
//! session's syntax becomes Elixir there, as `syntax elixir` would set it.

use super::definitions::Origin;
use super::erlang_eval::{EXCEPTION_TAG, FUNCTION, shell_module};
use super::error::{EvalError, EvalResult};
use super::{Control, Line, Outcome, Session};
use crate::commands::ast::{Command, Stmt};
use crate::diagnostics::Diagnostic;
use crate::erlang::exception::{Class, Exception};
use crate::erlang::vm::interpreter::Vm;
use crate::runtime::{Atom, Term};
use crate::view::Syntax;
use std::collections::BTreeSet;

impl Session {
    /// Whether the Erlang-looking line `text` is read as Elixir: when the
    /// session speaks Elixir and the line is Elixir too.
    pub(super) fn elixir_reads(&self, text: &str) -> bool {
        self.syntax() == Syntax::Elixir
            && crate::elixir::lexer::tokenize(text).is_ok_and(|tokens| {
                crate::elixir::parser::Parser::new(text, tokens)
                    .program()
                    .is_ok()
            })
    }

    /// `defmodule Name do ... end`: every module in it, nested ones too.
    pub(super) fn defmodule_statement(&mut self, stmt: &Stmt) -> EvalResult<Outcome> {
        let Command::Defmodule(text) = &stmt.command else {
            return Err(EvalError::new("not a defmodule"));
        };
        let file = self.source.clone();
        if file.is_some() && self.definitions.is_empty() && self.vars.is_empty() {
            self.set_syntax(Syntax::Elixir);
        }
        let origin = Origin {
            file: file.as_deref(),
            span: stmt.span,
            statement: &stmt.source,
            line_offset: 0,
            column_offset: 0,
        };
        self.define_elixir(text, &origin)
    }

    /// Loads the modules of the Elixir text `text`, each a definition.
    pub(super) fn define_elixir(&mut self, text: &str, origin: &Origin<'_>) -> EvalResult<Outcome> {
        let (modules, rest) = match crate::elixir::parse_file(text) {
            Ok(parsed) => parsed,
            Err(error) => return Ok(refused(origin, error)),
        };
        if let Some(first) = rest.first() {
            let error = crate::erlang::syntax::error_at(
                text,
                first.pos,
                1,
                "only modules can be loaded",
                Some("type expressions at the prompt, or in a script's own lines".into()),
            );
            return Ok(refused(origin, error));
        }
        let mut outcome = Outcome::none();
        for module in modules {
            let name = module.name.clone();
            let one = self.install(&name, text, Ok(module), origin)?;
            outcome.ok &= one.ok;
            outcome.lines.extend(one.lines);
            outcome.value = one.value.or(outcome.value);
        }
        Ok(outcome)
    }

    /// An Elixir expression sequence at the prompt (see the module docs).
    pub(super) fn elixir_statement(
        &mut self,
        stmt: &Stmt,
        text: &str,
        control: &mut Control,
    ) -> EvalResult<Outcome> {
        let file = self.source.clone();
        let origin = Origin {
            file: file.as_deref(),
            span: stmt.span,
            statement: &stmt.source,
            line_offset: 0,
            column_offset: 0,
        };
        let bound: Vec<String> = self
            .vars
            .keys()
            .filter(|name| name.starts_with(|c: char| c.is_lowercase() || c == '_'))
            .cloned()
            .collect();
        let lowered = match crate::elixir::parse_shell(text, &bound) {
            Ok(lowered) => lowered,
            Err(error) => return Ok(refused(&origin, error)),
        };
        if let [single] = lowered.exprs.as_slice()
            && let Some(call) = super::shell_functions::ShellCall::of(single)
        {
            return self.shell_function(call, control);
        }
        let after: BTreeSet<String> = lowered.bindings.values().cloned().collect();
        let module = shell_module(text, lowered.exprs, &bound, &after, &[]);
        let compiled = match crate::erlang::compile(&module) {
            Ok(compiled) => compiled,
            Err(error) => return Ok(refused(&origin, error)),
        };
        let function = compiled
            .function(Atom::new(FUNCTION), bound.len() as u32 + 1)
            .ok_or_else(|| EvalError::new("the expression did not compile to a function"))?;
        let reference = Term::reference(self.runtime.make_ref());
        let mut args = vec![reference.clone()];
        args.extend(bound.iter().map(|name| self.vars[name].clone()));
        let ended = self.shell.run_program(Vm::new(compiled, function, args));
        self.runtime.flush_output();
        let ended = ended?;
        match ended.as_tuple() {
            Some([tag, value, bindings, _]) if *tag == reference => {
                let values = bindings.as_tuple().unwrap_or_default();
                let by_var: Vec<(&String, &Term)> = after.iter().zip(values).collect();
                for (name, var) in &lowered.bindings {
                    if let Some((_, value)) = by_var.iter().find(|(v, _)| *v == var) {
                        self.vars.insert(name.clone(), (*value).clone());
                    }
                }
                Ok(Outcome::value(value.clone()))
            }
            Some([tag, marker, class, reason, stack])
                if *tag == reference && marker.is_atom(Atom::new(EXCEPTION_TAG)) =>
            {
                let exception = Exception {
                    class: Class::of(class).unwrap_or(Class::Error),
                    reason: reason.clone(),
                    stack: stack.list_to_vec().unwrap_or_default(),
                };
                // Written as iex writes it when the session speaks Elixir.
                Err(EvalError::new(self.render_exception(&exception)))
            }
            _ => Err(EvalError::new(
                self.render_exception(&Exception::from_exit_reason(&ended)),
            )),
        }
    }
}

/// A refused entry: its error, placed in the script or REPL entry.
fn refused(origin: &Origin<'_>, error: Diagnostic) -> Outcome {
    let rendered = origin.place(error).render(origin.file);
    Outcome {
        lines: vec![Line::Error(rendered.trim_end().to_string())],
        value: None,
        ok: false,
    }
}
