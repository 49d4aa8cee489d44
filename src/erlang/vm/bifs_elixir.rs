//! `erlang:'$elixir_inspect'(Term, Opts) -> binary()`: Elixir's
//! `Kernel.inspect/2` for programs, on the printer of
//! `runtime::term::elixir`. And `erlang:'$elixir_reports'() -> boolean()`:
//! whether `gen_server` writes its crash report as Elixir's Logger
//! translates it, which the session chooses with its syntax.
//!
//! The Elixir standard library of the playground (`'Elixir.Kernel':inspect/2`,
//! `'Elixir.IO':inspect/2`, `'Elixir.Inspect':inspect/2`) calls it with
//! its keyword list of options. Those read here are `Inspect.Opts`'s
//! `limit:` (an integer or `infinity`), `printable_limit:`, `charlists:`
//! (`infer`, `as_lists`, `as_charlists`), `pretty:` (a boolean) and
//! `width:` (an integer or `infinity`, the line width when pretty);
//! others (`syntax_colors:`, `structs:`, ...) are accepted and ignored, as
//! `inspect/2` accepts options an implementation does not use. A value of
//! the wrong type is `badarg`, as `Inspect.Opts` raises for one.

use super::bifs::{Bif, pure};
use super::errors::Raise;
use crate::runtime::term::elixir::{Charlists, InspectOpts, inspect_pretty};
use crate::runtime::{Process, Term};

pub static BIFS: &[Bif] = &[
    Bif {
        auto: false,
        ..pure("erlang", "$elixir_inspect", 2, false, elixir_inspect)
    },
    Bif {
        auto: false,
        ..pure("erlang", "$elixir_reports", 0, false, elixir_reports)
    },
];

/// `erlang:'$elixir_reports'()`.
fn elixir_reports(p: &Process, _: &[Term]) -> Result<Term, Raise> {
    Ok(Term::boolean(p.elixir_reports()))
}

/// `erlang:'$elixir_inspect'(Term, Opts)`.
fn elixir_inspect(_: &Process, a: &[Term]) -> Result<Term, Raise> {
    let (opts, width) = read_opts(&a[1]).ok_or_else(Raise::badarg)?;
    let text = inspect_pretty(&a[0], &opts, width);
    Ok(Term::binary(text.as_bytes()))
}

/// The options and, when `pretty: true`, the width to break lines at
/// (`None`: one line, as `pretty: false` or `width: :infinity`).
fn read_opts(list: &Term) -> Option<(InspectOpts, Option<usize>)> {
    let mut opts = InspectOpts::default();
    let mut pretty = false;
    let mut width = Some(80);
    let mut items = list.iter_list();
    for item in items.by_ref() {
        let [key, value] = item.as_tuple()? else {
            return None;
        };
        match key.as_atom()?.name() {
            "limit" => opts.limit = limit(value)?,
            "printable_limit" => opts.printable_limit = limit(value)?,
            "width" => width = limit(value)?,
            "pretty" => {
                pretty = match value.as_atom()?.name() {
                    "true" => true,
                    "false" => false,
                    _ => return None,
                }
            }
            "charlists" => {
                opts.charlists = match value.as_atom()?.name() {
                    "infer" => Charlists::Infer,
                    "as_lists" => Charlists::AsLists,
                    "as_charlists" => Charlists::AsCharlists,
                    _ => return None,
                }
            }
            _ => {}
        }
    }
    if !items.rest().is_nil() {
        return None;
    }
    Some((opts, width.filter(|_| pretty)))
}

/// A non-negative integer, or `infinity` (`None`).
fn limit(value: &Term) -> Option<Option<usize>> {
    if value.as_atom().is_some_and(|a| a.name() == "infinity") {
        return Some(None);
    }
    usize::try_from(value.as_small()?).ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pairs: &[(&str, Term)]) -> Term {
        Term::list(
            pairs
                .iter()
                .map(|(k, v)| Term::tuple([Term::atom(k), v.clone()])),
        )
    }

    #[test]
    fn reads_inspect_opts() {
        let (read, width) = read_opts(&opts(&[
            ("limit", Term::atom("infinity")),
            ("charlists", Term::atom("as_lists")),
            ("pretty", Term::atom("true")),
            ("width", Term::int(40)),
            ("syntax_colors", Term::NIL),
        ]))
        .unwrap();
        assert_eq!(read.limit, None);
        assert_eq!(read.charlists, Charlists::AsLists);
        assert_eq!(width, Some(40));
        let (default, width) = read_opts(&Term::NIL).unwrap();
        assert_eq!(default, InspectOpts::default());
        assert_eq!(width, None, "pretty is off by default");
    }

    #[test]
    fn a_wrong_option_is_badarg() {
        assert!(read_opts(&opts(&[("limit", Term::atom("lots"))])).is_none());
        assert!(read_opts(&opts(&[("pretty", Term::int(1))])).is_none());
        assert!(read_opts(&Term::atom("pretty")).is_none());
    }
}
