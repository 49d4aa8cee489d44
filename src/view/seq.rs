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
use super::theme::Theme;

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

/// The SVG chart's measures, in pixels. Text is never smaller than
/// [`svg_layout::TEXT`], so a chart pasted on a slide reads from the back
/// of the room.
mod svg_layout {
    /// Labels and notes.
    pub const TEXT: f64 = 16.0;
    /// Lifeline names.
    pub const NAME: f64 = 18.0;
    /// Between a label and the line or box edge nearest to it.
    pub const PAD: f64 = 12.0;
    /// The narrowest column, for charts of short names and labels.
    pub const MIN_COLUMN: f64 = 160.0;
    /// One row: a label above its arrow, or a note's box.
    pub const ROW: f64 = 48.0;
    /// The lifelines' heads.
    pub const TOP: f64 = 64.0;
    pub const HEAD_HEIGHT: f64 = 36.0;
    pub const NOTE_HEIGHT: f64 = 30.0;
    /// An arrowhead's length: a label keeps clear of it.
    pub const ARROWHEAD: f64 = 12.0;
    /// How far a message to oneself loops out to the right.
    pub const LOOP: f64 = 28.0;

    /// A coordinate as written in the file: to a tenth of a pixel.
    pub fn px(value: f64) -> f64 {
        (value * 10.0).round() / 10.0
    }

    /// The width `text` takes at `size` in a monospace font, erring wide:
    /// ASCII and `…` take 0.62 em (DejaVu Sans Mono's 0.60, and a little
    /// more for other monospace fonts); a symbol such as ✖ or ↻ may come
    /// from a fallback font, so it is counted as 1.25 em.
    pub fn text_width(text: &str, size: f64) -> f64 {
        text.chars()
            .map(|c| {
                if c.is_ascii() || c == '…' {
                    0.62
                } else {
                    1.25
                }
            })
            .sum::<f64>()
            * size
    }

    /// `text` as it fits in `room` pixels at `size`: whole when it fits,
    /// else cut with `…` to the longest prefix that does.
    pub fn fit(text: &str, room: f64, size: f64) -> String {
        if text_width(text, size) <= room {
            return text.to_owned();
        }
        let mut cut = String::new();
        for c in text.chars() {
            let next = format!("{cut}{c}…");
            if text_width(&next, size) > room {
                break;
            }
            cut.push(c);
        }
        format!("{cut}…")
    }
}

/// The chart as a standalone SVG in one of the stage's themes: boxes with
/// the names on top, dashed lifelines, one arrow or note per row.
///
/// Nothing is clipped and no two labels overlap: a column is as wide as
/// the widest lifeline name, note and neighbour-to-neighbour label needs
/// (up to [`LABEL_MAX`] characters), so a note's box stays inside its
/// column and a label between two neighbouring lifelines stays between
/// them; a label longer than its arrow's room is cut with `…` to that
/// room, not to a fixed length. Status has a shape as well as a colour: a
/// message is a solid arrow, an exit signal a dashed one (a cross at its
/// end when it killed), a link a dotted line both ways, a crash note ✖ in
/// a box with a thick border, a restart ↻.
pub fn svg(chart: &Chart, theme: Theme) -> String {
    use svg_layout::*;
    let p = theme.palette();
    let column = svg_column_width(chart);
    let lines = chart.lifelines.len().max(1);
    let x = |line: usize| line as f64 * column + column / 2.0;
    let width = column * lines as f64;
    let height = TOP + ROW * chart.rows.len() as f64 + PAD * 2.0;
    let mut out = vec![
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="'DejaVu Sans Mono', ui-monospace, monospace" font-size="{TEXT}" data-theme="{}">"#,
            theme.name()
        ),
        format!(
            "<title>sequence chart: {}</title>",
            xml(&chart.lifelines.join(", "))
        ),
        format!(
            r#"<rect width="100%" height="100%" fill="{}"/>"#,
            p.background
        ),
        format!(
            concat!(
                "<defs>",
                r#"<marker id="message" markerWidth="12" markerHeight="10" refX="11" refY="5" orient="auto"><path d="M0,0 L12,5 L0,10 z" fill="{text}"/></marker>"#,
                r#"<marker id="signal" markerWidth="12" markerHeight="10" refX="11" refY="5" orient="auto"><path d="M1,1 L11,5 L1,9" fill="none" stroke="{signal}" stroke-width="2"/></marker>"#,
                r#"<marker id="killed" markerWidth="12" markerHeight="12" refX="6" refY="6" orient="auto"><path d="M1,1 L11,11 M11,1 L1,11" stroke="{crash}" stroke-width="2.5"/></marker>"#,
                "</defs>"
            ),
            text = p.text,
            signal = p.signal,
            crash = p.crash
        ),
    ];
    let bottom = height - PAD;
    for (n, name) in chart.lifelines.iter().enumerate() {
        let name = fit(name, column - 2.0 * PAD - 8.0, NAME);
        out.push(format!(
            r#"<g class="lifeline" data-line="{n}"><rect x="{}" y="12" width="{}" height="{HEAD_HEIGHT}" rx="6" fill="{}" stroke="{}" stroke-width="1.5"/><text x="{}" y="36" text-anchor="middle" font-size="{NAME}" font-weight="bold" fill="{}">{}</text><line x1="{}" y1="{}" x2="{}" y2="{bottom}" stroke="{}" stroke-width="1.5" stroke-dasharray="5 4"/></g>"#,
            x(n) - column / 2.0 + PAD,
            column - 2.0 * PAD,
            p.panel,
            p.border,
            x(n),
            p.text,
            xml(&name),
            x(n),
            12.0 + HEAD_HEIGHT,
            x(n),
            p.muted
        ));
    }
    for (i, row) in chart.rows.iter().enumerate() {
        let top = TOP + ROW * i as f64;
        let y = top + ROW - 12.0;
        match row {
            Row::Message { from, to, label }
            | Row::Signal {
                from, to, label, ..
            } => {
                let (class, colour, dash, marker) = match row {
                    Row::Signal { killed: true, .. } => {
                        ("signal killed", p.crash, r#" stroke-dasharray="8 4""#, "killed")
                    }
                    Row::Signal { .. } => ("signal", p.signal, r#" stroke-dasharray="8 4""#, "signal"),
                    _ => ("message", p.text, "", "message"),
                };
                let (from_x, to_x) = (x(*from), x(*to));
                let (shape, label_x, anchor, room) = if from == to {
                    // A message to oneself loops out to the right; its
                    // label sits beside the loop, short of the next lifeline.
                    (
                        format!(
                            r#"<path d="M{from_x},{} h{LOOP} v{} h-{LOOP}" fill="none" stroke="{colour}" stroke-width="2"{dash} marker-end="url(#{marker})"/>"#,
                            y - 14.0,
                            14.0,
                        ),
                        from_x + LOOP + 8.0,
                        "start",
                        column - LOOP - 8.0 - 2.0 * PAD,
                    )
                } else {
                    (
                        format!(
                            r#"<line x1="{from_x}" y1="{y}" x2="{to_x}" y2="{y}" stroke="{colour}" stroke-width="2"{dash} marker-end="url(#{marker})"/>"#
                        ),
                        (from_x + to_x) / 2.0,
                        "middle",
                        // Clear of both lifelines and of the arrowhead.
                        (from_x - to_x).abs() - 2.0 * PAD - ARROWHEAD,
                    )
                };
                let label = fit(label, room, TEXT);
                let label_y = if from == to { y - 18.0 } else { y - 8.0 };
                out.push(format!(
                    r#"<g class="row {class}" data-row="{i}" data-from="{from}" data-to="{to}">{shape}<text x="{label_x}" y="{label_y}" text-anchor="{anchor}" fill="{}">{}</text></g>"#,
                    p.text,
                    xml(&label)
                ));
            }
            Row::Link { a, b } => out.push(format!(
                r#"<g class="row link" data-row="{i}" data-from="{a}" data-to="{b}"><line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{}" stroke-width="2" stroke-dasharray="2 4"/><text x="{}" y="{}" text-anchor="middle" fill="{}">link</text></g>"#,
                x(*a),
                x(*b),
                p.muted,
                (x(*a) + x(*b)) / 2.0,
                y - 8.0,
                p.text,
            )),
            Row::Note { on, note } => {
                let (class, fill, stroke, stroke_width) = match note {
                    Note::Crashed(_) => ("crashed", p.crash_fill, p.crash, 3.0),
                    Note::Restarted(_) => ("restarted", p.restart_fill, p.restart, 1.5),
                    Note::Exited(_) => ("exited", p.note_fill, p.signal, 1.5),
                    Note::Spawned(_) => ("spawned", p.note_fill, p.border, 1.5),
                };
                let text = fit(&note.text(), column - 4.0 * PAD, TEXT);
                let box_width = px((text_width(&text, TEXT) + 2.0 * PAD).min(column - 2.0 * PAD));
                let box_top = top + (ROW - NOTE_HEIGHT) / 2.0;
                out.push(format!(
                    r#"<g class="row note {class}" data-row="{i}" data-on="{on}"><rect x="{}" y="{box_top}" width="{box_width}" height="{NOTE_HEIGHT}" rx="5" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"/><text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text></g>"#,
                    px(x(*on) - box_width / 2.0),
                    x(*on),
                    px(box_top + NOTE_HEIGHT / 2.0 + TEXT * 0.35),
                    p.text,
                    xml(&text)
                ));
            }
        }
    }
    out.push("</svg>".to_owned());
    out.join("\n") + "\n"
}

/// The width of one column of the SVG chart: what the widest lifeline
/// name, note or label between neighbours needs (each up to
/// [`LABEL_MAX`] characters), and at least [`svg_layout::MIN_COLUMN`].
fn svg_column_width(chart: &Chart) -> f64 {
    use svg_layout::*;
    let names = chart
        .lifelines
        .iter()
        .map(|name| text_width(&abbreviate(name), NAME) + 2.0 * PAD + 8.0);
    let rows = chart.rows.iter().map(|row| match row {
        Row::Message { from, to, label }
        | Row::Signal {
            from, to, label, ..
        } => {
            let width = text_width(&abbreviate(label), TEXT);
            match from.abs_diff(*to) {
                0 => width + LOOP + 8.0 + 2.0 * PAD,
                1 => width + 2.0 * PAD + ARROWHEAD,
                // A longer arrow has the room of several columns.
                _ => 0.0,
            }
        }
        Row::Link { .. } => 0.0,
        Row::Note { note, .. } => text_width(&abbreviate(&note.text()), TEXT) + 4.0 * PAD,
    });
    let widest = names.chain(rows).fold(MIN_COLUMN, f64::max);
    (widest / 10.0).ceil() * 10.0
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

    /// The chart in both themes, byte for byte. After a deliberate change,
    /// regenerate with `LETITCRASH_BLESS=1 cargo test`.
    #[test]
    fn svg_golden() {
        for theme in [Theme::Dark, Theme::Light] {
            let svg = svg(&demo(), theme);
            let golden = format!(
                "{}/src/view/golden/seq-{}.svg",
                env!("CARGO_MANIFEST_DIR"),
                theme.name()
            );
            if std::env::var_os("LETITCRASH_BLESS").is_some() {
                std::fs::write(&golden, &svg).unwrap();
            }
            let expected = std::fs::read_to_string(&golden).expect("the golden file");
            assert_eq!(svg, expected, "{golden}");
        }
    }

    /// Every `<text>` of a chart with its position and the words drawn.
    fn texts(svg: &str) -> Vec<(f64, String, String)> {
        let mut found = Vec::new();
        for piece in svg.split("<text ").skip(1) {
            let (attributes, rest) = piece.split_once('>').unwrap();
            let text = rest
                .split("</text>")
                .next()
                .unwrap()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            let number = |name: &str| -> Option<f64> {
                let at = attributes
                    .find(&format!(" {name}=\""))
                    .or_else(|| attributes.starts_with(&format!("{name}=\"")).then_some(0))?;
                let value = &attributes[at..].split('"').nth(1)?;
                value.parse().ok()
            };
            let size = number("font-size").unwrap_or(svg_layout::TEXT);
            let anchor = attributes
                .split("text-anchor=\"")
                .nth(1)
                .and_then(|a| a.split('"').next())
                .unwrap_or("start")
                .to_owned();
            found.push((size, anchor, text));
        }
        found
    }

    /// The issue's complaints about the old chart, as properties of the
    /// new one: no text under 16 px, the crash note's box holds its text
    /// (✖ included), and a label is cut only when its arrow has no room.
    #[test]
    fn svg_text_is_large_and_never_clipped() {
        let svg = svg(&demo(), Theme::Dark);
        let texts = texts(&svg);
        assert!(!texts.is_empty());
        for (size, _, text) in &texts {
            assert!(*size >= 16.0, "{text} at {size} px");
        }
        let column: f64 = svg
            .split("width=\"")
            .nth(1)
            .and_then(|w| w.split('"').next())
            .and_then(|w| w.parse().ok())
            .map(|w: f64| w / 3.0)
            .unwrap();
        let crash = svg
            .lines()
            .find(|l| l.contains("note crashed"))
            .expect("a crash note");
        let box_width: f64 = crash
            .split(" width=\"")
            .nth(1)
            .and_then(|w| w.split('"').next())
            .and_then(|w| w.parse().ok())
            .unwrap();
        let words = crash
            .split("\">")
            .last()
            .unwrap()
            .trim_end_matches("</text></g>");
        assert!(words.starts_with("✖ crash {bad_message,oops}"), "{words}");
        assert!(svg_layout::text_width(words, 16.0) < box_width);
        assert!(box_width <= column, "the note's box stays in its column");
        // The reply is longer than its arrow between neighbours: cut to
        // the arrow's room, and no shorter.
        let reply = texts
            .iter()
            .map(|(_, _, text)| text)
            .find(|text| text.starts_with("{reply"))
            .unwrap();
        let room = column - 2.0 * svg_layout::PAD - svg_layout::ARROWHEAD;
        assert!(reply.ends_with('…'), "{reply}");
        assert!(svg_layout::text_width(reply, 16.0) <= room, "{reply}");
        assert!(svg_layout::text_width(reply, 16.0) + 10.0 > room, "{reply}");
        assert!(svg.contains("&lt;0.5.0&gt;"), "pids are escaped");
    }

    /// A label between neighbours that is longer than the widest column
    /// allows is cut with `…` to the room its arrow has, and still fits.
    #[test]
    fn svg_labels_are_cut_to_their_arrow() {
        let chart = Chart {
            lifelines: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![
                // Two columns of room: whole, though past 28 characters.
                Row::Message {
                    from: 0,
                    to: 2,
                    label: "{reply,#Ref<0.3>,5,long_tail}".into(),
                },
                Row::Message {
                    from: 0,
                    to: 1,
                    label: "x".repeat(80),
                },
                Row::Message {
                    from: 1,
                    to: 1,
                    label: "to_myself".into(),
                },
            ],
        };
        let svg = svg(&chart, Theme::Light);
        let column = svg_column_width(&chart);
        let label = texts(&svg)
            .into_iter()
            .map(|(_, _, text)| text)
            .find(|text| text.starts_with('x'))
            .unwrap();
        assert!(label.ends_with('…'), "{label}");
        let room = column - 2.0 * svg_layout::PAD - svg_layout::ARROWHEAD;
        assert!(svg_layout::text_width(&label, 16.0) <= room);
        assert!(
            svg.contains(">to_myself</text>"),
            "a loop for a message to oneself"
        );
        assert!(svg.contains(">{reply,#Ref&lt;0.3&gt;,5,long_tail}</text>"));
        assert!(svg.contains("data-theme=\"light\""));
    }

    #[test]
    fn long_terms_are_abbreviated() {
        assert_eq!(abbreviate("short"), "short");
        let long = "x".repeat(40);
        assert_eq!(abbreviate(&long).chars().count(), LABEL_MAX);
        assert!(abbreviate(&long).ends_with('…'));
    }
}
