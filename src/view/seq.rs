//! Message sequence charts: who sent what to whom, time running down.
//!
//! `seq on A B C` records a [`Chart`]: lifelines (named by registered name
//! or child path, the shell as `shell`) and rows in the order things
//! happened (messages, exit signals, links, crashes, restarts). This module
//! draws it three ways, all pure functions of the chart:
//!
//! - [`terminal`]: columns with box-drawing lifelines and arrows labelled
//!   with the message, for `seq show`;
//! - [`mermaid`]: a Mermaid `sequenceDiagram` (GitHub and Livebook render
//!   it), for `seq mermaid`;
//! - [`svg`]: a standalone SVG picture, for `seq svg FILE`.
//!
//! Long terms are shortened to [`LABEL_MAX`] characters with `…`.

use super::mermaid::escape as mermaid_escape;

/// The longest label drawn in full.
pub const LABEL_MAX: usize = 28;

/// A recorded chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    pub lifelines: Vec<String>,
    pub rows: Vec<Row>,
}

/// One thing on the chart, lifelines by index.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Message {
        from: usize,
        to: usize,
        label: String,
    },
    /// An exit signal; `killed`: the receiver died of it.
    Signal {
        from: usize,
        to: usize,
        label: String,
        killed: bool,
    },
    Link {
        a: usize,
        b: usize,
    },
    Note {
        on: usize,
        note: Note,
    },
}

/// What a note on a lifeline says.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    Crashed(String),
    Exited(String),
    Restarted(String),
    Spawned(String),
}

impl Note {
    fn text(&self) -> String {
        match self {
            Note::Crashed(reason) => format!("✖ crash {reason}"),
            Note::Exited(reason) => format!("exit {reason}"),
            Note::Restarted(pid) => format!("↻ restarted as {pid}"),
            Note::Spawned(pid) => format!("+ spawned {pid}"),
        }
    }
}

/// `text`, cut to [`LABEL_MAX`] characters with a `…`.
pub fn abbreviate(text: &str) -> String {
    if text.chars().count() <= LABEL_MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(LABEL_MAX - 1).collect();
    format!("{cut}…")
}

/// Width of one lifeline's column in the terminal chart.
fn column_width(chart: &Chart) -> usize {
    let widest = chart
        .lifelines
        .iter()
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0);
    (widest + 4).clamp(16, LABEL_MAX + 4)
}

/// A line of the terminal chart being drawn: one char per cell.
struct Canvas {
    cells: Vec<char>,
}

impl Canvas {
    fn new(chart: &Chart, width: usize) -> Canvas {
        let mut cells = vec![' '; width * chart.lifelines.len()];
        for line in 0..chart.lifelines.len() {
            cells[line * width + width / 2] = '│';
        }
        Canvas { cells }
    }

    fn put(&mut self, at: usize, text: &str) {
        for (i, c) in text.chars().enumerate() {
            if at + i >= self.cells.len() {
                self.cells.push(c);
            } else {
                self.cells[at + i] = c;
            }
        }
    }

    fn line(self) -> String {
        self.cells
            .into_iter()
            .collect::<String>()
            .trim_end()
            .to_owned()
    }
}

/// The chart for the terminal: names on top, one or two lines per row.
pub fn terminal(chart: &Chart) -> String {
    if chart.lifelines.is_empty() {
        return "(empty chart: `seq on TARGET...` starts one)".to_owned();
    }
    let width = column_width(chart);
    let x = |line: usize| line * width + width / 2;
    let mut lines = Vec::new();
    let mut header = String::new();
    for name in &chart.lifelines {
        let name = abbreviate(name);
        let pad = width.saturating_sub(name.chars().count());
        let left = pad / 2;
        header.push_str(&" ".repeat(left));
        header.push_str(&name);
        header.push_str(&" ".repeat(pad - left));
    }
    lines.push(header.trim_end().to_owned());
    let mut top = Canvas::new(chart, width);
    for line in 0..chart.lifelines.len() {
        top.put(x(line), "┬");
    }
    lines.push(top.line());
    for row in &chart.rows {
        match row {
            Row::Message { from, to, label } => {
                lines.extend(SOLID.draw(chart, width, (*from, *to), label))
            }
            Row::Signal {
                from,
                to,
                label,
                killed,
            } => {
                let style = if *killed { FATAL } else { TRAPPED };
                lines.extend(style.draw(chart, width, (*from, *to), label))
            }
            Row::Link { a, b } => lines.extend(LINK.draw(chart, width, (*a, *b), "link")),
            Row::Note { on, note } => {
                let mut canvas = Canvas::new(chart, width);
                canvas.put(x(*on), &format!("┤ {}", abbreviate(&note.text())));
                lines.push(canvas.line());
            }
        }
    }
    let mut bottom = Canvas::new(chart, width);
    for line in 0..chart.lifelines.len() {
        bottom.put(x(line), "┴");
    }
    lines.push(bottom.line());
    lines.join("\n")
}

/// How an arrow is drawn: its shaft, and its head pointing right or left.
struct Arrow {
    shaft: char,
    right: char,
    left: char,
}

const SOLID: Arrow = Arrow {
    shaft: '─',
    right: '▶',
    left: '◀',
};
const TRAPPED: Arrow = Arrow {
    shaft: '╌',
    right: '▷',
    left: '◁',
};
const FATAL: Arrow = Arrow {
    shaft: '╌',
    right: '✖',
    left: '✖',
};
const LINK: Arrow = Arrow {
    shaft: '┈',
    right: '┤',
    left: '├',
};

impl Arrow {
    /// A label line and an arrow line between two lifelines.
    fn draw(
        &self,
        chart: &Chart,
        width: usize,
        (from, to): (usize, usize),
        label: &str,
    ) -> [String; 2] {
        let x = |line: usize| line * width + width / 2;
        let label = abbreviate(label);
        let mut over = Canvas::new(chart, width);
        let mut shaft_line = Canvas::new(chart, width);
        if from == to {
            over.put(x(from), &format!("├─┐ {label}"));
            shaft_line.put(x(from), "│◀┘");
            return [over.line(), shaft_line.line()];
        }
        let (left, right) = (x(from.min(to)), x(from.max(to)));
        over.put(left + 2, &label);
        let mut body: String = std::iter::repeat_n(self.shaft, right - left - 1).collect();
        if to > from {
            body.pop();
            body.push(self.right);
            shaft_line.put(left, "├");
            shaft_line.put(left + 1, &body);
        } else {
            body.remove(0);
            body.insert(0, self.left);
            shaft_line.put(left + 1, &body);
            shaft_line.put(right, "┤");
        }
        [over.line(), shaft_line.line()]
    }
}

/// The chart as a Mermaid `sequenceDiagram`. Participants are `p1`, `p2`,
/// ... with their names as aliases; labels are escaped so that Mermaid
/// reads pids and tuples as text.
pub fn mermaid(chart: &Chart) -> String {
    let id = |line: usize| format!("p{}", line + 1);
    let mut lines = vec!["sequenceDiagram".to_owned()];
    for (n, name) in chart.lifelines.iter().enumerate() {
        lines.push(format!(
            "    participant {} as {}",
            id(n),
            mermaid_escape(name)
        ));
    }
    for row in &chart.rows {
        lines.push(match row {
            Row::Message { from, to, label } => format!(
                "    {}->>{}: {}",
                id(*from),
                id(*to),
                mermaid_escape(&abbreviate(label))
            ),
            Row::Signal {
                from,
                to,
                label,
                killed,
            } => format!(
                "    {}{}{}: {}",
                id(*from),
                if *killed { "-x" } else { "--)" },
                id(*to),
                mermaid_escape(&abbreviate(label))
            ),
            Row::Link { a, b } => format!("    {}-->{}: link", id(*a), id(*b)),
            Row::Note { on, note } => format!(
                "    Note over {}: {}",
                id(*on),
                mermaid_escape(&abbreviate(&note.text()))
            ),
        });
    }
    lines.join("\n")
}

/// XML text: `&`, `<`, `>` and `"` escaped.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as a standalone SVG: boxes with the names on top, dashed
/// lifelines, one arrow or note per row.
pub fn svg(chart: &Chart) -> String {
    const COLUMN: usize = 180;
    const ROW: usize = 36;
    const TOP: usize = 50;
    let x = |line: usize| line * COLUMN + COLUMN / 2;
    let width = COLUMN * chart.lifelines.len().max(1);
    let height = TOP + ROW * (chart.rows.len() + 1);
    let mut out = vec![
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="monospace" font-size="12">"#
        ),
        r##"<defs><marker id="head" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#333"/></marker></defs>"##.to_owned(),
    ];
    for (n, name) in chart.lifelines.iter().enumerate() {
        out.push(format!(
            r##"<rect x="{}" y="8" width="{}" height="24" rx="4" fill="#eef" stroke="#335"/><text x="{}" y="24" text-anchor="middle">{}</text><line x1="{}" y1="32" x2="{}" y2="{}" stroke="#999" stroke-dasharray="4 3"/>"##,
            x(n) - COLUMN / 2 + 10,
            COLUMN - 20,
            x(n),
            xml(&abbreviate(name)),
            x(n),
            x(n),
            height - 8
        ));
    }
    for (i, row) in chart.rows.iter().enumerate() {
        let y = TOP + ROW * i + ROW / 2;
        match row {
            Row::Message { from, to, label }
            | Row::Signal {
                from, to, label, ..
            } => {
                let (colour, dash) = match row {
                    Row::Signal { killed: true, .. } => ("#c33", r#" stroke-dasharray="6 3""#),
                    Row::Signal { .. } => ("#a60", r#" stroke-dasharray="6 3""#),
                    _ => ("#333", ""),
                };
                out.push(format!(
                    r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{colour}"{dash} marker-end="url(#head)"/><text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                    x(*from),
                    x(*to),
                    (x(*from) + x(*to)) / 2,
                    y - 4,
                    xml(&abbreviate(label))
                ));
            }
            Row::Link { a, b } => out.push(format!(
                r##"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="#777" stroke-dasharray="2 2"/><text x="{}" y="{}" text-anchor="middle">link</text>"##,
                x(*a),
                x(*b),
                (x(*a) + x(*b)) / 2,
                y - 4
            )),
            Row::Note { on, note } => {
                let fill = match note {
                    Note::Crashed(_) => "#fdd",
                    Note::Restarted(_) => "#dfd",
                    _ => "#ffd",
                };
                out.push(format!(
                    r##"<rect x="{}" y="{}" width="{}" height="20" fill="{fill}" stroke="#999"/><text x="{}" y="{}" text-anchor="middle">{}</text>"##,
                    x(*on) - COLUMN / 2 + 10,
                    y - 10,
                    COLUMN - 20,
                    x(*on),
                    y + 4,
                    xml(&abbreviate(&note.text()))
                ));
            }
        }
    }
    out.push("</svg>".to_owned());
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Chart {
        Chart {
            lifelines: vec!["shell".into(), "app/alice".into(), "app".into()],
            rows: vec![
                Row::Message {
                    from: 0,
                    to: 1,
                    label: "{add,5}".into(),
                },
                Row::Message {
                    from: 0,
                    to: 1,
                    label: "oops".into(),
                },
                Row::Note {
                    on: 1,
                    note: Note::Crashed("{bad_message,oops}".into()),
                },
                Row::Signal {
                    from: 1,
                    to: 2,
                    label: "EXIT {bad_message,oops}".into(),
                    killed: false,
                },
                Row::Note {
                    on: 1,
                    note: Note::Restarted("<0.5.0>".into()),
                },
                Row::Message {
                    from: 1,
                    to: 0,
                    label: "{reply,#Ref<0.3>,5,and_a_very_long_tail}".into(),
                },
            ],
        }
    }

    #[test]
    fn terminal_chart_golden() {
        let expected = [
            "     shell         app/alice          app",
            "        ┬               ┬               ┬",
            "        │ {add,5}       │               │",
            "        ├──────────────▶│               │",
            "        │ oops          │               │",
            "        ├──────────────▶│               │",
            "        │               ┤ ✖ crash {bad_message,oops}",
            "        │               │ EXIT {bad_message,oops}",
            "        │               ├╌╌╌╌╌╌╌╌╌╌╌╌╌╌▷│",
            "        │               ┤ ↻ restarted as <0.5.0>",
            "        │ {reply,#Ref<0.3>,5,and_a_ve…  │",
            "        │◀──────────────┤               │",
            "        ┴               ┴               ┴",
        ]
        .join("\n");
        assert_eq!(terminal(&demo()), expected);
    }

    #[test]
    fn mermaid_golden() {
        let expected = "\
sequenceDiagram
    participant p1 as shell
    participant p2 as app/alice
    participant p3 as app
    p1->>p2: {add,5}
    p1->>p2: oops
    Note over p2: ✖ crash {bad_message,oops}
    p2--)p3: EXIT {bad_message,oops}
    Note over p2: ↻ restarted as #lt;0.5.0#gt;
    p2->>p1: {reply,#35;Ref#lt;0.3#gt;,5,and_a_ve…";
        assert_eq!(mermaid(&demo()), expected);
        super::super::mermaid::check::sequence(&mermaid(&demo())).unwrap();
    }

    #[test]
    fn svg_golden() {
        let svg = svg(&demo());
        assert!(
            svg.starts_with(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"540\" height=\"302\""
            )
        );
        assert!(svg.contains("&lt;0.5.0&gt;"), "pids are escaped");
        assert_eq!(svg.matches("<line").count(), 3 + 4, "3 lifelines, 4 arrows");
        assert!(svg.ends_with("</svg>\n"));
    }

    #[test]
    fn long_terms_are_abbreviated() {
        assert_eq!(abbreviate("short"), "short");
        let long = "x".repeat(40);
        assert_eq!(abbreviate(&long).chars().count(), LABEL_MAX);
        assert!(abbreviate(&long).ends_with('…'));
    }
}
