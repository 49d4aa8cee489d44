//! What the checker says about maps, as `erl_lint` and `erlc` say it:
//!
//! - `#{K := V}` outside a pattern: "only association operators '=>' are
//!   allowed in map construction";
//! - a map pattern's keys are uses, checked against the variables bound
//!   *before* the pattern (`f(K, #{K := V})` and `#{K := V, V := W}` are
//!   "variable 'K' is unbound", as erlc has them: a pattern binds nothing
//!   its own keys could see);
//! - an update certain to fail is an error rather than a crash waiting to
//!   happen: `x#{a => 1}` on a literal that is no map (erlc warns "map
//!   update will fail with a 'badmap' exception"), and `#{a => 1}#{b :=
//!   2}`, a `:=` of a literal key that a literal map plainly lacks (the
//!   same failure, `{badkey, b}`, which OTP 25's erlc lets through).

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
        self.update_will_fail(expr, base, fields)
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
            match &p.kind {
                PatternKind::Map(fields) => {
                    for field in fields {
                        self.guard_expr(&field.key, before)?;
                        stack.push(&field.value);
                    }
                }
                PatternKind::Tuple(items) => stack.extend(items),
                PatternKind::Cons(a, b) | PatternKind::Alias(a, b) => {
                    stack.push(a);
                    stack.push(b);
                }
                PatternKind::Var(_)
                | PatternKind::Wildcard
                | PatternKind::Atom(_)
                | PatternKind::Int(_)
                | PatternKind::Float(_)
                | PatternKind::Str(_)
                | PatternKind::Nil => {}
            }
        }
        Ok(())
    }

    /// `x#{...}` on a literal that is no map, or a `:=` of a literal key a
    /// literal map does not have.
    fn update_will_fail(&self, expr: &Expr, base: &Expr, fields: &[MapField]) -> Result<()> {
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
        // The keys a literal map surely has: its own, and those this
        // update puts (OTP puts a run of literal keys before it updates).
        let ExprKind::Map(base_fields) = &base.kind else {
            return Ok(());
        };
        let mut known = Vec::new();
        for field in base_fields.iter().chain(fields.iter().filter(|f| !f.exact)) {
            match literal_term(&field.key) {
                Some(key) => known.push(key),
                // A computed key could be any key.
                None => return Ok(()),
            }
        }
        for field in fields.iter().filter(|f| f.exact) {
            let Some(key) = literal_term(&field.key) else {
                return Ok(());
            };
            if !known.contains(&key) {
                return Err(self.error(
                    field.key.pos,
                    1,
                    format!("map update will fail with a '{{badkey,{key}}}' exception"),
                    Some(format!(
                        "`:=` updates a key the map has, and this map has no key {key}: write `{key} => ...` to add it"
                    )),
                ));
            }
        }
        Ok(())
    }
}
