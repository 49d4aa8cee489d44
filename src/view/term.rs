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

/// `term` in the style's syntax: as `~p` prints it ([`shown`]) or as
/// Elixir's `inspect` does, cut to fit [`SCREEN_BUDGET`] either way.
pub fn shown_in(term: &Term, style: &crate::style::Style) -> String {
    match style.syntax {
        super::Syntax::Erlang => shown(term),
        super::Syntax::Elixir => inspected(term),
    }
}

/// `term` as Elixir's `inspect(term, limit: :infinity)` writes it, or
/// when that is too long for a screen with the largest `limit:` that fits
/// (halved until it does: a container then ends in `...`).
fn inspected(term: &Term) -> String {
    use crate::runtime::term::elixir::{InspectOpts, inspect};
    let full = inspect(term, &InspectOpts::UNLIMITED);
    if full.chars().count() <= SCREEN_BUDGET {
        return full;
    }
    let mut limit = 256;
    loop {
        let opts = InspectOpts {
            limit: Some(limit),
            printable_limit: Some(limit * 4),
            ..InspectOpts::default()
        };
        let cut = inspect(term, &opts);
        if cut.chars().count() <= SCREEN_BUDGET || limit == 1 {
            return cut;
        }
        limit /= 2;
    }
}

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
    fn elixir_syntax_inspects_and_cuts_by_limit() {
        let elixir = crate::style::Style {
            syntax: crate::view::Syntax::Elixir,
            ..crate::style::Style::PLAIN
        };
        let ok = Term::tuple([Term::atom("ok"), Term::int(1)]);
        assert_eq!(shown_in(&ok, &elixir), "{:ok, 1}");
        assert_eq!(shown_in(&ok, &crate::style::Style::PLAIN), "{ok,1}");
        let list = Term::list((1..=100_000).map(Term::int));
        let text = shown_in(&list, &elixir);
        assert!(text.chars().count() <= SCREEN_BUDGET);
        assert!(text.starts_with("[1, 2, 3,"), "{text}");
        assert!(text.ends_with(", ...]"), "{text}");
    }

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
