//! The projector page at a hall's sizes: 1024x768, 1280x800, 1920x1080 and
//! 3840x2160, with a small tree and then with 500 members joined.
//!
//! At every size, in every view (the tree, one root of it zoomed, the hall
//! of partitions, one partition zoomed, one member's story, and the light
//! theme), the page
//! is measured in the browser: no scrollbar, no element with the `hidden`
//! attribute on screen, every text on screen at least 1/60 of the screen's
//! height (its font size times the drawing's scale inside an SVG), names
//! about 1/40 of it, every text inside its box (an SVG node's rectangle,
//! a panel, a cell) and inside the screen, no two texts overlapping, and
//! the panels, caption and ticker no wider inside than they are. The
//! screenshots are kept in target/tmp/browser/ for a person to look at.

use super::webdriver::{Browser, Driver};
use super::{WAIT, eval, session_with_stage, shots};
use serde_json::json;

const SIZES: [(u32, u32); 4] = [(1024, 768), (1280, 800), (1920, 1080), (3840, 2160)];

/// What is wrong with the page as it is on screen, one sentence each.
const PROBLEMS: &str = r#"
const H = innerHeight, W = innerWidth, problems = [];
const de = document.documentElement;
if (de.scrollHeight > H || de.scrollWidth > W || document.body.scrollHeight > H) {
  problems.push(`the page scrolls: ${de.scrollWidth}x${de.scrollHeight} in ${W}x${H}`);
}
for (const e of document.querySelectorAll('[hidden]')) {
  if (e.getClientRects().length > 0) problems.push(`hidden but shown: ${e.id || e.className}`);
}
const where = (n) => (n.closest('[data-path]')?.dataset.path) || n.id || n.className?.baseVal || n.className || n.tagName;
// Every piece of text that is rendered, with its rectangles and size.
const texts = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.textContent.trim()) continue;
  const parent = node.parentElement;
  // (A range over a text in an SVG group that is not displayed still has
  // rectangles in Chromium; the element's own rectangle is empty.)
  const drawn = parent.getBoundingClientRect();
  if (parent.closest('title, style, script') || drawn.width === 0 || drawn.height === 0) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
  if (rects.length === 0) continue;
  let size = parseFloat(getComputedStyle(parent).fontSize);
  if (parent instanceof SVGElement) {
    const m = parent.getScreenCTM();
    size *= Math.hypot(m.a, m.b);
  }
  texts.push({ node, parent, rects, size, text: node.textContent.trim().slice(0, 40) });
}
const min = H / 60;
for (const t of texts) {
  if (t.size < min - 0.01) problems.push(`text under 1/60 of ${H}: ${t.size.toFixed(1)} px "${t.text}" in ${where(t.parent)}`);
}
const inside = (r, box, slack = 1) => r.left >= box.left - slack && r.right <= box.right + slack && r.top >= box.top - slack && r.bottom <= box.bottom + slack;
const screen = { left: 0, top: 0, right: W, bottom: H };
for (const t of texts) {
  for (const r of t.rects) {
    if (!inside(r, screen)) problems.push(`text off screen: "${t.text}"`);
    const node = t.parent.closest('g.node');
    const box = node ? node.querySelector('rect.box') : t.parent.closest('.cell, .panel, .caption, .ticker, .join, .bar, .story');
    if (box && !inside(r, box.getBoundingClientRect())) problems.push(`text out of its box: "${t.text}" in ${where(t.parent)}`);
  }
}
for (let i = 0; i < texts.length; i++) {
  for (let j = i + 1; j < texts.length; j++) {
    for (const a of texts[i].rects) for (const b of texts[j].rects) {
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) problems.push(`"${texts[i].text}" overlaps "${texts[j].text}"`);
    }
  }
}
for (const e of document.querySelectorAll('.panel, .panel *, .caption, .ticker, .ticker li, .join, .join *, .bar, .bar *, .story, .story *')) {
  if (e instanceof SVGElement || e.getClientRects().length === 0 || e.clientWidth === 0) continue;
  if (e.scrollWidth > e.clientWidth + 1) problems.push(`overflows its width: ${where(e)} ${e.scrollWidth} > ${e.clientWidth}`);
}
window.smallestText = Math.min(...texts.map((t) => t.size));
return problems.slice(0, 30);
"#;

/// The largest and smallest of a selector's text heights on screen, in
/// px (font size times the drawing's scale).
const SIZES_OF: &str = r#"
const sizes = [...document.querySelectorAll(arguments[0])].filter((e) => e.getClientRects().length > 0).map((e) => {
  let size = parseFloat(getComputedStyle(e).fontSize);
  if (e instanceof SVGElement) { const m = e.getScreenCTM(); size *= Math.hypot(m.a, m.b); }
  return size;
});
return sizes.length ? [Math.min(...sizes), Math.max(...sizes)] : null;
"#;

/// How much of the tree's area (in width or in height, whichever is
/// more) the nodes of root `arguments[0]` take.
const FILLS: &str = r#"
const area = document.getElementById('tree').getBoundingClientRect();
const boxes = [...document.querySelectorAll('#tree g.node')]
  .filter((g) => g.dataset.path === arguments[0] || g.dataset.path.startsWith(arguments[0] + '/'))
  .map((g) => g.querySelector('rect.box').getBoundingClientRect());
const w = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
const h = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
return Math.max(w / area.width, h / area.height);
"#;

fn assert_reads_well(page: &Browser, what: &str) {
    // The page trims the ticker once per frame: measure after a frame.
    page.run(
        "window.framed = false; requestAnimationFrame(() => requestAnimationFrame(() => { window.framed = true; }));",
        json!([]),
    );
    page.wait_for("a frame", "return window.framed;", json!([]), WAIT);
    let problems = page.run(PROBLEMS, json!([]));
    assert_eq!(problems, json!([]), "{what}: {problems:#}");
    // The figure, for whoever runs this with --nocapture.
    let measured = page.run("return [window.smallestText, innerHeight];", json!([]));
    if let (Some(least), Some(height)) = (measured[0].as_f64(), measured[1].as_f64()) {
        eprintln!(
            "{what}: smallest text {least:.1} px, 1/{:.0} of the height",
            height / least
        );
    }
}

/// Names are about 1/40 of the screen's height: from 1/48 up.
fn assert_names_large(page: &Browser, selector: &str, height: u32, what: &str) {
    let sizes = page.run(SIZES_OF, json!([selector]));
    let least = sizes[0]
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: no {selector}"));
    eprintln!(
        "{what}: {selector} from {least:.1} px, 1/{:.0} of the height",
        f64::from(height) / least
    );
    assert!(
        least >= f64::from(height) / 48.0,
        "{what}: {selector} at {least:.1} px on a {height} px screen"
    );
}

fn shot(page: &Browser, name: &str) {
    page.screenshot(&shots().join(format!("projector-{name}.png")));
}

/// 500 names over every partition (and a long one, and one that is HTML).
fn names() -> Vec<String> {
    const FIRST: [&str; 25] = [
        "Ada", "Ben", "Cleo", "Dev", "Erin", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kim", "Lea",
        "Max", "Nia", "Omar", "Pia", "Quinn", "Ruth", "Sam", "Tao", "Uma", "Vic", "Wen", "Yara",
        "Zoe",
    ];
    let mut names: Vec<String> = (0..498)
        .map(|i| format!("{} {}", FIRST[i % FIRST.len()], i / FIRST.len()))
        .collect();
    names.push("Maximiliana Wolfeschlegelsteinha".into());
    names.push("<b>4 bold</b>".into());
    names
}

#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn the_projector_reads_from_the_back_row_at_every_size() {
    let (mut session, url) = session_with_stage();
    eval(
        &mut session,
        "sup demo one_for_one intensity 3 { worker w1 counter; worker a_worker_with_quite_a_long_name_indeed counter }",
    );
    eval(
        &mut session,
        "say \"Watch `demo/w1` *crash* and come back: its supervisor starts it again in the same place, with a new pid\"",
    );
    let mut driver = Driver::start();
    let page = driver.browser();

    // The tree on its own, before the audience.
    for (width, height) in SIZES {
        page.set_viewport(width, height);
        page.goto(&format!("{url}#tree"));
        page.wait_for(
            "the tree",
            "return document.querySelector('#tree g[data-path=\"demo/a_worker_with_quite_a_long_name_indeed\"]') !== null && document.getElementById('qr').naturalWidth > 0;",
            json!([]),
            WAIT,
        );
        shot(&page, &format!("tree-{width}x{height}"));
        let what = format!("the tree at {width}x{height}");
        assert_reads_well(&page, &what);
        assert_names_large(&page, "#tree text.name", height, &what);
        let qr = page.run(
            "return document.getElementById('qr').getBoundingClientRect().height / innerHeight;",
            json!([]),
        );
        assert!(
            qr.as_f64().unwrap() >= 0.25,
            "{what}: the QR code is {qr} of the height"
        );
    }
    // The caption's `code` and *emphasis* are elements, without the marks.
    assert_eq!(
        page.run(
            "const c = document.getElementById('caption'); return [c.textContent, c.querySelector('code').textContent, c.querySelector('em').textContent];",
            json!([])
        ),
        json!([
            "Watch demo/w1 crash and come back: its supervisor starts it again in the same place, with a new pid",
            "demo/w1",
            "crash"
        ])
    );

    // 500 members, and a few crashes.
    eval(&mut session, "audience open");
    let join = format!("{url}join");
    for name in names() {
        let answer = ureq::post(&join)
            .send_form(&[("name", &name)])
            .unwrap_or_else(|e| panic!("{name} joins: {e}"));
        assert_eq!(answer.status(), 200, "{name}");
    }
    for member in [
        "audience/'A-D'/'Ada 0'",
        "audience/'E-K'/'Erin 0'",
        "audience/'R-Z'/'Ruth 1'",
    ] {
        eval(&mut session, &format!("crash {member} boom"));
    }
    let all_in = "return document.querySelectorAll('#hall .cell').length === 500 && document.getElementById('members').textContent === '500 joined';";
    for (width, height) in SIZES {
        page.set_viewport(width, height);
        page.goto(&url);
        page.wait_for("the hall with 500 members", all_in, json!([]), WAIT);
        shot(&page, &format!("hall-{width}x{height}"));
        let what = format!("the hall at {width}x{height}");
        assert_reads_well(&page, &what);
        assert_names_large(&page, "#hall .panel-head h2", height, &what);

        page.goto(&format!("{url}#tree"));
        page.wait_for(
            "the tree with the audience",
            "return !document.getElementById('tree').hidden && document.querySelector('#tree g[data-path=\"audience/E-K/*\"]') !== null;",
            json!([]),
            WAIT,
        );
        shot(&page, &format!("tree-500-{width}x{height}"));
        let what = format!("the tree with 500 members at {width}x{height}");
        assert_reads_well(&page, &what);
        assert_names_large(&page, "#tree text.name", height, &what);

        // One root zoomed: larger than in the whole tree.
        let whole = page.run(
            SIZES_OF,
            json!(["#tree g[data-path=\"audience\"] text.name"]),
        );
        page.goto(&format!("{url}#tree=audience"));
        let zoomed = page.wait_for(
            "the audience's tree zoomed",
            "const v = document.querySelector('#tree svg').getAttribute('viewBox'); return document.querySelector('#tree g[data-path=\"demo\"]').style.display === 'none' && v;",
            json!([]),
            WAIT,
        );
        shot(&page, &format!("tree-audience-{width}x{height}"));
        let what = format!("the audience's tree at {width}x{height} ({zoomed})");
        assert_reads_well(&page, &what);
        let closer = page.run(
            SIZES_OF,
            json!(["#tree g[data-path=\"audience\"] text.name"]),
        );
        assert!(
            closer[0].as_f64() >= whole[0].as_f64(),
            "{what}: {closer} vs {whole}"
        );
        let fill = page.run(FILLS, json!(["audience"]));
        assert!(
            fill.as_f64().unwrap() > 0.9,
            "{what}: fills {fill} of its area"
        );

        page.goto(&format!("{url}#p=E-K"));
        page.wait_for(
            "E-K zoomed",
            "const p = document.querySelectorAll('#hall .panel'); return p.length === 1 && p[0].dataset.partition === 'E-K' && p[0].querySelector('.cell').textContent !== '';",
            json!([]),
            WAIT,
        );
        shot(&page, &format!("partition-{width}x{height}"));
        let what = format!("E-K zoomed at {width}x{height}");
        assert_reads_well(&page, &what);
        assert_names_large(&page, "#hall .panel-head h2", height, &what);

        page.goto(&format!("{url}#m=E-K/Erin%200"));
        page.wait_for(
            "Erin's story",
            "return document.getElementById('story-name').textContent === 'Erin 0' && !document.getElementById('story').hidden;",
            json!([]),
            WAIT,
        );
        shot(&page, &format!("member-{width}x{height}"));
        assert_reads_well(&page, &format!("a member at {width}x{height}"));
    }

    // The light theme, asked for in the URL, measured the same way.
    page.set_viewport(1280, 800);
    page.goto(&format!("{url}?theme=light"));
    page.wait_for("the light hall", all_in, json!([]), WAIT);
    assert_eq!(
        page.run("return document.documentElement.dataset.theme;", json!([])),
        json!("light")
    );
    shot(&page, "hall-light-1280x800");
    assert_reads_well(&page, "the light hall at 1280x800");
    page.goto(&format!("{url}?theme=light#tree"));
    let light_box = "const r = document.querySelector('#tree g[data-path=\"demo/w1\"] rect'); return !document.getElementById('tree').hidden && r && getComputedStyle(r).fill;";
    let fill = page.wait_for("the light tree", light_box, json!([]), WAIT);
    assert_eq!(
        fill,
        json!("rgb(220, 252, 231)"),
        "the light theme's running box"
    );
    shot(&page, "tree-light-1280x800");
    assert_reads_well(&page, "the light tree at 1280x800");
    page.goto(&format!("{url}?theme=light"));
    page.wait_for("the light hall", all_in, json!([]), WAIT);

    // A crash in the hall: the member's cell has a cross (its class), not
    // just a colour, and its partition's panel lists the name.
    eval(&mut session, "crash audience/'L-Q'/'Max 0' boom");
    let crossed = page.wait_for(
        "Max 0 crossed out",
        "const c = document.querySelector('#hall .panel[data-partition=\"L-Q\"] .cell[data-id=\"Max 0\"]'); return c && c.classList.contains('crashed') && getComputedStyle(c).backgroundImage;",
        json!([]),
        WAIT,
    );
    assert!(
        crossed.as_str().is_some_and(|s| s.contains("gradient")),
        "{crossed}"
    );
    let last = page.run(
        "return document.querySelector('#hall .panel[data-partition=\"L-Q\"] .last').textContent;",
        json!([]),
    );
    assert!(last.as_str().is_some_and(|s| s.contains("Max 0")), "{last}");
    // Then the restart: the cross goes, a notch in the corner stays.
    page.wait_for(
        "Max 0 restarted",
        "const c = document.querySelector('#hall .panel[data-partition=\"L-Q\"] .cell[data-id=\"Max 0\"]'); return !c.classList.contains('crashed') && c.classList.contains('restarted') && getComputedStyle(c, '::after').backgroundImage.includes('gradient');",
        json!([]),
        WAIT,
    );
    shot(&page, "hall-restarted-1280x800");

    // A click on a panel zooms to its partition; the button turns the
    // theme back to dark.
    page.click("#hall .panel[data-partition=\"R-Z\"] .panel-head");
    page.wait_for(
        "R-Z zoomed by a click",
        "return location.hash === '#p=R-Z' && document.querySelectorAll('#hall .panel').length === 1;",
        json!([]),
        WAIT,
    );
    page.click("#theme");
    assert_eq!(
        page.run("return document.documentElement.dataset.theme;", json!([])),
        json!("dark")
    );
}

/// What is wrong with a drawing of the tree opened on its own: texts
/// under 16 px, out of their node's box or the drawing, or overlapping.
const LABEL_PROBLEMS: &str = r#"
const svg = document.documentElement, problems = [];
const frame = svg.getBoundingClientRect();
const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim());
const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
const rects = texts.map((t) => t.getBoundingClientRect());
texts.forEach((t, i) => {
  const m = t.getScreenCTM();
  const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
  if (size < 16) problems.push(`under 16 px: ${size} "${t.textContent}"`);
  const node = t.closest('g.node');
  const box = node ? node.querySelector('rect.box').getBoundingClientRect() : frame;
  if (!inside(rects[i], box)) problems.push(`out of its box: "${t.textContent}"`);
  for (let j = i + 1; j < texts.length; j++) {
    const a = rects[i], b = rects[j];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) problems.push(`"${t.textContent}" overlaps "${texts[j].textContent}"`);
  }
});
if (!svg.getAttribute('width') || !svg.getAttribute('height')) problems.push('no width or height');
return problems;
"#;

/// `tree --svg`'s drawing, opened by itself (no page to measure and trim
/// the labels): every label of wide letters, long reasons and hostile
/// names stays in its box, at 16 px or more, without overlapping.
#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn a_tree_drawing_for_a_file_keeps_its_labels_in_their_boxes() {
    use letitcrash::runtime::Pid;
    use letitcrash::view::layout::layout;
    use letitcrash::view::svg::{Marks, sized, themed, tree_svg};
    use letitcrash::view::theme::Theme;
    use letitcrash::view::{ChildState, ChildView, SupervisorView};
    use std::time::Duration;

    let worker = |id: &str, pid: u64, restarts: u32| ChildView {
        id: id.into(),
        pid: Some(Pid::from_number(pid)),
        state: ChildState::Running,
        kind: "counter_with_a_long_kind".into(),
        restart_type: "permanent".into(),
        restarts,
        status: None,
        supervisor: None,
    };
    let supervisor = |name: &str, pid: u64, children: Vec<ChildView>| SupervisorView {
        name: name.into(),
        pid: Pid::from_number(pid),
        strategy: "rest_for_one".into(),
        intensity: 1000,
        period: Duration::from_secs(5),
        restarts_in_period: 400,
        children,
    };
    let nested = ChildView {
        supervisor: Some(supervisor(
            "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM",
            123_456,
            vec![worker("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", 123_457, 12_345)],
        )),
        ..worker("MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", 123_456, 99)
    };
    let tree = supervisor(
        "a_root_supervisor_with_a_long_name",
        100_000,
        vec![
            worker("<script>alert(1)</script>", 100_001, 0),
            worker("ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ", 100_002, 7),
            worker("日本語の名前がとても長い労働者", 100_003, 0),
            nested,
        ],
    );
    let mut marks = Marks::default();
    marks.crashed.insert(
        "a_root_supervisor_with_a_long_name/<script>alert(1)</script>".into(),
        "{badarith, [{erlang, '+', [1, foo]}, a_very_long_stack]}".into(),
    );
    marks.gave_up.insert(
        "a_root_supervisor_with_a_long_name/ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ".into(),
        "1001 restarts in 5s > 1000".into(),
    );
    marks.links = vec![(
        "a_root_supervisor_with_a_long_name/日本語の名前がとても長い労働者".into(),
        "a_root_supervisor_with_a_long_name/<script>alert(1)</script>".into(),
    )];
    let mut driver = Driver::start();
    // `tree --svg FILE` and `tree --svg FILE --light`: a file carries its
    // theme on the drawing itself.
    for (theme, background) in [
        (Theme::Dark, "rgb(11, 16, 32)"),
        (Theme::Light, "rgb(255, 255, 255)"),
    ] {
        let name = format!("tree-file-{}", theme.name());
        let file = shots().join(format!("{name}.svg"));
        let drawing = themed(
            &sized(&tree_svg(&layout(std::slice::from_ref(&tree)), &marks)),
            theme,
        );
        std::fs::write(&file, drawing).unwrap();
        let page = driver.browser();
        page.goto(&format!("file://{}", file.display()));
        page.wait_for(
            "the drawing",
            "return document.querySelectorAll('g.node').length === 6;",
            json!([]),
            WAIT,
        );
        shot(&page, &name);
        let problems = page.run(LABEL_PROBLEMS, json!([]));
        assert_eq!(problems, json!([]), "{name}: {problems:#}");
        let fill = page.run(
            "return getComputedStyle(document.querySelector('svg.tree > rect.bg')).fill;",
            json!([]),
        );
        assert_eq!(fill, json!(background), "{name}");
    }
}

/// A child added under the last one, or one that restarts, moves no node
/// above it on the projector: the drawing hangs from the top of its area.
#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn a_child_added_moves_no_node_above_it() {
    let (mut session, url) = session_with_stage();
    eval(
        &mut session,
        "sup demo one_for_one { worker w1 counter; worker w2 counter }",
    );
    let mut driver = Driver::start();
    let page = driver.browser();
    page.set_viewport(1920, 1080);
    page.goto(&format!("{url}#tree"));
    let place = "const r = document.querySelector(`#tree g[data-path=\"${arguments[0]}\"] rect`); return r && JSON.stringify(r.getBoundingClientRect());";
    let w1 = page.wait_for("demo/w1 drawn", place, json!(["demo/w1"]), WAIT);
    let w2 = page.run(place, json!(["demo/w2"]));
    eval(&mut session, "start_child demo worker w3 counter");
    page.wait_for("demo/w3 drawn", place, json!(["demo/w3"]), WAIT);
    shot(&page, "tree-child-added-1920x1080");
    assert_eq!(page.run(place, json!(["demo/w1"])), w1, "demo/w1 moved");
    assert_eq!(page.run(place, json!(["demo/w2"])), w2, "demo/w2 moved");
    eval(&mut session, "crash demo/w2 boom");
    page.wait_for(
        "demo/w2 back",
        "const g = document.querySelector('#tree g[data-path=\"demo/w2\"]'); return g.querySelector('.restarts') !== null && !g.classList.contains('crashed');",
        json!([]),
        WAIT,
    );
    assert_eq!(page.run(place, json!(["demo/w1"])), w1, "demo/w1 moved");
    assert_eq!(page.run(place, json!(["demo/w2"])), w2, "demo/w2 moved");
}
