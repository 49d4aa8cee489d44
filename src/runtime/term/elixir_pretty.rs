//! `inspect(term, pretty: true, width: W)`: Elixir 1.14's line breaking,
//! a port of the parts of `Inspect.Algebra` that `inspect` uses.
//!
//! A term becomes a document (`to_doc`) as the `Inspect` implementations
//! build it with `Inspect.Algebra.container_doc/6`: a container whose
//! elements are all plain text (`simple?`) joins them with flex breaks
//! and fills lines (`[1, 2, 3,\n 4]`, nested by one); any other, and maps
//! and keyword lists always (`break: :strict`), puts each element on a
//! line of its own, nested by two, when the group does not fit
//! (`%{\n  a: 1,\n  b: 2\n}`); tuples always fill (`break: :flex`). The
//! document is laid out by `Inspect.Algebra.format/2` (`format`, `fits?`):
//! a group is flat when its own content fits the rest of the line (what
//! follows it is not measured, and text with no break in it never counts
//! as too long), a flex break breaks only when what follows up to the
//! next possible break does not fit. Widths are bytes, as `byte_size/1`.
//!
//! Building the document recurses on the term's depth, unlike the one-line
//! printer: a pretty-printed term is one a person reads.

use crate::runtime::term::atom::Atom;
use crate::runtime::term::elixir::{
    Charlists, Element, InspectOpts, charlist, decrement, inspect, is_keyword, map_elements,
    map_set_members, printable_text, range_text,
};
use crate::runtime::term::elixir_text::{write_atom, write_key};
use crate::runtime::term::word::{Term, View};

/// An `Inspect.Algebra` document (the kinds `inspect` makes).
#[derive(Clone, Debug)]
enum Doc {
    Text(String),
    Concat(Vec<Doc>),
    /// `break(" ")` (strict: breaks with its group) or `flex_break(" ")`.
    Break {
        space: bool,
        flex: bool,
    },
    /// `nest(doc, n)`: lines broken inside start `n` further in.
    Nest(Box<Doc>, usize),
    Group(Box<Doc>),
}

fn text(s: impl Into<String>) -> Doc {
    Doc::Text(s.into())
}

fn concat(docs: impl IntoIterator<Item = Doc>) -> Doc {
    Doc::Concat(docs.into_iter().collect())
}

/// `glue/2` (`flex: false`) or `flex_glue/2`: a space that may break.
fn glue(left: Doc, right: Doc, flex: bool) -> Doc {
    concat([left, Doc::Break { space: true, flex }, right])
}

/// `break("")`: nothing, or a new line.
const EMPTY_BREAK: Doc = Doc::Break {
    space: false,
    flex: false,
};

fn group(doc: Doc) -> Doc {
    Doc::Group(Box::new(doc))
}

fn nest(doc: Doc, by: usize) -> Doc {
    Doc::Nest(Box::new(doc), by)
}

/// `simple?/1`: plain text, which lets a container fill its lines.
fn is_simple(doc: &Doc) -> bool {
    match doc {
        Doc::Text(_) => true,
        Doc::Concat(docs) => docs.iter().all(is_simple),
        _ => false,
    }
}

/// `inspect(term, opts)` laid out at `width` (`Kernel.inspect/2` wraps
/// the document in a group and formats it).
pub fn inspect_at_width(term: &Term, opts: &InspectOpts, width: usize) -> String {
    format(width, group(to_doc(term, opts.limit, opts)))
}

/// The document `Inspect` makes for `t`, at this limit.
fn to_doc(t: &Term, limit: Option<usize>, opts: &InspectOpts) -> Doc {
    let here = InspectOpts { limit, ..*opts };
    match t.view() {
        View::Cons(..) if charlist(t, opts).is_none() => {
            let keyword = is_keyword(t);
            let mut elements = Vec::new();
            let mut items = t.iter_list();
            elements.extend(items.by_ref().map(|item| match (keyword, item.as_tuple()) {
                (true, Some([k, v])) => Element::Keyword(k, v),
                _ => Element::Term(item),
            }));
            let tail = items.rest();
            let tail = (!tail.is_nil()).then_some(tail);
            container("[", elements, tail, "]", limit, opts, !keyword, false)
        }
        View::Tuple(items) => container(
            "{",
            items.iter().map(Element::Term).collect(),
            None,
            "}",
            limit,
            opts,
            true,
            true,
        ),
        View::Map(m) if !m.is_empty() => {
            if let Some(range) = range_text(m) {
                return text(range);
            }
            if let Some(members) = map_set_members(m) {
                let as_lists = InspectOpts {
                    charlists: Charlists::AsLists,
                    ..*opts
                };
                return concat([
                    text("MapSet.new("),
                    to_doc(&members, limit, &as_lists),
                    text(")"),
                ]);
            }
            let (struct_name, elements) = map_elements(m);
            let mut open = String::from("%");
            if let Some(name) = struct_name {
                write_atom(&mut open, name.name());
            }
            open.push('{');
            container(&open, elements, None, "}", limit, opts, false, false)
        }
        View::Bits(b)
            if b.as_bytes()
                .and_then(|bytes| printable_text(bytes, opts.printable_limit))
                .is_none() =>
        {
            bytes_doc(&inspect(t, &here))
        }
        _ => text(inspect(t, &here)),
    }
}

/// A binary's bytes, `<<1, 2, 3>>`, as `Inspect.BitString` groups them:
/// joined by flex breaks, nested by two.
fn bytes_doc(one_line: &str) -> Doc {
    let inner = &one_line[2..one_line.len() - 2];
    let mut parts = inner.split(", ");
    let mut doc = text(parts.next().unwrap_or(""));
    for part in parts {
        doc = glue(concat([doc, text(",")]), text(part), true);
    }
    group(concat([text("<<"), nest(doc, 2), text(">>")]))
}

/// `container_doc/6`: `elements` (and an improper `tail`) between `open`
/// and `close`, cut at `limit` with `...`. `maybe_flex` is
/// `break: :maybe` (fill when every element is simple), `flex` is
/// `break: :flex`; neither is `break: :strict`.
#[allow(clippy::too_many_arguments)]
fn container(
    open: &str,
    elements: Vec<Element<'_>>,
    tail: Option<&Term>,
    close: &str,
    limit: Option<usize>,
    opts: &InspectOpts,
    maybe_flex: bool,
    flex: bool,
) -> Doc {
    if elements.is_empty() {
        return text(format!("{open}{close}"));
    }
    let mut docs = Vec::new();
    let mut counter = limit;
    let mut simple = maybe_flex;
    let last = elements.len() - 1;
    for (at, element) in elements.into_iter().enumerate() {
        if counter == Some(0) {
            docs.push(text("..."));
            break;
        }
        counter = decrement(counter);
        let doc = element_doc(element, counter, opts);
        simple = simple && is_simple(&doc);
        match tail.filter(|_| at == last) {
            Some(tail) => {
                let tail = to_doc(tail, counter, opts);
                simple = simple && is_simple(&tail);
                docs.push(glue(concat([doc, text(" |")]), tail, simple));
            }
            None => docs.push(doc),
        }
    }
    let fill = simple || flex;
    let mut docs = docs.into_iter();
    let first = docs.next().expect("a non-empty container");
    let joined = docs.fold(first, |left, right| {
        glue(concat([left, text(",")]), right, fill)
    });
    if fill {
        group(concat([text(open), nest(joined, 1), text(close)]))
    } else {
        group(concat([
            nest(concat([text(open), EMPTY_BREAK, joined]), 2),
            EMPTY_BREAK,
            text(close),
        ]))
    }
}

/// One element's document: a term, `key: value` or `key => value`.
fn element_doc(element: Element<'_>, limit: Option<usize>, opts: &InspectOpts) -> Doc {
    match element {
        Element::Term(t) => to_doc(t, limit, opts),
        Element::Keyword(k, v) => {
            let mut key = String::new();
            write_key(&mut key, k.as_atom().map_or("", Atom::name));
            key.push(' ');
            concat([text(key), to_doc(v, limit, opts)])
        }
        Element::Assoc(k, v) => {
            concat([to_doc(k, limit, opts), text(" => "), to_doc(v, limit, opts)])
        }
    }
}

/// Whether a document is laid out on one line or broken.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Flat,
    Break,
}

/// `Inspect.Algebra.format/2` at a width: one loop over a stack of
/// (indent, mode, document).
fn format(width: usize, doc: Doc) -> String {
    let mut out = String::new();
    let mut column = 0;
    let mut stack: Vec<(usize, Mode, &Doc)> = vec![(0, Mode::Break, &doc)];
    while let Some((indent, mode, doc)) = stack.pop() {
        match doc {
            Doc::Text(s) => {
                out.push_str(s);
                column += s.len();
            }
            Doc::Concat(docs) => stack.extend(docs.iter().rev().map(|d| (indent, mode, d))),
            Doc::Nest(inner, by) => stack.push((indent + by, mode, inner)),
            Doc::Break { space, flex } => {
                let s = if *space { " " } else { "" };
                let flat = if *flex {
                    mode == Mode::Flat || fits(width, column + s.len(), true, &stack)
                } else {
                    mode == Mode::Flat
                };
                if flat {
                    out.push_str(s);
                    column += s.len();
                } else {
                    out.push('\n');
                    out.push_str(&" ".repeat(indent));
                    column = indent;
                }
            }
            Doc::Group(inner) => {
                let flat = fits(width, column, false, &[(indent, Mode::Flat, inner)]);
                stack.push((indent, if flat { Mode::Flat } else { Mode::Break }, inner));
            }
        }
    }
    out
}

/// `fits?/4`: whether `rest` (the top of the stack last) reaches its next
/// break in break mode before passing `width`; `broke` once a flat break
/// was seen (text with no break in it never counts as too long).
fn fits(width: usize, mut column: usize, mut broke: bool, rest: &[(usize, Mode, &Doc)]) -> bool {
    // Entries to measure, the next last; a group's content is measured
    // flat, then what follows it with `broke` as it was before.
    enum Entry<'d> {
        Doc(Mode, &'d Doc),
        Restore(bool),
    }
    let mut todo: Vec<Entry<'_>> = rest.iter().map(|(_, m, d)| Entry::Doc(*m, d)).collect();
    while let Some(entry) = todo.pop() {
        if column > width && broke {
            return false;
        }
        let (mode, doc) = match entry {
            Entry::Restore(b) => {
                broke = b;
                continue;
            }
            Entry::Doc(mode, doc) => (mode, doc),
        };
        match doc {
            Doc::Text(s) => column += s.len(),
            Doc::Concat(docs) => todo.extend(docs.iter().rev().map(|d| Entry::Doc(mode, d))),
            Doc::Nest(inner, _) => todo.push(Entry::Doc(mode, inner)),
            Doc::Break { .. } if mode == Mode::Break => return true,
            Doc::Break { space, .. } => {
                column += usize::from(*space);
                broke = true;
            }
            Doc::Group(inner) if mode == Mode::Break => {
                todo.push(Entry::Restore(broke));
                todo.push(Entry::Doc(Mode::Flat, inner));
            }
            Doc::Group(inner) => todo.push(Entry::Doc(mode, inner)),
        }
    }
    !(column > width && broke)
}
