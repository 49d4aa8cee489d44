//! The audience page on phones: headless Chromium in mobile emulation (a
//! 320, 390 and 430 px wide viewport, touch, twice the pixel density),
//! against a live session with `stage on` and 500 members joined.
//!
//! - It fits: no horizontal scrolling, every button and input at least
//!   44 px each way, no text under 16 px, nothing `hidden` on screen (the
//!   join form gone once joined), pids and partition names on one line.
//! - It shows the process's life: the pid, then after Crash the new pid,
//!   the restarts and the count restored from the state server; the
//!   partition going down and coming back when the presenter kills it; the
//!   whole tree going down and coming back.
//! - It reconnects by itself: when the Wi-Fi between phone and stage
//!   ([`wifi`]) drops, or goes silent, it says "reconnecting…", and once
//!   the link is back it shows the live state again, including a restart
//!   it missed; if the presenter reset the demo meanwhile, it asks for a
//!   name again.
//!
//! Screenshots go to target/tmp/browser/ (phone-*.png).

mod wifi;

use super::webdriver::{Browser, Driver};
use super::{WAIT, eval, session_with_stage, shots};
use serde_json::{Value, json};
use std::time::Duration;
use wifi::{Link, Wifi};

/// The phone widths the page must fit, in CSS pixels.
const WIDTHS: [u32; 3] = [320, 390, 430];
/// A phone's height in CSS pixels.
const HEIGHT: u32 = 740;
/// Members in the room, the phones under test included.
const ROOM: usize = 500;
/// Long enough for a whole tree of 500 to go down and come back.
const TREE_WAIT: Duration = Duration::from_secs(30);
/// Long enough for a silent stream to be found dead (two and a half
/// keepalives of 15 s) and for the page's backoff to come round (at most
/// 16 s).
const RECONNECT_WAIT: Duration = Duration::from_secs(60);

/// What must hold on every screen of the page: nothing scrolls sideways,
/// every control visible is a thumb's size, no text is too small to read,
/// nothing `hidden` shows, and no pid or partition name breaks over two
/// lines. Returns the faults found (an empty list when all is well).
const FAULTS: &str = r##"
const faults = [];
const width = window.innerWidth;
if (document.documentElement.scrollWidth > width)
  faults.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
const shown = (e) => e.offsetParent !== null && getComputedStyle(e).display !== "none";
for (const e of document.querySelectorAll("button, input")) {
  if (!shown(e)) continue;
  const r = e.getBoundingClientRect();
  if (r.width < 44 || r.height < 44) faults.push(`#${e.id} is ${r.width}x${r.height}`);
  if (r.right > width + 0.5) faults.push(`#${e.id} ends at ${r.right} > ${width}`);
}
for (const e of document.querySelectorAll("[hidden]")) {
  if (getComputedStyle(e).display !== "none") faults.push(`#${e.id} is hidden yet displayed`);
}
for (const e of document.querySelectorAll("body *")) {
  if (!shown(e)) continue;
  const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const size = parseFloat(getComputedStyle(e).fontSize);
  if (own && size < 16) faults.push(`${e.tagName}#${e.id} text at ${size}px`);
}
for (const e of document.querySelectorAll("#pid, #partition, .keep")) {
  if (!shown(e) || !e.textContent) continue;
  const lines = e.getClientRects().length;
  const r = e.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.4;
  if (lines !== 1 || r.height > line * 1.5)
    faults.push(`"${e.textContent}" breaks over lines (${lines} boxes, ${r.height}px high)`);
  if (r.right > width + 0.5) faults.push(`"${e.textContent}" ends at ${r.right} > ${width}`);
}
return faults;
"##;

/// Checks [`FAULTS`] on `page`, and keeps a screenshot named `shot`.
fn fits(page: &Browser, width: u32, shot: &str) {
    // A new pid fades in: the screenshot shows it once it has.
    page.wait_for(
        "the fade-in to end",
        "return document.getAnimations().every((a) => a.playState !== 'running');",
        json!([]),
        WAIT,
    );
    page.screenshot(&shots().join(format!("phone-{width}-{shot}.png")));
    assert_eq!(
        page.run("return window.innerWidth;", json!([])),
        json!(width),
        "mobile emulation gives a {width} px viewport"
    );
    let faults = page.run(FAULTS, json!([]));
    assert_eq!(faults, json!([]), "at {width} px, {shot}");
}

/// Joins `count` members by POST /join (no browser), a few at a time, with
/// names in every partition.
fn join_many(url: &str, count: usize) {
    let join = format!("{url}join");
    let threads: Vec<_> = (0..8)
        .map(|thread| {
            let join = join.clone();
            std::thread::spawn(move || {
                for i in (thread..count).step_by(8) {
                    let answer = ureq::post(&join)
                        .timeout(WAIT)
                        .send_form(&[("name", &guest(i))])
                        .expect("a join");
                    assert_eq!(answer.status(), 200);
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("every join answered");
    }
}

/// The `i`th member joined without a browser: a name in every partition
/// (`other` too).
fn guest(i: usize) -> String {
    let first = "ABEFLMRSWZ9É".chars().nth(i % 12).unwrap();
    format!("{first}guest{i}")
}

/// Opens the join page on `page` as a phone `width` px wide and joins as
/// `name`; gives the pid the page shows.
fn join_on_phone(page: &Browser, url: &str, width: u32, name: &str) -> Value {
    page.emulate_phone(width, HEIGHT);
    page.goto(&format!("{url}join"));
    page.wait_for(
        "the join form",
        "return !document.getElementById('join-form').hidden;",
        json!([]),
        WAIT,
    );
    fits(page, width, "join");
    page.type_into("#name", name);
    page.click("#join");
    let pid = page.wait_for("a pid", PID, json!([]), WAIT);
    page.wait_for("the stream live", LIVE, json!([]), WAIT);
    assert_eq!(
        page.run(
            "const f = document.getElementById('join-form'); return [f.offsetParent === null, getComputedStyle(f).display];",
            json!([])
        ),
        json!([true, "none"]),
        "the join form is gone once joined"
    );
    pid
}

const PID: &str =
    "const p = document.getElementById('pid').textContent; return p.startsWith('<0.') && p;";
const NEW_PID: &str = "const p = document.getElementById('pid').textContent; return p.startsWith('<0.') && p !== arguments[0] && p;";
const LIVE: &str = "return document.getElementById('link').dataset.state === 'live';";
const TEXT_OF: &str = "return document.getElementById(arguments[0]).textContent;";
const LOG_HAS: &str = "return document.getElementById('log').textContent.includes(arguments[0]);";

#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn on_phones_320_to_430_px_wide_the_page_fits_and_follows_the_process_with_500_members() {
    let (mut session, url) = session_with_stage();
    eval(&mut session, "audience open");
    join_many(&url, ROOM - WIDTHS.len());
    let mut drivers: Vec<Driver> = WIDTHS.iter().map(|_| Driver::start()).collect();
    let phones: Vec<Browser> = drivers.iter_mut().map(Driver::browser).collect();
    // All three in R-Z: the partition whose name broke as "R-" / "Z". On
    // the narrowest, the longest name there may be, with no space in it.
    let names = ["Rumpelstiltskin_of_the_Black_For", "Sam", "Tess"];

    let mut pids = Vec::new();
    for ((page, width), name) in phones.iter().zip(WIDTHS).zip(names) {
        pids.push(join_on_phone(page, &url, width, name));
        assert_eq!(page.run(TEXT_OF, json!(["partition"])), json!("R-Z"));
        assert_eq!(page.run(TEXT_OF, json!(["restarts"])), json!("0"));
        fits(page, width, "joined");
    }
    let guests_in_r_z = (0..ROOM - WIDTHS.len())
        .filter(|&i| ('R'..='Z').contains(&guest(i).chars().next().unwrap()))
        .count();
    eval(
        &mut session,
        &format!(
            "expect children audience/'R-Z' {}",
            guests_in_r_z + WIDTHS.len()
        ),
    );

    // Crash: a new pid, one restart, the count back from the state server.
    for ((page, width), old) in phones.iter().zip(WIDTHS).zip(&pids) {
        page.click("#crash");
        page.wait_for("the new pid", NEW_PID, json!([old]), WAIT);
        page.wait_for(
            "one restart and count 1 restored",
            "return document.getElementById('restarts').textContent === '1' && document.getElementById('restored').textContent === '1' && document.getElementById('state').textContent.includes('restored from the state server: 1 crash,');",
            json!([]),
            WAIT,
        );
        fits(page, width, "restarted");
    }

    // The presenter kills the partition: every phone in it hears it go
    // down, then comes back with a new pid. The down state lasts only as
    // long as the top takes to start the partition again, so the page
    // records every state it shows.
    let record = "const e = document.getElementById('partition-state'); window.states = []; new MutationObserver(() => window.states.push(e.dataset.state + ': ' + e.textContent)).observe(e, {attributes: true, childList: true, subtree: true, characterData: true}); window.before = document.getElementById('pid').textContent; return true;";
    for page in &phones {
        page.run(record, json!([]));
    }
    eval(&mut session, "kill audience/'R-Z'");
    for (page, width) in phones.iter().zip(WIDTHS) {
        page.wait_for(
            "R-Z went down and the phone saw it",
            "return window.states.includes('down: R-Z is down: killed');",
            json!([]),
            TREE_WAIT,
        );
        page.wait_for(
            "back in R-Z with a new pid and a second restart",
            "const p = document.getElementById('pid').textContent; return p.startsWith('<0.') && p !== window.before && document.getElementById('restarts').textContent === '2' && document.getElementById('partition-state').dataset.state === 'up';",
            json!([]),
            TREE_WAIT,
        );
        assert_eq!(
            page.run(LOG_HAS, json!(["partition R-Z went down (killed)"])),
            json!(true)
        );
        assert_eq!(
            page.run(LOG_HAS, json!(["R-Z is back: you rejoined as"])),
            json!(true)
        );
        fits(page, width, "partition-back");
    }

    // The whole tree: down for the keeper's pause, then back with all 500.
    for page in &phones {
        page.run(
            "window.before = document.getElementById('pid').textContent; return true;",
            json!([]),
        );
    }
    eval(&mut session, "kill audience");
    for (page, width) in phones.iter().zip(WIDTHS) {
        page.wait_for(
            "the whole tree down",
            "const e = document.getElementById('partition-state'); return e.dataset.state === 'down' && e.textContent.includes('whole audience tree is down');",
            json!([]),
            TREE_WAIT,
        );
        fits(page, width, "tree-down");
    }
    for (page, width) in phones.iter().zip(WIDTHS) {
        page.wait_for(
            "back after the whole tree came back",
            "const p = document.getElementById('pid').textContent; return p.startsWith('<0.') && p !== window.before && document.getElementById('restarts').textContent === '3' && document.getElementById('partition-state').dataset.state === 'up';",
            json!([]),
            TREE_WAIT,
        );
        assert_eq!(
            page.run(LOG_HAS, json!(["while this page was away"])),
            json!(false),
            "the page never went away: it followed every restart live"
        );
        fits(page, width, "tree-back");
    }
}

/// A phone on `wifi` joins as Wren and crashes once; the link goes to
/// `lost`; the presenter crashes Wren's process meanwhile; the link comes
/// back. The page must have said "reconnecting…", and must show the
/// restart it missed, and follow the next one live.
fn reconnects_after(lost: Link, shot: &str) {
    let (mut session, _) = session_with_stage();
    eval(&mut session, "audience open");
    let stage = letitcrash::stage::control::address(&session).expect("the stage is on");
    let wifi = Wifi::to(stage);
    let url = wifi.url();
    let mut driver = Driver::start();
    let page = driver.browser();
    let width = 390;
    let first = join_on_phone(&page, &url, width, "Wren");
    page.click("#crash");
    let second = page.wait_for("the new pid", NEW_PID, json!([first]), WAIT);
    page.wait_for(
        "count 1 restored",
        "return document.getElementById('restored').textContent === '1';",
        json!([]),
        WAIT,
    );

    wifi.set(lost);
    page.wait_for(
        "reconnecting shown",
        "const l = document.getElementById('link'); return l.dataset.state === 'reconnecting' && l.textContent === 'reconnecting…';",
        json!([]),
        RECONNECT_WAIT,
    );
    fits(&page, width, &format!("{shot}-reconnecting"));
    // While the phone is away, the presenter crashes its process.
    eval(&mut session, "crash audience/'R-Z'/'Wren' boom");
    eval(&mut session, "expect restarts audience/'R-Z'/'Wren' 2");
    assert_eq!(
        page.run(TEXT_OF, json!(["pid"])),
        second,
        "away, nothing new"
    );

    wifi.set(Link::Up);
    page.wait_for("the stream live again", LIVE, json!([]), RECONNECT_WAIT);
    let third = page.wait_for("the pid it missed", NEW_PID, json!([second]), WAIT);
    assert_ne!(third, first);
    assert_eq!(page.run(TEXT_OF, json!(["restarts"])), json!("2"));
    assert_eq!(page.run(TEXT_OF, json!(["restored"])), json!("1"));
    assert_eq!(
        page.run(
            LOG_HAS,
            json!(["while this page was away your process restarted"])
        ),
        json!(true)
    );
    fits(&page, width, &format!("{shot}-reconnected"));

    // And the stream is a live one: the next crash arrives as it happens.
    page.click("#crash");
    page.wait_for("a crash after reconnecting", NEW_PID, json!([third]), WAIT);
    page.wait_for(
        "count 2 restored",
        "return document.getElementById('restored').textContent === '2' && document.getElementById('restarts').textContent === '3';",
        json!([]),
        WAIT,
    );
}

#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn a_phone_whose_wifi_drops_reconnects_and_shows_the_restart_it_missed() {
    reconnects_after(Link::Down, "wifi-down");
}

/// The stream breaks without a word (no error, no end): only the
/// keepalive's silence tells, after two and a half keepalive periods.
#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn a_phone_whose_stream_goes_silent_reconnects_and_shows_the_restart_it_missed() {
    reconnects_after(Link::Silent, "wifi-silent");
}

/// The presenter resets the demo while a phone is away: when it comes
/// back, the stage does not know it any more, and the page asks for a
/// name again instead of reconnecting for ever.
#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn a_phone_that_comes_back_after_a_reset_is_asked_to_join_again() {
    let (mut session, _) = session_with_stage();
    eval(&mut session, "audience open");
    let stage = letitcrash::stage::control::address(&session).expect("the stage is on");
    let wifi = Wifi::to(stage);
    let mut driver = Driver::start();
    let page = driver.browser();
    let width = 320;
    join_on_phone(&page, &wifi.url(), width, "Yuki");

    wifi.set(Link::Down);
    page.wait_for(
        "reconnecting shown",
        "return document.getElementById('link').dataset.state === 'reconnecting';",
        json!([]),
        RECONNECT_WAIT,
    );
    eval(&mut session, "audience reset");
    wifi.set(Link::Up);
    page.wait_for(
        "the join form again",
        "const f = document.getElementById('join-form'); return f.offsetParent !== null && document.getElementById('me').offsetParent === null;",
        json!([]),
        RECONNECT_WAIT,
    );
    assert_eq!(
        page.run(
            LOG_HAS,
            json!(["the stage does not know this phone any more: join again"])
        ),
        json!(true)
    );
    fits(&page, width, "forgotten");
}
