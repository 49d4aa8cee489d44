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
//!
//! A binary generator `<<Segments>> <= Bin` walks the binary: a fun
//! matches the segments and the rest (`<<Segments, Rest/bitstring>>`)
//! and goes on with the rest; where the values do not match but the
//! sizes do, a second clause skips that much (`<<_:S, ..., Rest/bitstring>>`,
//! as `v3_core` writes it); when nothing more fits, the walk ends (see
//! `binary_generator`). A
//! binary comprehension `<< Bin || Qualifiers >>` is the list
//! comprehension of its bitstrings joined by `list_to_bitstring/1`.

use super::error::Result;
use super::parser::Parser;
use crate::erlang::ast::{Callee, CaseClause, Clause, Expr, ExprKind, Pattern, PatternKind, Pos};
use crate::erlang::bitsyntax::{Segment, Spec};

/// One qualifier of a comprehension.
enum Qualifier {
    Generator(Pattern, Expr),
    /// `<<Segments>> <= Bin`, with fresh names for the rest of the
    /// binary and for the walk.
    BinaryGenerator(Vec<Segment<Pattern>>, Expr, (String, String)),
    Filter(Expr),
}

/// The bracket a comprehension closes with.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Comprehension {
    List,
    Binary,
}

fn expr(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

impl Parser<'_> {
    /// The qualifiers after `||` and the closing `]`, for the element
    /// `element` of a comprehension opened at `open`.
    pub(super) fn comprehension(
        &mut self,
        element: Expr,
        open: Pos,
        kind: Comprehension,
    ) -> Result<Expr> {
        self.bump(); // `||`
        let mut qualifiers = Vec::new();
        loop {
            let first = self.expr()?;
            if self.eat_punct("<-") {
                let pattern = self.to_pattern(first)?;
                let list = self.expr()?;
                qualifiers.push(Qualifier::Generator(pattern, list));
            } else if self.is_punct("<=") {
                self.bump();
                let pattern = self.to_pattern(first)?;
                let PatternKind::Binary(segments) = pattern.kind else {
                    return Err(self.error_at(
                        pattern.pos,
                        1,
                        "a binary generator's pattern is a binary: `<<X:8>> <= Bin`",
                        Some("for a list, write `Pattern <- List`".into()),
                    ));
                };
                let binary = self.expr()?;
                self.fresh += 1;
                let names = (
                    format!("Rest@{}", self.fresh),
                    format!("Walk@{}", self.fresh),
                );
                qualifiers.push(Qualifier::BinaryGenerator(segments, binary, names));
            } else {
                qualifiers.push(Qualifier::Filter(first));
            }
            if !self.eat_punct(",") {
                break;
            }
        }
        match kind {
            Comprehension::List => {
                self.close("[", "]", open, "a list comprehension's qualifier")?;
                Ok(expand(element, qualifiers.into_iter(), open))
            }
            Comprehension::Binary => {
                self.close("<<", ">>", open, "a binary comprehension's qualifier")?;
                let list = expand(element, qualifiers.into_iter(), open);
                Ok(expr(
                    ExprKind::Call(
                        Callee::Remote("erlang".into(), "list_to_bitstring".into()),
                        vec![list],
                    ),
                    open,
                ))
            }
        }
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
        Some(Qualifier::BinaryGenerator(segments, binary, names)) => {
            let rest = expand(element, qualifiers, pos);
            binary_generator(segments, binary, names, rest, pos)
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

/// `<<Segments>> <= Binary` (see the module docs), `rest` the
/// comprehension's value for one match: a fun that walks the binary,
/// given itself to call (funs have no names here), with an accumulator so
/// that a long binary runs in constant space:
///
/// ```erlang
/// begin
///     Walk = fun(Self, <<Segments, Rest/bitstring>>, Acc) -> Self(Self, Rest, lists:reverse(Elements, Acc));
///               (Self, <<_:Size..., Rest/bitstring>>, Acc) -> Self(Self, Rest, Acc);
///               (_, B, Acc) when is_bitstring(B) -> lists:reverse(Acc);
///               (_, B, _) -> erlang:error({bad_generator, B})
///            end,
///     Walk(Walk, Binary, [])
/// end
/// ```
fn binary_generator(
    segments: Vec<Segment<Pattern>>,
    binary: Expr,
    names: (String, String),
    rest: Expr,
    pos: Pos,
) -> Expr {
    let (rest_name, walk_name) = names;
    let pvar = |name: &str| Pattern {
        kind: PatternKind::Var(name.to_owned()),
        pos,
    };
    let var = |name: &str| expr(ExprKind::Var(name.to_owned()), pos);
    let wildcard = || Pattern {
        kind: PatternKind::Wildcard,
        pos,
    };
    let call = |m: &str, f: &str, args: Vec<Expr>| {
        expr(
            ExprKind::Call(Callee::Remote(m.into(), f.into()), args),
            pos,
        )
    };
    let tail = Segment {
        value: pvar(&rest_name),
        size: None,
        specs: vec![Spec::Bitstring],
        pos,
    };
    let with_tail = |mut segments: Vec<Segment<Pattern>>| {
        segments.push(tail.clone());
        Pattern {
            kind: PatternKind::Binary(segments),
            pos,
        }
    };
    let again = |acc: Expr| {
        expr(
            ExprKind::Call(
                Callee::Fun(Box::new(var("Self"))),
                vec![var("Self"), var(&rest_name), acc],
            ),
            pos,
        )
    };
    let clause = |patterns: Vec<Pattern>, guard: Vec<Vec<Expr>>, body: Expr| Clause {
        patterns,
        guard,
        body: vec![body],
        pos,
    };
    // The skip clause needs sizes that do not depend on the values the
    // pattern binds.
    let bound_in_pattern: Vec<String> = segments
        .iter()
        .filter_map(|s| match &s.value.kind {
            PatternKind::Var(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    let sizes_known = segments.iter().all(|s| {
        !matches!(&s.size, Some(Expr { kind: ExprKind::Var(name), .. }) if bound_in_pattern.contains(name))
    });
    let skipping = segments
        .iter()
        .map(|s| Segment {
            value: wildcard(),
            ..s.clone()
        })
        .collect::<Vec<_>>();
    let always_matches = segments
        .iter()
        .all(|s| matches!(s.value.kind, PatternKind::Var(_) | PatternKind::Wildcard));
    let mut clauses = vec![clause(
        vec![pvar("Self"), with_tail(segments), pvar("Acc")],
        Vec::new(),
        again(call("lists", "reverse", vec![rest, var("Acc")])),
    )];
    if sizes_known && !always_matches {
        clauses.push(clause(
            vec![pvar("Self"), with_tail(skipping), pvar("Acc")],
            Vec::new(),
            again(var("Acc")),
        ));
    }
    clauses.push(clause(
        vec![wildcard(), pvar("B"), pvar("Acc")],
        vec![vec![call("erlang", "is_bitstring", vec![var("B")])]],
        call("lists", "reverse", vec![var("Acc")]),
    ));
    let bad_generator = expr(
        ExprKind::Tuple(vec![
            expr(ExprKind::Atom("bad_generator".into()), pos),
            var("B"),
        ]),
        pos,
    );
    clauses.push(clause(
        vec![wildcard(), pvar("B"), wildcard()],
        Vec::new(),
        call("erlang", "error", vec![bad_generator]),
    ));
    let walk = expr(ExprKind::Fun(clauses), pos);
    expr(
        ExprKind::Block(vec![
            expr(ExprKind::Match(pvar(&walk_name), Box::new(walk)), pos),
            expr(
                ExprKind::Call(
                    Callee::Fun(Box::new(var(&walk_name))),
                    vec![var(&walk_name), binary, expr(ExprKind::Nil, pos)],
                ),
                pos,
            ),
        ]),
        pos,
    )
}
