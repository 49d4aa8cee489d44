//! Expected output against actual output, the way trycmd and snapbox
//! compare snapshots.
//!
//! A `#=>` block lists the lines a statement should print. Two wildcards
//! keep a block from breaking on what does not matter:
//!
//! - `[..]` inside a line matches any text within that line (pids,
//!   timestamps): `#=> <0.[..].0>`;
//! - a line that is exactly `...` matches any number of lines, none included.
//!
//! Trailing whitespace is ignored on both sides. [`diff`] lays out the
//! difference for a failure report.

/// The wildcard inside a line.
pub const ANY_TEXT: &str = "[..]";
/// The line that stands for any number of lines.
pub const ANY_LINES: &str = "...";

/// Whether one actual line matches one expected line (with `[..]`).
pub fn line_matches(expected: &str, actual: &str) -> bool {
    let expected = expected.trim_end();
    let actual = actual.trim_end();
    let mut pieces = expected.split(ANY_TEXT);
    let first = pieces.next().unwrap_or("");
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        // No wildcard: the whole line must be equal.
        return rest.is_empty();
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

fn is_any_lines(line: &str) -> bool {
    line.trim() == ANY_LINES
}

/// Whether the actual lines match the expected block (with `[..]` and `...`).
pub fn lines_match<E: AsRef<str>, A: AsRef<str>>(expected: &[E], actual: &[A]) -> bool {
    let expected: Vec<&str> = expected.iter().map(AsRef::as_ref).collect();
    let actual: Vec<&str> = actual.iter().map(AsRef::as_ref).collect();
    match_table(&expected, &actual)[0][0]
}

/// `table[i][j]`: whether `expected[i..]` matches `actual[j..]`.
fn match_table(expected: &[&str], actual: &[&str]) -> Vec<Vec<bool>> {
    let (n, m) = (expected.len(), actual.len());
    let mut matched = vec![vec![false; m + 1]; n + 1];
    matched[n][m] = true;
    for i in (0..n).rev() {
        let e = expected[i];
        for j in (0..=m).rev() {
            matched[i][j] = if is_any_lines(e) {
                // Skip the wildcard, or let it swallow one more line.
                matched[i + 1][j] || (j < m && matched[i][j + 1])
            } else {
                j < m && line_matches(e, actual[j]) && matched[i + 1][j + 1]
            };
        }
    }
    matched
}

/// A small line diff: `- ` for an expected line that is missing, `+ ` for
/// an actual line that was not expected, `  ` for lines that agree (an
/// expected `...` is shown as agreeing with what it skipped, once).
pub fn diff<E: AsRef<str>, A: AsRef<str>>(expected: &[E], actual: &[A]) -> Vec<String> {
    let expected: Vec<&str> = expected.iter().map(AsRef::as_ref).collect();
    let actual: Vec<&str> = actual.iter().map(AsRef::as_ref).collect();
    let (n, m) = (expected.len(), actual.len());
    // Longest common subsequence, where a `...` line may stand for any run of
    // actual lines (scored as one agreeing line so it is preferred).
    let mut best = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..=m).rev() {
            best[i][j] = if is_any_lines(expected[i]) {
                let skip_all = best[i + 1][j] + 1;
                let swallow = if j < m { best[i][j + 1] } else { 0 };
                skip_all.max(swallow)
            } else {
                let mut score = best[i + 1][j];
                if j < m {
                    score = score.max(best[i][j + 1]);
                    if line_matches(expected[i], actual[j]) {
                        score = score.max(best[i + 1][j + 1] + 1);
                    }
                }
                score
            };
        }
    }
    // Where the rest of the block matches, the walk follows a match, so
    // that it shows a difference only where there is one.
    let matched = match_table(&expected, &actual);
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if matched[i][j] {
            if is_any_lines(expected[i]) && !(j < m && matched[i][j + 1]) {
                out.push(format!("  {}", expected[i]));
                i += 1;
            } else if is_any_lines(expected[i]) {
                j += 1; // swallowed by the wildcard
            } else {
                out.push(format!("  {}", actual[j]));
                i += 1;
                j += 1;
            }
        } else if i < n && is_any_lines(expected[i]) {
            // Swallow a line when the best alignment needs it, or when it
            // costs nothing and enough lines are left for what follows (so
            // the lines near a mismatch are shown, not swallowed).
            // With every actual line used up there is nothing to swallow
            // (and no column `j + 1` to look at).
            let swallow = j < m && {
                let needed = best[i][j] != best[i + 1][j] + 1;
                let free = best[i][j] == best[i][j + 1] && m - j > n - i - 1;
                needed || free
            };
            if swallow {
                j += 1; // swallowed by the wildcard
            } else {
                out.push(format!("  {}", expected[i]));
                i += 1;
            }
        } else if i < n
            && j < m
            && line_matches(expected[i], actual[j])
            && best[i][j] == best[i + 1][j + 1] + 1
        {
            out.push(format!("  {}", actual[j]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || best[i][j] == best[i + 1][j]) {
            out.push(format!("- {}", expected[i]));
            i += 1;
        } else {
            out.push(format!("+ {}", actual[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_line_must_be_equal() {
        assert!(line_matches("ok", "ok"));
        assert!(line_matches("ok  ", "ok"));
        assert!(!line_matches("ok", "okay"));
        assert!(!line_matches("okay", "ok"));
        assert!(line_matches("", ""));
    }

    #[test]
    fn any_text_matches_within_a_line() {
        assert!(line_matches("<0.[..].0>", "<0.42.0>"));
        assert!(line_matches("[..]", "anything at all"));
        assert!(line_matches("[..]", ""));
        assert!(line_matches(
            "[..] crashed: boom",
            "0.012s <0.44.0> crashed: boom"
        ));
        assert!(line_matches("{ok,[..]}", "{ok,<0.7.0>}"));
        assert!(line_matches("a[..]b[..]c", "a-b-c"));
        assert!(line_matches("a[..]b[..]c", "abc"));
        assert!(!line_matches("a[..]b[..]c", "a-c-b"));
        assert!(!line_matches("<0.[..].0>", "<0.42.1>"));
        // The end must not be matched twice by the middle.
        assert!(!line_matches("ab[..]ba", "aba"));
    }

    #[test]
    fn any_lines_matches_zero_or_more_lines() {
        let actual = ["one", "two", "three"];
        assert!(lines_match(&["one", "...", "three"], &actual));
        assert!(lines_match(&["..."], &actual));
        assert!(lines_match(&["...", "three"], &actual));
        assert!(lines_match(&["one", "two", "...", "three"], &actual));
        assert!(lines_match(&["one", "...", "two", "three"], &actual));
        assert!(lines_match(&["..."], &[] as &[&str]));
        assert!(!lines_match(&["one", "..."], &["two"]));
        assert!(!lines_match(&["one", "two"], &actual));
        assert!(!lines_match(&["one", "two", "three", "four"], &actual));
        assert!(lines_match(&["[..]", "...", "t[..]"], &actual));
    }

    #[test]
    fn an_empty_block_matches_only_no_output() {
        assert!(lines_match(&[] as &[&str], &[] as &[&str]));
        assert!(!lines_match(&[] as &[&str], &["x"]));
    }

    #[test]
    fn diff_marks_missing_and_unexpected_lines() {
        let lines = diff(&["a", "b", "c"], &["a", "x", "c"]);
        assert_eq!(lines, ["  a", "- b", "+ x", "  c"]);
        let lines = diff(&["a", "...", "d"], &["a", "b", "c", "e"]);
        assert_eq!(lines, ["  a", "  ...", "- d", "+ e"]);
        let lines = diff(&["<0.[..].0>"], &["<0.5.0>", "extra"]);
        assert_eq!(lines, ["  <0.5.0>", "+ extra"]);
    }
}
