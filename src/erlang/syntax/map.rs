//! Maps in the syntax, as `erl_parse.yrl`'s `map_expr` has them:
//!
//! ```text
//! map_expr -> '#' map_tuple                 #{a => 1, b => X}
//! map_expr -> expr_max '#' map_tuple        M#{a := 2, c => 3}
//! map_expr -> map_expr '#' map_tuple        #{}#{a => 1}#{a := 2}
//! ```
//!
//! A field is `Key => Value` or `Key := Value`, both any expressions. As in
//! Erlang, the grammar takes either operator anywhere, and what is allowed
//! where is decided after: a pattern (`#{K := P}`, parsed as an expression
//! and then turned into a pattern like every other, see `pattern.rs`)
//! matches keys with `:=` only, and a map built from nothing has `=>` only
//! (that one is the checker's: `erl_lint` reports it, after the parse).
//!
//! A key in a pattern is a value, not a pattern: a literal, a variable
//! bound before the pattern, or a tuple, list or map of those
//! (`#{{user, Id} := Name}`). Erlang also allows arithmetic and guard BIFs
//! there; the playground asks for them to be bound to a variable first
//! (its patterns are matched without running code).

use super::error::Result;
use super::lexer::Tok;
use super::parser::Parser;
use crate::diagnostics::Diagnostic;
use crate::erlang::ast::{
    Expr, ExprKind, MapField, MapPatternField, Pattern, PatternKind, Pos, UnOp,
};

/// The hint for a `#{` that is not closed.
fn unclosed(open: Pos) -> String {
    format!(
        "the `#{{` at line {}, column {} is not closed",
        open.line, open.column
    )
}

impl Parser<'_> {
    /// `#{...}` where an expression starts, and any updates chained after
    /// it (`#{a => 1}#{a := 2}`).
    pub(super) fn map_expr(&mut self) -> Result<Expr> {
        let hash = self.bump();
        if matches!(self.peek_tok(), Tok::Atom(_)) {
            let record = self.record_expr(hash.pos)?;
            return self.map_updates(record);
        }
        let fields = self.map_fields(hash.pos)?;
        let map = Expr {
            kind: ExprKind::Map(fields),
            pos: hash.pos,
        };
        self.map_updates(map)
    }

    /// `Base#{...}#{...}`: the updates after `base`, if any. Each link of
    /// the chain is a level of nesting (the tree is as deep as the chain
    /// is long), counted as the operators' chains are.
    pub(super) fn map_updates(&mut self, mut base: Expr) -> Result<Expr> {
        let mut links = 0;
        let result = loop {
            if !self.is_punct("#") {
                break Ok(base);
            }
            if let Err(e) = self.enter() {
                break Err(e);
            }
            links += 1;
            if matches!(self.peek_second(), Tok::Atom(_)) {
                match self.record_postfix(base) {
                    Ok(next) => {
                        base = next;
                        continue;
                    }
                    Err(e) => break Err(e),
                }
            }
            let hash = self.bump();
            match self.map_fields(hash.pos) {
                Ok(fields) => {
                    base = Expr {
                        kind: ExprKind::MapUpdate(Box::new(base), fields),
                        pos: hash.pos,
                    }
                }
                Err(e) => break Err(e),
            }
        };
        self.leave(links);
        result
    }

    /// After a call: `f(X)#{...}` is no Erlang (a call is not an
    /// `expr_max`), so say how to write it.
    pub(super) fn no_update_of_a_call(&self) -> Result<()> {
        if !self.is_punct("#") {
            return Ok(());
        }
        Err(self.error_here(
            "a call's result cannot be updated with `#{` directly",
            Some("put the call in parentheses, `(f(X))#{k => 1}`, or bind it first".into()),
        ))
    }

    /// `{ Field, ... }` after a `#` at `open`.
    fn map_fields(&mut self, open: Pos) -> Result<Vec<MapField>> {
        if !self.is_punct("{") {
            return Err(self.error_at(
                open,
                1,
                "expected `{` or a record's name after `#`",
                Some("a map is written #{Key => Value}, a record #name{field = Value}".into()),
            ));
        }
        self.bump();
        let mut fields = Vec::new();
        if self.eat_punct("}") {
            return Ok(fields);
        }
        loop {
            let key = self.expr()?;
            let op = self.peek().clone();
            let exact = if self.is_punct("=>") {
                false
            } else if self.is_punct(":=") {
                true
            } else if let ExprKind::Match(..) = key.kind {
                // `#{a = 1}`: the key was read as a match.
                return Err(self.error_at(
                    key.pos,
                    1,
                    "expected `=>` or `:=` after a map key, found `=`",
                    Some(
                        "a map's field is `Key => Value` (or `Key := Pattern` in a pattern), not `=`"
                            .into(),
                    ),
                ));
            } else {
                return Err(self.no_map_operator(open));
            };
            self.bump();
            let value = self.expr()?;
            fields.push(MapField {
                key,
                exact,
                value,
                pos: op.pos,
            });
            if self.eat_punct(",") {
                continue;
            }
            if self.eat_punct("}") {
                return Ok(fields);
            }
            let message = match self.peek_tok() {
                super::lexer::Tok::Dot | super::lexer::Tok::Eof => {
                    "this `#{` is never closed".to_string()
                }
                _ => format!(
                    "expected `,` or `}}` after a map field, found {}",
                    self.describe_next()
                ),
            };
            return Err(self.error_here(message, Some(unclosed(open))));
        }
    }

    #[cold]
    fn no_map_operator(&self, open: Pos) -> Diagnostic {
        let hint = if matches!(
            self.peek_tok(),
            super::lexer::Tok::Dot | super::lexer::Tok::Eof
        ) {
            unclosed(open)
        } else {
            "a map is written #{Key => Value, ...}; a map pattern #{Key := Pattern, ...}".into()
        };
        self.error_here(
            format!(
                "expected `=>` or `:=` after a map key, found {}",
                self.describe_next()
            ),
            Some(hint),
        )
    }

    /// `#{K := P, ...}` as a pattern (`erl_parse`'s `build_pattern` of a
    /// map): every field `:=`, every key a value the playground can
    /// compute without running code.
    pub(super) fn map_pattern(&self, pos: Pos, fields: Vec<MapField>) -> Result<Pattern> {
        let mut out = Vec::with_capacity(fields.len());
        for field in fields {
            if !field.exact {
                return Err(self.error_at(
                    field.pos,
                    2,
                    "illegal pattern",
                    Some(
                        "a map pattern matches a key with `:=`, as in #{count := N}; `=>` builds a map"
                            .into(),
                    ),
                ));
            }
            if let Some(bad) = bad_key(&field.key) {
                return Err(self.error_at(
                    bad.pos,
                    1,
                    "illegal map key in pattern",
                    Some(
                        "a map pattern's key is a literal, a variable bound before the pattern, or a tuple or list of those: bind anything else to a variable first"
                            .into(),
                    ),
                ));
            }
            out.push(MapPatternField {
                key: field.key,
                value: self.to_pattern(field.value)?,
                pos: field.pos,
            });
        }
        Ok(Pattern {
            kind: PatternKind::Map(out),
            pos,
        })
    }
}

/// The part of a pattern's map key that is not a value the playground
/// computes without running code, if any: literals, variables, signed
/// number literals, and tuples, lists and maps (`=>`) of them are.
fn bad_key(key: &Expr) -> Option<&Expr> {
    // An explicit stack: a key may be a long list literal.
    let mut stack = vec![key];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Var(_)
            | ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Nil => {}
            ExprKind::UnOp(UnOp::Neg | UnOp::Plus, operand)
                if matches!(operand.kind, ExprKind::Int(_) | ExprKind::Float(_)) => {}
            ExprKind::Tuple(items) => stack.extend(items),
            ExprKind::Cons(head, tail) => {
                stack.push(head);
                stack.push(tail);
            }
            ExprKind::Map(fields) if fields.iter().all(|f| !f.exact) => {
                for field in fields {
                    stack.push(&field.key);
                    stack.push(&field.value);
                }
            }
            _ => return Some(e),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::erlang::ast::{ExprKind, PatternKind};
    use crate::erlang::syntax::parse_module;

    fn body(text: &str) -> ExprKind {
        let module = parse_module("m", &format!("f(M, K) -> {text}."))
            .unwrap_or_else(|e| panic!("{text}: {}", e.render(None)));
        module.functions[0].clauses[0].body[0].kind.clone()
    }

    fn error(source: &str) -> crate::diagnostics::Diagnostic {
        match parse_module("m", source) {
            Ok(m) => panic!("{source:?} parsed: {m:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn construction_takes_any_expressions_as_keys_and_values() {
        let ExprKind::Map(fields) = body("#{a => 1, {K, 2} => M + 1, \"s\" => [K]}") else {
            panic!()
        };
        assert_eq!(fields.len(), 3);
        assert!(fields.iter().all(|f| !f.exact));
        assert!(matches!(fields[1].key.kind, ExprKind::Tuple(_)));
        assert!(matches!(fields[1].value.kind, ExprKind::BinOp(..)));
        assert!(matches!(body("#{}"), ExprKind::Map(f) if f.is_empty()));
    }

    #[test]
    fn updates_chain_and_bind_tighter_than_operators() {
        let ExprKind::MapUpdate(base, fields) = body("M#{a := 1, b => 2}#{c => 3}") else {
            panic!()
        };
        assert_eq!(fields.len(), 1);
        let ExprKind::MapUpdate(inner, first) = base.kind else {
            panic!()
        };
        assert!(matches!(inner.kind, ExprKind::Var(ref v) if v == "M"));
        assert!(first[0].exact && !first[1].exact);
        // `-M#{...}` negates the updated map; `A + M#{}` adds it.
        assert!(
            matches!(body("-M#{a => 1}"), ExprKind::UnOp(_, e) if matches!(e.kind, ExprKind::MapUpdate(..)))
        );
        assert!(
            matches!(body("#{a => 1}#{a := 2}"), ExprKind::MapUpdate(b, _) if matches!(b.kind, ExprKind::Map(_)))
        );
        assert!(matches!(body("(g())#{a => 1}"), ExprKind::MapUpdate(..)));
    }

    #[test]
    fn patterns_match_keys_with_exact_fields() {
        let module = parse_module(
            "m",
            "f(#{a := X, {b, 1} := [Y | _], -1 := #{c := Z}}) -> {X, Y, Z}.",
        )
        .unwrap();
        let PatternKind::Map(fields) = &module.functions[0].clauses[0].patterns[0].kind else {
            panic!()
        };
        assert_eq!(fields.len(), 3);
        assert!(matches!(fields[2].value.kind, PatternKind::Map(_)));
        let module = parse_module("m", "f(K, M) -> case M of #{K := V} -> V end.").unwrap();
        assert!(module.source.contains("#{K := V}"));
    }

    #[test]
    fn an_arrow_in_a_pattern_is_an_illegal_pattern_at_the_arrow() {
        let e = error("f(#{a => V}) -> V.");
        assert_eq!(e.message, "illegal pattern");
        assert_eq!((e.line, e.column, e.len), (1, 7, 2));
        assert!(e.hint.unwrap().contains(":="));
    }

    #[test]
    fn an_unclosed_map_points_at_the_problem_and_names_the_opener() {
        let e = error("f() ->\n  #{a => 1.");
        assert_eq!(e.message, "this `#{` is never closed");
        assert_eq!(
            e.hint.as_deref(),
            Some("the `#{` at line 2, column 3 is not closed")
        );
        let e = error("f() -> #{a => 1 b => 2}.");
        assert_eq!(
            e.message,
            "expected `,` or `}` after a map field, found the atom `b`"
        );
        assert_eq!((e.line, e.column), (1, 17));
        let e = error("f() -> #{a, b}.");
        assert_eq!(
            e.message,
            "expected `=>` or `:=` after a map key, found `,`"
        );
        assert_eq!((e.line, e.column), (1, 11));
        let e = error("f() -> #{a = 1}.");
        assert!(e.hint.unwrap().contains("not `=`"));
    }

    #[test]
    fn records_and_updates_of_calls_are_explained() {
        let e = error("f() -> #rec{a = 1}.");
        assert_eq!(e.message, "record rec undefined");
        assert_eq!((e.line, e.column), (1, 9));
        let e = error("f() -> # 1.");
        assert_eq!(e.message, "expected `{` or a record's name after `#`");
        assert!(e.hint.unwrap().contains("#{Key => Value}"));
        let e = error("f() -> g()#{a => 1}.");
        assert_eq!(
            e.message,
            "a call's result cannot be updated with `#{` directly"
        );
        assert_eq!((e.line, e.column), (1, 11));
    }

    #[test]
    fn pattern_keys_are_values_not_code() {
        let e = error("f(K, M) -> case M of #{K + 1 := V} -> V end.");
        assert_eq!(e.message, "illegal map key in pattern");
        assert_eq!((e.line, e.column), (1, 26), "at the operator");
        assert!(error("f(M) -> #{g() := V} = M, V.").message == "illegal map key in pattern");
    }

    #[test]
    fn a_long_chain_of_updates_is_an_error_not_a_stack_overflow() {
        let long = format!("f(M) -> M{}.", "#{a => 1}".repeat(10_000));
        assert_eq!(error(&long).message, "nested too deep");
        let fine = format!("f(M) -> M{}.", "#{a => 1}".repeat(40));
        assert!(parse_module("m", &fine).is_ok());
    }
}
