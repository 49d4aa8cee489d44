//! Terms as Elixir 1.14's `Kernel.inspect/2` writes them on one line:
//! `{:ok, 1}`, `%{a: 1}`, `%{"k" => 1}`, `[a: 1]`, `"text"`, `<<1, 2>>`,
//! `'abc'`, `#PID<0.5.0>`, `%Counter{n: 1}`, `[1 | 2]`.
//!
//! It mirrors the `Inspect` implementations of Elixir 1.14 (`Inspect.Atom`,
//! `Inspect.BitString`, `Inspect.List`, `Inspect.Tuple`, `Inspect.Map`,
//! `Inspect.Float`, `Inspect.Function`, `Inspect.PID`, `Inspect.Reference`,
//! `Inspect.Any` for structs) with `Inspect.Algebra.container_doc/6`'s
//! `limit`: a container's first element is written with the limit less
//! one, the next with one less again, and when it reaches 0 the rest is
//! `...` (`[1, 2, ...]`, `%{a: 1, ...}`, `{1, {...}, ...}`). Strings and
//! charlists are cut after `printable_limit` characters (`"ab" <> ...`).
//!
//! A map whose `__struct__` is an alias prints as that struct,
//! `%Counter{n: 1}`, with its fields in the order of the module's
//! `defstruct` (`struct_layout.rs`; a map with other keys prints as a map).
//! Where the playground cannot know what Elixir would: a struct of a
//! module never loaded prints in term order (Elixir prints a map), and
//! a local fun prints `#Function<0.1234/1 in Counter>` (Elixir adds the
//! enclosing function, which the playground's funs do not keep).
//!
//! Like `print.rs`, one loop over a stack of what is still to write: a
//! term nested a million deep prints without recursion.

use crate::runtime::term::atom::Atom;
use crate::runtime::term::bignum::{Int, int_to_string_radix};
use crate::runtime::term::binary::Bitstring;
use crate::runtime::term::elixir_text::{
    printable_in_charlist, printable_in_string, write_atom, write_escaped, write_key,
    write_remote_name,
};
use crate::runtime::term::fun::{Fun, FunKind};
use crate::runtime::term::map::Map;
use crate::runtime::term::print::erlang_float;
use crate::runtime::term::struct_layout;
use crate::runtime::term::word::{Term, View};

/// `Inspect.Opts`'s `charlists:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Charlists {
    /// A list of ASCII printable codes as `'abc'`, others as lists.
    #[default]
    Infer,
    AsCharlists,
    AsLists,
}

/// The options of `inspect/2` this printer follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InspectOpts {
    /// Elements of a container before `...`; `None` is `:infinity`.
    pub limit: Option<usize>,
    /// Characters of a string or charlist before `...`.
    pub printable_limit: Option<usize>,
    pub charlists: Charlists,
}

impl Default for InspectOpts {
    /// `%Inspect.Opts{}`: limit 50, printable_limit 4096.
    fn default() -> InspectOpts {
        InspectOpts {
            limit: Some(50),
            printable_limit: Some(4096),
            charlists: Charlists::Infer,
        }
    }
}

impl InspectOpts {
    /// No limits: every element and character.
    pub const UNLIMITED: InspectOpts = InspectOpts {
        limit: None,
        printable_limit: None,
        charlists: Charlists::Infer,
    };
}

/// `inspect(term, opts)` on one line.
pub fn inspect(term: &Term, opts: &InspectOpts) -> String {
    let mut out = String::new();
    write_inspect(&mut out, term, opts);
    out
}

/// `inspect(term, opts)` with `pretty: true` at `width` (`Some`), or on
/// one line (`None`: `pretty: false` or `width: :infinity`).
pub fn inspect_pretty(term: &Term, opts: &InspectOpts, width: Option<usize>) -> String {
    match width {
        Some(width) => super::elixir_pretty::inspect_at_width(term, opts, width),
        None => inspect(term, opts),
    }
}

/// Counts down as `Inspect.Algebra`'s `decrement/1`: `:infinity` stays.
pub(super) fn decrement(limit: Option<usize>) -> Option<usize> {
    limit.map(|n| n.saturating_sub(1))
}

/// A container's element: a term, or a keyword pair `key: value`, or an
/// associative pair `key => value`.
#[derive(Clone, Copy)]
pub(super) enum Element<'a> {
    Term(&'a Term),
    Keyword(&'a Term, &'a Term),
    Assoc(&'a Term, &'a Term),
}

/// What is left to write.
enum Item<'a> {
    Term(&'a Term, Option<usize>),
    Text(&'static str),
    /// A keyword key and the space after it: `a: `.
    Key(&'a Term),
    /// A list from this cell on, at this limit; `first` when nothing was
    /// written yet (no separator before it).
    List {
        cell: &'a Term,
        limit: Option<usize>,
        keyword: bool,
        first: bool,
    },
    /// Tuple elements or map pairs from `at` on.
    Elements {
        elements: Vec<Element<'a>>,
        at: usize,
        limit: Option<usize>,
        close: &'static str,
    },
}

/// Writes `term` as `inspect(term, opts)` does.
pub fn write_inspect(out: &mut String, term: &Term, opts: &InspectOpts) {
    let mut stack = vec![Item::Term(term, opts.limit)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(text) => out.push_str(text),
            Item::Key(key) => {
                write_key(out, key.as_atom().map_or("", Atom::name));
                out.push(' ');
            }
            Item::Term(t, limit) => write_one(out, t, limit, opts, &mut stack),
            Item::List {
                cell,
                limit,
                keyword,
                first,
            } => {
                let View::Cons(head, tail) = cell.view() else {
                    out.push(']');
                    continue;
                };
                if !first {
                    out.push_str(", ");
                }
                if limit == Some(0) {
                    out.push_str("...]");
                    continue;
                }
                let limit = decrement(limit);
                if tail.is_list() {
                    stack.push(Item::List {
                        cell: tail,
                        limit,
                        keyword,
                        first: false,
                    });
                } else {
                    stack.push(Item::Text("]"));
                    stack.push(Item::Term(tail, limit));
                    stack.push(Item::Text(" | "));
                }
                push_element(&mut stack, keyword_or_term(head, keyword), limit);
            }
            Item::Elements {
                elements,
                at,
                limit,
                close,
            } => {
                if at == elements.len() {
                    out.push_str(close);
                    continue;
                }
                if at > 0 {
                    out.push_str(", ");
                }
                if limit == Some(0) {
                    out.push_str("...");
                    out.push_str(close);
                    continue;
                }
                let limit = decrement(limit);
                let element = elements[at];
                stack.push(Item::Elements {
                    elements,
                    at: at + 1,
                    limit,
                    close,
                });
                push_element(&mut stack, element, limit);
            }
        }
    }
}

fn keyword_or_term(t: &Term, keyword: bool) -> Element<'_> {
    match (keyword, t.as_tuple()) {
        (true, Some([k, v])) => Element::Keyword(k, v),
        _ => Element::Term(t),
    }
}

/// Pushes an element's parts, to be written in order.
fn push_element<'a>(stack: &mut Vec<Item<'a>>, element: Element<'a>, limit: Option<usize>) {
    match element {
        Element::Term(t) => stack.push(Item::Term(t, limit)),
        Element::Keyword(k, v) => {
            stack.push(Item::Term(v, limit));
            stack.push(Item::Key(k));
        }
        Element::Assoc(k, v) => {
            stack.push(Item::Term(v, limit));
            stack.push(Item::Text(" => "));
            stack.push(Item::Term(k, limit));
        }
    }
}

/// Writes what `t` itself contributes, pushing its parts.
fn write_one<'a>(
    out: &mut String,
    t: &'a Term,
    limit: Option<usize>,
    opts: &InspectOpts,
    stack: &mut Vec<Item<'a>>,
) {
    match t.view() {
        View::Int(n) => out.push_str(&n.to_string()),
        View::Big(b) => out.push_str(&int_to_string_radix(Int::Big(b), 10)),
        View::Float(x) => out.push_str(&elixir_float(x)),
        View::Atom(a) => write_atom(out, a.name()),
        View::Nil => out.push_str("[]"),
        View::Pid(p) => {
            out.push_str("#PID");
            out.push_str(&p.to_string());
        }
        View::Ref(r) => {
            let erlang = r.to_string();
            out.push_str("#Reference");
            out.push_str(erlang.strip_prefix("#Ref").unwrap_or(&erlang));
        }
        View::Fun(f) => write_fun(out, f),
        View::Bits(b) => write_bits(out, b, limit, opts),
        View::Cons(..) => {
            if let Some(codes) = charlist(t, opts) {
                out.push('\'');
                let whole = write_escaped(out, codes.into_iter(), '\'', opts.printable_limit);
                out.push('\'');
                if !whole {
                    out.push_str(" ++ ...");
                }
                return;
            }
            out.push('[');
            stack.push(Item::List {
                cell: t,
                limit,
                keyword: is_keyword(t),
                first: true,
            });
        }
        View::Tuple(items) => {
            out.push('{');
            stack.push(Item::Elements {
                elements: items.iter().map(Element::Term).collect(),
                at: 0,
                limit,
                close: "}",
            });
        }
        View::Map(m) => {
            if let Some(range) = range_text(m) {
                out.push_str(&range);
                return;
            }
            if let Some(members) = map_set_members(m) {
                // Inspect.MapSet: the list as Inspect.List writes it, never
                // as a charlist; nested sets are the one place this
                // printer calls itself.
                out.push_str("MapSet.new(");
                let opts = InspectOpts {
                    limit,
                    charlists: Charlists::AsLists,
                    ..*opts
                };
                write_inspect(out, &members, &opts);
                out.push(')');
                return;
            }
            let (struct_name, elements) = map_elements(m);
            out.push('%');
            if let Some(name) = struct_name {
                write_atom(out, name.name());
            }
            out.push('{');
            stack.push(Item::Elements {
                elements,
                at: 0,
                limit,
                close: "}",
            });
        }
    }
}

/// `Inspect.Float`: an integral float from 1.0 below 1.0e16 as its
/// integer and `.0`, any other as `Float.to_charlist/1` (`float_to_list`
/// in its shortest form).
pub fn elixir_float(x: f64) -> String {
    let abs = x.abs();
    if (1.0..1.0e16).contains(&abs) && abs.trunc() == abs {
        format!("{}.0", x as i64)
    } else {
        erlang_float(x)
    }
}

/// `Inspect.Range`: `1..3`, or `first..last//step` unless the step is 1
/// and the range not empty; `None` unless `m` is a %Range{} of integers
/// (other keys do not matter: Elixir's implementation matches on the
/// three it prints).
pub(super) fn range_text(m: &Map) -> Option<String> {
    if m.get(&Term::atom("__struct__")) != Some(&Term::atom("Elixir.Range")) {
        return None;
    }
    let field = |key: &str| m.get(&Term::atom(key)).filter(|v| v.is_integer());
    let (first, last, step) = (field("first")?, field("last")?, field("step")?);
    let counts_up = step == &Term::int(1) && last >= first;
    Some(if counts_up {
        format!("{first}..{last}")
    } else {
        format!("{first}..{last}//{step}")
    })
}

/// The members of a %MapSet{} (its map's keys, as `MapSet.to_list/1`
/// gives them), if `m` is one.
pub(super) fn map_set_members(m: &Map) -> Option<Term> {
    if m.get(&Term::atom("__struct__")) != Some(&Term::atom("Elixir.MapSet")) {
        return None;
    }
    let set = m.get(&Term::atom("map"))?.as_map()?;
    Some(Term::list(set.iter().map(|(k, _)| k.clone())))
}

/// A map as `Inspect.Map` and `Inspect.Any` see it: the struct it is, if
/// any, and its pairs in the order they print. A map whose `__struct__`
/// is an alias and whose keys are all atoms is that struct: written with
/// its fields in the order the module declares them when the map has
/// exactly those fields ([`struct_layout`]); as a plain map, `__struct__`
/// and all, when it has others; in term order when no loaded module
/// declared any.
pub(super) fn map_elements(m: &Map) -> (Option<Atom>, Vec<Element<'_>>) {
    let hidden =
        |k: &Term| k.is_atom(Atom::new("__struct__")) || k.is_atom(Atom::new("__exception__"));
    let mut struct_name = m
        .get(&Term::atom("__struct__"))
        .and_then(Term::as_atom)
        .filter(|name| is_struct_module(name.name()))
        .filter(|_| m.iter().all(|(k, _)| k.as_atom().is_some()));
    let mut pairs: Vec<(&Term, &Term)> = m.iter().collect();
    if let Some(fields) = struct_name.and_then(struct_layout::fields) {
        let own: Vec<(&Term, &Term)> = pairs.iter().copied().filter(|(k, _)| !hidden(k)).collect();
        let placed: Option<Vec<(&Term, &Term)>> = fields
            .iter()
            .map(|field| own.iter().copied().find(|(k, _)| k.is_atom(*field)))
            .collect();
        match placed {
            Some(placed) if placed.len() == own.len() => pairs = placed,
            _ => struct_name = None,
        }
    } else if struct_name.is_some() {
        pairs.retain(|(k, _)| !hidden(k));
    }
    let keyword = struct_name.is_some()
        || pairs
            .iter()
            .all(|(k, _)| k.as_atom().is_some_and(keyword_key));
    let elements = pairs
        .into_iter()
        .map(|(k, v)| {
            if keyword {
                Element::Keyword(k, v)
            } else {
                Element::Assoc(k, v)
            }
        })
        .collect();
    (struct_name, elements)
}

/// An alias other than `Elixir` itself: what `%name{}` can be.
pub(super) fn is_struct_module(name: &str) -> bool {
    let mut alias = String::new();
    write_atom(&mut alias, name);
    name.starts_with("Elixir.") && !alias.starts_with(':')
}

/// `Inspect.List.keyword?/1`'s test of a key: an atom not spelt
/// `Elixir.…`.
pub(super) fn keyword_key(key: Atom) -> bool {
    !key.name().starts_with("Elixir.")
}

/// `Inspect.List.keyword?/1`: a proper list of `{atom, _}` pairs.
pub(super) fn is_keyword(list: &Term) -> bool {
    let mut items = list.iter_list();
    let all_pairs = items.by_ref().all(|item| match item.as_tuple() {
        Some([k, _]) => k.as_atom().is_some_and(keyword_key),
        _ => false,
    });
    all_pairs && items.rest().is_nil()
}

/// The characters of a list `inspect` writes as a charlist: with
/// `charlists: :infer`, when its first `printable_limit` elements are
/// ASCII printable (`List.ascii_printable?/2`) and it is proper; with
/// `:as_charlists`, any proper list of character codes.
pub(super) fn charlist(list: &Term, opts: &InspectOpts) -> Option<Vec<char>> {
    let mut items = list.iter_list();
    let mut codes = Vec::new();
    for (at, item) in items.by_ref().enumerate() {
        let code = item.as_small()?;
        let printable = printable_in_charlist(code);
        match opts.charlists {
            Charlists::AsLists => return None,
            Charlists::Infer if !printable => {
                // Past the limit, List.ascii_printable? stops looking.
                if opts.printable_limit.is_some_and(|limit| at >= limit) {
                    codes.push(u32::try_from(code).ok().and_then(char::from_u32)?);
                    continue;
                }
                return None;
            }
            _ => codes.push(u32::try_from(code).ok().and_then(char::from_u32)?),
        }
    }
    items.rest().is_nil().then_some(codes)
}

/// `Inspect.Function`: `&Mod.fun/1` for an external fun, the runtime's
/// name for a local one.
fn write_fun(out: &mut String, f: &Fun) {
    match f.kind() {
        FunKind::External { function, arity } => {
            out.push('&');
            write_atom(out, f.module().name());
            out.push('.');
            write_remote_name(out, function.name());
            out.push_str(&format!("/{arity}"));
        }
        FunKind::Local {
            index, uniq, arity, ..
        } => {
            out.push_str(&format!("#Function<{index}.{uniq}/{arity} in "));
            write_atom(out, f.module().name());
            out.push('>');
        }
    }
}

/// `Inspect.BitString`: printable UTF-8 as a string, anything else as
/// its bytes (`<<1, 2, 3::size(4)>>`).
fn write_bits(out: &mut String, b: &Bitstring, limit: Option<usize>, opts: &InspectOpts) {
    if let Some(bytes) = b.as_bytes()
        && let Some((text, valid)) = printable_text(bytes, opts.printable_limit)
    {
        out.push('"');
        let whole = write_escaped(out, text.chars(), '"', opts.printable_limit) && valid;
        out.push('"');
        if !whole {
            out.push_str(" <> ...");
        }
        return;
    }
    out.push_str("<<");
    let mut counter = limit;
    let len = b.bit_len();
    let mut at = 0;
    loop {
        if counter == Some(0) {
            out.push_str("...");
            break;
        }
        let left = len - at;
        if left == 0 {
            break;
        }
        if left < 8 {
            out.push_str(&format!("{}::size({left})", b.read(at, left)));
            break;
        }
        out.push_str(&b.read(at, 8).to_string());
        at += 8;
        if at == len {
            break;
        }
        out.push_str(", ");
        counter = decrement(counter);
    }
    out.push_str(">>");
}

/// The text of a binary `String.printable?(bytes, limit)` accepts: its
/// valid UTF-8 up to the first `limit` characters all printable; and
/// whether that is all of it (invalid UTF-8 may follow past the limit).
pub(super) fn printable_text(bytes: &[u8], limit: Option<usize>) -> Option<(&str, bool)> {
    let (text, valid) = match std::str::from_utf8(bytes) {
        Ok(text) => (text, true),
        Err(e) => (
            std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid prefix"),
            false,
        ),
    };
    let limit = limit.unwrap_or(usize::MAX);
    let checked = text.chars().take(limit);
    let mut count = 0;
    for c in checked {
        if !printable_in_string(c) {
            return None;
        }
        count += 1;
    }
    (valid || count == limit).then_some((text, valid))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::term::map::Map;
    use crate::runtime::term::{Pid, Ref};

    fn show(t: &Term) -> String {
        inspect(t, &InspectOpts::default())
    }

    fn limited(t: &Term, limit: usize) -> String {
        inspect(
            t,
            &InspectOpts {
                limit: Some(limit),
                ..InspectOpts::default()
            },
        )
    }

    fn map(pairs: Vec<(Term, Term)>) -> Term {
        Term::from_map(Map::from_pairs(pairs))
    }

    fn ints(range: std::ops::RangeInclusive<i64>) -> Term {
        Term::list(range.map(Term::int))
    }

    #[test]
    fn scalars() {
        assert_eq!(show(&Term::atom("ok")), ":ok");
        assert_eq!(show(&Term::atom("nil")), "nil");
        assert_eq!(show(&Term::atom("Elixir.Counter")), "Counter");
        assert_eq!(show(&Term::int(-5)), "-5");
        assert_eq!(show(&Term::pid(Pid::from_number(5))), "#PID<0.5.0>");
        assert_eq!(
            show(&Term::reference(Ref::from_number(7))),
            "#Reference<0.7>"
        );
    }

    #[test]
    fn floats_as_inspect_float() {
        for (x, text) in [
            (1.0e10, "10000000000.0"),
            (0.1, "0.1"),
            (1.0e-5, "1.0e-5"),
            (1.0e16, "1.0e16"),
            (-0.0, "-0.0"),
            (9007199254740992.0, "9007199254740992.0"),
            (5.0e-11, "5.0e-11"),
            (-1.0e15, "-1000000000000000.0"),
        ] {
            assert_eq!(show(&Term::float(x)), text, "{x}");
        }
    }

    #[test]
    fn containers() {
        let ok = Term::tuple([Term::atom("ok"), Term::int(1)]);
        assert_eq!(show(&ok), "{:ok, 1}");
        assert_eq!(show(&Term::tuple([])), "{}");
        assert_eq!(show(&ints(1..=2)), "[1, 2]");
        assert_eq!(
            show(&Term::improper_list(
                [Term::int(1), Term::int(2)],
                Term::int(3)
            )),
            "[1, 2 | 3]"
        );
        let kw = Term::list([
            Term::tuple([Term::atom("a"), Term::int(1)]),
            Term::tuple([Term::atom("b c"), Term::int(2)]),
        ]);
        assert_eq!(show(&kw), "[a: 1, \"b c\": 2]");
        let not_kw = Term::list([Term::tuple([Term::atom("Elixir.Foo"), Term::int(1)])]);
        assert_eq!(show(&not_kw), "[{Foo, 1}]");
    }

    #[test]
    fn maps_and_structs() {
        assert_eq!(show(&map(vec![])), "%{}");
        let atoms = map(vec![(Term::atom("a"), Term::int(1))]);
        assert_eq!(show(&atoms), "%{a: 1}");
        let mixed = map(vec![
            (Term::int(1), Term::int(2)),
            (Term::atom("a"), Term::int(3)),
        ]);
        assert_eq!(show(&mixed), "%{1 => 2, :a => 3}");
        let text = map(vec![(Term::binary(b"k"), Term::int(1))]);
        assert_eq!(show(&text), "%{\"k\" => 1}");
        let error = map(vec![
            (Term::atom("__struct__"), Term::atom("Elixir.RuntimeError")),
            (Term::atom("__exception__"), Term::atom("true")),
            (Term::atom("message"), Term::binary(b"boom")),
        ]);
        assert_eq!(show(&error), "%RuntimeError{message: \"boom\"}");
    }

    #[test]
    fn ranges_and_map_sets_as_their_inspect_implementations_write_them() {
        let range = |first: i64, last: i64, step: i64| {
            map(vec![
                (Term::atom("__struct__"), Term::atom("Elixir.Range")),
                (Term::atom("first"), Term::int(first)),
                (Term::atom("last"), Term::int(last)),
                (Term::atom("step"), Term::int(step)),
            ])
        };
        assert_eq!(show(&range(1, 3, 1)), "1..3");
        assert_eq!(show(&range(3, 1, -1)), "3..1//-1");
        assert_eq!(show(&range(1, 0, 1)), "1..0//1");
        assert_eq!(show(&range(-3, -1, 1)), "-3..-1");
        let set = |members: Vec<Term>| {
            map(vec![
                (Term::atom("__struct__"), Term::atom("Elixir.MapSet")),
                (
                    Term::atom("map"),
                    map(members
                        .into_iter()
                        .map(|m| (m, Term::list(Vec::new())))
                        .collect()),
                ),
                (Term::atom("version"), Term::int(2)),
            ])
        };
        assert_eq!(
            show(&set(vec![Term::int(98), Term::int(97)])),
            "MapSet.new([97, 98])"
        );
        assert_eq!(show(&set(vec![])), "MapSet.new([])");
        assert_eq!(
            limited(&set(vec![Term::int(1), Term::int(2), Term::int(3)]), 2),
            "MapSet.new([1, 2, ...])"
        );
    }

    #[test]
    fn a_struct_prints_its_fields_in_its_modules_order() {
        // A name no other test loads: the registry is shared.
        let module = Atom::new("Elixir.LayoutTest.User");
        let user = |extra: Option<(&str, i64)>| {
            let mut pairs = vec![
                (Term::atom("__struct__"), Term::from_atom(module)),
                (Term::atom("name"), Term::binary(b"ann")),
                (Term::atom("age"), Term::int(31)),
            ];
            pairs.extend(extra.map(|(k, v)| (Term::atom(k), Term::int(v))));
            map(pairs)
        };
        // No module told its order yet: term order.
        assert_eq!(
            show(&user(None)),
            "%LayoutTest.User{age: 31, name: \"ann\"}"
        );
        super::struct_layout::register(module, &[Atom::new("name"), Atom::new("age")]);
        assert_eq!(
            show(&user(None)),
            "%LayoutTest.User{name: \"ann\", age: 31}"
        );
        assert_eq!(
            limited(&user(None), 1),
            "%LayoutTest.User{name: \"ann\", ...}"
        );
        // A key the module does not declare: a map, as Inspect.Any writes it.
        assert_eq!(
            show(&user(Some(("zz", 1)))),
            "%{__struct__: LayoutTest.User, age: 31, name: \"ann\", zz: 1}"
        );
    }

    #[test]
    fn text() {
        assert_eq!(show(&Term::binary(b"str")), "\"str\"");
        assert_eq!(show(&Term::binary(b"")), "\"\"");
        assert_eq!(show(&Term::binary(&[1, 2])), "<<1, 2>>");
        assert_eq!(show(&Term::binary("é".as_bytes())), "\"é\"");
        assert_eq!(show(&Term::binary(b"a\"b#{")), "\"a\\\"b\\#{\"");
        assert_eq!(show(&Term::binary(b"\x7f")), "\"\\d\"");
        assert_eq!(
            show(&Term::bits(Bitstring::from_bits(vec![1, 2, 0x30], 20))),
            "<<1, 2, 3::size(4)>>"
        );
        assert_eq!(show(&Term::string("abc")), "'abc'");
        assert_eq!(show(&ints(7..=8)), "'\\a\\b'");
        assert_eq!(show(&ints(127..=127)), "[127]");
        assert_eq!(show(&ints(233..=233)), "[233]");
    }

    #[test]
    fn limits_as_container_doc() {
        assert_eq!(limited(&ints(1..=60), 3), "[1, 2, 3, ...]");
        let nested = Term::list([ints(1..=3), ints(4..=6), ints(7..=7)]);
        assert_eq!(limited(&nested, 3), "[[1, 2, ...], [4, ...], '\\a']");
        let tuple = Term::tuple([
            Term::int(1),
            Term::tuple([Term::int(2), Term::int(3)]),
            Term::int(4),
        ]);
        assert_eq!(limited(&tuple, 2), "{1, {...}, ...}");
        let improper = Term::improper_list([Term::int(1)], Term::int(2));
        assert_eq!(limited(&improper, 1), "[1 | 2]");
        assert_eq!(limited(&Term::binary(&[1, 2, 3, 4, 5]), 2), "<<1, 2, ...>>");
        assert_eq!(limited(&ints(1..=1), 0), "[...]");
        let text = inspect(
            &Term::binary(b"aaaaa"),
            &InspectOpts {
                printable_limit: Some(2),
                ..InspectOpts::default()
            },
        );
        assert_eq!(text, "\"aa\" <> ...");
        assert_eq!(limited(&ints(1..=60), 50).matches(", ").count(), 50);
    }

    #[test]
    fn funs() {
        let external = Term::fun(Fun::external(Atom::new("lists"), Atom::new("reverse"), 1));
        assert_eq!(show(&external), "&:lists.reverse/1");
        let local = Term::fun(Fun::local(Atom::new("Elixir.M"), 0, 42, 1, vec![], None));
        assert_eq!(show(&local), "#Function<0.42/1 in M>");
    }

    #[test]
    fn a_million_deep_prints_without_recursion() {
        let mut deep = Term::atom("a");
        for _ in 0..1_000_000 {
            deep = Term::tuple([deep]);
        }
        let text = inspect(&deep, &InspectOpts::UNLIMITED);
        assert_eq!(text.len(), 2_000_002);
    }
}
