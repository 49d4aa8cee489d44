//! From written terms to runtime terms, and pattern matching.
//!
//! A term in a command may mention shell variables and `self`; turning it
//! into a [`Term`] looks them up. Patterns (in `receive`, `expect message`,
//! `expect reply`) are matched the Erlang way: `_` matches anything, an
//! unbound variable matches anything and is bound, a bound variable matches
//! only its value.

use super::error::{EvalError, EvalResult};
use crate::commands::ast::TermExpr;
use crate::runtime::{Atom, Pid, Ref, Term};
use std::collections::BTreeMap;

/// The shell's variables, kept across a shell restart (as Erlang's shell
/// keeps its bindings when its evaluator process dies).
pub type Bindings = BTreeMap<String, Term>;

/// Evaluates `expr` with `vars` bound and `shell` as `self`.
pub fn to_term(expr: &TermExpr, vars: &Bindings, shell: Pid) -> EvalResult<Term> {
    Ok(match expr {
        // A typed atom is the presenter's data: past the atom table's
        // limit it is refused, as `list_to_atom/1` is (term/atom.rs).
        TermExpr::Atom(name) => {
            Term::from_atom(Atom::try_new(name).map_err(|error| EvalError::new(error.to_string()))?)
        }
        TermExpr::Int(n) => Term::int(*n),
        TermExpr::Float(x) => Term::float(*x),
        TermExpr::Str(s) => Term::string(s),
        TermExpr::Tuple(items) => Term::tuple(to_terms(items, vars, shell)?),
        TermExpr::List(items) => Term::list(to_terms(items, vars, shell)?),
        TermExpr::Pid(n) => Term::pid(Pid::from_number(*n)),
        TermExpr::Ref(n) => Term::reference(Ref::from_number(*n)),
        TermExpr::Var(name) => vars.get(name).cloned().ok_or_else(|| unbound(name))?,
        TermExpr::SelfPid => Term::pid(shell),
        TermExpr::Wildcard => return Err(EvalError::new("`_` can only be used in a pattern")),
        // A duration passed to a kind: milliseconds, as Erlang's timers
        // take, saturating (a cast would make a long one negative).
        TermExpr::Duration(d) => Term::int(i64::try_from(d.as_millis()).unwrap_or(i64::MAX)),
        TermExpr::Map(fields) => Term::map(
            fields
                .iter()
                .map(|(k, v)| Ok((to_term(k, vars, shell)?, to_term(v, vars, shell)?)))
                .collect::<EvalResult<Vec<_>>>()?,
        ),
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
        TermExpr::Tuple(items) => match term.as_tuple() {
            Some(elements) => all_match(items, elements, vars, shell, new),
            None => false,
        },
        TermExpr::List(items) => match term.list_to_vec() {
            Some(elements) => all_match(items, &elements, vars, shell, new),
            None => false,
        },
        // `#{K := P}`: the map has every key (a value, computed from the
        // variables bound before the match) and each value matches.
        TermExpr::Map(fields) => term.as_map().is_some_and(|map| {
            fields.iter().all(|(key, value)| {
                to_term(key, vars, shell)
                    .ok()
                    .and_then(|key| map.get(&key))
                    .is_some_and(|found| matches(value, found, vars, shell, new))
            })
        }),
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
        vars.insert("X".into(), Term::int(1));
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
    fn map_patterns_need_each_key_and_match_its_value() {
        let shell = Pid::from_number(7);
        let state = Term::map([
            (Term::atom("count"), Term::int(3)),
            (Term::atom("name"), Term::string("x")),
        ]);
        let pattern = TermExpr::Map(vec![(atom("count"), TermExpr::Var("N".into()))]);
        let bound = match_pattern(&pattern, &state, &Bindings::new(), shell).unwrap();
        assert_eq!(bound["N"], Term::int(3));
        let missing = TermExpr::Map(vec![(atom("other"), TermExpr::Wildcard)]);
        assert!(match_pattern(&missing, &state, &Bindings::new(), shell).is_none());
        assert!(match_pattern(&pattern, &Term::atom("count"), &Bindings::new(), shell).is_none());
        // A key may be a bound variable.
        let mut vars = Bindings::new();
        vars.insert("K".into(), Term::atom("name"));
        let by_var = TermExpr::Map(vec![(TermExpr::Var("K".into()), TermExpr::Wildcard)]);
        assert!(match_pattern(&by_var, &state, &vars, shell).is_some());
        assert!(match_pattern(&by_var, &state, &Bindings::new(), shell).is_none());
        let built = TermExpr::Map(vec![(atom("a"), TermExpr::SelfPid)]);
        assert_eq!(
            to_term(&built, &vars, shell).unwrap().to_string(),
            "#{a => <0.7.0>}"
        );
    }

    #[test]
    fn patterns_bind_unbound_variables_and_compare_bound_ones() {
        let shell = Pid::from_number(7);
        let exit = Term::tuple([
            Term::atom("EXIT"),
            Term::pid(Pid::from_number(9)),
            Term::atom("boom"),
        ]);
        let pattern = TermExpr::Tuple(vec![
            atom("EXIT"),
            TermExpr::Var("P".into()),
            TermExpr::Wildcard,
        ]);
        let bound = match_pattern(&pattern, &exit, &Bindings::new(), shell).unwrap();
        assert_eq!(bound["P"], Term::pid(Pid::from_number(9)));
        let mut vars = Bindings::new();
        vars.insert("P".into(), Term::pid(Pid::from_number(10)));
        assert!(match_pattern(&pattern, &exit, &vars, shell).is_none());
        let twice = TermExpr::Tuple(vec![TermExpr::Var("A".into()), TermExpr::Var("A".into())]);
        assert!(
            match_pattern(
                &twice,
                &Term::tuple([Term::int(1), Term::int(1)]),
                &Bindings::new(),
                shell
            )
            .is_some()
        );
        assert!(
            match_pattern(
                &twice,
                &Term::tuple([Term::int(1), Term::int(2)]),
                &Bindings::new(),
                shell
            )
            .is_none()
        );
    }
}
