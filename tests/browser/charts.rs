//! The exported charts as a browser draws them: `seq svg FILE` in both of
//! the stage's themes, opened in headless Chromium straight from the file.
//!
//! Where the golden test (src/view/seq.rs) pins the bytes, this one
//! measures what the fonts on a real machine make of them: every text at
//! least 16 px, inside the picture (nothing clipped at its edge), a note's
//! text inside its box, a message's label between the two lifelines it
//! joins, and no two labels overlapping. The screenshots are kept beside
//! the projector's (target/tmp/browser/).

use super::{eval, shots};
use letitcrash::frontend::open_session;
use letitcrash::session::SessionConfig;
use letitcrash::view::Style;
use serde_json::{Value, json};

use super::webdriver::Driver;

/// Every problem the picture in the window has, as text (none: `[]`).
/// Boxes are compared in the SVG's own units, with half a pixel of slack
/// for anti-aliasing.
const PROBLEMS: &str = r#"
const svg = document.querySelector('svg');
const view = svg.viewBox.baseVal;
const problems = [];
const inside = (inner, outer) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const lifeline = (n) => {
  const line = svg.querySelector(`g.lifeline[data-line="${n}"] line`);
  return line && line.x1.baseVal.value;
};
const texts = [...svg.querySelectorAll('text')];
for (const text of texts) {
  const words = text.textContent;
  const size = parseFloat(getComputedStyle(text).fontSize);
  if (size < 16) problems.push(`${words}: ${size} px`);
  const box = text.getBBox();
  if (!inside(box, {x: 0, y: 0, width: view.width, height: view.height}))
    problems.push(`${words}: clipped at the picture's edge`);
  const group = text.parentNode;
  const rect = group.querySelector('rect');
  if (rect && !inside(box, rect.getBBox()))
    problems.push(`${words}: overflows its box`);
  const {from, to} = group.dataset;
  if (from !== undefined && from !== to) {
    const [a, b] = [lifeline(from), lifeline(to)].sort((x, y) => x - y);
    if (box.x < a || box.x + box.width > b)
      problems.push(`${words}: crosses a lifeline (${box.x}..${box.x + box.width} outside ${a}..${b})`);
  }
}
for (let i = 0; i < texts.length; i++) {
  for (let j = i + 1; j < texts.length; j++) {
    const [p, q] = [texts[i].getBBox(), texts[j].getBBox()];
    const w = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
    const h = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
    if (w > 1 && h > 1)
      problems.push(`${texts[i].textContent} overlaps ${texts[j].textContent}`);
  }
}
return {problems, texts: texts.length};
"#;

#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn seq_svg_labels_fit_in_both_themes() {
    let mut session = open_session(SessionConfig::live(Style::PLAIN));
    for line in [
        "sup app one_for_one intensity 5 { worker alice counter; worker bob counter }",
        "seq on app/alice app app/bob",
        "send app/alice {add,5}",
        "send app/bob {a_message_with_a_long_term_that_must_be_cut,[1,2,3,4,5,6,7,8,9]}",
        "crash app/alice {bad_message,{oops,\"a long reason that is cut to its box\"}}",
        "sleep 100ms",
        "seq off",
    ] {
        eval(&mut session, line);
    }
    let dir = shots();
    let mut driver = Driver::start();
    for theme in ["dark", "light"] {
        let file = dir.join(format!("seq-{theme}.svg"));
        eval(
            &mut session,
            &format!("seq svg \"{}\" --{theme}", file.display()),
        );
        let page = driver.browser();
        page.goto(&format!("file://{}", file.display()));
        let checked = page.wait_for(
            "the chart drawn",
            &format!("if (!document.querySelector('svg text')) return null; {PROBLEMS}"),
            json!([]),
            super::WAIT,
        );
        // The whole chart in the screenshot (the window's frame is
        // nothing in headless mode).
        let size = page.run(
            "const v = document.querySelector('svg').viewBox.baseVal; return [v.width, v.height];",
            json!([]),
        );
        let [width, height] = [0, 1].map(|i| size[i].as_f64().unwrap().ceil() as u32 + 20);
        page.set_window_size(width, height);
        // The window's size includes what headless Chromium keeps of its
        // frame: grow it by what the page lacks.
        let inner = page.run("return [innerWidth, innerHeight];", json!([]));
        let [short_x, short_y] = [(0, width), (1, height)]
            .map(|(i, want)| want.saturating_sub(inner[i].as_u64().unwrap() as u32));
        page.set_window_size((width + short_x).min(3840), (height + short_y).min(2160));
        page.screenshot(&dir.join(format!("seq-{theme}.png")));
        let problems = checked["problems"].as_array().cloned().unwrap_or_default();
        assert!(
            problems.is_empty(),
            "{theme}: {}",
            problems
                .iter()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
        // Lifelines, the messages, the crash and the restart.
        assert!(checked["texts"].as_u64().unwrap() >= 7, "{checked}");
        let background = page.run(
            "return getComputedStyle(document.querySelector('svg > rect')).fill;",
            json!([]),
        );
        let expected = if theme == "dark" {
            "rgb(11, 16, 32)"
        } else {
            "rgb(255, 255, 255)"
        };
        assert_eq!(background, json!(expected), "{theme}");
    }
}
