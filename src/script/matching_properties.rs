//! Property tests for [`super::matching`]: random expected/actual blocks,
//! from a seeded generator so a failure names a case that can be replayed.
//!
//! The matcher is checked against a naive backtracking matcher written
//! straight from the definition of the wildcards, and the diff against the
//! matcher: it must never panic, must account for every expected line once,
//! and must show no difference exactly when the block matches.

use super::matching::{ANY_LINES, ANY_TEXT, diff, line_matches, lines_match};
use crate::runtime::XorShift as Rng;

/// Actual lines come from a tiny alphabet so that expected lines match
/// them often enough to exercise both outcomes.
const ACTUAL: &[&str] = &["a", "b", "ab", "ba", "aab", "", "a ", "...", "[..]"];
const EXPECTED: &[&str] = &[
    "a",
    "b",
    "ab",
    "",
    "a[..]",
    "[..]b",
    "[..]",
    "a[..]b",
    "[..]a[..]",
    " ...",
    "...",
    "b ",
];

fn block(rng: &mut Rng, alphabet: &[&'static str], max_len: usize) -> Vec<&'static str> {
    (0..rng.below(max_len + 1))
        .map(|_| *rng.pick(alphabet))
        .collect()
}

/// `[..]` as "any text", everything else literal, by backtracking.
fn naive_line(expected: &str, actual: &str) -> bool {
    fn go(pattern: &str, text: &str) -> bool {
        if let Some(rest) = pattern.strip_prefix(ANY_TEXT) {
            return (0..=text.len())
                .filter(|&k| text.is_char_boundary(k))
                .any(|k| go(rest, &text[k..]));
        }
        match (pattern.chars().next(), text.chars().next()) {
            (None, _) => text.is_empty(),
            (Some(p), Some(t)) if p == t => go(&pattern[p.len_utf8()..], &text[t.len_utf8()..]),
            _ => false,
        }
    }
    go(expected.trim_end(), actual.trim_end())
}

/// A line that is `...` (give or take spaces) as "any lines", by
/// backtracking.
fn naive_lines(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == ANY_LINES => {
            (0..=actual.len()).any(|k| naive_lines(rest, &actual[k..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, more)| naive_line(first, line) && naive_lines(rest, more)),
    }
}

#[test]
fn the_matcher_agrees_with_a_naive_one_and_the_diff_with_the_matcher() {
    let mut rng = Rng::new(0x5eed_1e77_c7a5);
    for case in 0..4000 {
        let expected = block(&mut rng, EXPECTED, 6);
        let actual = block(&mut rng, ACTUAL, 6);
        let context = format!("case {case}: expected {expected:?}, actual {actual:?}");

        for (e, a) in expected.iter().zip(&actual) {
            assert_eq!(line_matches(e, a), naive_line(e, a), "{e:?} vs {a:?}");
        }
        let matched = lines_match(&expected, &actual);
        assert_eq!(matched, naive_lines(&expected, &actual), "{context}");

        let lines = diff(&expected, &actual);
        let removed = lines.iter().filter(|l| l.starts_with("- ")).count();
        let added = lines.iter().filter(|l| l.starts_with("+ ")).count();
        let agreeing = lines.len() - removed - added;
        assert_eq!(
            removed + agreeing,
            expected.len(),
            "every expected line shows once: {context}: {lines:?}"
        );
        assert!(added <= actual.len(), "{context}: {lines:?}");
        assert_eq!(
            removed + added == 0,
            matched,
            "a diff shows a difference exactly when the block does not match: {context}: {lines:?}"
        );
    }
}

#[test]
fn a_failed_block_that_ends_in_any_lines_is_diffed() {
    // This once indexed past the end of the table (check mode exit 101).
    // The trailing `...` may stand for the line that was printed.
    assert_eq!(diff(&["2", "..."], &["1"]), ["- 2", "  ..."]);
    assert_eq!(diff(&["..."], &[] as &[&str]), ["  ..."]);
    assert_eq!(diff(&["a", "..."], &["b", "c"]), ["- a", "  ..."]);
}
