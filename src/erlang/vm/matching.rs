//! Patterns and guards, as `erl_eval` does them: walked as small trees
//! over the registers of the current window.
//!
//! A pattern binds as it goes, left to right; when it fails halfway, the
//! registers it already wrote belong to variables that are not bound in
//! the next clause either (the compiler only lets a clause read variables
//! it bound itself), so nothing needs undoing.
//!
//! A guard is `true` or it fails: an exception inside it (`element(5, {a})`,
//! `1 + a`) fails the alternative it is in, and the next alternative after
//! `;` is tried, as in Erlang.

use super::bifs::{self, BifImpl};
use super::terms::{self, as_bool, boolean};
use crate::erlang::module::{GExpr, GuardCode, Pat};
use crate::runtime::{Process, Term};

/// Matches `pat` against `value`, binding into `regs`.
pub fn match_pat(pat: &Pat, value: &Term, regs: &mut [Term]) -> bool {
    match pat {
        Pat::Any => true,
        Pat::Bind(r) => {
            regs[usize::from(*r)] = value.clone();
            true
        }
        Pat::Same(r) => terms::exact_eq(&regs[usize::from(*r)], value),
        // Integers and atoms compare inline (a receive's `0 ->`, `stop ->`).
        Pat::Lit(Term::Int(n)) => matches!(value, Term::Int(v) if v == n),
        Pat::Lit(Term::Atom(a)) => matches!(value, Term::Atom(v) if v == a),
        Pat::Lit(lit) => terms::exact_eq(lit, value),
        Pat::Tuple(pats) => match value {
            Term::Tuple(items) if items.len() == pats.len() => pats
                .iter()
                .zip(items)
                .all(|(p, item)| match_pat(p, item, regs)),
            _ => false,
        },
        Pat::Cons(..) => match value {
            Term::List(items) => match_slice(pat, items, regs),
            Term::Str(_) => match (pat, terms::uncons(value)) {
                (Pat::Cons(head, tail), Some((h, t))) => {
                    match_pat(head, &h, regs) && match_pat(tail, &t, regs)
                }
                _ => false,
            },
            _ => false,
        },
        Pat::Alias(a, b) => match_pat(a, value, regs) && match_pat(b, value, regs),
    }
}

/// Matches a list pattern against the elements `items`, walking the
/// slice: `[A, B]` and `[H | _]` copy nothing; only a tail bound to a
/// variable is materialised as a list of its own.
fn match_slice(pat: &Pat, items: &[Term], regs: &mut [Term]) -> bool {
    match pat {
        Pat::Any => true,
        Pat::Cons(head, tail) => match items.split_first() {
            Some((first, rest)) => match_pat(head, first, regs) && match_slice(tail, rest, regs),
            None => false,
        },
        Pat::Lit(Term::List(l)) if l.is_empty() => items.is_empty(),
        other => match_pat(other, &Term::List(items.to_vec()), regs),
    }
}

/// Whether the guard holds.
pub fn guard_holds(guard: &GuardCode, regs: &[Term], process: &Process) -> bool {
    guard.alternatives.iter().any(|tests| {
        tests
            .iter()
            .all(|test| matches!(eval(test, regs, process), Ok(Term::Atom(a)) if a == crate::runtime::Atom::TRUE))
    })
}

/// A guard expression's value; `Err` when it raises.
fn eval(expr: &GExpr, regs: &[Term], process: &Process) -> Result<Term, ()> {
    Ok(match expr {
        GExpr::Reg(r) => regs[usize::from(*r)].clone(),
        GExpr::Lit(t) => t.clone(),
        GExpr::Tuple(items) => Term::Tuple(
            items
                .iter()
                .map(|e| eval(e, regs, process))
                .collect::<Result<_, _>>()?,
        ),
        GExpr::Cons(h, t) => {
            terms::cons(eval(h, regs, process)?, eval(t, regs, process)?).ok_or(())?
        }
        GExpr::Arith(op, a, b) => {
            terms::arith(*op, &eval(a, regs, process)?, &eval(b, regs, process)?).map_err(|_| ())?
        }
        GExpr::Unary { negate, arg } => {
            terms::unary(*negate, &eval(arg, regs, process)?).map_err(|_| ())?
        }
        GExpr::Compare(op, a, b) => boolean(terms::compare_op(
            *op,
            &eval(a, regs, process)?,
            &eval(b, regs, process)?,
        )),
        GExpr::Not(a) => boolean(!as_bool(&eval(a, regs, process)?).ok_or(())?),
        GExpr::Logic(op, a, b) => {
            let a = as_bool(&eval(a, regs, process)?).ok_or(())?;
            let b = as_bool(&eval(b, regs, process)?).ok_or(())?;
            boolean(logic(*op, a, b))
        }
        GExpr::AndAlso(a, b) => match as_bool(&eval(a, regs, process)?).ok_or(())? {
            false => boolean(false),
            true => eval(b, regs, process)?,
        },
        GExpr::OrElse(a, b) => match as_bool(&eval(a, regs, process)?).ok_or(())? {
            true => boolean(true),
            false => eval(b, regs, process)?,
        },
        GExpr::Bif(id, args) => {
            let args: Vec<Term> = args
                .iter()
                .map(|e| eval(e, regs, process))
                .collect::<Result<_, _>>()?;
            match bifs::get(*id).imp {
                BifImpl::Pure(f) => f(process, &args).map_err(|_| ())?,
                BifImpl::Special(_) => return Err(()),
            }
        }
    })
}

pub fn logic(op: crate::erlang::opcodes::LogicOp, a: bool, b: bool) -> bool {
    use crate::erlang::opcodes::LogicOp::*;
    match op {
        And => a && b,
        Or => a || b,
        Xor => a != b,
    }
}
