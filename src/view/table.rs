//! Aligned columns for the tabular views (`ps`, `regs`).
//!
//! Cells are padded while still plain and painted afterwards, so escape
//! codes never count towards a column's width and the coloured table lines
//! up exactly like the plain one.

use crate::style::{Role, Style};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

pub(crate) struct Cell {
    pub text: String,
    pub role: Option<Role>,
}

impl Cell {
    pub fn new(text: impl Into<String>, role: Role) -> Cell {
        Cell {
            text: text.into(),
            role: Some(role),
        }
    }

    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            role: None,
        }
    }
}

/// Text width in terminal columns. Everything the views print (ASCII, box
/// drawing, arrows) is one column per char; that is all this needs to know.
pub(crate) fn width(text: &str) -> usize {
    text.chars().count()
}

/// Renders a header row and `rows`, columns two spaces apart, with no
/// trailing spaces (a left-aligned last column is not padded).
pub(crate) fn render(header: &[(&str, Align)], rows: &[Vec<Cell>], style: &Style) -> Vec<String> {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|(h, _)| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(width(&cell.text));
        }
    }
    let line = |cells: Vec<(String, Option<Role>)>| -> String {
        let mut out = String::new();
        let last = cells.len().saturating_sub(1);
        for (i, (text, role)) in cells.into_iter().enumerate() {
            if i > 0 {
                out.push_str("  ");
            }
            // Pad outside the paint: underline or a background colour would
            // otherwise run into the gutter.
            let pad = " ".repeat(widths[i].saturating_sub(width(&text)));
            let painted = match role {
                Some(role) => style.paint(&text, role),
                None => text,
            };
            match header[i].1 {
                Align::Right => {
                    out.push_str(&pad);
                    out.push_str(&painted);
                }
                Align::Left => {
                    out.push_str(&painted);
                    if i != last {
                        out.push_str(&pad);
                    }
                }
            }
        }
        out.trim_end().to_string()
    };
    let mut lines = Vec::with_capacity(rows.len() + 1);
    lines.push(line(
        header
            .iter()
            .map(|(h, _)| (h.to_string(), Some(Role::Header)))
            .collect(),
    ));
    for row in rows {
        lines.push(line(row.iter().map(|c| (c.text.clone(), c.role)).collect()));
    }
    lines
}
