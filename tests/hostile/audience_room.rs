//! A room of phones pressing Crash as fast as the rate limit lets them.
//! With the audience demo's default settings the tree takes it. With the
//! talk's small-room setting (`audience intensity 3`) the partitions give
//! up, the top supervisor gives up, and the stage brings the whole tree
//! back by itself: every member rejoins with the count the state server
//! kept, and once the tree is back nothing answers 503.

use crate::loopback::*;
use serde_json::Value;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// Members per partition in the room.
const PER_PARTITION: usize = 5;
/// How long the room presses Crash.
const STORM: Duration = Duration::from_secs(5);
/// The rate limit is five a second: a press every 200 ms is the most a
/// phone may do.
const PRESS_EVERY: Duration = Duration::from_millis(200);
/// The longest the tree may take to come back once the room stops: the
/// keeper's pause, and room to spare on a loaded machine.
const RECOVERY: Duration = Duration::from_secs(30);

/// Presses Crash; (status, body). A connection the server could not take
/// counts as status 0, not as a panic: the test is about what survives.
fn press(addr: SocketAddr, cookie: &str) -> (u16, String) {
    let answer = ureq::post(&format!("http://{addr}/crash"))
        .timeout(WAIT)
        .set("Cookie", cookie)
        .send_string("");
    match answer {
        Ok(answer) => (answer.status(), answer.into_string().unwrap_or_default()),
        Err(ureq::Error::Status(status, answer)) => {
            (status, answer.into_string().unwrap_or_default())
        }
        Err(_) => (0, String::new()),
    }
}

fn count_of(body: &str) -> Option<i64> {
    serde_json::from_str::<Value>(body).ok()?["count"].as_i64()
}

/// One phone's storm: presses until `until`; the highest count a crash
/// reported, and the statuses seen.
fn storm(addr: SocketAddr, cookie: String, until: Instant) -> (i64, HashMap<u16, usize>) {
    let mut highest = 0;
    let mut statuses = HashMap::new();
    while Instant::now() < until {
        let (status, body) = press(addr, &cookie);
        *statuses.entry(status).or_insert(0) += 1;
        if status == 200 {
            highest = highest.max(count_of(&body).unwrap_or(0));
        }
        std::thread::sleep(PRESS_EVERY);
    }
    (highest, statuses)
}

/// A room: `per_partition` phones in each partition, joined.
fn room(addr: SocketAddr, per_partition: usize) -> Vec<Phone> {
    let partitions = ["A-D", "E-K", "L-Q", "R-Z", "other"];
    ["Ada", "Erin", "Lena", "Ruth", "7of9"]
        .iter()
        .zip(partitions)
        .flat_map(|(first, partition)| {
            (1..=per_partition).map(move |i| (format!("{first}{i}"), partition))
        })
        .map(|(name, partition)| join(addr, &name, partition))
        .collect()
}

/// Every phone presses Crash at the rate limit for [`STORM`]: per phone,
/// the highest count a crash reported; and the statuses of all presses.
fn storm_all(addr: SocketAddr, phones: &[Phone]) -> (Vec<i64>, HashMap<u16, usize>) {
    let until = Instant::now() + STORM;
    let rooms: Vec<_> = phones
        .iter()
        .map(|phone| {
            let cookie = phone.cookie.clone();
            std::thread::spawn(move || storm(addr, cookie, until))
        })
        .collect();
    let mut highest = Vec::new();
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    for room in rooms {
        let (high, seen) = room.join().unwrap();
        highest.push(high);
        for (status, n) in seen {
            *statuses.entry(status).or_insert(0) += n;
        }
    }
    assert!(
        !statuses.contains_key(&0),
        "every press got an answer: {statuses:?}"
    );
    assert!(statuses.get(&200).copied().unwrap_or(0) > 0, "{statuses:?}");
    (highest, statuses)
}

#[test]
fn a_room_at_the_rate_limit_with_the_defaults_is_never_turned_away() {
    let (mut session, addr) = session_with_stage();
    // The defaults, as `serve` has them.
    eval(&mut session, "audience open");
    let phones = room(addr, 2 * PER_PARTITION);
    let (highest, statuses) = storm_all(addr, &phones);
    // Presses may meet a process between its crash and its restart
    // (409); the tree itself is always there.
    assert!(!statuses.contains_key(&503), "{statuses:?}");
    assert!(
        statuses.keys().all(|s| [200, 409].contains(s)),
        "{statuses:?}"
    );
    for (phone, high) in phones.iter().zip(highest) {
        let (status, body) = press(addr, &phone.cookie);
        assert_eq!(status, 200, "{body}");
        assert_eq!(count_of(&body), Some(high + 1), "nothing lost");
    }
    drop(session);
}

#[test]
fn a_room_that_takes_the_tree_down_sees_it_come_back_by_itself() {
    let (mut session, addr) = session_with_stage();
    // The talk's small-room setting: a fast thumb takes its partition
    // down; a room of them, the whole tree.
    eval(&mut session, "audience intensity 3");
    eval(&mut session, "audience open");
    let mut projector = Stream::open(addr, "/events", None);
    drawn(&mut projector, "audience/E-K");
    let mut phones = room(addr, PER_PARTITION);
    let (highest, _) = storm_all(addr, &phones);

    // The tree went down under the storm, and every member was told.
    for phone in phones.iter_mut() {
        phone.stream.until("the whole tree going down", |seen| {
            seen.iter().any(|f| f.kind() == "audience_down")
        });
    }

    // The room stops; the tree comes back by itself: a new phone can
    // join and gets a process.
    let deadline = Instant::now() + RECOVERY;
    loop {
        let probe = ureq::post(&format!("http://{addr}/join"))
            .timeout(WAIT)
            .send_form(&[("name", "Zed")]);
        if let Ok(answer) = probe {
            let membership: Value = answer.into_json().unwrap();
            if membership["pid"]
                .as_str()
                .is_some_and(|p| p.starts_with("<0."))
            {
                break;
            }
        }
        assert!(Instant::now() < deadline, "the tree never came back");
        std::thread::sleep(Duration::from_millis(250));
    }

    // Every member is back in it, with the count the state server kept:
    // its next crash counts on from its last. Until its own process is
    // started again a press may be told to wait (409), never that the
    // tree is not there (503).
    for (phone, highest) in phones.iter().zip(&highest) {
        let deadline = Instant::now() + RECOVERY;
        let count = loop {
            let (status, body) = press(addr, &phone.cookie);
            match status {
                200 => break count_of(&body).expect("a count"),
                409 | 429 if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(250))
                }
                _ => panic!("after the tree came back: {status} {body}"),
            }
        };
        assert!(
            count > *highest,
            "the count carried on: {count} after {highest}"
        );
    }

    // The ticker told it in a few lines: the stage's own 'DOWN's (its
    // calls to a partition that had just died) are bookkeeping.
    projector.settle();
    let lines: Vec<&str> = projector
        .seen
        .iter()
        .filter(|f| f.event == "line")
        .map(|f| f.data.as_str())
        .collect();
    let downs = lines.iter().filter(|l| l.contains("got 'DOWN'")).count();
    assert_eq!(downs, 0, "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("the stage starts it again")),
        "the stage says what it does: {lines:#?}"
    );
    drop(session);
}

#[test]
fn a_killed_audience_tree_comes_back_with_its_members_and_their_counts() {
    let (mut session, addr) = session_with_stage();
    eval(&mut session, "audience open");
    let mut projector = Stream::open(addr, "/events", None);
    drawn(&mut projector, "audience/E-K");
    let mut erin = join(addr, "Erin", "E-K");
    let (status, body) = press(addr, &erin.cookie);
    assert_eq!(status, 200, "{body}");
    assert_eq!(count_of(&body), Some(1));
    erin.stream.until("Erin restarted", |seen| {
        seen.iter().any(|f| f.kind() == "started")
    });

    eval(&mut session, "kill audience");
    erin.stream.until("down, then back", |seen| {
        let kinds: Vec<String> = seen.iter().map(Frame::kind).collect();
        let down = kinds.iter().position(|k| k == "audience_down");
        let back = kinds.iter().rposition(|k| k == "rejoined");
        matches!((down, back), (Some(d), Some(b)) if d < b)
    });
    let (_, rejoined) = erin.stream.find("rejoined").unwrap();
    let pid = rejoined["pid"].as_str().unwrap().to_owned();
    assert!(pid.starts_with("<0."), "{rejoined}");
    assert_eq!(current_pid(addr, &erin), pid);
    let (status, body) = press(addr, &erin.cookie);
    assert_eq!(status, 200, "{body}");
    assert_eq!(count_of(&body), Some(2), "the count came back");

    // The projector drew the tree grey, then new.
    projector.until("the tree back", |seen| {
        let grey = seen
            .iter()
            .position(|f| f.event == "svg" && f.data.contains("exited: killed"));
        let back = seen
            .iter()
            .rposition(|f| f.event == "svg" && f.data.contains(r#"data-path="audience/E-K/Erin""#));
        matches!((grey, back), (Some(g), Some(b)) if g < b)
    });
    drop(session);
}

#[test]
fn a_tree_the_presenter_stops_stays_stopped() {
    let (mut session, addr) = session_with_stage();
    eval(&mut session, "audience open");
    let erin = join(addr, "Erin", "E-K");
    // `audience intensity` rebuilds the tree: the old one must not come
    // back beside the new one, and members rejoin the new one.
    eval(&mut session, "audience intensity 7");
    std::thread::sleep(keeper_pause() + Duration::from_secs(1));
    let (status, body) = press(addr, &erin.cookie);
    assert_eq!(status, 200, "{body}");
    let tree = session_text(&mut session, "tree audience");
    assert!(tree.contains("0/7 restarts"), "{tree}");
    drop(session);
}

fn keeper_pause() -> Duration {
    letitcrash::stage::keeper::RESTART_PAUSE
}

/// A statement's printed lines, plain.
fn session_text(session: &mut letitcrash::session::Session, line: &str) -> String {
    let stmt = letitcrash::commands::parse_line(line).unwrap().unwrap();
    let evaluation = session.eval(&stmt);
    evaluation
        .lines
        .iter()
        .map(|l| l.render(&letitcrash::view::Style::PLAIN))
        .collect::<Vec<_>>()
        .join("\n")
}
