//! List comprehensions, `[Expr || Qualifier, ...]`, expanded here into
//! what they mean, as `v3_core` expands them into local functions:
//!
//! - a generator `Pattern <- List` is `lists:flatmap/2` over `List` with a
//!   fun whose head is the pattern (an element that does not match is
//!   skipped: the fun's second clause gives `[]`); its variables are new,
//!   shadowing any outside, as in Erlang;
//! - a filter `Cond` keeps the rest when it is `true` and skips it when
//!   `false` (anything else is a `case_clause` here, `{bad_filter, V}` in
//!   OTP);
//! - when the qualifiers are done, the element is `[Expr]`.
//!
//! So `[X * 2 || X <- L, X > 1]` is
//! `lists:flatmap(fun(X) -> case X > 1 of true -> [X * 2]; false -> [] end end, L)`.
//! Binary generators and binary comprehensions are not read yet.

use super::error::Result;
use super::parser::Parser;
use crate::erlang::ast::{Callee, CaseClause, Clause, Expr, ExprKind, Pattern, PatternKind, Pos};

/// One qualifier of a comprehension.
enum Qualifier {
    Generator(Pattern, Expr),
    Filter(Expr),
}

fn expr(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

impl Parser<'_> {
    /// The qualifiers after `||` and the closing `]`, for the element
    /// `element` of a comprehension opened at `open`.
    pub(super) fn comprehension(&mut self, element: Expr, open: Pos) -> Result<Expr> {
        self.bump(); // `||`
        let mut qualifiers = Vec::new();
        loop {
            let first = self.expr()?;
            if self.eat_punct("<-") {
                let pattern = self.to_pattern(first)?;
                let list = self.expr()?;
                qualifiers.push(Qualifier::Generator(pattern, list));
            } else if self.is_punct("<=") {
                return Err(self.unsupported("<=", "binary generators"));
            } else {
                qualifiers.push(Qualifier::Filter(first));
            }
            if !self.eat_punct(",") {
                break;
            }
        }
        self.close("[", "]", open, "a list comprehension's qualifier")?;
        Ok(expand(element, qualifiers.into_iter(), open))
    }
}

/// The comprehension's value, built from the qualifiers left.
fn expand(element: Expr, mut qualifiers: std::vec::IntoIter<Qualifier>, pos: Pos) -> Expr {
    let nil = || expr(ExprKind::Nil, pos);
    match qualifiers.next() {
        None => expr(ExprKind::Cons(Box::new(element), Box::new(nil())), pos),
        Some(Qualifier::Filter(condition)) => {
            let rest = expand(element, qualifiers, pos);
            let clause = |value: &str, body: Expr| CaseClause {
                pattern: Pattern {
                    kind: PatternKind::Atom(value.to_owned()),
                    pos,
                },
                guard: Vec::new(),
                body: vec![body],
                pos,
            };
            expr(
                ExprKind::Case(
                    Box::new(condition),
                    vec![clause("true", rest), clause("false", nil())],
                ),
                pos,
            )
        }
        Some(Qualifier::Generator(pattern, list)) => {
            let always_matches =
                matches!(pattern.kind, PatternKind::Var(_) | PatternKind::Wildcard);
            let rest = expand(element, qualifiers, pos);
            let mut clauses = vec![Clause {
                patterns: vec![pattern],
                guard: Vec::new(),
                body: vec![rest],
                pos,
            }];
            // An element the pattern does not fit is skipped.
            if !always_matches {
                clauses.push(Clause {
                    patterns: vec![Pattern {
                        kind: PatternKind::Wildcard,
                        pos,
                    }],
                    guard: Vec::new(),
                    body: vec![nil()],
                    pos,
                });
            }
            expr(
                ExprKind::Call(
                    Callee::Remote("lists".into(), "flatmap".into()),
                    vec![expr(ExprKind::Fun(clauses), pos), list],
                ),
                pos,
            )
        }
    }
}
