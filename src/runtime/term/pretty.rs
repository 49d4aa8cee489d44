//! `~p` over lines: OTP 25's `io_lib_pretty:print/2`, which breaks a term
//! that does not fit on what is left of its line.
//!
//! The term is first measured (`print_length`): every part that will be
//! printed gets a node with its text's length on one line, cut at the
//! depth of `~P` as `io_lib_pretty` cuts it (`[1,2|...]`, `{...}`,
//! `<<"abcd"...>>`). What fits after the column where `~p` starts is
//! written on one line. What does not is laid out (`pp`): a list or a
//! tuple puts as many elements on a line as fit and continues under its
//! first element; a tagged tuple (`{tag, ...}`) continues under the
//! element after the tag, or 4 (or 1) columns in when the tag is long and
//! the term deep (`cind` tries indentations -1 and 4 and takes the first
//! that keeps every line within bounds); a map puts a pair that does not
//! fit as `Key =>` and its value on the next line, 4 columns in; a binary
//! of bytes breaks between bytes. A string or printable binary is never
//! broken, as in OTP 25. Records are tuples: no record definitions exist
//! at run time, and OTP without them prints the same.
//!
//! The names below are `io_lib_pretty`'s, and so are the conditions, to the
//! `<` and `=<`: the output must be the BEAM's, line breaks included. What
//! OTP's options do that `io:format` never asks for (`chars_limit`,
//! `line_max_chars`, a record printing fun) is left out.
//!
//! OTP recurses on the term; here measuring, laying out and writing are
//! loops over explicit stacks, so a term nested a million deep prints
//! without a deep Rust stack (its text is as long as OTP's would be).

use super::print::{
    PrintableBin, printable_bin, printable_list, write_atom, write_atom_as_latin1, write_string,
};
use super::word::{Term, View};
use super::{Bitstring, print};

/// What `io_lib_format` passes to `io_lib_pretty:print/2` for `~p`.
#[derive(Clone, Copy, Debug)]
pub struct Pretty {
    /// The column the term starts at, from 1 (`~p`'s precision, or the
    /// column the text before it reached).
    pub column: i64,
    /// `~p`'s field width; 80 without one. 0 writes on one line.
    pub line_length: i64,
    /// `~P`'s depth; negative for `~p` (no limit).
    pub depth: i64,
    /// `~tp`: binaries may print as UTF-8 text (`<<"é"/utf8>>`); with
    /// `~p` (latin1) only their bytes are characters.
    pub unicode: bool,
    /// Printable lists and binaries as text; `~lp` turns it off.
    pub strings: bool,
}

impl Default for Pretty {
    fn default() -> Pretty {
        Pretty {
            column: 1,
            line_length: 80,
            depth: -1,
            unicode: false,
            strings: true,
        }
    }
}

impl Term {
    /// `io_lib_pretty:print(Term, Options)`: the text of `~p`, over as
    /// many lines as it needs.
    pub fn pretty(&self, options: Pretty) -> String {
        let mut out = String::new();
        pretty_into(&mut out, self, options);
        out
    }
}

/// `print/10`: atoms and numbers as they write; a compound term on one
/// line if it fits in what is left of the line, else laid out.
fn pretty_into(out: &mut String, term: &Term, options: Pretty) {
    if options.depth == 0 {
        out.push_str("...");
        return;
    }
    let column = options.column.max(1);
    match term.view() {
        View::Atom(a) => write_atom_in(out, a, options),
        View::Tuple(_) | View::Cons(..) | View::Nil | View::Map(_) | View::Bits(_) => {
            let nodes = measure(term, options);
            let len = nodes[0].len;
            let ll = options.line_length;
            let mut layout = Layout {
                nodes: &nodes,
                ll,
                // `line_max_chars` is not given: OTP takes the whole length.
                m: len,
                tind: 0,
                out: None,
            };
            if ll == 0 || len < ll - column {
                layout.write(out, 0);
                return;
            }
            layout.tind = [-1, 4]
                .into_iter()
                .find(|&tind| {
                    layout.tind = tind;
                    layout.run(0, column, 0).is_ok()
                })
                .unwrap_or(1);
            layout.out = Some(out);
            let laid_out = layout.run(0, column, column - 1);
            debug_assert!(laid_out.is_ok(), "laying out (not `cind`) never gives up");
        }
        _ => print::write_term(out, term, print::Style::Print, -1),
    }
}

/// An atom in the encoding of `~p` (Latin-1: `'\x{3BB}'`) or `~tp` (`'λ'`).
fn write_atom_in(out: &mut String, a: super::Atom, options: Pretty) {
    if options.unicode {
        write_atom(out, a);
    } else {
        write_atom_as_latin1(out, a);
    }
}

/// One part of the measured term (OTP's intermediate format): its shape,
/// and the length of its text on one line.
struct Node {
    shape: Shape,
    len: i64,
}

enum Shape {
    /// Text that is printed whole: an atom, a number, a string, a
    /// printable binary, a cut (`{...}`). OTP's `?ATM`: only these may
    /// share a line with the elements before them once a line breaks.
    Leaf(String),
    /// A binary printed as its bytes (`{bin, S}`), which may break
    /// between them.
    Bin { bytes: Vec<u8>, last: BinEnd },
    /// A list, a tuple or a map (whose items are `Pair`s).
    Seq {
        kind: SeqKind,
        items: Vec<usize>,
        end: End,
    },
    /// `Key => Value` in a map.
    Pair(usize, usize),
}

#[derive(Clone, Copy, PartialEq)]
enum SeqKind {
    List,
    Tuple { tagged: bool },
    Map,
}

impl SeqKind {
    /// The separator before what ends the sequence: `[1|...]`, `{1,...}`.
    fn sep(self) -> &'static str {
        match self {
            SeqKind::List => "|",
            _ => ",",
        }
    }

    fn brackets(self) -> (&'static str, &'static str) {
        match self {
            SeqKind::List => ("[", "]"),
            SeqKind::Tuple { .. } => ("{", "}"),
            SeqKind::Map => ("#{", "}"),
        }
    }
}

/// What follows a sequence's items.
#[derive(Clone, Copy, PartialEq)]
enum End {
    Closed,
    /// Cut by the depth: `...`.
    Dots,
    /// An improper list's tail.
    Tail(usize),
}

/// What follows a binary's whole bytes (`io_lib:write_binary/3`).
#[derive(Clone, Copy, PartialEq)]
enum BinEnd {
    Whole,
    /// The last bits: `Value:Size`.
    Bits {
        value: u64,
        size: usize,
    },
    /// Cut by the depth.
    Dots,
}

/// The `i`th of a binary's comma-separated pieces.
fn bin_piece(bytes: &[u8], last: BinEnd, i: usize) -> String {
    match bytes.get(i) {
        Some(b) => b.to_string(),
        None => match last {
            BinEnd::Bits { value, size } => format!("{value}:{size}"),
            BinEnd::Dots => "...".to_owned(),
            BinEnd::Whole => unreachable!("no piece after the last byte"),
        },
    }
}

fn bin_pieces(bytes: &[u8], last: BinEnd) -> usize {
    bytes.len() + usize::from(last != BinEnd::Whole)
}

fn text_len(s: &str) -> i64 {
    s.chars().count() as i64
}

/// Work left while measuring.
enum Measure<'a> {
    /// Measure `term` at depth `d` into node `id`.
    Fill(usize, &'a Term, i64),
    /// A map pair into node `id`, its key and value at depth `d`.
    FillPair(usize, &'a Term, &'a Term, i64),
    /// Node `id`'s parts are measured: add them up.
    Finish(usize),
}

/// `print_length/6`: the nodes of `term` at `options.depth`, the root
/// first.
fn measure(term: &Term, options: Pretty) -> Vec<Node> {
    let mut nodes = Vec::new();
    alloc(&mut nodes);
    let mut stack = vec![Measure::Fill(0, term, options.depth)];
    while let Some(task) = stack.pop() {
        match task {
            Measure::Fill(id, t, d) => {
                let (shape, parts) = measure_one(t, d, options, &mut nodes);
                nodes[id].shape = shape;
                match parts {
                    Parts::None => {
                        let len = leaf_len(&nodes[id].shape);
                        nodes[id].len = len;
                    }
                    Parts::Terms(parts) => {
                        stack.push(Measure::Finish(id));
                        stack.extend(
                            parts
                                .into_iter()
                                .rev()
                                .map(|(i, t, d)| Measure::Fill(i, t, d)),
                        );
                    }
                    Parts::Pairs(pairs) => {
                        stack.push(Measure::Finish(id));
                        stack.extend(
                            pairs
                                .into_iter()
                                .rev()
                                .map(|(i, k, v, d)| Measure::FillPair(i, k, v, d)),
                        );
                    }
                }
            }
            Measure::FillPair(id, k, v, d) => {
                let (ki, vi) = (alloc(&mut nodes), alloc(&mut nodes));
                nodes[id].shape = Shape::Pair(ki, vi);
                stack.push(Measure::Finish(id));
                stack.push(Measure::Fill(vi, v, d));
                stack.push(Measure::Fill(ki, k, d));
            }
            Measure::Finish(id) => {
                let len = match &nodes[id].shape {
                    Shape::Pair(k, v) => nodes[*k].len + 4 + nodes[*v].len,
                    Shape::Seq { kind, items, end } => {
                        // `list_length/3`: brackets, items, commas between.
                        let base = match kind {
                            SeqKind::Map => 3,
                            _ => 2,
                        };
                        let end_len = match end {
                            End::Closed => None,
                            End::Dots => Some(3),
                            End::Tail(t) => Some(nodes[*t].len),
                        };
                        let lens: Vec<i64> =
                            items.iter().map(|&i| nodes[i].len).chain(end_len).collect();
                        base + lens.iter().sum::<i64>() + (lens.len() as i64 - 1).max(0)
                    }
                    shape => leaf_len(shape),
                };
                nodes[id].len = len;
            }
        }
    }
    nodes
}

fn leaf_len(shape: &Shape) -> i64 {
    match shape {
        Shape::Leaf(s) => text_len(s),
        Shape::Bin { bytes, last } => {
            let n = bin_pieces(bytes, *last);
            let digits: i64 = (0..n)
                .map(|i| bin_piece(bytes, *last, i).len() as i64)
                .sum();
            4 + digits + (n as i64 - 1).max(0)
        }
        _ => 0,
    }
}

/// A node to be filled in: its index.
fn alloc(nodes: &mut Vec<Node>) -> usize {
    nodes.push(Node {
        shape: Shape::Leaf(String::new()),
        len: 0,
    });
    nodes.len() - 1
}

/// The parts of a compound term still to measure.
enum Parts<'a> {
    None,
    Terms(Vec<(usize, &'a Term, i64)>),
    Pairs(Vec<(usize, &'a Term, &'a Term, i64)>),
}

/// One term's shape at depth `d`; its parts get nodes to be filled.
fn measure_one<'a>(
    t: &'a Term,
    d: i64,
    options: Pretty,
    nodes: &mut Vec<Node>,
) -> (Shape, Parts<'a>) {
    let leaf = |s: String| (Shape::Leaf(s), Parts::None);
    let fixed = |s: &str| (Shape::Leaf(s.to_owned()), Parts::None);
    match t.view() {
        View::Nil => fixed("[]"),
        View::Atom(a) => {
            let mut s = String::new();
            write_atom_in(&mut s, a, options);
            leaf(s)
        }
        View::Cons(..) => {
            if options.strings
                && d != 1
                && let Some(codes) = printable_list(t)
            {
                let mut s = String::new();
                write_string(&mut s, codes.into_iter(), '"');
                return leaf(s);
            }
            // print_length_list1/6: each element a level deeper than
            // the one before; at depth 1 what is left is `...`.
            let mut items = Vec::new();
            let mut parts = Vec::new();
            let mut rest = t;
            let mut dd = d;
            let end = loop {
                match rest.view() {
                    View::Nil => break End::Closed,
                    _ if dd == 1 => break End::Dots,
                    View::Cons(h, tail) => {
                        let id = alloc(nodes);
                        items.push(id);
                        parts.push((id, h, dd - 1));
                        rest = tail;
                        dd -= 1;
                    }
                    _ => {
                        let id = alloc(nodes);
                        parts.push((id, rest, dd - 1));
                        break End::Tail(id);
                    }
                }
            };
            let kind = SeqKind::List;
            (Shape::Seq { kind, items, end }, Parts::Terms(parts))
        }
        View::Tuple([]) => fixed("{}"),
        View::Tuple(_) if d == 1 => fixed("{...}"),
        View::Tuple(elements) => {
            let tagged = elements.len() > 1 && elements[0].as_atom().is_some();
            let mut items = Vec::new();
            let mut parts = Vec::new();
            let mut dd = d;
            let mut end = End::Closed;
            for e in elements {
                if dd == 1 {
                    end = End::Dots;
                    break;
                }
                let id = alloc(nodes);
                items.push(id);
                parts.push((id, e, dd - 1));
                dd -= 1;
            }
            let kind = SeqKind::Tuple { tagged };
            (Shape::Seq { kind, items, end }, Parts::Terms(parts))
        }
        View::Map(m) if m.is_empty() => fixed("#{}"),
        View::Map(_) if d == 1 => fixed("#{...}"),
        View::Map(m) => {
            let mut items = Vec::new();
            let mut pairs = Vec::new();
            let mut dd = d;
            let mut end = End::Closed;
            for (k, v) in m.iter() {
                if dd == 1 {
                    end = End::Dots;
                    break;
                }
                let id = alloc(nodes);
                items.push(id);
                pairs.push((id, k, v, d - 1));
                dd -= 1;
            }
            let kind = SeqKind::Map;
            (Shape::Seq { kind, items, end }, Parts::Pairs(pairs))
        }
        View::Bits(b) if b.bit_len() == 0 => fixed("<<>>"),
        View::Bits(_) if d == 1 => fixed("<<...>>"),
        View::Bits(b) => {
            if options.strings
                && b.is_binary()
                && let Some(text) = printable_bin(&b.to_padded_bytes(), d - 1, options.unicode)
            {
                return leaf(printable_binary_text(text));
            }
            let (bytes, last) = write_binary(b, d);
            (Shape::Bin { bytes, last }, Parts::None)
        }
        _ => {
            let mut s = String::new();
            print::write_term(&mut s, t, print::Style::Print, -1);
            leaf(s)
        }
    }
}

/// `<<"text">>`, `<<"text"/utf8>>`, or cut: `<<"te"...>>`.
fn printable_binary_text(text: PrintableBin) -> String {
    let mut s = String::from("<<");
    write_string(&mut s, text.chars.into_iter(), '"');
    if !text.ascii {
        s.push_str("/utf8");
    }
    if text.cut {
        s.push_str("...");
    }
    s.push_str(">>");
    s
}

/// `io_lib:write_binary/3`: the whole bytes shown at depth `d` (one unit
/// each), then the last bits or `...`.
fn write_binary(b: &Bitstring, d: i64) -> (Vec<u8>, BinEnd) {
    let len = b.bit_len();
    let mut bytes = Vec::new();
    let mut at = 0;
    let mut dd = d;
    while at < len {
        if dd == 1 {
            return (bytes, BinEnd::Dots);
        }
        let n = (len - at).min(8);
        let value = b.read(at, n);
        if n < 8 {
            return (bytes, BinEnd::Bits { value, size: n });
        }
        bytes.push(value as u8);
        at += n;
        dd -= 1;
    }
    (bytes, BinEnd::Whole)
}

/// `cind` gave up: an indentation would pass half the line.
struct NoGood;

/// Work left while laying out (`pp` and its helpers) or checking an
/// indentation (`cind`, which walks the same way, writing nothing).
enum Step {
    /// `pp(Node, Col, Ind, LD, W)` / `cind`.
    Pp {
        node: usize,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    },
    Text(&'static str),
    /// A line break, then `ind` spaces.
    Newline(i64),
    /// `pp_tail`: items from `at` of a list or tuple, and its end.
    Tail {
        seq: usize,
        at: usize,
        col0: i64,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    },
    /// `pp_pairs_tail`: a map's pairs from `at`.
    Pairs {
        seq: usize,
        at: usize,
        col0: i64,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    },
}

struct Layout<'a> {
    nodes: &'a [Node],
    /// The line length.
    ll: i64,
    /// The most characters on a line (`line_max_chars`, here the term's
    /// length).
    m: i64,
    /// The indentation of a tagged tuple's elements (and of a map's
    /// values) when the tag is long: -1 (none), 4 or 1.
    tind: i64,
    /// Where `pp` writes; `None` while `cind` checks.
    out: Option<&'a mut String>,
}

impl<'a> Layout<'a> {
    fn node(&self, id: usize) -> &'a Node {
        let nodes: &'a [Node] = self.nodes;
        &nodes[id]
    }

    fn is_leaf(&self, id: usize) -> bool {
        matches!(self.node(id).shape, Shape::Leaf(_))
    }

    /// `?ATM_PAIR`: both key and value are leaves.
    fn is_leaf_pair(&self, id: usize) -> bool {
        match self.node(id).shape {
            Shape::Pair(k, v) => self.is_leaf(k) && self.is_leaf(v),
            _ => false,
        }
    }

    fn checking(&self) -> bool {
        self.out.is_none()
    }

    /// Whether a text of `len` fits at `col` with `ld` closing characters
    /// after it, `w` characters already on the line.
    fn fits(&self, len: i64, col: i64, ld: i64, w: i64) -> bool {
        len < self.ll - col - ld && len + w + ld <= self.m
    }

    /// Whether `pp_tail` keeps an element of `elen` (comma included) on
    /// the line: `LD1` is what closes after it (0 if more elements follow).
    fn tail_fits(&self, elen: i64, col: i64, ld1: i64, w: i64) -> bool {
        if ld1 == 0 {
            // OTP's `W + ELen + 1 =< M`.
            elen + 1 < self.ll - col && w + elen < self.m
        } else {
            elen < self.ll - col - ld1 && w + elen + ld1 <= self.m
        }
    }

    fn items(&self, seq: usize) -> (SeqKind, &'a [usize], End) {
        match &self.node(seq).shape {
            Shape::Seq { kind, items, end } => (*kind, items, *end),
            _ => unreachable!("a sequence"),
        }
    }

    /// `last_depth/2`: what closes after item `at - 1`: nothing when
    /// another item follows, else one more than `ld`.
    fn last_depth(&self, seq: usize, at: usize, ld: i64) -> i64 {
        if at < self.items(seq).1.len() {
            0
        } else {
            ld + 1
        }
    }

    fn emit(&mut self, text: &str) {
        if let Some(out) = self.out.as_deref_mut() {
            out.push_str(text);
        }
    }

    fn newline(&mut self, ind: i64) {
        if let Some(out) = self.out.as_deref_mut() {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', ind.max(0) as usize));
        }
    }

    fn emit_node(&mut self, id: usize) {
        if let Some(out) = self.out.as_deref_mut() {
            write_nodes(self.nodes, out, id);
        }
    }

    fn write(&self, out: &mut String, id: usize) {
        write_nodes(self.nodes, out, id);
    }

    /// Lays out node `root` at `col` (with `pp`), or checks it (`cind`).
    fn run(&mut self, root: usize, col: i64, ind: i64) -> Result<(), NoGood> {
        let mut stack = vec![Step::Pp {
            node: root,
            col,
            ind,
            ld: 0,
            w: 0,
        }];
        while let Some(step) = stack.pop() {
            match step {
                Step::Text(s) => self.emit(s),
                Step::Newline(ind) => self.newline(ind),
                Step::Pp {
                    node,
                    col,
                    ind,
                    ld,
                    w,
                } => self.pp(&mut stack, node, col, ind, ld, w)?,
                Step::Tail {
                    seq,
                    at,
                    col0,
                    col,
                    ind,
                    ld,
                    w,
                } => self.tail(&mut stack, seq, at, col0, col, ind, ld, w),
                Step::Pairs {
                    seq,
                    at,
                    col0,
                    col,
                    ind,
                    ld,
                    w,
                } => self.pairs_tail(&mut stack, seq, at, col0, col, ind, ld, w),
            }
        }
        Ok(())
    }

    /// `pp/8` (and `cind/7`).
    fn pp(
        &mut self,
        stack: &mut Vec<Step>,
        node: usize,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    ) -> Result<(), NoGood> {
        if self.fits(self.node(node).len, col, ld, w) {
            self.emit_node(node);
            return Ok(());
        }
        match &self.node(node).shape {
            Shape::Seq {
                kind: kind @ (SeqKind::List | SeqKind::Tuple { tagged: false }),
                ..
            } => {
                let (open, close) = kind.brackets();
                self.emit(open);
                stack.push(Step::Text(close));
                self.list(stack, node, 0, col + 1, ind + 1, ld, w + 1);
            }
            Shape::Seq {
                kind: SeqKind::Tuple { tagged: true },
                ..
            } => {
                self.emit("{");
                stack.push(Step::Text("}"));
                self.tag_tuple(stack, node, col, ind, ld, w + 1)?;
            }
            Shape::Seq {
                kind: SeqKind::Map, ..
            } => {
                self.emit("#{");
                stack.push(Step::Text("}"));
                // cind_map counts the two characters of `#{`, pp_map one.
                let w = if self.checking() { w + 2 } else { w + 1 };
                self.map(stack, node, col + 2, ind + 2, ld, w);
            }
            Shape::Bin { bytes, last } => {
                if !self.checking() {
                    self.binary(bytes, *last, col + 2, ind + 2, ld, w);
                }
            }
            Shape::Leaf(_) | Shape::Pair(..) => self.emit_node(node),
        }
        Ok(())
    }

    /// `pp_element/8`: a leaf that fits is written; anything else is laid
    /// out and ends its line (the width it returns is the line's length).
    fn element(
        &mut self,
        stack: &mut Vec<Step>,
        e: usize,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    ) -> i64 {
        let len = self.node(e).len;
        if self.fits(len, col, ld, w) && self.is_leaf(e) {
            self.emit_node(e);
            len
        } else {
            stack.push(Step::Pp {
                node: e,
                col,
                ind,
                ld,
                w,
            });
            self.ll
        }
    }

    /// `pp_list/9` from item `at`: the first item, then `pp_tail`.
    #[allow(clippy::too_many_arguments)]
    fn list(
        &mut self,
        stack: &mut Vec<Step>,
        seq: usize,
        at: usize,
        col0: i64,
        ind: i64,
        ld: i64,
        w: i64,
    ) {
        let (_, items, end) = self.items(seq);
        let Some(&e) = items.get(at) else {
            if end == End::Dots {
                self.emit("...");
            }
            return;
        };
        let ld_e = self.last_depth(seq, at + 1, ld);
        // The element's width is known before it is laid out: push what
        // follows it first, then the element on top.
        let mark = stack.len();
        let we = self.element(stack, e, col0, ind, ld_e, w);
        stack.insert(
            mark,
            Step::Tail {
                seq,
                at: at + 1,
                col0,
                col: col0 + we,
                ind,
                ld,
                w: w + we,
            },
        );
    }

    /// `pp_tail/10` (and `cind_tail/8`).
    #[allow(clippy::too_many_arguments)]
    fn tail(
        &mut self,
        stack: &mut Vec<Step>,
        seq: usize,
        at: usize,
        col0: i64,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    ) {
        let (kind, items, end) = self.items(seq);
        if let Some(&e) = items.get(at) {
            let ld1 = self.last_depth(seq, at + 1, ld);
            let elen = 1 + self.node(e).len;
            if self.is_leaf(e) && self.tail_fits(elen, col, ld1, w) {
                self.emit(",");
                self.emit_node(e);
                stack.push(Step::Tail {
                    seq,
                    at: at + 1,
                    col0,
                    col: col + elen,
                    ind,
                    ld,
                    w: w + elen,
                });
            } else {
                self.emit(",");
                self.newline(ind);
                let mark = stack.len();
                let we = self.element(stack, e, col0, ind, ld1, 0);
                stack.insert(
                    mark,
                    Step::Tail {
                        seq,
                        at: at + 1,
                        col0,
                        col: col0 + we,
                        ind,
                        ld,
                        w: we,
                    },
                );
            }
            return;
        }
        match end {
            End::Closed => {}
            End::Dots => {
                self.emit(kind.sep());
                self.emit("...");
            }
            End::Tail(e) => {
                let len = self.node(e).len;
                self.emit(kind.sep());
                if len + 1 < self.ll - col - (ld + 1)
                    && len + 1 + w + (ld + 1) <= self.m
                    && self.is_leaf(e)
                {
                    self.emit_node(e);
                } else {
                    self.newline(ind);
                    // cind_tail goes on from the current column, pp_tail
                    // from the first element's.
                    let col = if self.checking() { col } else { col0 };
                    stack.push(Step::Pp {
                        node: e,
                        col,
                        ind,
                        ld: ld + 1,
                        w: 0,
                    });
                }
            }
        }
    }

    /// `pp_tag_tuple/8` (and `cind_tag_tuple/7`): the tag, then the rest
    /// under the element after it, or `tind` columns in.
    fn tag_tuple(
        &mut self,
        stack: &mut Vec<Step>,
        seq: usize,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    ) -> Result<(), NoGood> {
        let (_, items, _) = self.items(seq);
        let tag = items[0];
        let tlen = self.node(tag).len;
        let tag_ind = tlen + 2;
        let tcol = col + tag_ind;
        if self.tind > 0 && tag_ind > self.tind {
            let col1 = col + self.tind;
            if self.checking() && !(self.m + col1 <= self.ll || col1 <= self.ll / 2) {
                return Err(NoGood);
            }
            self.emit_node(tag);
            stack.push(Step::Tail {
                seq,
                at: 1,
                col0: col1,
                col: tcol,
                ind: ind + self.tind,
                ld,
                w: w + tlen,
            });
        } else {
            if self.checking() && !(self.m + tcol < self.ll || tcol < self.ll / 2) {
                return Err(NoGood);
            }
            self.emit_node(tag);
            self.emit(",");
            self.list(stack, seq, 1, tcol, ind + tag_ind, ld, w + tlen + 1);
        }
        Ok(())
    }

    /// `pp_map/8` (and `cind_map/7`).
    fn map(&mut self, stack: &mut Vec<Step>, seq: usize, col: i64, ind: i64, ld: i64, w: i64) {
        let (_, items, end) = self.items(seq);
        let Some(&p) = items.first() else {
            if end == End::Dots {
                self.emit("...");
            }
            return;
        };
        let ld_p = self.last_depth(seq, 1, ld);
        let mark = stack.len();
        let pw = self.pair(stack, p, col, ind, ld_p, w);
        // pp_map goes on with the pair's width as the line's, cind_map
        // adds it.
        let w = if self.checking() { w + pw } else { pw };
        stack.insert(
            mark,
            Step::Pairs {
                seq,
                at: 1,
                col0: col,
                col: col + pw,
                ind,
                ld,
                w,
            },
        );
    }

    /// `pp_pairs_tail/9` (and `cind_pairs_tail/8`).
    #[allow(clippy::too_many_arguments)]
    fn pairs_tail(
        &mut self,
        stack: &mut Vec<Step>,
        seq: usize,
        at: usize,
        col0: i64,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    ) {
        let (_, items, end) = self.items(seq);
        let Some(&p) = items.get(at) else {
            if end == End::Dots {
                self.emit(",...");
            }
            return;
        };
        let ld1 = self.last_depth(seq, at + 1, ld);
        let elen = 1 + self.node(p).len;
        if self.is_leaf_pair(p) && self.tail_fits(elen, col, ld1, w) {
            self.emit(",");
            self.emit_node(p);
            stack.push(Step::Pairs {
                seq,
                at: at + 1,
                col0,
                col: col + elen,
                ind,
                ld,
                w: w + elen,
            });
        } else {
            self.emit(",");
            self.newline(ind);
            let mark = stack.len();
            let pw = self.pair(stack, p, col0, ind, ld1, 0);
            stack.insert(
                mark,
                Step::Pairs {
                    seq,
                    at: at + 1,
                    col0,
                    col: col0 + pw,
                    ind,
                    ld,
                    w: pw,
                },
            );
        }
    }

    /// `pp_pair/8` (and `cind_pair/7`): on one line if it fits, else the
    /// key, ` =>`, and the value on the next line, indented.
    fn pair(
        &mut self,
        stack: &mut Vec<Step>,
        p: usize,
        col: i64,
        ind: i64,
        ld: i64,
        w: i64,
    ) -> i64 {
        let len = self.node(p).len;
        if self.fits(len, col, ld, w) {
            self.emit_node(p);
            return if self.is_leaf_pair(p) { len } else { self.ll };
        }
        let Shape::Pair(k, v) = self.node(p).shape else {
            unreachable!("a map's items are pairs")
        };
        // map_value_indent/1.
        let i = if self.tind > 0 { self.tind } else { 4 };
        stack.push(Step::Pp {
            node: v,
            col: col + i,
            ind: ind + i,
            ld,
            w: 0,
        });
        stack.push(Step::Newline(ind + i));
        stack.push(Step::Text(" =>"));
        stack.push(Step::Pp {
            node: k,
            col,
            ind,
            ld,
            w,
        });
        self.ll
    }

    /// `pp_binary/7`: bytes on a line while they fit (at least 8
    /// columns' worth), the rest on lines below, `ind` in.
    fn binary(&mut self, bytes: &[u8], last: BinEnd, col: i64, ind: i64, ld: i64, w: i64) {
        let n0 = 8.max(self.ll.saturating_sub(col).min(self.m - 4 - w) - ld);
        let mut n = n0;
        let count = bin_pieces(bytes, last);
        self.emit("<<");
        for i in 0..count {
            let piece = bin_piece(bytes, last, i);
            let len = piece.len() as i64;
            if i + 1 < count {
                if n - (len + 1) < 0 {
                    self.newline(ind);
                    n = n0 - (len + 1);
                } else {
                    n -= len + 1;
                }
                self.emit(&piece);
                self.emit(",");
            } else {
                if len > n {
                    self.newline(ind);
                }
                self.emit(&piece);
            }
        }
        self.emit(">>");
    }
}

/// Work left while writing on one line.
enum Write {
    Node(usize),
    Text(&'static str),
    /// A sequence's items from `at`, then its end.
    Items(usize, usize),
}

/// `write/1`: node `root` on one line.
fn write_nodes(nodes: &[Node], out: &mut String, root: usize) {
    let mut stack = vec![Write::Node(root)];
    while let Some(step) = stack.pop() {
        match step {
            Write::Text(s) => out.push_str(s),
            Write::Node(id) => match &nodes[id].shape {
                Shape::Leaf(s) => out.push_str(s),
                Shape::Bin { bytes, last } => {
                    out.push_str("<<");
                    for i in 0..bin_pieces(bytes, *last) {
                        if i > 0 {
                            out.push(',');
                        }
                        out.push_str(&bin_piece(bytes, *last, i));
                    }
                    out.push_str(">>");
                }
                Shape::Pair(k, v) => {
                    stack.push(Write::Node(*v));
                    stack.push(Write::Text(" => "));
                    stack.push(Write::Node(*k));
                }
                Shape::Seq { kind, .. } => {
                    let (open, close) = kind.brackets();
                    out.push_str(open);
                    stack.push(Write::Text(close));
                    stack.push(Write::Items(id, 0));
                }
            },
            Write::Items(id, at) => {
                let Shape::Seq { kind, items, end } = &nodes[id].shape else {
                    unreachable!("a sequence")
                };
                if let Some(&e) = items.get(at) {
                    if at > 0 {
                        out.push(',');
                    }
                    stack.push(Write::Items(id, at + 1));
                    stack.push(Write::Node(e));
                    continue;
                }
                match end {
                    End::Closed => {}
                    End::Dots if at == 0 => out.push_str("..."),
                    End::Dots => {
                        out.push_str(kind.sep());
                        out.push_str("...");
                    }
                    End::Tail(e) => {
                        out.push_str(kind.sep());
                        stack.push(Write::Node(*e));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pretty;
    use crate::runtime::term::Term;

    fn seq(from: i64, to: i64) -> Term {
        Term::list((from..=to).map(Term::int))
    }

    fn atom(name: &str) -> Term {
        Term::atom(name)
    }

    /// `~p` at column 1, as `io_lib:format("~p", [T])` gives it.
    fn p(t: &Term) -> String {
        t.pretty(Pretty::default())
    }

    // Each expected text is what OTP 25's io_lib:format gave for the
    // same term.

    #[test]
    fn a_long_list_continues_under_its_first_element() {
        assert_eq!(
            p(&seq(1, 30)),
            "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29,30]"
        );
    }

    #[test]
    fn a_tagged_tuple_continues_under_the_element_after_its_tag() {
        let t = Term::tuple([atom("tag"), seq(1, 30)]);
        assert_eq!(
            p(&t),
            "{tag,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,\n      28,29,30]}"
        );
    }

    #[test]
    fn a_map_pair_that_does_not_fit_puts_its_value_below_its_key() {
        let m = Term::map([
            (atom("k"), seq(1, 30)),
            (atom("j"), Term::tuple([atom("a"), atom("b")])),
        ]);
        assert_eq!(
            p(&m),
            "#{j => {a,b},\n  k =>\n      [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,\n       27,28,29,30]}"
        );
    }

    #[test]
    fn a_binary_of_bytes_breaks_between_bytes() {
        let bytes: Vec<u8> = (1..=40).collect();
        assert_eq!(
            p(&Term::binary(&bytes)),
            "<<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n  29,30,31,32,33,34,35,36,37,38,39,40>>"
        );
    }

    #[test]
    fn an_improper_tail_that_does_not_fit_goes_on_its_own_line() {
        let t = Term::improper_list([seq(1, 27)], atom("tail"));
        assert_eq!(
            p(&t),
            "[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27]|\n tail]"
        );
    }

    #[test]
    fn depth_cuts_as_tilde_capital_p() {
        let t = Term::list([seq(1, 40), Term::tuple([atom("a"), atom("b"), atom("c")])]);
        let options = Pretty {
            depth: 5,
            ..Pretty::default()
        };
        assert_eq!(t.pretty(options), "[[1,2,3|...],{a,b,...}]");
        let bits = Term::bits(crate::runtime::term::Bitstring::from_bits(
            vec![1, 2, 0b0001_1000],
            21,
        ));
        let options = Pretty {
            depth: 3,
            ..Pretty::default()
        };
        assert_eq!(bits.pretty(options), "<<1,2,...>>");
        let options = Pretty {
            depth: 0,
            ..Pretty::default()
        };
        assert_eq!(atom("x").pretty(options), "...");
    }

    #[test]
    fn the_field_width_is_the_line_length() {
        let t = Term::tuple(["a", "b", "c", "d", "e", "f"].map(atom));
        let options = Pretty {
            line_length: 10,
            ..Pretty::default()
        };
        assert_eq!(t.pretty(options), "{a,b,c,\n   d,e,\n   f}");
    }

    #[test]
    fn the_starting_column_shortens_the_first_line_and_indents_the_rest() {
        let options = Pretty {
            column: 12,
            ..Pretty::default()
        };
        assert_eq!(
            seq(1, 40).pretty(options),
            "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,\n            26,27,28,29,30,31,32,33,34,35,36,37,38,39,40]"
        );
    }

    #[test]
    fn what_fits_is_written_on_one_line_as_the_shell_writes_it() {
        let t = Term::tuple([
            atom("Quoted atom"),
            Term::string("str\ning"),
            Term::float(1.5),
            Term::int(-7),
        ]);
        assert_eq!(p(&t), "{'Quoted atom',\"str\\ning\",1.5,-7}");
        assert_eq!(p(&t), t.to_string());
    }

    #[test]
    fn utf8_binaries_are_text_only_with_the_t_modifier() {
        let b = Term::binary(&[195, 169, 97]);
        assert_eq!(p(&b), "<<\"Ã©a\">>");
        let options = Pretty {
            unicode: true,
            ..Pretty::default()
        };
        assert_eq!(b.pretty(options), "<<\"éa\"/utf8>>");
    }

    #[test]
    fn atoms_past_latin1_are_escaped_without_the_t_modifier() {
        let t = Term::tuple([atom("λa"), atom("é")]);
        assert_eq!(p(&t), "{'\\x{3BB}a',é}");
        let options = Pretty {
            unicode: true,
            ..Pretty::default()
        };
        assert_eq!(t.pretty(options), "{'λa',é}");
    }

    #[test]
    fn a_term_a_million_deep_is_laid_out_without_recursion() {
        let mut t = atom("a");
        for _ in 0..1_000_000 {
            t = Term::tuple([t]);
        }
        // One element a level: nothing to break between, one line.
        let text = p(&t);
        assert_eq!(text.len(), 2_000_001);
        assert!(!text.contains('\n'));
        let mut l = Term::NIL;
        for n in 0..1_000_000 {
            l = Term::list([Term::int(n), l]);
        }
        let options = Pretty {
            depth: 4,
            ..Pretty::default()
        };
        assert_eq!(l.pretty(options), "[999999,[999998|...]]");
    }
}
