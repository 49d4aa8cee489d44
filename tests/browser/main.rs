//! The stage in a real browser: headless Chromium, driven over WebDriver
//! (chromedriver), against a live session with `stage on`.
//!
//! - The projector page: a crash turns the node red with its reason, and
//!   the node comes back, in the same place, with a new pid and a restart
//!   counter; a `say` becomes the caption; a `<script>` name is drawn as
//!   text and never runs.
//! - The audience page: Erin and Ruth join from two browsers (two cookie
//!   jars); Erin crashes; only E-K restarts, Erin's page shows her new pid
//!   and the count restored from the state server, Ruth's page is
//!   untouched, and a reload keeps Erin's membership.
//!
//! Screenshots go to the test's output directory (target/tmp/browser/).
//! Without Chromium and chromedriver (cfg `has_chromium`, see build.rs)
//! these tests are reported as ignored, never as passed.

mod charts;
mod phone;
mod projector;
mod webdriver;

use letitcrash::commands::parse_line;
use letitcrash::frontend::open_session;
use letitcrash::session::{Session, SessionConfig};
use letitcrash::view::Style;
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;
use webdriver::Driver;

const WAIT: Duration = Duration::from_secs(10);

fn session_with_stage() -> (Session, String) {
    let mut session = open_session(SessionConfig::live(Style::PLAIN));
    eval(&mut session, "stage on 0");
    let addr = letitcrash::stage::control::address(&session).expect("the stage is on");
    let url = format!("http://{addr}/");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    (session, url)
}

fn eval(session: &mut Session, line: &str) {
    let stmt = parse_line(line).unwrap().expect("a statement");
    let evaluation = session.eval(&stmt);
    assert!(evaluation.ok, "{line}: {:?}", evaluation.lines);
}

fn shots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const NODE: &str = "const g = document.querySelector(`#tree g[data-path=\"${arguments[0]}\"]`);";

#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn the_projector_shows_a_crash_and_the_restart() {
    let (mut session, url) = session_with_stage();
    eval(
        &mut session,
        "sup demo one_for_one intensity 3 { worker w1 counter; worker w2 counter }",
    );
    let mut driver = Driver::start();
    let page = driver.browser();
    page.goto(&url);
    let pid_of = format!("{NODE} return g && g.dataset.pid;");
    let old = page.wait_for("demo/w1 drawn", &pid_of, json!(["demo/w1"]), WAIT);
    let place = format!("{NODE} return g.getAttribute('transform');");
    let before = page.run(&place, json!(["demo/w1"]));

    eval(&mut session, "crash demo/w1 boom");
    let red = format!(
        "{NODE} return g && g.classList.contains('crashed') && g.textContent.includes('boom');"
    );
    page.wait_for("demo/w1 red with boom", &red, json!(["demo/w1"]), WAIT);
    let fill = format!("{NODE} return getComputedStyle(g.querySelector('rect')).fill;");
    assert_eq!(
        page.run(&fill, json!(["demo/w1"])),
        json!("rgb(127, 29, 29)")
    );
    page.screenshot(&shots().join("projector-crashed.png"));

    let back = format!(
        "{NODE} return g && !g.classList.contains('crashed') && g.dataset.pid !== arguments[1] && g.dataset.pid;"
    );
    let new = page.wait_for("demo/w1 back", &back, json!(["demo/w1", old]), WAIT);
    assert_ne!(new, old);
    let counter = format!("{NODE} return g.querySelector('.restarts').textContent;");
    assert_eq!(page.run(&counter, json!(["demo/w1"])), json!("↻1"));
    assert_eq!(
        page.run(&place, json!(["demo/w1"])),
        before,
        "a restart moved the node"
    );
    let sibling = format!("{NODE} return g.classList.contains('running');");
    assert_eq!(page.run(&sibling, json!(["demo/w2"])), json!(true));
    page.wait_for(
        "the ticker line",
        "return [...document.querySelectorAll('#ticker li')].some(li => li.textContent.includes('exited with boom'));",
        json!([]),
        WAIT,
    );

    eval(&mut session, "say \"Let it crash!\"");
    page.wait_for(
        "the caption",
        "return document.getElementById('caption').textContent === 'Let it crash!';",
        json!([]),
        WAIT,
    );

    // A hostile name is text in the drawing, and never runs.
    eval(&mut session, "audience open");
    let join = format!("{url}join");
    let answer = ureq::post(&join)
        .send_form(&[("name", "<script>window.pwned=1</script>")])
        .expect("a join");
    assert_eq!(answer.status(), 200);
    let label = "return [...document.querySelectorAll('#tree g.node')].some(g => g.dataset.path.startsWith('audience/other/<script>') && g.textContent.includes('<script>'));";
    page.wait_for("the <script> member drawn as text", label, json!([]), WAIT);
    assert_eq!(
        page.run(
            "return document.querySelectorAll('#tree script').length === 0 && window.pwned === undefined;",
            json!([])
        ),
        json!(true)
    );
    page.screenshot(&shots().join("projector-restarted.png"));
}

#[test]
#[cfg_attr(
    not(has_chromium),
    ignore = "needs chromium and chromedriver (Debian's chromium, chromium-driver), which .ci/run installs"
)]
fn erin_crashes_and_only_her_partition_restarts() {
    let (mut session, url) = session_with_stage();
    eval(&mut session, "audience open");
    let join = format!("{url}join");
    let mut driver = Driver::start();
    let erin = driver.browser();
    // A second driver session: its own profile, so its own cookie jar.
    let mut second = Driver::start();
    let ruth = second.browser();

    let mut pids = Vec::new();
    for (page, name, partition) in [(&erin, "Erin", "E-K"), (&ruth, "Ruth", "R-Z")] {
        page.goto(&join);
        page.wait_for(
            "the join form",
            "return !document.getElementById('join-form').hidden;",
            json!([]),
            WAIT,
        );
        page.type_into("#name", name);
        page.click("#join");
        let pid = page.wait_for(
            "a pid",
            "const p = document.getElementById('pid').textContent; return p.startsWith('<0.') && p;",
            json!([]),
            WAIT,
        );
        assert_eq!(
            page.run(
                "return document.getElementById('partition').textContent;",
                json!([])
            ),
            json!(partition)
        );
        pids.push(pid);
    }
    let (erin_pid, ruth_pid) = (pids[0].clone(), pids[1].clone());

    erin.click("#crash");
    let new = erin.wait_for(
        "Erin's new pid",
        "const p = document.getElementById('pid').textContent; return p.startsWith('<0.') && p !== arguments[0] && p;",
        json!([erin_pid]),
        WAIT,
    );
    assert_ne!(new, erin_pid);
    erin.wait_for(
        "Erin's restored state",
        "return document.getElementById('state').textContent.includes('restored from the state server: 1 crash');",
        json!([]),
        WAIT,
    );
    let log = "return document.getElementById('log').textContent;";
    let erin_log = erin.run(log, json!([]));
    assert!(erin_log.as_str().unwrap().contains("crashed"), "{erin_log}");
    erin.screenshot(&shots().join("audience-erin.png"));

    // Ruth saw nothing happen to her.
    assert_eq!(
        ruth.run(
            "return document.getElementById('pid').textContent;",
            json!([])
        ),
        ruth_pid
    );
    assert!(
        !ruth
            .run(log, json!([]))
            .as_str()
            .unwrap()
            .contains("crashed")
    );
    ruth.screenshot(&shots().join("audience-ruth.png"));

    // Only E-K restarted anything.
    eval(&mut session, "expect restarts audience/'E-K'/'Erin' 1");
    eval(&mut session, "expect restarts audience/'R-Z'/'Ruth' 0");
    eval(&mut session, "expect restarts audience/'E-K' 0");
    eval(&mut session, "expect reply audience/'E-K'/'Erin' get 1");

    // A reload keeps the membership (the cookie), not the form.
    erin.goto(&join);
    erin.wait_for(
        "Erin still a member after a reload",
        "return !document.getElementById('me').hidden && document.getElementById('member-name').textContent === 'Erin';",
        json!([]),
        WAIT,
    );
    // Ruth's cookie cannot crash Erin: there is no way to name her.
    let anonymous = ureq::post(&format!("{url}crash")).send_string("");
    assert!(matches!(anonymous, Err(ureq::Error::Status(403, _))));
}
