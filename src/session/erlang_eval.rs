//! Erlang at the prompt: `X = lists:seq(1, 3).`, `self() ! hello`,
//! `receive M -> M after 0 -> none end`, evaluated as `erl` evaluates them.
//!
//! # How an expression runs
//!
//! erl interprets what is typed (`erl_eval`) inside the shell's evaluator
//! process. We have a compiler and a VM, not an interpreter of syntax
//! trees, so the expression sequence is compiled into a throwaway module
//! and run *as the shell process*:
//!
//! 1. `erlang::syntax::parse_exprs` reads the sequence (the final `.` is
//!    optional); `erlang::check::bound_after` checks it as `erl_lint`
//!    would, with the session's variables already bound, and says which
//!    variables are bound after it.
//! 2. The sequence becomes the body of one function of a module named
//!    `erl_eval` (so a fun made at the prompt prints `#Fun<erl_eval.N.U>`,
//!    as erl's do), taking a fresh reference and the bound variables the
//!    text names as arguments (only those: a session's thousandth binding
//!    costs the next line nothing), and giving back the variables the
//!    text names that are bound after it:
//!
//!    ```erlang
//!    exprs(Ref, X, Y) -> E1, ..., Value = En, exit({Ref, Value, {X, Y, Z}}).
//!    ```
//!
//!    The exit carries the value and the new bindings out of the VM: a
//!    process's code ends with an exit reason, not a return value. Only
//!    this run knows `Ref`, so no exit the expression raises itself can
//!    pass for the result. The module is never put in the code table: the
//!    funs it makes keep their module alive, as a fun keeps its version.
//! 3. The shell's host process runs the compiled function inside a job
//!    (`runtime::run_within`): the VM's time slices are the shell's, so
//!    `self()` is the shell's pid, `receive` and `flush()` read the
//!    shell's mailbox, `spawn_link`/`link` link the shell, and an exit
//!    signal that kills the shell kills it mid-expression, which the
//!    session reports and survives as for any command. What the code
//!    builds counts against the shell's `max_heap_size` (`run_within`
//!    measures it), so a runaway expression kills the shell, not the
//!    laptop.
//!    A `case`, `receive` or `if` at the top of the sequence that binds
//!    a variable in only some clauses hands that clause's bindings out
//!    too (`erlang_branches`), so they are bound after it as in erl.
//!    The sequence runs under a `try`, so an exception leaves as
//!    `{Ref, '$exception', Class, Reason, Stack}`: its class is known,
//!    not guessed from an exit reason.
//! 4. An exit with `{Ref, Value, Bindings}` is the value: the bindings go
//!    back into the session's variables (the command language's, `W =
//!    spawn counter` and `W ! hello.` share them). Any other exit is an
//!    uncaught exception, printed as erl prints it
//!    (`crate::erlang::exception`); the shell process stays as it was
//!    (erl would start a new evaluator process; here the shell keeps its
//!    pid, mailbox and links, as after a failed command).
//!
//! A `receive` with nothing to take waits as the shell; in deterministic
//! mode (`--seed`, `check`) a wait nothing can end is reported at once
//! ("this would wait for ever") and abandoned, and any wait is given up
//! after `shell::EXPRESSION_LIMIT`, so neither a script nor the REPL hangs.
//!
//! Shell functions (`f()`, `b()`, `c(M)`, `flush()`, ...) are handled
//! before compiling, by `shell_functions`; any other call of a local
//! function is erl's "undefined shell command".

use super::definitions::Origin;
use super::error::{EvalError, EvalResult};
use super::{Control, Line, Outcome, Session};
use crate::commands::ast::{Command, Stmt};
use crate::diagnostics::Diagnostic;
use crate::erlang::ast::{
    self, Callee, CaseClause, Clause, Expr, ExprKind, Pattern, PatternKind, Pos,
};
use crate::erlang::exception::{Class, Exception, SHELL_MODULE};
use crate::erlang::vm::interpreter::Vm;
use crate::runtime::{Atom, Term};
use std::collections::BTreeSet;

/// The function the sequence is compiled into (erl_eval has `exprs/2`).
pub(super) const FUNCTION: &str = "exprs";
/// Variables the compiled function needs beside the user's: names no
/// Erlang source can write (`$` is no variable character), so they never
/// meet one typed at the prompt.
const REF_VAR: &str = "Shell$ref";
const VALUE_VAR: &str = "Shell$value";
const CLASS_VAR: &str = "Shell$class";
const REASON_VAR: &str = "Shell$reason";
const STACK_VAR: &str = "Shell$stack";
/// What marks an exception the expression raised, beside the run's
/// reference.
pub(super) const EXCEPTION_TAG: &str = "$exception";

impl Session {
    /// An uncaught exception as the session's syntax shows it: erl's
    /// `** exception error: ...`, or Elixir's banner `** (MatchError) ...`
    /// (`Exception.format_banner/3`).
    pub(super) fn render_exception(&self, exception: &Exception) -> String {
        use crate::view::elixir_reason::{Kind, error_banner};
        match self.syntax() {
            crate::view::Syntax::Erlang => exception.render(),
            crate::view::Syntax::Elixir => match exception.class {
                Class::Error => error_banner(&exception.reason, &exception.stack),
                Class::Exit => crate::view::elixir_reason::banner(Kind::Exit, &exception.reason),
                Class::Throw => crate::view::elixir_reason::banner(Kind::Throw, &exception.reason),
            },
        }
    }

    /// An `Erlang` statement: its position places a compile error's caret.
    pub(super) fn erlang_statement(
        &mut self,
        stmt: &Stmt,
        control: &mut Control,
    ) -> EvalResult<Outcome> {
        let Command::Erlang(text) = &stmt.command else {
            return Err(EvalError::new("not an Erlang expression"));
        };
        let file = self.source.clone();
        let origin = Origin {
            file: file.as_deref(),
            span: stmt.span,
            statement: &stmt.source,
            line_offset: 0,
            column_offset: 0,
        };
        self.erlang(text, Some(&origin), control)
    }

    /// Evaluates the Erlang expression sequence `text` (see the module
    /// docs); `origin` places an error in a script or REPL entry.
    pub(super) fn erlang(
        &mut self,
        text: &str,
        origin: Option<&Origin<'_>>,
        control: &mut Control,
    ) -> EvalResult<Outcome> {
        let refused = |error: Diagnostic| {
            let rendered = match origin {
                Some(origin) => origin.place(error).render(origin.file),
                None => error.quote(text).render(None),
            };
            Outcome {
                lines: vec![Line::Error(rendered.trim_end().to_string())],
                value: None,
                ok: false,
            }
        };
        let mut exprs = match crate::erlang::syntax::parse_exprs(text) {
            Ok(exprs) => exprs,
            Err(error) => return Ok(refused(error)),
        };
        if let [single] = exprs.as_slice()
            && let Some(call) = super::shell_functions::ShellCall::of(single)
        {
            return self.shell_function(call, control);
        }
        let pids = take_pid_calls(&mut exprs);
        if let Some((name, arity)) = first_undefined_call(&exprs) {
            if (name.as_str(), arity) == ("pid", 3) {
                return Err(EvalError::new("pid/3 takes three integers here")
                    .with_hint("write the pid's numbers, e.g. pid(0, 42, 0)"));
            }
            if super::shell_functions::is_shell_function(&name, arity) {
                return Err(EvalError::new(format!(
                    "{name}/{arity} is a shell function: it stands alone at the prompt"
                ))
                .with_hint("type it on a line of its own, e.g. `f().`"));
            }
            return Err(EvalError::new(format!(
                "** exception error: undefined shell command {name}/{arity}"
            ))
            .with_hint(
                "the shell's own are f, b, c, l, flush, i, regs, q; call a module's function as m:f(...)",
            ));
        }
        // Only the variables the text names go in and come out: a session
        // with a thousand bindings compiles `1 + 2` as fast as a fresh one.
        let named = named_variables(text);
        let before: Vec<String> = self
            .vars
            .keys()
            .filter(|name| named.contains(*name))
            .cloned()
            .collect();
        let inputs: Vec<String> = before
            .iter()
            .cloned()
            .chain(pids.iter().map(|(name, _)| name.clone()))
            .collect();
        let after = match crate::erlang::check::bound_after(text, &exprs, inputs.clone()) {
            Ok(after) => after,
            Err(error) if error.message.ends_with("is unbound") => {
                let hint = "bind it first, e.g. `X = ...`; `b()` lists the variables bound";
                return Ok(refused(Diagnostic {
                    hint: Some(hint.into()),
                    ..error
                }));
            }
            Err(error) => return Ok(refused(error)),
        };
        // The pids stand-ins are the shell's own, not the presenter's.
        let after: BTreeSet<String> = after
            .into_iter()
            .filter(|name| !name.contains('$'))
            .collect();
        let lists = super::erlang_branches::export_branch_bindings(text, &mut exprs, &inputs);
        let module = shell_module(text, exprs, &inputs, &after, &lists);
        let compiled = match crate::erlang::compile(&module) {
            Ok(compiled) => compiled,
            Err(error) => return Ok(refused(error.quote(text))),
        };
        let function = compiled
            .function(Atom::new(FUNCTION), inputs.len() as u32 + 1)
            .ok_or_else(|| EvalError::new("the expression did not compile to a function"))?;
        let reference = Term::reference(self.runtime.make_ref());
        let mut args = vec![reference.clone()];
        args.extend(before.iter().map(|name| self.vars[name].clone()));
        args.extend(pids.into_iter().map(|(_, pid)| pid));
        let ended = self.shell.run_program(Vm::new(compiled, function, args));
        // What the expression printed without a newline shows now, before
        // its value (erl's `io:format("hi")` prints `hiok`): the shell
        // process never exits, which is when a half line shows otherwise.
        self.runtime.flush_output();
        let ended = ended?;
        match ended.as_tuple() {
            Some([tag, value, bindings, branch_lists]) if *tag == reference => {
                let values = bindings.as_tuple().unwrap_or_default();
                for (name, value) in after.iter().zip(values) {
                    self.vars.insert(name.clone(), value.clone());
                }
                // `{Name, Value}` pairs from the clauses that ran.
                for pair in branch_lists.iter_list().flat_map(|list| list.iter_list()) {
                    if let Some([name, value]) = pair.as_tuple()
                        && let Some(name) = name.as_atom()
                    {
                        self.vars.insert(name.name().to_string(), value.clone());
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
                Err(EvalError::new(self.render_exception(&exception)))
            }
            // Killed from outside mid-expression, or out of heap.
            _ => Err(EvalError::new(
                self.render_exception(&Exception::from_exit_reason(&ended)),
            )),
        }
    }
}

/// erl's shell function `pid(0, N, 0)`, the way to write a pid in
/// Erlang at the prompt: each call with integer literals is replaced by a
/// variable the compiled function takes (the term core has pids, the
/// syntax has no literal for one). Returns the variables and their pids.
fn take_pid_calls(exprs: &mut [Expr]) -> Vec<(String, Term)> {
    fn walk(expr: &mut Expr, pids: &mut Vec<(String, Term)>) {
        if let ExprKind::Call(Callee::Local(name), args) = &expr.kind
            && name == "pid"
            && let [a, b, c] = args.as_slice()
            && let (Some(0), Some(n), Some(0)) = (int(a), int(b), int(c))
            && let Ok(n) = u64::try_from(n)
        {
            let var = format!("Shell$pid{}", pids.len());
            pids.push((var.clone(), Term::pid(crate::runtime::Pid::from_number(n))));
            expr.kind = ExprKind::Var(var);
            return;
        }
        expr.for_each_child_mut(&mut |child| walk(child, pids));
    }
    fn int(expr: &Expr) -> Option<i64> {
        match &expr.kind {
            ExprKind::Int(n) => n.as_i64(),
            _ => None,
        }
    }
    let mut pids = Vec::new();
    exprs.iter_mut().for_each(|expr| walk(expr, &mut pids));
    pids
}

/// The variables `text` names anywhere (the lexer's `Var` tokens).
fn named_variables(text: &str) -> BTreeSet<String> {
    crate::erlang::syntax::tokenize(text)
        .map(|tokens| {
            tokens
                .into_iter()
                .filter_map(|token| match token.tok {
                    crate::erlang::syntax::Tok::Var(name) => Some(name),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The first call of a local function that is not an auto-imported BIF
/// (`foo(1)`), anywhere in the sequence: erl has no local functions at the
/// prompt but its own shell functions.
fn first_undefined_call(exprs: &[Expr]) -> Option<(String, usize)> {
    fn walk(expr: &Expr, found: &mut Option<(String, usize)>) {
        if found.is_some() {
            return;
        }
        if let ExprKind::Call(Callee::Local(name), args) = &expr.kind
            && !crate::erlang::names::is_auto_imported(name, args.len())
        {
            *found = Some((name.clone(), args.len()));
            return;
        }
        expr.for_each_child(&mut |child| walk(child, found));
    }
    let mut found = None;
    exprs.iter().for_each(|expr| walk(expr, &mut found));
    found
}

/// The throwaway module of the module docs: `exprs(Ref, Inputs...) ->
/// Exprs..., exit({Ref, Value, {After...}, [Lists...]})`, where `lists`
/// name the `{Name, Value}` lists of `erlang_branches`.
pub(super) fn shell_module(
    text: &str,
    mut exprs: Vec<Expr>,
    inputs: &[String],
    after: &BTreeSet<String>,
    lists: &[String],
) -> ast::Module {
    let pos = exprs.last().map_or(Pos::new(1, 1), |e| e.pos);
    let var = |name: &str| Expr {
        kind: ExprKind::Var(name.to_string()),
        pos,
    };
    let pattern = |name: &str| Pattern {
        kind: PatternKind::Var(name.to_string()),
        pos,
    };
    if let Some(last) = exprs.pop() {
        exprs.push(Expr {
            kind: ExprKind::Match(pattern(VALUE_VAR), Box::new(last)),
            pos,
        });
    }
    let bindings = Expr {
        kind: ExprKind::Tuple(after.iter().map(|name| var(name)).collect()),
        pos,
    };
    let branch_lists = lists.iter().rev().fold(
        Expr {
            kind: ExprKind::Nil,
            pos,
        },
        |tail, name| Expr {
            kind: ExprKind::Cons(Box::new(var(name)), Box::new(tail)),
            pos,
        },
    );
    let result = Expr {
        kind: ExprKind::Tuple(vec![var(REF_VAR), var(VALUE_VAR), bindings, branch_lists]),
        pos,
    };
    let exit = |value: Expr| Expr {
        kind: ExprKind::Call(Callee::Remote("erlang".into(), "exit".into()), vec![value]),
        pos,
    };
    // The body under a `try`, so that an exception comes out with its
    // class as well as its reason and stack (an `exit({R, Stack})` is an
    // exit, not the error R): `{Ref, '$exception', Class, Reason, Stack}`.
    let caught = Expr {
        kind: ExprKind::Tuple(vec![
            var(REF_VAR),
            Expr {
                kind: ExprKind::Atom(EXCEPTION_TAG.into()),
                pos,
            },
            var(CLASS_VAR),
            var(REASON_VAR),
            var(STACK_VAR),
        ]),
        pos,
    };
    let body = vec![Expr {
        kind: ExprKind::Try {
            body: exprs,
            of: Some(vec![CaseClause {
                pattern: Pattern {
                    kind: PatternKind::Wildcard,
                    pos,
                },
                guard: Vec::new(),
                body: vec![exit(result)],
                pos,
            }]),
            catches: vec![CaseClause {
                pattern: Pattern {
                    kind: PatternKind::Tuple(vec![
                        pattern(CLASS_VAR),
                        pattern(REASON_VAR),
                        pattern(STACK_VAR),
                    ]),
                    pos,
                },
                guard: Vec::new(),
                body: vec![exit(caught)],
                pos,
            }],
            after: Vec::new(),
        },
        pos,
    }];
    let exprs = body;
    let patterns: Vec<Pattern> = std::iter::once(REF_VAR)
        .chain(inputs.iter().map(String::as_str))
        .map(pattern)
        .collect();
    let arity = patterns.len();
    ast::Module {
        name: SHELL_MODULE.to_string(),
        functions: vec![ast::Function {
            name: FUNCTION.to_string(),
            arity,
            clauses: vec![Clause {
                patterns,
                guard: Vec::new(),
                body: exprs,
                pos: Pos::new(1, 1),
            }],
            pos: Pos::new(1, 1),
        }],
        source: text.to_string(),
        attributes: Default::default(),
    }
}
