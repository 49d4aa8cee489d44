//! Patterns. Erlang parses a pattern as an expression and then checks that
//! it is one (`erl_parse`'s `build_pattern`, `erl_lint`'s "illegal
//! pattern"): so does this parser, which is how `X = Y = 3`, `{a, B} = T`
//! and `f(P = {_, _})` come out right with one expression grammar.

use super::error::Result;
use super::parser::Parser;
use crate::erlang::ast::{Expr, ExprKind, Pattern, PatternKind, Pos, UnOp};

impl Parser<'_> {
    /// The pattern `expr` stands for, or "illegal pattern" at the part
    /// that is no pattern.
    pub fn to_pattern(&self, expr: Expr) -> Result<Pattern> {
        let pos = expr.pos;
        let kind = match expr.kind {
            ExprKind::Var(name) if name == "_" => PatternKind::Wildcard,
            ExprKind::Var(name) => PatternKind::Var(name),
            ExprKind::Atom(name) => PatternKind::Atom(name),
            ExprKind::Int(i) => PatternKind::Int(i),
            ExprKind::Float(f) => PatternKind::Float(f),
            ExprKind::Str(s) => PatternKind::Str(s),
            ExprKind::Nil => PatternKind::Nil,
            ExprKind::Tuple(elements) => PatternKind::Tuple(
                elements
                    .into_iter()
                    .map(|e| {
                        // A record field the pattern does not name.
                        if super::records::is_default_mark(&e) {
                            Ok(Pattern {
                                kind: PatternKind::Wildcard,
                                pos: e.pos,
                            })
                        } else {
                            self.to_pattern(e)
                        }
                    })
                    .collect::<Result<_>>()?,
            ),
            ExprKind::Cons(head, tail) => return self.list_pattern(pos, *head, *tail),
            ExprKind::Map(fields) => return self.map_pattern(pos, fields),
            ExprKind::Binary(segments) => return self.binary_pattern(pos, segments),
            // `P1 = P2` inside a pattern: both must match.
            ExprKind::Match(left, right) => {
                PatternKind::Alias(Box::new(left), Box::new(self.to_pattern(*right)?))
            }
            // `"prefix" ++ Rest`: the prefix's characters, then Rest, as
            // erl_lint allows (the left side a string or a list of
            // literals).
            ExprKind::BinOp(crate::erlang::ast::BinOp::Append, left, right) => {
                return self.prefix_pattern(pos, *left, *right);
            }
            // A signed number is a literal in a pattern.
            ExprKind::UnOp(op @ (UnOp::Neg | UnOp::Plus), operand) => {
                let negate = op == UnOp::Neg;
                match operand.kind {
                    ExprKind::Int(i) if negate => PatternKind::Int(
                        crate::runtime::term::arith::neg(&i).expect("an integer negates"),
                    ),
                    ExprKind::Int(i) => PatternKind::Int(i),
                    ExprKind::Float(f) => PatternKind::Float(if negate { -f } else { f }),
                    _ => return Err(self.illegal_pattern(pos)),
                }
            }
            _ => return Err(self.illegal_pattern(pos)),
        };
        Ok(Pattern { kind, pos })
    }

    /// A list's cells one after the other rather than by recursion on the
    /// tail: a list literal is long where other nesting is deep.
    fn list_pattern(&self, pos: Pos, head: Expr, tail: Expr) -> Result<Pattern> {
        let mut heads = vec![(pos, self.to_pattern(head)?)];
        let mut rest = tail;
        while let ExprKind::Cons(..) = rest.kind {
            let ExprKind::Cons(head, tail) = rest.kind else {
                unreachable!("matched above")
            };
            heads.push((rest.pos, self.to_pattern(*head)?));
            rest = *tail;
        }
        let mut list = self.to_pattern(rest)?;
        for (pos, head) in heads.into_iter().rev() {
            list = Pattern {
                kind: PatternKind::Cons(Box::new(head), Box::new(list)),
                pos,
            };
        }
        Ok(list)
    }

    /// `"abc" ++ Rest` as the pattern `[$a, $b, $c | Rest]`.
    fn prefix_pattern(&self, pos: Pos, left: Expr, right: Expr) -> Result<Pattern> {
        let mut heads = Vec::new();
        let mut prefix = left;
        loop {
            match prefix.kind {
                ExprKind::Str(text) => {
                    for c in text.chars() {
                        heads.push(Pattern {
                            kind: PatternKind::Int(crate::runtime::Term::int(i64::from(
                                u32::from(c),
                            ))),
                            pos: prefix.pos,
                        });
                    }
                    break;
                }
                ExprKind::Nil => break,
                ExprKind::Cons(head, tail) => {
                    let head = self.to_pattern(*head)?;
                    if !matches!(
                        head.kind,
                        PatternKind::Int(_) | PatternKind::Atom(_) | PatternKind::Float(_)
                    ) {
                        return Err(self.illegal_pattern(head.pos));
                    }
                    heads.push(head);
                    prefix = *tail;
                }
                _ => return Err(self.illegal_pattern(prefix.pos)),
            }
        }
        let mut list = self.to_pattern(right)?;
        for head in heads.into_iter().rev() {
            list = Pattern {
                kind: PatternKind::Cons(Box::new(head), Box::new(list)),
                pos,
            };
        }
        Ok(list)
    }

    fn illegal_pattern(&self, pos: Pos) -> crate::diagnostics::Diagnostic {
        self.error_at(
            pos,
            1,
            "illegal pattern",
            Some(
                "a pattern is made of variables, `_`, atoms, numbers, strings, tuples, lists and binaries"
                    .into(),
            ),
        )
    }
}
