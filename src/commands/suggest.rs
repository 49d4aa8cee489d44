//! "Did you mean ...?" suggestions for misspelt commands and keywords.
//!
//! Typos on stage are mostly a swapped or missing letter (`spwan`,
//! `permanant`), so the distance used is Damerau-Levenshtein in its
//! "optimal string alignment" form: insertions, deletions, substitutions and
//! swaps of two neighbours each cost one.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
///
/// Short words only tolerate one edit, otherwise `ps` would "correct" almost
/// anything of two letters. A word cut short (`brutal` for `brutal_kill`)
/// counts as one edit away, and on a tie the candidate it begins wins
/// (`of` suggests `off` rather than `on`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let allowed = match word.chars().count() {
        0..=2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    candidates
        .into_iter()
        .map(|candidate| {
            let is_prefix = candidate.starts_with(word) && !word.is_empty();
            let distance = if is_prefix && word.len() >= 3 {
                1
            } else {
                edit_distance(word, candidate)
            };
            (distance, !is_prefix, candidate)
        })
        .filter(|(distance, _, _)| *distance <= allowed)
        .min_by_key(|(distance, not_prefix, _)| (*distance, *not_prefix))
        .map(|(_, _, candidate)| candidate)
}

/// Optimal-string-alignment distance between `a` and `b`, counted in chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // d[i][j] is the distance between the first i chars of a and first j of b.
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + substitution);
            let swapped = i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1];
            if swapped {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swap_costs_one() {
        assert_eq!(edit_distance("spwan", "spawn"), 1);
        assert_eq!(edit_distance("permanant", "permanent"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("é🦀", "🦀é"), 1);
    }

    #[test]
    fn suggests_the_nearest_close_word() {
        let commands = ["spawn", "send", "sleep", "say"];
        assert_eq!(closest("spwan", commands), Some("spawn"));
        assert_eq!(closest("sned", commands), Some("send"));
        assert_eq!(closest("xylophone", commands), None);
        assert_eq!(closest("of", ["on", "off"]), Some("off"));
        assert_eq!(
            closest("brutal", ["brutal_kill", "infinity"]),
            Some("brutal_kill")
        );
    }
}
