//! Binaries as Erlang source, as erlfmt lays them out: `<<X:8/little,
//! Rest/binary>>`, broken one segment per line like a list when they do
//! not fit. A segment's value and size are `expr_max` in `erl_parse`'s
//! grammar (`<<(X + 1):8>>`, `<<X:(N * 8)>>`): anything else is printed
//! in parentheses, which the syntax tree does not keep.

use super::doc::{Doc, concat, text};
use super::erlang::{bracketed, expr, pattern};
use crate::erlang::ast::{Expr, ExprKind, Pattern, Segment, UnOp};

/// `<<Seg, ...>>` of an expression.
pub fn binary(segments: &[Segment<Expr>]) -> Doc {
    let items = segments
        .iter()
        .map(|s| segment(value(&s.value), s))
        .collect();
    bracketed("<<", items, ">>")
}

/// `<<Seg, ...>>` of a pattern (its values are variables and literals).
pub fn binary_pattern(segments: &[Segment<Pattern>]) -> Doc {
    let items = segments
        .iter()
        .map(|s| segment(pattern(&s.value), s))
        .collect();
    bracketed("<<", items, ">>")
}

fn segment<T>(value: Doc, segment: &Segment<T>) -> Doc {
    let mut parts = vec![value];
    if let Some(size) = &segment.size {
        parts.push(text(":"));
        parts.push(primary(size));
    }
    if !segment.specs.is_empty() {
        let specs: Vec<String> = segment.specs.iter().map(|s| s.text()).collect();
        parts.push(text(format!("/{}", specs.join("-"))));
    }
    concat(parts)
}

/// A segment's value: a primary, or a prefix operator on one (`-1`).
fn value(e: &Expr) -> Doc {
    match &e.kind {
        ExprKind::UnOp(UnOp::Neg | UnOp::Plus | UnOp::Bnot | UnOp::Not, inner)
            if is_primary(inner) =>
        {
            expr(e, 0)
        }
        _ => primary(e),
    }
}

/// `e` as an `expr_max`: in parentheses unless it is one.
fn primary(e: &Expr) -> Doc {
    if is_primary(e) {
        expr(e, 0)
    } else {
        concat([text("("), expr(e, 0), text(")")])
    }
}

fn is_primary(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(n) => !n.compare(&crate::runtime::Term::int(0)).is_lt(),
        ExprKind::Float(x) => !x.is_sign_negative(),
        ExprKind::Var(_)
        | ExprKind::Atom(_)
        | ExprKind::Str(_)
        | ExprKind::Nil
        | ExprKind::Tuple(_)
        | ExprKind::Cons(..)
        | ExprKind::Binary(_)
        | ExprKind::Block(_)
        | ExprKind::Case(..)
        | ExprKind::If(_)
        | ExprKind::Receive { .. }
        | ExprKind::Fun(_)
        | ExprKind::FunRef { .. } => true,
        ExprKind::Match(..)
        | ExprKind::Send(..)
        | ExprKind::BinOp(..)
        | ExprKind::UnOp(..)
        | ExprKind::Call(..) => false,
    }
}
