//! The shell's own functions, as erl's `shell_default` has them: `q()`,
//! `f()`, `f(X)`, `b()`, `c(M)`, `l(M)`, `flush()`, `i()`, `regs()` and
//! `help()`, typed on their own at the prompt.
//!
//! Each is a command the playground already has, reached the Erlang way:
//! `q()` is `quit`, `flush()` is `flush` ("Shell got hello"), `i()` is
//! `ps` (erl's `i()` is its process table), `regs()` is `regs`, `c(M)` is
//! `load M.erl` (compile and load a module from the working directory;
//! `{ok, M}`), `help()` is `help`. `f` and `b` work on the variables the
//! two languages share. `l(M)` loads module `M` afresh from the code the
//! session already has for it, as erl's `l/1` loads a module's object
//! code again: a new version, `{module, M}`; `{error, nofile}` for a name
//! the session has no code for. `pid(0, N, 0)` makes a pid inside any
//! expression (`exit(pid(0, 42, 0), kill)`): `erlang_eval` replaces it.

use super::error::{EvalError, EvalResult};
use super::{Control, Line, Outcome, Session};
use crate::commands::ast::PsRows;
use crate::erlang::ast::{Callee, Expr, ExprKind};
use crate::runtime::Term;

/// A shell function call typed at the prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum ShellCall {
    /// `q()`.
    Quit,
    /// `f()` (every variable) or `f(X)`.
    Forget(Option<String>),
    /// `b()`.
    Bindings,
    /// `c(M)`: compile and load `M.erl`.
    Compile(String),
    /// `l(M)`: load `M` again.
    Reload(String),
    /// `flush()`.
    Flush,
    /// `i()`.
    Processes,
    /// `regs()`.
    Registered,
    /// `help()`.
    Help,
}

impl ShellCall {
    /// The shell function `expr` calls, if it is one.
    pub fn of(expr: &Expr) -> Option<ShellCall> {
        let ExprKind::Call(Callee::Local(name), args) = &expr.kind else {
            return None;
        };
        let call = match (name.as_str(), args.as_slice()) {
            ("q", []) => ShellCall::Quit,
            ("f", []) => ShellCall::Forget(None),
            ("f", [arg]) => match &arg.kind {
                ExprKind::Var(var) => ShellCall::Forget(Some(var.clone())),
                _ => return None,
            },
            ("b", []) => ShellCall::Bindings,
            ("c", [arg]) => ShellCall::Compile(module_name(arg)?),
            ("l", [arg]) => ShellCall::Reload(module_name(arg)?),
            ("flush", []) => ShellCall::Flush,
            ("i", []) => ShellCall::Processes,
            ("regs", []) => ShellCall::Registered,
            ("help", []) => ShellCall::Help,
            _ => return None,
        };
        Some(call)
    }
}

/// Whether `name/arity` is one of the shell functions (whatever its
/// arguments).
pub fn is_shell_function(name: &str, arity: usize) -> bool {
    matches!(
        (name, arity),
        ("q" | "f" | "b" | "flush" | "i" | "regs" | "help", 0) | ("f" | "c" | "l", 1)
    )
}

/// `counter` or `"counter"`: a module named as `c/1` takes it.
fn module_name(arg: &Expr) -> Option<String> {
    match &arg.kind {
        ExprKind::Atom(name) | ExprKind::Str(name) => Some(name.clone()),
        _ => None,
    }
}

impl Session {
    pub(super) fn shell_function(
        &mut self,
        call: ShellCall,
        control: &mut Control,
    ) -> EvalResult<Outcome> {
        match call {
            ShellCall::Quit => {
                *control = Control::Quit;
                Ok(Outcome::none())
            }
            ShellCall::Forget(None) => {
                self.vars.clear();
                Ok(ok())
            }
            ShellCall::Forget(Some(name)) => {
                self.vars.remove(&name);
                Ok(ok())
            }
            ShellCall::Bindings => {
                let mut lines: Vec<Line> = self
                    .vars
                    .iter()
                    .map(|(name, value)| {
                        Line::Text(format!("{name} = {}", crate::view::shown(value)))
                    })
                    .collect();
                lines.extend(ok().lines);
                Ok(Outcome { lines, ..ok() })
            }
            ShellCall::Compile(module) => self.load(std::path::Path::new(&format!("{module}.erl"))),
            ShellCall::Reload(module) => self.reload(&module),
            ShellCall::Flush => self.flush(),
            ShellCall::Processes => self.ps(PsRows::Default),
            ShellCall::Registered => self.regs(),
            ShellCall::Help => self.help(None),
        }
    }

    /// `l(M)`: the session's code for `M` loaded again, as a new version.
    fn reload(&mut self, module: &str) -> EvalResult<Outcome> {
        let Some(definition) = self.definitions.get(module).cloned() else {
            return Ok(Outcome::value(Term::tuple([
                Term::atom("error"),
                Term::atom("nofile"),
            ])));
        };
        let origin = super::definitions::Origin {
            file: None,
            span: Default::default(),
            statement: &definition.text,
            line_offset: 0,
            column_offset: 0,
        };
        let loaded = self.define(module, &definition.module.source, &origin)?;
        if !loaded.ok {
            return Err(EvalError::new(format!("`{module}` did not load again")));
        }
        let mut outcome = Outcome::value(Term::tuple([Term::atom("module"), Term::atom(module)]));
        // What loading said beyond its value (a purge) still shows.
        outcome.lines.splice(
            0..0,
            loaded
                .lines
                .into_iter()
                .filter(|l| !matches!(l, Line::Value(_))),
        );
        Ok(outcome)
    }
}

fn ok() -> Outcome {
    Outcome::value(Term::atom("ok"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(text: &str) -> Option<ShellCall> {
        let exprs = crate::erlang::syntax::parse_exprs(text).unwrap();
        ShellCall::of(&exprs[0])
    }

    #[test]
    fn the_shell_functions_are_recognised_by_name_and_arity() {
        assert_eq!(call("q()."), Some(ShellCall::Quit));
        assert_eq!(call("f(X)"), Some(ShellCall::Forget(Some("X".into()))));
        assert_eq!(call("f()"), Some(ShellCall::Forget(None)));
        assert_eq!(
            call("c(counter)."),
            Some(ShellCall::Compile("counter".into()))
        );
        assert_eq!(
            call("c(\"counter\")"),
            Some(ShellCall::Compile("counter".into()))
        );
        assert_eq!(
            call("l(counter)"),
            Some(ShellCall::Reload("counter".into()))
        );
        assert_eq!(call("flush()"), Some(ShellCall::Flush));
        assert_eq!(call("i()"), Some(ShellCall::Processes));
        assert_eq!(call("regs()"), Some(ShellCall::Registered));
        assert_eq!(call("b()"), Some(ShellCall::Bindings));
        assert_eq!(call("q(1)"), None);
        assert_eq!(call("lists:seq(1, 2)"), None);
        assert_eq!(call("f(x)"), None);
        assert!(is_shell_function("f", 1) && !is_shell_function("f", 2));
    }
}
