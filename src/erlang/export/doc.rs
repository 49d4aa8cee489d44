//! A small Wadler-style document algebra, enough to lay Erlang out as
//! `erlfmt` does: a group is printed on one line when it fits in the
//! width, and otherwise each of its line breaks becomes a newline at its
//! nesting. A hard line always breaks (and so breaks every group around
//! it), which is how `case`, `receive` and multi-expression bodies are
//! always written over several lines.
//!
//! [`Doc::Mark`] notes the source line of the node printed next: the
//! rendering returns, for each output line, the source lines of the nodes
//! that start on it, so an error's line on the BEAM can be traced back to
//! the line of the definition it came from.

use std::collections::BTreeSet;

#[derive(Clone, Debug)]
pub enum Doc {
    Text(String),
    /// A space when flat, a newline when broken.
    Line,
    /// Nothing when flat, a newline when broken.
    SoftLine,
    /// Always a newline.
    HardLine,
    Nest(usize, Box<Doc>),
    Group(Box<Doc>),
    /// Like a group, for clauses separated by hard lines: flat (each
    /// clause on its line) when every line fits, else broken.
    Lines(Box<Doc>),
    Concat(Vec<Doc>),
    /// The next node comes from this source line.
    Mark(u32),
}

pub fn text(s: impl Into<String>) -> Doc {
    Doc::Text(s.into())
}

pub fn nest(indent: usize, doc: Doc) -> Doc {
    Doc::Nest(indent, Box::new(doc))
}

pub fn group(doc: Doc) -> Doc {
    Doc::Group(Box::new(doc))
}

pub fn concat(docs: impl IntoIterator<Item = Doc>) -> Doc {
    Doc::Concat(docs.into_iter().collect())
}

/// `docs` separated by `separator`.
pub fn join(docs: impl IntoIterator<Item = Doc>, separator: Doc) -> Doc {
    let mut out = Vec::new();
    for (i, doc) in docs.into_iter().enumerate() {
        if i > 0 {
            out.push(separator.clone());
        }
        out.push(doc);
    }
    Doc::Concat(out)
}

impl Doc {
    /// The width of the document on one line, or `None` if it cannot be
    /// flat (it has a hard line).
    pub fn flat_width(&self) -> Option<usize> {
        match self {
            Doc::Text(s) => Some(s.chars().count()),
            Doc::Line => Some(1),
            Doc::SoftLine | Doc::Mark(_) => Some(0),
            Doc::HardLine => None,
            Doc::Nest(_, d) | Doc::Group(d) | Doc::Lines(d) => d.flat_width(),
            Doc::Concat(ds) => ds.iter().map(Doc::flat_width).sum(),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Flat,
    Break,
}

/// The text, and for each output line (index 0 is line 1) the source
/// lines of the nodes that start on it.
pub fn render(doc: &Doc, width: usize) -> (String, Vec<BTreeSet<u32>>) {
    let mut out = String::new();
    let mut marks: Vec<BTreeSet<u32>> = vec![BTreeSet::new()];
    let mut column = 0usize;
    let mut stack: Vec<(usize, Mode, &Doc)> = vec![(0, Mode::Break, doc)];
    while let Some((indent, mode, doc)) = stack.pop() {
        match doc {
            Doc::Text(s) => {
                out.push_str(s);
                column += s.chars().count();
            }
            Doc::Mark(line) => {
                if *line > 0 {
                    marks.last_mut().expect("a line").insert(*line);
                }
            }
            Doc::Line | Doc::SoftLine if mode == Mode::Flat => {
                if matches!(doc, Doc::Line) {
                    out.push(' ');
                    column += 1;
                }
            }
            Doc::Line | Doc::SoftLine | Doc::HardLine => {
                // No trailing spaces on a broken line.
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
                marks.push(BTreeSet::new());
                out.push_str(&" ".repeat(indent));
                column = indent;
            }
            Doc::Nest(n, d) => stack.push((indent + n, mode, d)),
            Doc::Concat(ds) => {
                for d in ds.iter().rev() {
                    stack.push((indent, mode, d));
                }
            }
            Doc::Group(d) => {
                let flat = mode == Mode::Flat || fits(d, &stack, width.saturating_sub(column));
                stack.push((indent, if flat { Mode::Flat } else { Mode::Break }, d));
            }
            Doc::Lines(d) => {
                let flat = mode == Mode::Flat || lines_fit(d, indent, column, width);
                stack.push((indent, if flat { Mode::Flat } else { Mode::Break }, d));
            }
        }
    }
    (out, marks)
}

/// Whether `doc`, flat, and what follows it up to the next possible line
/// break, fit in `room` columns.
fn fits(doc: &Doc, rest: &[(usize, Mode, &Doc)], room: usize) -> bool {
    let Some(width) = doc.flat_width() else {
        return false;
    };
    if width > room {
        return false;
    }
    let mut room = room - width;
    let mut pending: Vec<(Mode, &Doc)> = rest.iter().map(|&(_, m, d)| (m, d)).collect();
    while let Some((mode, doc)) = pending.pop() {
        match doc {
            Doc::Text(s) => {
                let n = s.chars().count();
                if n > room {
                    return false;
                }
                room -= n;
            }
            Doc::Mark(_) => {}
            Doc::Line | Doc::SoftLine if mode == Mode::Flat => {
                if matches!(doc, Doc::Line) {
                    if room == 0 {
                        return false;
                    }
                    room -= 1;
                }
            }
            Doc::Line | Doc::SoftLine | Doc::HardLine => return true,
            Doc::Nest(_, d) => pending.push((mode, d)),
            // A following group will be decided on its own: it may break.
            Doc::Group(_) | Doc::Lines(_) => return true,
            Doc::Concat(ds) => {
                for d in ds.iter().rev() {
                    pending.push((mode, d));
                }
            }
        }
    }
    true
}

/// Whether `doc` printed flat, its hard lines still breaking, keeps every
/// line within `width` (with a column to spare for a `;` or `.` after).
fn lines_fit(doc: &Doc, indent: usize, column: usize, width: usize) -> bool {
    let mut column = column;
    let mut stack = vec![(indent, doc)];
    while let Some((indent, doc)) = stack.pop() {
        match doc {
            Doc::Text(s) => column += s.chars().count(),
            Doc::Line => column += 1,
            Doc::SoftLine | Doc::Mark(_) => {}
            Doc::HardLine => {
                if column >= width {
                    return false;
                }
                column = indent;
            }
            Doc::Nest(n, d) => stack.push((indent + n, d)),
            Doc::Group(d) | Doc::Lines(d) => stack.push((indent, d)),
            Doc::Concat(ds) => {
                for d in ds.iter().rev() {
                    stack.push((indent, d));
                }
            }
        }
    }
    column < width
}
