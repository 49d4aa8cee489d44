//! A term on a screen: in full when it fits, cut as `~P` cuts when it
//! would flood the screen.
//!
//! The shell prints a value in full, as Erlang's shell does, and so do the
//! event lines a message or an exit reason appears in. But a program can
//! make a term of any size: a tuple nested a million deep prints to two
//! million characters, which no presenter wants on the projector. So past
//! [`SCREEN_BUDGET`] characters the term is printed again with `~P`'s
//! depth, the deepest that fits, and ends in `...` where it was cut (the
//! core's printer is a loop, so neither print recurses on the depth).

use crate::runtime::Term;
use crate::runtime::term::Style;

/// The most characters a term takes on a screen before it is cut.
pub const SCREEN_BUDGET: usize = 4096;

/// `term` as `~p` prints it, cut to fit [`SCREEN_BUDGET`].
pub fn shown(term: &Term) -> String {
    let full = term.format(Style::Print, None);
    if full.chars().count() <= SCREEN_BUDGET {
        return full;
    }
    // Halving the depth until it fits: a handful of prints, each as long
    // as what it shows.
    let mut depth = 256;
    loop {
        let cut = term.to_string_cut(depth);
        if cut.chars().count() <= SCREEN_BUDGET || depth == 1 {
            return cut;
        }
        depth /= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_that_fits_prints_in_full() {
        let list = Term::list((1..=100).map(Term::int));
        assert_eq!(shown(&list), list.to_string());
    }

    #[test]
    fn a_term_nested_a_million_deep_is_cut_as_tilde_p_cuts() {
        let mut deep = Term::atom("a");
        for _ in 0..1_000_000 {
            deep = Term::tuple([deep]);
        }
        let text = shown(&deep);
        assert!(text.chars().count() <= SCREEN_BUDGET, "{}", text.len());
        assert!(text.starts_with("{{{{"), "{text}");
        assert!(text.contains("..."), "{text}");
    }

    #[test]
    fn a_long_list_is_cut_with_an_ellipsis_tail() {
        let list = Term::list((1..=100_000).map(Term::int));
        let text = shown(&list);
        assert!(text.chars().count() <= SCREEN_BUDGET);
        assert!(text.starts_with("[1,2,3,"), "{text}");
        assert!(text.ends_with("|...]"), "{text}");
    }
}
