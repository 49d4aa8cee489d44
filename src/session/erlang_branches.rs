//! The variables a `case`, `receive` or `if` typed at the prompt binds in
//! only some of its clauses, bound as erl's shell binds them: those of the
//! clause that ran.
//!
//! erl interprets, so after `receive {'EXIT', P, Why} -> Why after 100 ->
//! none end.` `Why` is bound if the first clause ran. Compiled code cannot
//! name a variable some paths leave unbound (erl_lint calls it unsafe), so
//! each such expression at the top of the sequence is rewritten to hand
//! its clause's bindings out with its value:
//!
//! ```erlang
//! {V, B} = receive {'EXIT', P, Why} -> X = Why, {X, [{'Why', Why}]};
//!                  after 100 -> X = none, {X, []} end
//! ```
//!
//! `V` stands where the expression's value was; `B`, a list of `{Name,
//! Value}`, goes out with the result, and the session binds what it
//! names. Only the top level of the sequence is rewritten (a later
//! expression still may not use such a variable, as erlc would say).

use crate::erlang::ast::{CaseClause, Expr, ExprKind, Pattern, PatternKind};
use std::collections::BTreeSet;

/// Rewrites the top-level `case`, `receive` and `if` of `exprs` that bind
/// a variable in only some clauses (see the module docs), given the
/// variables `bound` before the sequence; `text` is its source, for the
/// checker. Returns the variables holding the `{Name, Value}` lists.
pub fn export_branch_bindings(text: &str, exprs: &mut Vec<Expr>, bound: &[String]) -> Vec<String> {
    let mut lists = Vec::new();
    let mut rewritten = Vec::with_capacity(exprs.len());
    let last = exprs.len().saturating_sub(1);
    for (i, expr) in exprs.iter().enumerate() {
        let is_block = matches!(
            expr.kind,
            ExprKind::Case(..) | ExprKind::Receive { .. } | ExprKind::If(..)
        );
        if !is_block {
            rewritten.push(expr.clone());
            continue;
        }
        let Some(before) = bound_after(text, &exprs[..i], bound) else {
            return Vec::new();
        };
        let Some(branches) = branch_bindings(text, expr, &before) else {
            rewritten.push(expr.clone());
            continue;
        };
        let all: BTreeSet<&String> = branches.iter().flatten().collect();
        let unsafe_vars: BTreeSet<String> = all
            .into_iter()
            .filter(|name| !branches.iter().all(|own| own.contains(*name)))
            .cloned()
            .collect();
        if unsafe_vars.is_empty() {
            rewritten.push(expr.clone());
            continue;
        }
        let k = lists.len();
        let (value, list) = (format!("Shell$v{k}"), format!("Shell$b{k}"));
        let mut expr = expr.clone();
        hand_out(&mut expr, &branches, &unsafe_vars, &format!("Shell$c{k}"));
        let pos = expr.pos;
        rewritten.push(Expr {
            kind: ExprKind::Match(
                Pattern {
                    kind: PatternKind::Tuple(vec![
                        var_pattern(&value, pos),
                        var_pattern(&list, pos),
                    ]),
                    pos,
                },
                Box::new(expr),
            ),
            pos,
        });
        if i == last {
            rewritten.push(var(&value, pos));
        }
        lists.push(list);
    }
    *exprs = rewritten;
    lists
}

/// The variables bound after `exprs`, from `bound`; `None` if the
/// checker refuses (then nothing is rewritten).
fn bound_after(text: &str, exprs: &[Expr], bound: &[String]) -> Option<BTreeSet<String>> {
    crate::erlang::check::bound_after(text, exprs, bound.iter().cloned()).ok()
}

/// What each clause of a `case`, `receive` (its `after` counts as one)
/// or `if` binds anew, from `before`; `None` for any other expression.
fn branch_bindings(
    text: &str,
    expr: &Expr,
    before: &BTreeSet<String>,
) -> Option<Vec<BTreeSet<String>>> {
    let before_list: Vec<String> = before.iter().cloned().collect();
    let new_in = |exprs: &[Expr], scope: &[String]| -> Option<BTreeSet<String>> {
        let after = bound_after(text, exprs, scope)?;
        Some(
            after
                .into_iter()
                .filter(|name| !scope.contains(name))
                .collect(),
        )
    };
    // A case clause's pattern binds as `Pattern = _` would.
    let clause = |clause: &CaseClause, scope: &[String]| {
        let head = Expr {
            kind: ExprKind::Match(clause.pattern.clone(), Box::new(atom(clause.pattern.pos))),
            pos: clause.pos,
        };
        let mut exprs = vec![head];
        exprs.extend(clause.body.iter().cloned());
        new_in(&exprs, scope)
    };
    match &expr.kind {
        ExprKind::Case(subject, clauses) => {
            let scope: Vec<String> =
                bound_after(text, std::slice::from_ref(subject), &before_list)?
                    .into_iter()
                    .collect();
            clauses.iter().map(|c| clause(c, &scope)).collect()
        }
        ExprKind::Receive { clauses, after } => {
            let mut branches: Vec<BTreeSet<String>> = clauses
                .iter()
                .map(|c| clause(c, &before_list))
                .collect::<Option<_>>()?;
            if let Some((timeout, body)) = after {
                let mut exprs = vec![(**timeout).clone()];
                exprs.extend(body.iter().cloned());
                branches.push(new_in(&exprs, &before_list)?);
            }
            Some(branches)
        }
        ExprKind::If(clauses) => clauses
            .iter()
            .map(|c| new_in(&c.body, &before_list))
            .collect(),
        _ => None,
    }
}

/// Makes every clause body of `expr` end with `{Value, [{Name, Var}...]}`
/// for the variables of `unsafe_vars` that clause binds (`branches`, in
/// clause order); `value` names the body's value on the way.
fn hand_out(
    expr: &mut Expr,
    branches: &[BTreeSet<String>],
    unsafe_vars: &BTreeSet<String>,
    value: &str,
) {
    let bodies: Vec<&mut Vec<Expr>> = match &mut expr.kind {
        ExprKind::Case(_, clauses) => clauses.iter_mut().map(|c| &mut c.body).collect(),
        ExprKind::Receive { clauses, after } => clauses
            .iter_mut()
            .map(|c| &mut c.body)
            .chain(after.iter_mut().map(|(_, body)| body))
            .collect(),
        ExprKind::If(clauses) => clauses.iter_mut().map(|c| &mut c.body).collect(),
        _ => Vec::new(),
    };
    for (body, own) in bodies.into_iter().zip(branches) {
        let Some(last) = body.pop() else { continue };
        let pos = last.pos;
        body.push(Expr {
            kind: ExprKind::Match(var_pattern(value, pos), Box::new(last)),
            pos,
        });
        let exported: Vec<&String> = unsafe_vars.intersection(own).collect();
        let pairs = exported.into_iter().rev().fold(
            Expr {
                kind: ExprKind::Nil,
                pos,
            },
            |tail, name| Expr {
                kind: ExprKind::Cons(
                    Box::new(Expr {
                        kind: ExprKind::Tuple(vec![
                            Expr {
                                kind: ExprKind::Atom(name.clone()),
                                pos,
                            },
                            var(name, pos),
                        ]),
                        pos,
                    }),
                    Box::new(tail),
                ),
                pos,
            },
        );
        body.push(Expr {
            kind: ExprKind::Tuple(vec![var(value, pos), pairs]),
            pos,
        });
    }
}

fn var(name: &str, pos: crate::erlang::ast::Pos) -> Expr {
    Expr {
        kind: ExprKind::Var(name.to_string()),
        pos,
    }
}

fn var_pattern(name: &str, pos: crate::erlang::ast::Pos) -> Pattern {
    Pattern {
        kind: PatternKind::Var(name.to_string()),
        pos,
    }
}

fn atom(pos: crate::erlang::ast::Pos) -> Expr {
    Expr {
        kind: ExprKind::Atom("any".into()),
        pos,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(text: &str) -> (Vec<Expr>, Vec<String>) {
        let mut exprs = crate::erlang::syntax::parse_exprs(text).unwrap();
        let lists = export_branch_bindings(text, &mut exprs, &[]);
        (exprs, lists)
    }

    #[test]
    fn only_a_block_binding_in_some_clauses_is_rewritten() {
        // Every clause binds `X`: it is bound after the case anyway.
        let (exprs, lists) = rewrite("case 1 of 1 -> X = a; _ -> X = b end.");
        assert!(lists.is_empty());
        assert!(matches!(exprs[0].kind, ExprKind::Case(..)));
        // Only the first binds `Y`: the case hands it out, and its value
        // stands last.
        let (exprs, lists) = rewrite("ok, case 1 of 1 -> Y = a; _ -> b end.");
        assert_eq!(lists, ["Shell$b0"]);
        assert_eq!(exprs.len(), 3);
        assert!(matches!(exprs[1].kind, ExprKind::Match(..)));
        assert_eq!(exprs[2].kind, ExprKind::Var("Shell$v0".into()));
    }
}
