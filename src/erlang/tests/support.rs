//! The harness: compile a tree, load it, run a function in a process,
//! read how it ended.

use super::build::*;
use crate::erlang::{self, CompiledModule, ast};
use crate::runtime::{Atom, Config, Runtime, Term};
use std::sync::Arc;
use std::time::Duration;

/// A deterministic runtime.
pub fn rt() -> Runtime {
    crate::behavior::runtime(Config::deterministic(7))
}

/// Compiles and loads `module`.
pub fn load(rt: &Runtime, module: ast::Module) -> Arc<CompiledModule> {
    let compiled = erlang::compile(&module).unwrap_or_else(|e| panic!("compiles: {e}"));
    erlang::load(rt, compiled.clone());
    compiled
}

/// Runs `module:function(args)` in a new process until the system is
/// quiet; its exit reason (or `None` if it is still alive).
pub fn run(rt: &Runtime, module: &str, function: &str, args: Vec<Term>) -> Option<Term> {
    let pid = erlang::spawn_top(rt, Atom::new(module), Atom::new(function), args)
        .expect("the function exists");
    rt.run_until_quiet(Duration::from_secs(3600));
    rt.death(pid).map(|death| death.reason)
}

/// The value of `body` (`start() -> exit(begin Body end).`), or the exit
/// reason of the error it raised. Extra functions may be given.
pub fn eval_with(body: Vec<Expr>, extra: Vec<ast::Function>) -> Term {
    let rt = rt();
    let mut functions = vec![func(
        "start",
        vec![cl(1, vec![], vec![call("exit", vec![block(body)])])],
    )];
    functions.extend(extra);
    load(&rt, module("t", functions));
    run(&rt, "t", "start", vec![]).expect("the process ended")
}

pub fn eval(body: Vec<Expr>) -> Term {
    eval_with(body, vec![])
}

use crate::erlang::ast::Expr;

/// A term from its Erlang text, for assertions: only what tests need
/// (atoms, integers, tuples, lists, strings), via the command language's
/// own term parser would be nicer; this builds from Rust values instead.
pub fn atom(name: &str) -> Term {
    Term::atom(name)
}

pub fn tuple(items: Vec<Term>) -> Term {
    Term::tuple(items)
}

pub fn ints(items: &[i64]) -> Term {
    Term::list(items.iter().map(|&n| Term::int(n)))
}

/// `{M, F, A, [{line, L}]}`.
pub fn frame(m: &str, f: &str, arity: Term, line: Option<i64>) -> Term {
    let location = match line {
        Some(l) => vec![tuple(vec![atom("line"), Term::int(l)])],
        None => vec![],
    };
    tuple(vec![atom(m), atom(f), arity, Term::list(location)])
}
