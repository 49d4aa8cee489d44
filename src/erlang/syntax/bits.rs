//! Binaries in the parser: `<<Seg, Seg, ...>>` read as `erl_parse.yrl`
//! reads them, and the patterns they make.
//!
//! ```text
//! binary      -> '<<' '>>' | '<<' bin_element {',' bin_element} '>>'
//! bin_element -> bit_expr [':' bit_size_expr] ['/' bit_type {'-' bit_type}]
//! bit_expr    -> [prefix_op] expr_max      (a call needs parentheses)
//! bit_size    -> expr_max                  (`X:(N * 8)`, not `X:N * 8`)
//! bit_type    -> atom | atom ':' integer   (`little`, `unit:8`)
//! ```
//!
//! `<<` and `>>` are tokens of their own, as in `erl_scan` (so `B=<<1>>`
//! reads `=<`, `<`, which the error for it explains). The specifiers are
//! resolved here ([`resolve`]), so an unknown type or two that conflict
//! are reported under the specifier at fault, with `erl_lint`'s words.
//! A pattern's segments are checked as `erl_lint`'s `pattern_bin` checks
//! them: a value is a variable, `_`, a number or a string; a string
//! has no size or type but a utf one; a segment without a size that takes
//! the rest (a binary's) comes last.

use super::error::Result;
use super::lexer::Tok;
use super::parser::{Parser, describe};
use crate::diagnostics::Diagnostic;
use crate::erlang::ast::{Expr, ExprKind, Pattern, PatternKind, Pos, Segment, UnOp};
use crate::erlang::bitsyntax::{SPEC_NAMES, Spec, resolve};

impl Parser<'_> {
    /// `<<>>` or `<<Seg, ...>>`, at `<<`.
    pub(super) fn bin_expr(&mut self) -> Result<Expr> {
        let open = self.bump().pos;
        let mut segments = Vec::new();
        if !self.eat_punct(">>") {
            loop {
                segments.push(self.nested(|p| p.segment())?);
                // `<< Bin || Qualifiers >>`: a binary comprehension.
                if segments.len() == 1 && self.is_punct("||") {
                    let element = segments.pop().expect("one segment");
                    if element.size.is_some() || !element.specs.is_empty() {
                        return Err(self.error_at(
                            element.pos,
                            1,
                            "a binary comprehension's element is a bitstring expression",
                            Some("write `<< <<X:8>> || X <- L >>`".into()),
                        ));
                    }
                    return self.comprehension(
                        element.value,
                        open,
                        super::comprehensions::Comprehension::Binary,
                    );
                }
                if self.eat_punct(",") {
                    continue;
                }
                if self.eat_punct(">>") {
                    break;
                }
                return Err(self.unclosed_binary(open));
            }
        }
        Ok(Expr {
            kind: ExprKind::Binary(segments),
            pos: open,
        })
    }

    /// `Value[:Size][/Specifiers]`.
    fn segment(&mut self) -> Result<Segment<Expr>> {
        let pos = self.peek().pos;
        let value = self.bit_expr()?;
        if self.is_punct("(") || (self.is_punct(":") && self.remote_call_follows()) {
            return Err(self.error_at(
                value.pos,
                1,
                "a call in a binary segment must be in parentheses",
                Some("a segment's value is a variable, a literal or an expression in parentheses: `<<(f(X)):8>>`".into()),
            ));
        }
        let size = if self.eat_punct(":") {
            Some(self.bit_size()?)
        } else {
            None
        };
        let mut specs = Vec::new();
        let mut at = Vec::new();
        if self.eat_punct("/") {
            loop {
                let (spec, spec_pos, len) = self.bit_type()?;
                specs.push(spec);
                at.push((spec_pos, len));
                if !self.eat_punct("-") {
                    break;
                }
            }
        }
        if let Err(e) = resolve(&specs, size.is_some()) {
            let (pos, len) = e.at.map_or((pos, 1), |i| at[i]);
            return Err(self.error_at(pos, len, e.message, Some(e.hint)));
        }
        Ok(Segment {
            value,
            size,
            specs,
            pos,
        })
    }

    /// `bit_expr`: a primary, with an optional prefix operator (`<<-1>>`).
    fn bit_expr(&mut self) -> Result<Expr> {
        let op = match self.peek_tok() {
            Tok::Punct("-") => UnOp::Neg,
            Tok::Punct("+") => UnOp::Plus,
            Tok::Keyword("bnot") => UnOp::Bnot,
            Tok::Keyword("not") => UnOp::Not,
            _ => return self.primary(),
        };
        let token = self.bump();
        let operand = self.primary()?;
        Ok(Expr {
            kind: ExprKind::UnOp(op, Box::new(operand)),
            pos: token.pos,
        })
    }

    /// The size after `:`: a primary, so an operator needs parentheses.
    fn bit_size(&mut self) -> Result<Expr> {
        let starts = matches!(
            self.peek_tok(),
            Tok::Var(_)
                | Tok::Atom(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Str(_)
                | Tok::Punct("(" | "{" | "[" | "<<")
                | Tok::Keyword("begin" | "case" | "if" | "receive" | "fun")
        );
        if !starts {
            return Err(self.error_here(
                format!(
                    "expected the segment's size after `:`, found {}",
                    self.describe_next()
                ),
                Some(SIZE_HINT.into()),
            ));
        }
        self.primary()
    }

    /// One type specifier: `little`, `unit:8`.
    fn bit_type(&mut self) -> Result<(Spec, Pos, usize)> {
        let token = self.peek().clone();
        let Tok::Atom(name) = &token.tok else {
            return Err(self.error_here(
                format!(
                    "expected a type specifier after `/`, found {}",
                    self.describe_next()
                ),
                Some(format!("the specifiers are {SPEC_NAMES}, joined by `-`")),
            ));
        };
        self.bump();
        if !self.eat_punct(":") {
            let spec = Spec::named(name).ok_or_else(|| {
                self.error_at(
                    token.pos,
                    token.len,
                    format!("bit type {} undefined", erlang_atom(name)),
                    Some(format!("the specifiers are {SPEC_NAMES}")),
                )
            })?;
            return Ok((spec, token.pos, token.len));
        }
        let number = self.peek().clone();
        let Tok::Int(n) = &number.tok else {
            return Err(self.error_here(
                format!(
                    "expected an integer after `{name}:`, found {}",
                    self.describe_next()
                ),
                Some("a unit is written `unit:8`".into()),
            ));
        };
        self.bump();
        let len = (number.pos.column + number.len as u32).saturating_sub(token.pos.column) as usize;
        match n.as_small().filter(|n| (1..=256).contains(n)) {
            Some(n) if name == "unit" => Ok((Spec::Unit(n as u16), token.pos, len)),
            _ => Err(self.error_at(
                token.pos,
                len,
                format!("bit type {{{},{n}}} undefined", erlang_atom(name)),
                Some("a unit is a number of bits from 1 to 256: `unit:8`".into()),
            )),
        }
    }

    /// Whether `:` then `atom(` follows: `<<m:f(X)>>`, a remote call.
    fn remote_call_follows(&self) -> bool {
        matches!(self.peek_second(), Tok::Atom(_)) && self.peek_nth(2) == &Tok::Punct("(")
    }

    /// After a segment, neither `,` nor `>>`: what went wrong, and how
    /// to write it.
    #[cold]
    fn unclosed_binary(&self, open: Pos) -> Diagnostic {
        let not_closed = format!(
            "the `<<` at line {}, column {} is not closed",
            open.line, open.column
        );
        let hint = match self.peek_tok() {
            Tok::Punct("*" | "+" | "-" | "/")
            | Tok::Keyword("div" | "rem" | "band" | "bor" | "bxor" | "bsl" | "bsr") => format!(
                "a segment's value or size with an operator goes in parentheses: `<<(X + 1):8>>`, `<<X:(N * 8)>>`; {not_closed}"
            ),
            Tok::Punct(">") => {
                format!("`>>` closes a binary: write it without a space; {not_closed}")
            }
            _ => not_closed,
        };
        self.error_here(
            format!(
                "expected `,` or `>>` after a segment, found {}",
                describe(self.peek_tok())
            ),
            Some(hint),
        )
    }

    /// Whether the last token read was `=<`: `B=<<1>>` reads as `B =< <1>>`.
    pub(super) fn after_less_or_equal(&self) -> bool {
        self.previous()
            .is_some_and(|t| t.tok == Tok::Punct("=<") && t.pos.line == self.peek().pos.line)
    }

    /// A binary expression's segments as a pattern's (`erl_lint`'s
    /// `pattern_bin`).
    pub(super) fn binary_pattern(&self, pos: Pos, segments: Vec<Segment<Expr>>) -> Result<Pattern> {
        let count = segments.len();
        let mut out = Vec::with_capacity(count);
        for (i, segment) in segments.into_iter().enumerate() {
            let value = self.segment_value(segment.value)?;
            let resolved = resolve(&segment.specs, segment.size.is_some())
                .map_err(|e| self.error_at(segment.pos, 1, e.message, Some(e.hint)))?;
            if let PatternKind::Str(_) = value.kind {
                let utf = resolved.ty.is_utf();
                if segment.size.is_some() || !(segment.specs.is_empty() || utf) {
                    return Err(self.error_at(
                        segment.pos,
                        1,
                        "a literal string in a binary pattern must not have a type or a size",
                        Some("match the text as it is, `<<\"abc\", Rest/binary>>`, or by its characters, `<<\"abc\"/utf8>>`".into()),
                    ));
                }
            } else if i + 1 < count && resolved.takes_all(segment.size.is_some()) {
                return Err(self.error_at(
                    segment.pos,
                    1,
                    "a binary field without size is only allowed at the end of a binary pattern",
                    Some("give it a size (`B:4/binary`), or make it the last segment".into()),
                ));
            }
            out.push(Segment {
                value,
                size: segment.size,
                specs: segment.specs,
                pos: segment.pos,
            });
        }
        Ok(Pattern {
            kind: PatternKind::Binary(out),
            pos,
        })
    }

    /// A segment's value in a pattern: a variable, `_`, a number or a
    /// string (`erl_lint`'s `pat_bit_expr`).
    fn segment_value(&self, expr: Expr) -> Result<Pattern> {
        let pos = expr.pos;
        let literal = match &expr.kind {
            ExprKind::Var(_) | ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => true,
            ExprKind::UnOp(UnOp::Neg | UnOp::Plus, operand) => {
                matches!(operand.kind, ExprKind::Int(_) | ExprKind::Float(_))
            }
            _ => false,
        };
        if !literal {
            return Err(self.error_at(
                pos,
                1,
                "illegal pattern",
                Some(
                    "a segment of a binary pattern is a variable, `_`, a number or a string".into(),
                ),
            ));
        }
        self.to_pattern(expr)
    }
}

const SIZE_HINT: &str =
    "a size is a number, a variable or an expression in parentheses: `X:8`, `X:N`, `X:(N * 8)`";

/// An atom as `~tw` prints it in `erl_lint`'s messages.
fn erlang_atom(name: &str) -> String {
    crate::erlang::export::erlang::atom(name)
}

#[cfg(test)]
mod tests {
    use super::super::parse_module;
    use super::super::tests::{pat, show};
    use crate::diagnostics::Diagnostic;

    fn body(text: &str) -> String {
        let source = format!("f(X, N, B) -> {text}.");
        let module = parse_module("m", &source).unwrap_or_else(|e| panic!("{}", e.render(None)));
        show(&module.functions[0].clauses[0].body[0])
    }

    fn head(patterns: &str) -> String {
        let source = format!("f({patterns}) -> ok.");
        let module = parse_module("m", &source).unwrap_or_else(|e| panic!("{}", e.render(None)));
        pat(&module.functions[0].clauses[0].patterns[0])
    }

    fn error(source: &str) -> Diagnostic {
        parse_module("m", source).expect_err(source)
    }

    #[test]
    fn segments_have_values_sizes_and_specifiers() {
        assert_eq!(body("<<>>"), "<<>>");
        assert_eq!(body("<<1, 2, 3>>"), "<<1, 2, 3>>");
        assert_eq!(body("<<\"abc\", X/binary>>"), "<<\"abc\", X/binary>>");
        assert_eq!(
            body("<<X:16/little-signed, N:8/unit:4, B/bits>>"),
            "<<X:16/little-signed, N:8/unit:4, B/bits>>"
        );
        assert_eq!(body("<<X:(N * 8)>>"), "<<X:(* N 8)>>");
        assert_eq!(body("<<(X + 1):8>>"), "<<(+ X 1):8>>");
        assert_eq!(body("<<-1:8, $a/utf8>>"), "<<(Neg 1):8, 97/utf8>>");
        assert_eq!(body("<<1.5:32/float-little>>"), "<<1.5:32/float-little>>");
        assert_eq!(body("<< <<1>>/binary >>"), "<<<<1>>/binary>>");
        assert_eq!(body("<<<<1>>/binary>>"), "<<<<1>>/binary>>");
        assert_eq!(body("[<<1>>, <<2>>]"), "[<<1>> | [<<2>> | []]]");
    }

    #[test]
    fn binaries_are_patterns_in_heads_cases_and_matches() {
        assert_eq!(
            head("<<N:8, Body:N/binary, Rest/binary>>"),
            "<<N:8, Body:N/binary, Rest/binary>>"
        );
        assert_eq!(head("<<\"GET \", Path/bytes>>"), "<<\"GET \", Path/bytes>>");
        assert_eq!(head("<<_:3, -1:5/signed>>"), "<<_:3, -1:5/signed>>");
        assert_eq!(
            head("{ok, <<C/utf8, _/binary>>}"),
            "{ok, <<C/utf8, _/binary>>}"
        );
        assert_eq!(
            body("case B of <<1, R/bits>> -> R end"),
            "case B of <<1, R/bits>> -> R end"
        );
        assert_eq!(body("<<A:4, C:4>> = B"), "(= <<A:4, C:4>> B)");
    }

    #[test]
    fn bitwise_operators_have_erlangs_precedence() {
        assert_eq!(body("X band 255 + 1"), "(+ (band X 255) 1)");
        // As erl_parse.yrl has them: `bsl` and `bsr` are add_ops.
        assert_eq!(body("X bor N bsl 2"), "(bsl (bor X N) 2)");
        assert_eq!(body("X + 15 bsr 6"), "(bsr (+ X 15) 6)");
        assert_eq!(body("X * 2 bsl N"), "(bsl (* X 2) N)");
        assert_eq!(body("X bxor N * 2"), "(bxor X (* N 2))");
        assert_eq!(body("X bsr 1 bsr 2"), "(bsr (bsr X 1) 2)");
        assert_eq!(body("bnot X band 1"), "(band (Bnot X) 1)");
        assert_eq!(body("- bnot X"), "(Neg (Bnot X))");
        assert_eq!(body("X == N band 1"), "(== X (band N 1))");
    }

    /// Every error points at its column with a hint.
    fn at(source: &str) -> (String, usize, usize, String) {
        let e = error(source);
        let hint = e
            .hint
            .clone()
            .unwrap_or_else(|| panic!("{source}: no hint"));
        (e.message, e.line, e.column, hint)
    }

    #[test]
    fn errors_point_at_the_segment_or_specifier_at_fault() {
        let (message, _, column, hint) = at("f() -> <<1, 2.");
        assert_eq!(message, "expected `,` or `>>` after a segment, found `.`");
        assert_eq!(column, 14);
        assert!(
            hint.contains("the `<<` at line 1, column 8 is not closed"),
            "{hint}"
        );
        let (message, _, column, hint) = at("f() -> <<1, 2");
        assert!(
            message.contains("found the end of the definition"),
            "{message}"
        );
        assert_eq!(column, 14);
        assert!(hint.contains("not closed"));
        let (message, _, column, hint) = at("f(X) -> <<X:8/foo>>.");
        assert_eq!((message.as_str(), column), ("bit type foo undefined", 15));
        assert!(hint.contains("little"), "{hint}");
        let (message, _, column, _) = at("f(X) -> <<X:8/little-big>>.");
        assert_eq!(
            (message.as_str(), column),
            (
                "conflict in endianness specification for bit field: 'big' and 'little'",
                22
            )
        );
        let (message, _, column, _) = at("f(X) -> <<X:8/unit:300>>.");
        assert_eq!(
            (message.as_str(), column),
            ("bit type {unit,300} undefined", 15)
        );
        let (message, _, column, _) = at("f(X) -> <<X:8/utf8>>.");
        assert_eq!(
            message,
            "neither size nor unit must be given for segments of type utf8/utf16/utf32"
        );
        assert_eq!(column, 11);
        let (message, _, _, hint) = at("f(X) -> <<X:N*8>>.");
        assert!(message.starts_with("expected `,` or `>>`"), "{message}");
        assert!(hint.contains("`<<X:(N * 8)>>`"), "{hint}");
        let (message, _, column, hint) = at("f(X) -> <<X:-8>>.");
        assert_eq!(message, "expected the segment's size after `:`, found `-`");
        assert_eq!(column, 13);
        assert!(hint.contains("parentheses"));
        let (message, _, column, hint) = at("f(X) -> <<g(X)>>.");
        assert_eq!(message, "a call in a binary segment must be in parentheses");
        assert_eq!(column, 11);
        assert!(hint.contains("<<(f(X)):8>>"));
        let (message, _, _, hint) = at("f(X) -> <<X/>>.");
        assert!(
            message.starts_with("expected a type specifier after `/`"),
            "{message}"
        );
        assert!(hint.contains("unit:N"));
    }

    #[test]
    fn pattern_errors_are_erl_lints() {
        let (message, _, column, _) = at("f(<<X/binary, Y>>) -> ok.");
        assert_eq!(
            (message.as_str(), column),
            (
                "a binary field without size is only allowed at the end of a binary pattern",
                5
            )
        );
        let (message, _, _, _) = at("f(<<\"ab\":16>>) -> ok.");
        assert_eq!(
            message,
            "a literal string in a binary pattern must not have a type or a size"
        );
        let (message, _, column, hint) = at("f(<<{X}>>) -> ok.");
        assert_eq!((message.as_str(), column), ("illegal pattern", 5));
        assert!(hint.contains("variable, `_`, a number or a string"));
        let (message, _, _, hint) = at("f(B) -> B=<<1>>.");
        assert_eq!(message, "expected an expression, found `<`");
        assert!(hint.contains("`B = <<...>>` with a space"), "{hint}");
    }
}
