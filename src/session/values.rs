//! From written terms to runtime terms, and pattern matching.
//!
//! A term in a command may mention shell variables and `self`; turning it
//! into a [`Term`] looks them up. Patterns (in `receive`, `expect message`,
//! `expect reply`) are matched the Erlang way: `_` matches anything, an
//! unbound variable matches anything and is bound, a bound variable matches
//! only its value.

use super::error::{EvalError, EvalResult};
use crate::commands::ast::TermExpr;
use crate::runtime::{Pid, Ref, Term};
use std::collections::BTreeMap;

/// The shell's variables, kept across a shell restart (as Erlang's shell
/// keeps its bindings when its evaluator process dies).
pub type Bindings = BTreeMap<String, Term>;

/// Evaluates `expr` with `vars` bound and `shell` as `self`.
pub fn to_term(expr: &TermExpr, vars: &Bindings, shell: Pid) -> EvalResult<Term> {
    Ok(match expr {
        TermExpr::Atom(name) => Term::atom(name),
        TermExpr::Int(n) => Term::Int(*n),
        TermExpr::Float(x) => Term::Float(*x),
        TermExpr::Str(s) => Term::string(s),
        TermExpr::Tuple(items) => Term::Tuple(to_terms(items, vars, shell)?),
        TermExpr::List(items) => Term::List(to_terms(items, vars, shell)?),
        TermExpr::Pid(n) => Term::Pid(Pid::from_number(*n)),
        TermExpr::Ref(n) => Term::Ref(Ref::from_number(*n)),
        TermExpr::Var(name) => vars.get(name).cloned().ok_or_else(|| unbound(name))?,
        TermExpr::SelfPid => Term::Pid(shell),
        TermExpr::Wildcard => return Err(EvalError::new("`_` can only be used in a pattern")),
        // A duration passed to a kind: milliseconds, as Erlang's timers
        // take, saturating (a cast would make a long one negative).
        TermExpr::Duration(d) => Term::Int(i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
    })
}

pub fn to_terms(items: &[TermExpr], vars: &Bindings, shell: Pid) -> EvalResult<Vec<Term>> {
    items
        .iter()
        .map(|item| to_term(item, vars, shell))
        .collect()
}

pub fn unbound(name: &str) -> EvalError {
    EvalError::new(format!("variable {name} is unbound"))
        .with_hint(format!("bind it first, e.g. {name} = spawn counter"))
}

/// Matches `term` against `pattern`; on success returns the variables the
/// match binds (in addition to `vars`).
pub fn match_pattern(
    pattern: &TermExpr,
    term: &Term,
    vars: &Bindings,
    shell: Pid,
) -> Option<Bindings> {
    let mut new = Bindings::new();
    matches(pattern, term, vars, shell, &mut new).then_some(new)
}

fn matches(
    pattern: &TermExpr,
    term: &Term,
    vars: &Bindings,
    shell: Pid,
    new: &mut Bindings,
) -> bool {
    match pattern {
        TermExpr::Wildcard => true,
        TermExpr::Var(name) => match vars.get(name).or_else(|| new.get(name)) {
            Some(bound) => bound == term,
            None => {
                new.insert(name.clone(), term.clone());
                true
            }
        },
        TermExpr::Tuple(items) => match term {
            Term::Tuple(elements) => all_match(items, elements, vars, shell, new),
            _ => false,
        },
        TermExpr::List(items) => match term {
            Term::List(elements) => all_match(items, elements, vars, shell, new),
            _ => false,
        },
        literal => to_term(literal, vars, shell).is_ok_and(|value| &value == term),
    }
}

fn all_match(
    items: &[TermExpr],
    elements: &[Term],
    vars: &Bindings,
    shell: Pid,
    new: &mut Bindings,
) -> bool {
    items.len() == elements.len()
        && items
            .iter()
            .zip(elements)
            .all(|(item, element)| matches(item, element, vars, shell, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(s: &str) -> TermExpr {
        TermExpr::Atom(s.into())
    }

    #[test]
    fn variables_and_self_are_resolved() {
        let mut vars = Bindings::new();
        vars.insert("X".into(), Term::Int(1));
        let expr = TermExpr::Tuple(vec![
            atom("a"),
            TermExpr::Var("X".into()),
            TermExpr::SelfPid,
        ]);
        let shell = Pid::from_number(7);
        assert_eq!(
            to_term(&expr, &vars, shell).unwrap().to_string(),
            "{a,1,<0.7.0>}"
        );
        assert!(to_term(&TermExpr::Var("Y".into()), &vars, shell).is_err());
    }

    #[test]
    fn patterns_bind_unbound_variables_and_compare_bound_ones() {
        let shell = Pid::from_number(7);
        let exit = Term::tuple([
            Term::atom("EXIT"),
            Term::Pid(Pid::from_number(9)),
            Term::atom("boom"),
        ]);
        let pattern = TermExpr::Tuple(vec![
            atom("EXIT"),
            TermExpr::Var("P".into()),
            TermExpr::Wildcard,
        ]);
        let bound = match_pattern(&pattern, &exit, &Bindings::new(), shell).unwrap();
        assert_eq!(bound["P"], Term::Pid(Pid::from_number(9)));
        let mut vars = Bindings::new();
        vars.insert("P".into(), Term::Pid(Pid::from_number(10)));
        assert!(match_pattern(&pattern, &exit, &vars, shell).is_none());
        let twice = TermExpr::Tuple(vec![TermExpr::Var("A".into()), TermExpr::Var("A".into())]);
        assert!(
            match_pattern(
                &twice,
                &Term::tuple([Term::Int(1), Term::Int(1)]),
                &Bindings::new(),
                shell
            )
            .is_some()
        );
        assert!(
            match_pattern(
                &twice,
                &Term::tuple([Term::Int(1), Term::Int(2)]),
                &Bindings::new(),
                shell
            )
            .is_none()
        );
    }
}
