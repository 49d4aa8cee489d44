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

/// Matches `pat` against `value`, binding into `regs`. It walks the
/// pattern, so it goes as deep as the pattern does, never as deep as the
/// term: a `[H | T]` takes a cell apart and shares its tail.
pub fn match_pat(pat: &Pat, value: &Term, regs: &mut [Term]) -> bool {
    match pat {
        Pat::Any => true,
        Pat::Bind(r) => {
            regs[usize::from(*r)] = value.clone();
            true
        }
        Pat::Same(r) => terms::exact_eq(&regs[usize::from(*r)], value),
        // `=:=`: an immediate (a small integer, an atom, `[]`) is one word
        // compared with another.
        Pat::Lit(lit) => lit == value,
        Pat::Tuple(pats) => match value.as_tuple() {
            Some(items) if items.len() == pats.len() => pats
                .iter()
                .zip(items)
                .all(|(p, item)| match_pat(p, item, regs)),
            _ => false,
        },
        Pat::Cons(head, tail) => match value.as_cons() {
            Some((h, t)) => match_pat(head, h, regs) && match_pat(tail, t, regs),
            None => false,
        },
        Pat::Alias(a, b) => match_pat(a, value, regs) && match_pat(b, value, regs),
        Pat::Map(fields) => super::maps::match_map(fields, value, regs),
        Pat::Bin(segments) => super::bits::match_segments(segments, value, regs),
    }
}

/// Whether the guard holds.
pub fn guard_holds(guard: &GuardCode, regs: &[Term], process: &Process) -> bool {
    guard.alternatives.iter().any(|tests| {
        tests.iter().all(
            |test| matches!(eval(test, regs, Some(process)), Ok(t) if t.as_bool() == Some(true)),
        )
    })
}

/// A binary pattern's size (`<<X:(N * 8)>>`): a guard expression's
/// value, `None` when it raises. Without a process (a pattern inside
/// another, or a receive's) it has no BIF calls: the compiler sees to it.
pub fn eval_size(expr: &GExpr, regs: &[Term], process: Option<&Process>) -> Option<Term> {
    eval(expr, regs, process).ok()
}

/// A guard expression's value; `Err` when it raises.
fn eval(expr: &GExpr, regs: &[Term], process: Option<&Process>) -> Result<Term, ()> {
    Ok(match expr {
        GExpr::Reg(r) => regs[usize::from(*r)].clone(),
        GExpr::Lit(t) => t.clone(),
        GExpr::Tuple(items) => Term::tuple(
            items
                .iter()
                .map(|e| eval(e, regs, process))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        GExpr::Cons(h, t) => terms::cons(eval(h, regs, process)?, eval(t, regs, process)?),
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
                BifImpl::Pure(f) => f(process.ok_or(())?, &args).map_err(|_| ())?,
                BifImpl::Special(_) => return Err(()),
            }
        }
        GExpr::Map(pairs) => super::maps::make(
            pairs
                .iter()
                .map(|(k, v)| Ok((eval(k, regs, process)?, eval(v, regs, process)?)))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        GExpr::MapUpdate(map, fields) => {
            let map = eval(map, regs, process)?;
            let fields = fields
                .iter()
                .map(|(exact, k, v)| Ok((*exact, eval(k, regs, process)?, eval(v, regs, process)?)))
                .collect::<Result<Vec<_>, _>>()?;
            super::maps::guard_update(map, fields).ok_or(())?
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
