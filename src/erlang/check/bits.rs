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
            if let PatternKind::Binary(segments) = &pattern.kind {
                let mut local = scope.clone();
                for segment in segments {
                    if let Some(size) = &segment.size {
                        self.guard_expr(size, &local)?;
                    }
                    for_each_var(&segment.value, &mut |name| local.bind(name));
                }
            }
            // Reversed: the first problem in source order is the one shown.
            stack.extend(pattern.children().into_iter().rev());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Diagnostic;
    use crate::erlang::{check, parse};

    fn verdict(source: &str) -> Result<(), Diagnostic> {
        check(&parse("m", source).expect("parses"))
    }

    #[test]
    fn a_size_may_use_earlier_segments_and_variables_bound_before() {
        assert!(verdict("f(<<N:8, X:N/binary, _/binary>>) -> X.").is_ok());
        assert!(verdict("f(B, N) -> case B of <<X:N>> -> X; _ -> 0 end.").is_ok());
        assert!(verdict("f(B, N) -> <<X:(N * 8)/binary>> = B, X.").is_ok());
        assert!(verdict("f(B) -> receive <<N, X:(N * 2)>> -> X end.").is_ok());
        assert!(verdict("f(N) -> fun(<<X:N>>) -> X end.").is_ok());
    }

    #[test]
    fn a_size_bound_nowhere_before_is_unbound_as_erlc_says() {
        // erlc: "variable 'N' is unbound" at the size, for each of these.
        for (source, column) in [
            ("f(N, <<X:N>>) -> X.", 10),
            ("f(<<X:N>>, N) -> X.", 7),
            ("f({N, <<X:N>>}) -> X.", 11),
            ("f(B) -> case B of {N, <<X:N>>} -> X end.", 27),
        ] {
            let e = verdict(source).expect_err(source);
            assert_eq!(e.message, "variable 'N' is unbound", "{source}");
            assert_eq!(e.column, column, "{source}");
            assert!(e.hint.is_some());
        }
    }

    #[test]
    fn segment_values_and_sizes_are_used_variables_in_expressions() {
        let e = verdict("f() -> <<X:8>>.").unwrap_err();
        assert_eq!(e.message, "variable 'X' is unbound");
        let e = verdict("f(X) -> <<X:N>>.").unwrap_err();
        assert_eq!(e.message, "variable 'N' is unbound");
        assert!(verdict("f(X) when X == <<1, 2>>, byte_size(X) > 1 -> ok.").is_ok());
        let e = verdict("f(X) when X == <<(g(X))>> -> ok. g(X) -> X.").unwrap_err();
        assert!(e.message.contains("illegal in guard"), "{}", e.message);
    }
}
