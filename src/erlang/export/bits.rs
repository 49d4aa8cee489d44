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
        | ExprKind::Map(_)
        | ExprKind::MapUpdate(..)
        | ExprKind::Block(_)
        | ExprKind::Case(..)
        | ExprKind::If(_)
        | ExprKind::Receive { .. }
        | ExprKind::Fun(_)
        | ExprKind::FunRef { .. }
        | ExprKind::Try { .. } => true,
        ExprKind::Catch(_)
        | ExprKind::Match(..)
        | ExprKind::Send(..)
        | ExprKind::BinOp(..)
        | ExprKind::UnOp(..)
        | ExprKind::Call(..) => false,
    }
}

#[cfg(test)]
mod tests {
    fn export(source: &str) -> String {
        let parsed = crate::erlang::parse("bin", source).expect("parses");
        super::super::module(&parsed).text
    }

    /// The function clauses of the export, without the attributes.
    fn body(source: &str) -> String {
        let text = export(source);
        text.split_once("\n\n")
            .expect("attributes first")
            .1
            .to_owned()
    }

    #[test]
    fn segments_print_as_written_with_parentheses_where_erl_parse_needs_them() {
        assert_eq!(
            body("f(X, N) -> <<(X + 1):8, X:(N * 8)/little-signed, \"abc\"/utf8, -1, X/binary>>."),
            "f(X, N) -> <<(X + 1):8, X:(N * 8)/little-signed, \"abc\"/utf8, -1, X/binary>>.\n"
        );
        assert_eq!(
            body("f(B) -> <<(byte_size(B)):16, B/bits, (bnot 1):4/unit:2>>."),
            "f(B) -> <<(byte_size(B)):16, B/bits, bnot 1:4/unit:2>>.\n",
            "a prefix operator on a primary needs no parentheses (bit_expr)"
        );
        assert_eq!(
            body("f(X) -> <<X:(-8)>>."),
            "f(X) -> <<X:(-8)>>.\n",
            "a negative size is no expr_max"
        );
        assert_eq!(body("f() -> <<>>."), "f() -> <<>>.\n");
        assert_eq!(
            body("f(B) -> B = <<1>>, << <<1>>/binary >>."),
            "f(B) ->\n    B = <<1>>,\n    <<<<1>>/binary>>.\n"
        );
    }

    #[test]
    fn patterns_and_operators() {
        assert_eq!(
            body("f(<<N:8, Body:N/binary, _:2/bytes, Rest/bits>>) -> {Body, Rest}."),
            "f(<<N:8, Body:N/binary, _:2/bytes, Rest/bits>>) -> {Body, Rest}.\n"
        );
        assert_eq!(
            body("f(X, Y) -> X band 255 bor Y bsl 2 + bnot X."),
            "f(X, Y) -> X band 255 bor Y bsl 2 + bnot X.\n"
        );
        assert_eq!(
            body("f(X, Y) -> X bor (Y bsl 2)."),
            "f(X, Y) -> X bor (Y bsl 2).\n"
        );
        assert_eq!(
            body("f(X, Y) -> X band (Y + 1)."),
            "f(X, Y) -> X band (Y + 1).\n"
        );
    }

    #[test]
    fn a_long_binary_breaks_one_segment_a_line_like_a_list() {
        let segments: Vec<String> = (0..12).map(|i| format!("Value{i}:16/little")).collect();
        let source = format!(
            "f({}) -> <<{}>>.",
            (0..12)
                .map(|i| format!("Value{i}"))
                .collect::<Vec<_>>()
                .join(", "),
            segments.join(", ")
        );
        let text = body(&source);
        let expected_segments: Vec<String> =
            segments.iter().map(|s| format!("        {s}")).collect();
        assert!(
            text.ends_with(&format!(
                "->\n    <<\n{}\n    >>.\n",
                expected_segments.join(",\n")
            )),
            "{text}"
        );
    }
}
