//! What the checker says about maps, as `erl_lint` and `erlc` say it:
//!
//! - `#{K := V}` outside a pattern: "only association operators '=>' are
//!   allowed in map construction";
//! - a map pattern's keys are uses, checked against the variables bound
//!   *before* the pattern (`f(K, #{K := V})` and `#{K := V, V := W}` are
//!   "variable 'K' is unbound", as erlc has them: a pattern binds nothing
//!   its own keys could see);
//! - an update certain to fail is an error rather than a crash waiting to
//!   happen: `x#{a => 1}` on a literal that is no map, where erlc warns
//!   "map update will fail with a 'badmap' exception". (A `:=` of a key a
//!   literal map lacks, `#{a => 1}#{b := 2}`, is no such case: erlc 25
//!   does not warn, and where the result is unused the BEAM does not even
//!   fail, see `compile/liveness.rs`.)

use super::{Checker, Result, Scope};
use crate::erlang::ast::{Expr, ExprKind, MapField, Pattern, PatternKind};
use crate::erlang::compile::maps::literal_term;

impl Checker<'_> {
    /// `#{K => V, ...}`.
    pub(super) fn map_expr(&self, fields: &[MapField], scope: &mut Scope) -> Result<()> {
        self.no_exact_field(fields)?;
        let parts: Vec<&Expr> = fields.iter().flat_map(|f| [&f.key, &f.value]).collect();
        self.side_by_side(&parts, scope)
    }

    /// `Base#{K => V, K2 := V2, ...}`.
    pub(super) fn map_update(
        &self,
        expr: &Expr,
        base: &Expr,
        fields: &[MapField],
        scope: &mut Scope,
    ) -> Result<()> {
        let mut parts = vec![base];
        parts.extend(fields.iter().flat_map(|f| [&f.key, &f.value]));
        self.side_by_side(&parts, scope)?;
        self.update_will_fail(expr, base)
    }

    /// A map in a guard: built (`=>` only) or updated.
    pub(super) fn guard_map(&self, expr: &Expr, scope: &Scope) -> Result<()> {
        let fields = match &expr.kind {
            ExprKind::Map(fields) => {
                self.no_exact_field(fields)?;
                fields
            }
            ExprKind::MapUpdate(base, fields) => {
                self.guard_expr(base, scope)?;
                fields
            }
            _ => return Ok(()),
        };
        for field in fields {
            self.guard_expr(&field.key, scope)?;
            self.guard_expr(&field.value, scope)?;
        }
        Ok(())
    }

    fn no_exact_field(&self, fields: &[MapField]) -> Result<()> {
        match fields.iter().find(|f| f.exact) {
            Some(field) => Err(self.error(
                field.pos,
                2,
                "only association operators '=>' are allowed in map construction".into(),
                Some(
                    "`:=` updates a key a map already has, as in M#{count := 2}; a new map is built with `=>`"
                        .into(),
                ),
            )),
            None => Ok(()),
        }
    }

    /// The keys of the map patterns in `pattern`, each a guard expression
    /// over the variables of `before` (those bound before the pattern).
    pub(super) fn map_keys(&self, pattern: &Pattern, before: &Scope) -> Result<()> {
        let mut stack = vec![pattern];
        while let Some(p) = stack.pop() {
            if let PatternKind::Map(fields) = &p.kind {
                for field in fields {
                    self.guard_expr(&field.key, before)?;
                }
            }
            stack.extend(p.children());
        }
        Ok(())
    }

    /// `x#{...}` on a literal that is no map.
    fn update_will_fail(&self, expr: &Expr, base: &Expr) -> Result<()> {
        let literal_base = match &base.kind {
            ExprKind::Map(_) | ExprKind::MapUpdate(..) => None,
            _ => literal_term(base),
        };
        if let Some(value) = literal_base {
            return Err(self.error(
                expr.pos,
                1,
                "map update will fail with a 'badmap' exception".into(),
                Some(format!(
                    "only a map can be updated with `#{{`, and {value} is not one"
                )),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::erlang::{check, parse};

    /// The checker's error for `source`: (line, column, message, hint).
    fn error(source: &str) -> (usize, usize, String, String) {
        let module = parse("m", source).unwrap_or_else(|e| panic!("{}", e.render(None)));
        let e = check(&module).expect_err("an error");
        (e.line, e.column, e.message, e.hint.unwrap_or_default())
    }

    #[test]
    fn an_exact_field_in_a_new_map_is_erl_lints_error() {
        let (line, column, message, hint) = error("f(X) -> #{a => 1, b := X}.");
        assert_eq!((line, column), (1, 21));
        assert_eq!(
            message,
            "only association operators '=>' are allowed in map construction"
        );
        assert!(hint.contains("M#{count := 2}"), "{hint}");
        // In a guard too.
        let (_, _, message, _) = error("f(X) when X =:= #{a := 1} -> ok.");
        assert!(message.starts_with("only association operators"));
    }

    #[test]
    fn pattern_keys_must_be_bound_before_the_pattern() {
        let (line, column, message, _) = error("f(K, #{K := V}) -> V.");
        assert_eq!(
            (line, column, message.as_str()),
            (1, 8, "variable 'K' is unbound")
        );
        let (_, column, message, _) = error("f(M) -> case M of #{a := K, K := V} -> V end.");
        assert_eq!((column, message.as_str()), (29, "variable 'K' is unbound"));
        // Bound before: fine, in a case, a match and a fun head.
        for source in [
            "f(K, M) -> case M of #{K := V} -> V end.",
            "f(K, M) -> #{K := V} = M, V.",
            "f(K) -> fun(#{K := V}) -> V end.",
            "f(K, M) -> receive #{{K, 1} := V} -> V end.",
        ] {
            check(&parse("m", source).unwrap()).unwrap_or_else(|e| panic!("{source}: {e}"));
        }
    }

    #[test]
    fn updating_a_literal_that_is_no_map_is_erlcs_badmap() {
        let (line, column, message, hint) = error("f() ->\n  [1, 2]#{a => 1}.");
        assert_eq!((line, column), (2, 9));
        assert_eq!(message, "map update will fail with a 'badmap' exception");
        assert!(hint.contains("[1,2] is not one"), "{hint}");
        // A map, or a variable, may be updated (what it holds is the VM's
        // to find out).
        for source in ["f() -> #{a => 1}#{b := 2}.", "f(X) -> X#{b => 2}."] {
            check(&parse("m", source).unwrap()).unwrap_or_else(|e| panic!("{source}: {e}"));
        }
    }
}
