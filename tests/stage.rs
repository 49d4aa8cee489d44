//! The stage without a browser: a live session with `stage on`, driven
//! over loopback exactly as phones and the projector page drive it (plain
//! POSTs, and server-sent event streams read off raw sockets).
//!
//! - A partition going down: Erin crashes twice within the period, which
//!   exceeds E-K's intensity of 1. E-K gives up, the top supervisor starts
//!   it again, and the stage starts its members again. Erin and Emil (both
//!   E-K) each see the partition go down and get a new process; Ruth (R-Z)
//!   sees nothing at all.
//! - A partition the presenter kills (`kill audience/'E-K'`): its members
//!   hear it went down, once, and get a new process; a stream opened
//!   afterwards starts with the process as it is now (its restarts too).
//! - Monitors on the projector: under `log verbose` a monitor between two
//!   workers is drawn dashed; at the normal level, or once its target is
//!   gone, it is not.
//!
//! Every wait is bounded: a stage that never sends a frame fails the test
//! with the frames it did send, it does not hang it. The loopback client
//! is `tests/support/loopback.rs`.

#[path = "support/loopback.rs"]
mod loopback;

use loopback::*;
use serde_json::Value;
use std::time::{Duration, Instant};

/// A phone's stream says its partition went down, and after that that the
/// phone is back (`rejoined`).
fn down_then_back(seen: &[Frame]) -> bool {
    let kinds: Vec<String> = seen.iter().map(Frame::kind).collect();
    let down = kinds.iter().position(|k| k == "partition_down");
    let rejoined = kinds.iter().rposition(|k| k == "rejoined");
    matches!((down, rejoined), (Some(d), Some(r)) if d < r)
}

#[test]
fn a_partition_that_gives_up_tells_every_member_and_no_one_else() {
    let (mut session, addr) = session_with_stage();
    // Intensity 1 in 5 s per partition: the second crash within the
    // period is one too many.
    eval(&mut session, "audience intensity 1");
    eval(&mut session, "audience open");
    let mut projector = Stream::open(addr, "/events", None);
    drawn(&mut projector, "audience/E-K");

    let mut erin = join(addr, "Erin", "E-K");
    let mut emil = join(addr, "Emil", "E-K");
    let mut ruth = join(addr, "Ruth", "R-Z");

    // The first crash is within the budget: E-K restarts Erin alone.
    assert_eq!(crash(addr, &erin).0, 200);
    let first = erin.pid.clone();
    erin.stream.until("Erin's restart", |seen| {
        seen.iter()
            .any(|f| f.kind() == "started" && f.json()["pid"].as_str().is_some_and(|p| p != first))
    });
    let (_, started) = erin.stream.find("started").unwrap();
    let restarted = started["pid"].as_str().unwrap().to_owned();

    // The second is one too many: E-K gives up. The crash may land while
    // the new process is still being registered: bounded retries.
    let deadline = Instant::now() + WAIT;
    loop {
        let (status, body) = crash(addr, &erin);
        if status == 200 {
            let answer: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(answer["crashed"], restarted.as_str(), "{body}");
            break;
        }
        assert!(
            status == 409 && Instant::now() < deadline,
            "{status} {body}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // Every member of E-K: the partition went down, then a new process in
    // the partition the top supervisor started again.
    for (name, phone) in [("Erin", &mut erin), ("Emil", &mut emil)] {
        phone
            .stream
            .until(&format!("{name}: down, then back"), down_then_back);
        let (_, down) = phone.stream.find("partition_down").unwrap();
        assert_eq!(down["partition"], "E-K", "{name}: {down}");
        let reason = down["reason"].as_str().unwrap();
        assert!(reason.contains("> 1"), "{name}: {reason}");
        let (_, rejoined) = phone.stream.find("rejoined").unwrap();
        assert_eq!(rejoined["partition"], "E-K", "{name}: {rejoined}");
        let pid = rejoined["pid"].as_str().unwrap().to_owned();
        assert!(pid.starts_with("<0."), "{name}: {rejoined}");
        assert_ne!(pid, phone.pid, "{name} has a new process");
        assert_ne!(pid, restarted, "{name} has a new process");
        assert_eq!(current_pid(addr, phone), pid, "{name}: /me follows");
    }
    erin.stream.settle();
    emil.stream.settle();
    assert_eq!(
        erin.stream.count("crashed"),
        2,
        "Erin crashed twice: {:?}",
        erin.stream.kinds()
    );
    assert_eq!(
        erin.stream.count("partition_down"),
        1,
        "{:?}",
        erin.stream.kinds()
    );
    // Emil did not crash: his supervisor stopped him, and it says so
    // once, as the partition going down.
    let emil_kinds = emil.stream.kinds();
    assert!(!emil_kinds.iter().any(|k| k == "crashed"), "{emil_kinds:?}");
    assert_eq!(
        emil_kinds.iter().filter(|k| *k == "partition_down").count(),
        1,
        "{emil_kinds:?}"
    );

    // R-Z saw nothing: not one frame on Ruth's stream since she joined,
    // and her process is the one she joined with.
    ruth.stream.settle();
    assert!(ruth.stream.seen.is_empty(), "{:#?}", ruth.stream.seen);
    assert_eq!(current_pid(addr, &ruth), ruth.pid);

    // The projector shows E-K back with Emil's new process in it.
    let emil_now = current_pid(addr, &emil)
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let node = format!(r#"data-path="audience/E-K/Emil" data-pid="{emil_now}""#);
    projector.until("Emil's new process drawn", |seen| {
        seen.iter()
            .any(|f| f.event == "svg" && f.data.contains(&node))
    });
    drop(session);
}

#[test]
fn a_partition_the_presenter_kills_tells_its_members_and_a_new_stream_shows_where_they_are() {
    let (mut session, addr) = session_with_stage();
    eval(&mut session, "audience open");
    let mut erin = join(addr, "Erin", "E-K");
    let mut ruth = join(addr, "Ruth", "R-Z");

    eval(&mut session, "kill audience/'E-K'");
    erin.stream.until("Erin: down, then back", down_then_back);
    let (_, down) = erin.stream.find("partition_down").unwrap();
    assert_eq!(down["partition"], "E-K", "{down}");
    assert_eq!(down["reason"], "killed", "{down}");
    let (_, rejoined) = erin.stream.find("rejoined").unwrap();
    let pid = rejoined["pid"].as_str().unwrap().to_owned();
    assert_ne!(pid, erin.pid, "a new process");
    assert_eq!(rejoined["restarts"], 1, "{rejoined}");
    assert_eq!(
        erin.stream.count("partition_down"),
        1,
        "told once: {:?}",
        erin.stream.kinds()
    );

    // A phone that comes back (a reload, a new stream after Wi-Fi came
    // back) is told where its process is now, whatever it missed.
    let mut again = Stream::open(addr, "/events/me", Some(&erin.cookie));
    again.until("the membership", |seen| !seen.is_empty());
    let now = again.seen[0].json();
    assert_eq!(again.seen[0].kind(), "member", "{now}");
    assert_eq!(now["pid"], pid.as_str(), "{now}");
    assert_eq!(now["restarts"], 1, "{now}");
    assert_eq!(
        now["restored"],
        Value::Null,
        "never crashed, nothing restored: {now}"
    );

    ruth.stream.settle();
    assert!(ruth.stream.seen.is_empty(), "{:#?}", ruth.stream.seen);
    drop(session);
}

#[test]
fn monitors_are_drawn_dashed_under_log_verbose() {
    let (mut session, addr) = session_with_stage();
    eval(
        &mut session,
        // `a` is a sink: the 'DOWN' of its monitor waits in its mailbox
        // instead of crashing it, so its link to `c` outlives `b`.
        "sup demo one_for_one { worker a sink; worker b counter; worker c counter }",
    );
    let mut projector = Stream::open(addr, "/events", None);
    drawn(&mut projector, "demo/b");
    let has_monitor = |f: &Frame| f.event == "svg" && f.data.contains(r#"<path class="monitor""#);
    let latest_svg = |stream: &Stream| {
        stream
            .seen
            .iter()
            .rev()
            .find(|f| f.event == "svg")
            .cloned()
            .expect("a drawing")
    };

    // At the normal level a monitor is not drawn.
    eval(&mut session, "monitor demo/a demo/b");
    eval(&mut session, "link demo/a demo/c");
    projector.settle();
    assert!(!has_monitor(&latest_svg(&projector)));

    // Under verbose it is, dashed, beside the dotted link, with the legend.
    eval(&mut session, "log verbose");
    projector.until("a dashed monitor", |seen| seen.iter().any(has_monitor));
    let svg = latest_svg(&projector).data;
    assert!(svg.contains(r#"<path class="link""#), "the link, dotted");
    assert!(svg.contains(r#"<g class="legend">"#), "the legend");
    assert_eq!(
        svg.matches(r#"<path class="monitor""#).count(),
        2,
        "the monitor and the legend's sample"
    );

    // A monitor ends with its target: the line goes with it.
    eval(&mut session, "crash demo/b");
    let before = projector.seen.len();
    projector.until("the monitor gone", |seen| {
        seen[before..]
            .iter()
            .any(|f| f.event == "svg" && f.data.matches(r#"<path class="monitor""#).count() == 1)
    });
    drop(session);
}
