//! The checker's part for binaries: a binary expression's parts are
//! checked side by side like a tuple's elements (`erl_lint`'s `expr_bin`),
//! and a binary pattern's sizes are guard expressions whose variables
//! must be bound before the pattern or by an earlier segment of the same
//! binary (`erl_lint`'s `pattern_bin`): `<<N:8, X:N/binary>>` is fine,
//! `f(N, <<X:N>>)` is `variable 'N' is unbound`, as `erlc` says.

use super::{Checker, Result, Scope, for_each_var};
use crate::erlang::ast::{Expr, Pattern, PatternKind, Segment};

/// The values and sizes of a binary expression, in order.
pub(super) fn parts(segments: &[Segment<Expr>]) -> Vec<&Expr> {
    let mut parts = Vec::with_capacity(segments.len() * 2);
    for segment in segments {
        parts.push(&segment.value);
        parts.extend(&segment.size);
    }
    parts
}

impl Checker<'_> {
    /// Checks the size expressions of every binary pattern in `pattern`,
    /// with the variables of `scope` (those bound before the pattern)
    /// and, for each segment, those of the segments before it.
    pub(super) fn binary_sizes(&self, pattern: &Pattern, scope: &Scope) -> Result<()> {
        let mut stack = vec![pattern];
        while let Some(pattern) = stack.pop() {
            match &pattern.kind {
                PatternKind::Binary(segments) => {
                    let mut local = scope.clone();
                    for segment in segments {
                        if let Some(size) = &segment.size {
                            self.guard_expr(size, &local)?;
                        }
                        for_each_var(&segment.value, &mut |name| local.bind(name));
                    }
                }
                PatternKind::Tuple(items) => stack.extend(items.iter().rev()),
                PatternKind::Cons(a, b) | PatternKind::Alias(a, b) => {
                    stack.push(b);
                    stack.push(a);
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
}
