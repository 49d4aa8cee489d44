//! The supervision tree as SVG: the projector's picture, and `tree --svg`.
//!
//! A pure function from a [`Layout`] and the [`Marks`] of the moment (which
//! nodes just crashed, which pid is new, which supervisor gave up) to an SVG
//! document. It is drawn for the back of a room: large type, high contrast,
//! and every status has a shape as well as a colour (a crash is a red box
//! with a cross, a restarting child a dashed box with ↻, a supervisor that
//! gave up a grey box with ⊘), so it reads in black and white too. Each
//! node is a `<g>` with `data-path` (its key) and `data-pid`, which the
//! browser and the tests use to find it. Everything that came from a user
//! (names, reasons) is escaped.
//!
//! Every text is at least 24 units high and is clipped to the room its
//! box leaves it, by generous letter widths (its `data-w` says how much
//! room, so the projector page trims it to fit exactly, by measuring); the gauge and the
//! sparkline have a strip of their own at the bottom of the box, under
//! the text, never beside it. The colours are CSS custom properties: dark
//! by default, light under the stage's `data-theme="light"` (or, in a
//! file of its own, `tree --svg FILE --light`, on the drawing itself).

use super::layout::{COLUMN, Item, Layout, Node, ROW};
use super::theme::Theme;
use super::tree::ChildState;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// A node's box, in SVG units.
const BOX_WIDTH: f64 = 360.0;
const BOX_HEIGHT: f64 = 94.0;
const MARGIN: f64 = 24.0;
/// The first line (icon and name) and the second (pid and kind, or the
/// reason), in SVG units: sizes and baselines.
const NAME_SIZE: f64 = 30.0;
const NAME_BASELINE: f64 = 35.0;
const SMALL_SIZE: f64 = 24.0;
const SMALL_BASELINE: f64 = 65.0;
/// Where text starts (after the icon) and the box's inner padding.
const TEXT_LEFT: f64 = 48.0;
const PAD: f64 = 12.0;
/// The strip at the bottom of the box for the gauge or the sparkline.
const STRIP_TOP: f64 = 73.0;
const STRIP_HEIGHT: f64 = 12.0;
/// The `↻N` counter's size, at the right of the first line.
const COUNTER_SIZE: f64 = 26.0;

/// What is happening to nodes right now, by path.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// Crashed a moment ago, with the exit reason.
    pub crashed: HashMap<String, String>,
    /// A new pid since the last drawing (fades in).
    pub fresh: HashSet<String>,
    /// Supervisors that gave up, with why.
    pub gave_up: HashMap<String, String>,
    /// Crashes per time slot, oldest first, for a summary node's sparkline.
    pub sparklines: HashMap<String, Vec<u32>>,
    /// The latest crashes under a summary node, newest first.
    pub last_crashes: HashMap<String, Vec<String>>,
    /// Links that are not tree edges (drawn dotted), by path pair.
    pub links: Vec<(String, String)>,
    /// Monitors that are not along tree edges (drawn dashed, with an arrow
    /// at the watched end), by (watcher, target) path.
    pub monitors: Vec<(String, String)>,
}

/// The drawing as a file of its own (`tree --svg FILE`): `width` and
/// `height` set to what its `viewBox` spans, so that an image viewer or a
/// slide shows it at its size (the stage's inline drawing has neither,
/// and scales to its box).
pub fn sized(svg: &str) -> String {
    let Some(start) = svg.find("viewBox=\"0 0 ") else {
        return svg.to_owned();
    };
    let rest = &svg[start + "viewBox=\"0 0 ".len()..];
    let Some((width, height)) = rest.split('"').next().and_then(|dims| dims.split_once(' ')) else {
        return svg.to_owned();
    };
    svg.replacen(
        "<svg ",
        &format!("<svg width=\"{width}\" height=\"{height}\" "),
        1,
    )
}

/// The drawing as a file of its own in `theme`: a file has no page around
/// it to say `data-theme`, so the drawing says it of itself (the style's
/// light rules match either).
pub fn themed(svg: &str, theme: Theme) -> String {
    match theme {
        Theme::Dark => svg.to_owned(),
        Theme::Light => svg.replacen("<svg ", "<svg data-theme=\"light\" ", 1),
    }
}

/// The whole drawing.
pub fn tree_svg(layout: &Layout, marks: &Marks) -> String {
    let at: HashMap<&str, &Node> = layout.nodes.iter().map(|n| (n.path.as_str(), n)).collect();
    // Only pairs whose both ends are drawn: a link to a process outside
    // every tree (the shell, say) has nowhere to go.
    let drawn = |pairs: &[(String, String)]| -> Vec<(&Node, &Node)> {
        pairs
            .iter()
            .filter_map(|(a, b)| Some((*at.get(a.as_str())?, *at.get(b.as_str())?)))
            .collect()
    };
    let links = drawn(&marks.links);
    let monitors = drawn(&marks.monitors);
    // The legend says which line is which, when there are such lines.
    let legend = !links.is_empty() || !monitors.is_empty();
    let width = layout.columns.max(1) as f64 * COLUMN - (COLUMN - BOX_WIDTH) + 2.0 * MARGIN;
    let tree_height = layout.rows.max(1) as f64 * ROW - (ROW - BOX_HEIGHT) + 2.0 * MARGIN;
    let height = tree_height + if legend { LEGEND_HEIGHT } else { 0.0 };
    let mut svg = String::new();
    // Scaled into a box of another shape (the projector page), the drawing
    // hangs from the top: a row added at the bottom moves nothing above.
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="tree" viewBox="0 0 {width:.0} {height:.0}" preserveAspectRatio="xMidYMin meet" font-family="sans-serif" role="img" aria-label="supervision tree">"#
    );
    svg.push_str(STYLE);
    // Its own background: a file shown on a white page keeps its colours.
    let _ = write!(
        svg,
        r#"<rect class="bg" width="{width:.0}" height="{height:.0}"/>"#
    );
    if legend {
        svg.push_str(ARROW);
    }
    for (parent, child) in &layout.edges {
        if let (Some(p), Some(c)) = (at.get(parent.as_str()), at.get(child.as_str())) {
            edge(&mut svg, p, c, "edge");
        }
    }
    for (a, b) in links {
        cross_edge(&mut svg, a, b, "link");
    }
    for (watcher, target) in monitors {
        cross_edge(&mut svg, watcher, target, "monitor");
    }
    for node in &layout.nodes {
        draw_node(&mut svg, node, marks);
    }
    if legend {
        draw_legend(&mut svg, tree_height);
    }
    svg.push_str("</svg>");
    svg
}

/// The legend's row under the tree.
const LEGEND_HEIGHT: f64 = 44.0;

/// The arrowhead at a monitor's watched end: a monitor, unlike a link,
/// goes one way.
const ARROW: &str = r##"<defs><marker id="monitor-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" style="fill:var(--t-monitor)"/></marker></defs>"##;

/// A sample of each kind of line, with its name: dotted is a link, dashed
/// a monitor (which a black and white print tells apart too).
fn draw_legend(svg: &mut String, top: f64) {
    let y = top + LEGEND_HEIGHT / 2.0 - 8.0;
    let _ = write!(
        svg,
        r#"<g class="legend"><path class="link" d="M{x0:.0},{y:.0} H{x1:.0}"/><text class="small" x="{t0:.0}" y="{ty:.0}">link</text><path class="monitor" d="M{x2:.0},{y:.0} H{x3:.0}"/><text class="small" x="{t1:.0}" y="{ty:.0}">monitor (watcher → watched)</text></g>"#,
        x0 = MARGIN,
        x1 = MARGIN + 60.0,
        t0 = MARGIN + 70.0,
        x2 = MARGIN + 130.0,
        x3 = MARGIN + 190.0,
        t1 = MARGIN + 200.0,
        ty = y + 6.0,
    );
}

/// The colours of both themes, as custom properties the rules below use:
/// dark unless the page says `data-theme="light"`. Every rule is scoped to
/// `svg.tree`: inline in the page, a `<style>` applies to the whole page. The crash box keeps its
/// dark red in the dark theme (the projector's tests know it by its fill).
const STYLE: &str = "<style>\
svg.tree{--t-bg:#0b1020;--t-fg:#f8fafc;--t-dim:#cbd5e1;--t-run-bg:#0f2f1a;--t-run:#4ade80;\
--t-sup-bg:#10233f;--t-sup:#60a5fa;--t-crash-bg:#7f1d1d;--t-crash:#ff4d4d;--t-crash-fg:#fecaca;\
--t-down-bg:#222;--t-down:#aaa;--t-gone-bg:#3a3a3a;--t-gone:#9ca3af;--t-sum-bg:#1f2937;--t-sum:#e5e7eb;\
--t-edge:#64748b;--t-link:#fbbf24;--t-monitor:#c084fc;--t-cell:#334155;--t-used:#fbbf24}\
[data-theme=light] svg.tree,svg.tree[data-theme=light]{--t-bg:#ffffff;--t-fg:#0f172a;--t-dim:#334155;--t-run-bg:#dcfce7;--t-run:#15803d;\
--t-sup-bg:#dbeafe;--t-sup:#1d4ed8;--t-crash-bg:#fee2e2;--t-crash:#b91c1c;--t-crash-fg:#7f1d1d;\
--t-down-bg:#f1f5f9;--t-down:#475569;--t-gone-bg:#e5e7eb;--t-gone:#4b5563;--t-sum-bg:#f8fafc;--t-sum:#334155;\
--t-edge:#64748b;--t-link:#b45309;--t-monitor:#7e22ce;--t-cell:#cbd5e1;--t-used:#b45309}\
svg.tree .bg{fill:var(--t-bg)}\
svg.tree .box{stroke-width:3}\
svg.tree .running .box{fill:var(--t-run-bg);stroke:var(--t-run)}\
svg.tree .sup .box{fill:var(--t-sup-bg);stroke:var(--t-sup);stroke-width:5}\
svg.tree .crashed .box{fill:var(--t-crash-bg);stroke:var(--t-crash);stroke-width:6}\
svg.tree .restarting .box,svg.tree .notrunning .box{fill:var(--t-down-bg);stroke:var(--t-down);stroke-dasharray:8 6}\
svg.tree .gaveup .box{fill:var(--t-gone-bg);stroke:var(--t-gone);stroke-dasharray:2 6}\
svg.tree .summary .box{fill:var(--t-sum-bg);stroke:var(--t-sum)}\
svg.tree text{fill:var(--t-fg);font-size:30px}\
svg.tree .small{font-size:24px;fill:var(--t-dim)}\
svg.tree .icon{font-size:30px;font-weight:bold}\
svg.tree .reason{fill:var(--t-crash-fg);font-size:24px}\
svg.tree .restarts{font-size:26px;font-weight:bold}\
svg.tree .edge{stroke:var(--t-edge);stroke-width:3;fill:none}\
svg.tree .link{stroke:var(--t-link);stroke-width:3;stroke-dasharray:2 7;fill:none}\
svg.tree .monitor{stroke:var(--t-monitor);stroke-width:3;stroke-dasharray:14 8;fill:none;marker-end:url(#monitor-arrow)}\
svg.tree .gauge{fill:var(--t-cell)}svg.tree .gauge.used{fill:var(--t-used)}svg.tree .gauge.full{fill:var(--t-crash)}\
svg.tree .spark{stroke:var(--t-used);stroke-width:3;fill:none}\
svg.tree .fresh{animation:fadein 1.2s ease-out}\
@keyframes fadein{from{opacity:0.1}to{opacity:1}}\
</style>";

fn edge(svg: &mut String, from: &Node, to: &Node, class: &str) {
    let (x1, y1) = (
        MARGIN + from.x() + BOX_WIDTH,
        MARGIN + from.y() + BOX_HEIGHT / 2.0,
    );
    let (x2, y2) = (MARGIN + to.x(), MARGIN + to.y() + BOX_HEIGHT / 2.0);
    let mid = (x1 + x2) / 2.0;
    let _ = write!(
        svg,
        r#"<path class="{class}" d="M{x1:.0},{y1:.0} C{mid:.0},{y1:.0} {mid:.0},{y2:.0} {x2:.0},{y2:.0}"/>"#
    );
}

/// A line between any two nodes (a link, a monitor), not only from a
/// parent to its child: it leaves and enters by the sides that face each
/// other, and between nodes of one column it bows out to the right, so it
/// never runs hidden behind the boxes it joins.
fn cross_edge(svg: &mut String, from: &Node, to: &Node, class: &str) {
    let y1 = MARGIN + from.y() + BOX_HEIGHT / 2.0;
    let y2 = MARGIN + to.y() + BOX_HEIGHT / 2.0;
    let side = |node: &Node, right: bool| MARGIN + node.x() + if right { BOX_WIDTH } else { 0.0 };
    let d = if to.x() > from.x() {
        let (x1, x2) = (side(from, true), side(to, false));
        let mid = (x1 + x2) / 2.0;
        format!("M{x1:.0},{y1:.0} C{mid:.0},{y1:.0} {mid:.0},{y2:.0} {x2:.0},{y2:.0}")
    } else if to.x() < from.x() {
        let (x1, x2) = (side(from, false), side(to, true));
        let mid = (x1 + x2) / 2.0;
        format!("M{x1:.0},{y1:.0} C{mid:.0},{y1:.0} {mid:.0},{y2:.0} {x2:.0},{y2:.0}")
    } else {
        let x = side(from, true);
        let bow = x + BOW;
        format!("M{x:.0},{y1:.0} C{bow:.0},{y1:.0} {bow:.0},{y2:.0} {x:.0},{y2:.0}")
    };
    let _ = write!(svg, r#"<path class="{class}" d="{d}"/>"#);
}

/// How far a line between two nodes of one column bows out.
const BOW: f64 = 36.0;

/// The status class of a node: one word the CSS and the tests know.
fn status(node: &Node, marks: &Marks) -> &'static str {
    if marks.gave_up.contains_key(&node.path) {
        return "gaveup";
    }
    if marks.crashed.contains_key(&node.path) {
        return "crashed";
    }
    let state = match &node.item {
        Item::Supervisor { state, .. } | Item::Worker { state, .. } => *state,
        Item::Summary { .. } => return "running",
    };
    match state {
        ChildState::Running => "running",
        ChildState::Restarting => "restarting",
        ChildState::NotRunning => "notrunning",
    }
}

fn icon(status: &str, item: &Item) -> &'static str {
    match (status, item) {
        ("crashed", _) => "✕",
        ("gaveup", _) => "⊘",
        ("restarting", _) => "↻",
        ("notrunning", _) => "○",
        (_, Item::Supervisor { .. }) => "◆",
        (_, Item::Summary { .. }) => "≡",
        _ => "●",
    }
}

fn draw_node(svg: &mut String, node: &Node, marks: &Marks) {
    let status = status(node, marks);
    let (x, y) = (MARGIN + node.x(), MARGIN + node.y());
    let kind = match node.item {
        Item::Supervisor { .. } => "sup",
        Item::Worker { .. } => "worker",
        Item::Summary { .. } => "summary",
    };
    let pid = match &node.item {
        Item::Supervisor { pid, state, .. } | Item::Worker { pid, state, .. }
            if *state == ChildState::Running =>
        {
            pid.map(|p| p.to_string()).unwrap_or_default()
        }
        _ => String::new(),
    };
    let fresh = if marks.fresh.contains(&node.path) && status == "running" {
        " fresh"
    } else {
        ""
    };
    let _ = write!(
        svg,
        r#"<g class="node {kind} {status}{fresh}" data-path="{}" data-pid="{}" transform="translate({x:.0},{y:.0})">"#,
        escape(&node.path),
        escape(&pid),
    );
    let _ = write!(
        svg,
        r#"<rect class="box" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="10"/>"#
    );
    if kind == "sup" {
        // A second, inner outline: supervisors differ from workers by shape.
        let _ = write!(
            svg,
            r#"<rect class="box" x="5" y="5" width="{}" height="{}" rx="6" fill="none"/>"#,
            BOX_WIDTH - 10.0,
            BOX_HEIGHT - 10.0
        );
    }
    let counter = corner(svg, node, marks);
    let _ = write!(
        svg,
        r#"<text class="icon" x="{PAD}" y="{NAME_BASELINE}">{}</text>"#,
        icon(status, &node.item),
    );
    let name_room = BOX_WIDTH - TEXT_LEFT - PAD - counter;
    fitted_text(
        svg,
        "name",
        NAME_BASELINE,
        NAME_SIZE,
        name_room,
        &node.label,
    );
    let second_line = match &node.item {
        _ if status == "crashed" => ("reason", marks.crashed[&node.path].clone()),
        _ if status == "gaveup" => ("reason", format!("gave up: {}", marks.gave_up[&node.path])),
        Item::Summary { alive, total, .. } => {
            let last = marks.last_crashes.get(&node.path);
            match last.map(|names| names.join(", ")).unwrap_or_default() {
                last if last.is_empty() => ("small detail", format!("{alive}/{total} alive")),
                last => ("small detail", format!("{alive}/{total} alive ✕ {last}")),
            }
        }
        Item::Worker { kind, .. } => ("small detail", format!("{pid} {kind}")),
        Item::Supervisor { strategy, .. } => ("small detail", format!("{pid} {strategy}")),
    };
    let (class, text) = second_line;
    let room = BOX_WIDTH - TEXT_LEFT - PAD;
    fitted_text(svg, class, SMALL_BASELINE, SMALL_SIZE, room, &text);
    svg.push_str("</g>");
}

/// A line of text cut to the `room` it has (by an estimate of its
/// letters' widths, which the page refines from `data-w`).
/// A text that was cut keeps the whole of it in `data-full`, for the
/// page to show as much of it as really fits.
fn fitted_text(svg: &mut String, class: &str, baseline: f64, size: f64, room: f64, text: &str) {
    let clipped = clip(text, room / size);
    let full = if clipped == text {
        String::new()
    } else {
        format!(r#" data-full="{}""#, escape(text))
    };
    let _ = write!(
        svg,
        r#"<text class="{class}" x="{TEXT_LEFT}" y="{baseline}" data-w="{room:.0}"{full}>{}</text>"#,
        escape(&clipped),
    );
}

/// The strip at the bottom of the box (a supervisor's restart budget
/// gauge, a summary's sparkline) and the restart counter at the top right.
/// How wide the counter is (the name leaves it that room).
fn corner(svg: &mut String, node: &Node, marks: &Marks) -> f64 {
    let restarts = match &node.item {
        Item::Supervisor {
            intensity,
            restarts_in_period,
            period,
            restarts,
            ..
        } => {
            gauge(svg, *intensity, *restarts_in_period, *period);
            *restarts
        }
        Item::Worker { restarts, .. } => *restarts,
        Item::Summary { restarts, .. } => {
            if let Some(counts) = marks.sparklines.get(&node.path) {
                sparkline(svg, counts);
            }
            *restarts
        }
    };
    if restarts == 0 {
        return 0.0;
    }
    let counter = format!("↻{restarts}");
    let _ = write!(
        svg,
        r#"<text class="restarts" x="{}" y="{NAME_BASELINE}" text-anchor="end">{counter}</text>"#,
        BOX_WIDTH - PAD
    );
    // Bold, and a gap before it.
    text_width(&counter) * COUNTER_SIZE * 1.1 + PAD
}

/// One cell per restart allowed, filled as the period's budget is used;
/// past ten, each of ten cells stands for a tenth of the budget (a cell
/// fills as soon as that tenth is touched). The cells span the box's
/// width, so the gauge reads from as far as the names do.
fn gauge(svg: &mut String, intensity: u32, used: u32, period: std::time::Duration) {
    let cells = intensity.clamp(1, 10);
    let filled = if intensity <= cells {
        used
    } else {
        (u64::from(used) * u64::from(cells)).div_ceil(u64::from(intensity)) as u32
    };
    let gap = 6.0;
    let span = BOX_WIDTH - 2.0 * PAD;
    let cell = (span - gap * f64::from(cells - 1)) / f64::from(cells);
    let _ = write!(
        svg,
        r#"<g class="budget" data-used="{used}" data-intensity="{intensity}"><title>{used}/{intensity} restarts in {}</title>"#,
        super::duration(period)
    );
    for i in 0..cells {
        let class = if i >= filled {
            "gauge"
        } else if used >= intensity {
            "gauge full"
        } else {
            "gauge used"
        };
        let _ = write!(
            svg,
            r#"<rect class="{class}" x="{:.1}" y="{STRIP_TOP}" width="{cell:.1}" height="{STRIP_HEIGHT}" rx="2"/>"#,
            PAD + f64::from(i) * (cell + gap)
        );
    }
    svg.push_str("</g>");
}

/// Crashes per slot as a line along the bottom strip, under the text.
fn sparkline(svg: &mut String, counts: &[u32]) {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let width = BOX_WIDTH - 2.0 * PAD;
    let step = width / counts.len().saturating_sub(1).max(1) as f64;
    let points: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let x = PAD + i as f64 * step;
            let y = STRIP_TOP + STRIP_HEIGHT - STRIP_HEIGHT * f64::from(n) / max;
            format!("{x:.0},{y:.0}")
        })
        .collect();
    let _ = write!(
        svg,
        r#"<polyline class="spark" points="{}"/>"#,
        points.join(" ")
    );
}

/// `text` cut with "…" to at most `ems` wide. The widths are those of a
/// common sans-serif (DejaVu Sans, Liberation Sans and Arial are within a
/// few percent), rounded up, so that a file shown without the page's
/// measuring still keeps its labels inside their boxes.
fn clip(text: &str, ems: f64) -> String {
    if text_width(text) <= ems {
        return text.to_owned();
    }
    let mut kept = String::new();
    let mut width = letter_width('…');
    for c in text.chars() {
        width += letter_width(c);
        if width > ems {
            break;
        }
        kept.push(c);
    }
    format!("{kept}…")
}

fn text_width(text: &str) -> f64 {
    text.chars().map(letter_width).sum()
}

/// A letter's advance in ems, by kind of letter (the widest of the three
/// fonts, a little over).
fn letter_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | '/' => 0.36,
        'f' | 't' | 'r' | ' ' | '(' | ')' | '[' | ']' | '-' => 0.44,
        'm' => 0.98,
        'w' => 0.84,
        'M' | 'W' | '@' | '%' => 1.02,
        'a'..='z' => 0.64,
        '0'..='9' => 0.66,
        '_' => 0.52,
        'A'..='Z' | '<' | '>' | '=' | '+' | '#' | '&' | '~' => 0.86,
        c if c.is_ascii() => 0.7,
        // Symbols, accents, other scripts: as wide as they come.
        _ => 1.0,
    }
}

/// Text made safe for XML and HTML, in content and in quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML at all.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::layout::layout;
    use crate::view::tree::fixtures::{nested, supervisor, worker};
    use crate::view::tree::{ChildView, SupervisorView};

    fn child(id: &str, pid: u64, restarts: u32) -> ChildView {
        worker(id, pid, "stateful", restarts)
    }

    fn audience() -> SupervisorView {
        let partition = |name: &str, pid: u64, members: Vec<ChildView>| {
            nested(name, supervisor(name, pid, 1, 1, members), 0)
        };
        let children = vec![
            child("store", 4, 0),
            partition("E-K", 6, vec![child("Erin", 12, 1)]),
            partition("other", 9, vec![child("<script>x</script>", 11, 0)]),
        ];
        supervisor("audience", 3, 3, 0, children)
    }

    /// The projector's picture of the audience, byte for byte. After a
    /// deliberate change, regenerate with `LETITCRASH_BLESS=1 cargo test`.
    #[test]
    fn audience_tree_golden() {
        let mut marks = Marks::default();
        marks
            .crashed
            .insert("audience/E-K/Erin".into(), "crash".into());
        marks
            .gave_up
            .insert("audience/other".into(), "2 restarts in 5s > 1".into());
        let svg = tree_svg(&layout(&[audience()]), &marks);
        let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/src/view/golden/audience.svg");
        if std::env::var_os("LETITCRASH_BLESS").is_some() {
            std::fs::write(golden, &svg).unwrap();
        }
        let expected = std::fs::read_to_string(golden).expect("the golden file");
        assert_eq!(svg, expected);
    }

    /// Under `log verbose`: a link drawn dotted, a monitor dashed with its
    /// arrow, and the legend that tells them apart, byte for byte.
    #[test]
    fn links_and_monitors_golden() {
        let marks = Marks {
            links: vec![("audience/store".into(), "audience/other".into())],
            monitors: vec![
                ("audience/E-K/Erin".into(), "audience/store".into()),
                // One end outside every tree (the shell): not drawn.
                ("audience/E-K/Erin".into(), "shell".into()),
            ],
            ..Marks::default()
        };
        let svg = tree_svg(&layout(&[audience()]), &marks);
        let golden = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/view/golden/links-and-monitors.svg"
        );
        if std::env::var_os("LETITCRASH_BLESS").is_some() {
            std::fs::write(golden, &svg).unwrap();
        }
        let expected = std::fs::read_to_string(golden).expect("the golden file");
        assert_eq!(svg, expected);
        assert_eq!(
            svg.matches(r#"<path class="monitor""#).count(),
            2,
            "one monitor and its legend sample"
        );
        assert_eq!(
            svg.matches(r#"<path class="link""#).count(),
            2,
            "one link and its legend sample"
        );
        assert!(svg.contains(r#"marker-end:url(#monitor-arrow)"#));
    }

    /// A tree with no links or monitors to show has no legend and keeps
    /// its size.
    #[test]
    fn no_legend_without_links_or_monitors() {
        let plain = tree_svg(&layout(&[audience()]), &Marks::default());
        assert!(!plain.contains("legend") && !plain.contains("<defs>"));
        let dangling = Marks {
            monitors: vec![("shell".into(), "audience/store".into())],
            ..Marks::default()
        };
        assert_eq!(tree_svg(&layout(&[audience()]), &dangling), plain);
    }

    #[test]
    fn user_text_is_escaped_everywhere() {
        let svg = tree_svg(&layout(&[audience()]), &Marks::default());
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;x&lt;/script&gt;"), "{svg}");
        assert!(svg.contains(r#"data-path="audience/other/&lt;script&gt;x&lt;/script&gt;""#));
    }

    #[test]
    fn every_status_has_its_own_shape() {
        let mut marks = Marks::default();
        marks
            .crashed
            .insert("audience/E-K/Erin".into(), "boom".into());
        let svg = tree_svg(&layout(&[audience()]), &marks);
        assert!(svg.contains(r#"class="node worker crashed""#));
        assert!(svg.contains("✕"), "a crash has a cross, not just red");
        assert!(svg.contains(r#"class="node sup running""#));
        assert!(svg.contains("◆"));
    }

    #[test]
    fn a_drawing_for_a_file_has_its_size() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" class="tree" viewBox="0 0 540 220" font-family="sans-serif"></svg>"#;
        let sized = super::sized(svg);
        assert!(
            sized.starts_with(r#"<svg width="540" height="220" xmlns="#),
            "{sized}"
        );
        assert!(sized.contains(r#"viewBox="0 0 540 220""#));
    }

    /// `tree --svg FILE --light`: the drawing says its theme of itself,
    /// and the style's light rules match it there.
    #[test]
    fn a_drawing_for_a_file_carries_its_theme() {
        let svg = tree_svg(&layout(&[audience()]), &Marks::default());
        assert_eq!(themed(&svg, Theme::Dark), svg);
        let light = themed(&svg, Theme::Light);
        assert!(
            light.starts_with(r#"<svg data-theme="light" xmlns="#),
            "{light}"
        );
        assert!(light.contains("svg.tree[data-theme=light]{--t-bg:#ffffff;"));
    }
}
