//! The stage over loopback, as phones and the projector page drive it:
//! plain POSTs, and server-sent event streams read off raw sockets. Shared
//! by the stage's tests and the hostile suite (`#[path]`-included, so each
//! test binary compiles what it uses).
//!
//! Every wait is bounded: a stage that never sends a frame fails the test
//! with the frames it did send, it does not hang it.
#![allow(dead_code)]

use letitcrash::commands::parse_line;
use letitcrash::frontend::open_session;
use letitcrash::session::{Session, SessionConfig};
use letitcrash::view::Style;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// The longest wait for any one thing the stage should do.
pub const WAIT: Duration = Duration::from_secs(10);
/// How long a stream must stay silent to count as told nothing.
pub const QUIET: Duration = Duration::from_millis(500);

pub fn session_with_stage() -> (Session, SocketAddr) {
    let mut session = open_session(SessionConfig::live(Style::PLAIN));
    eval(&mut session, "stage on 0");
    let addr = letitcrash::stage::control::address(&session).expect("the stage is on");
    assert!(addr.ip().is_loopback(), "{addr}");
    (session, addr)
}

pub fn eval(session: &mut Session, line: &str) {
    let stmt = parse_line(line).unwrap().expect("a statement");
    let evaluation = session.eval(&stmt);
    assert!(evaluation.ok, "{line}: {:?}", evaluation.lines);
}

/// One server-sent event: its name and its data.
#[derive(Clone, Debug)]
pub struct Frame {
    pub event: String,
    pub data: String,
}

impl Frame {
    /// A member frame's JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.data).unwrap_or(Value::Null)
    }

    /// A member frame's `type`.
    pub fn kind(&self) -> String {
        self.json()["type"].as_str().unwrap_or("").to_owned()
    }
}

/// An open event stream: frames arrive on a channel from a reader thread,
/// so the test waits for them with a deadline. The thread ends when the
/// stage closes the stream (when the session is dropped).
pub struct Stream {
    frames: Receiver<Frame>,
    pub seen: Vec<Frame>,
}

impl Stream {
    pub fn open(addr: SocketAddr, path: &str, cookie: Option<&str>) -> Stream {
        let mut socket = TcpStream::connect_timeout(&addr, WAIT).expect("connect");
        // A cap, not a wait: the stage sends a keepalive every 15 s.
        socket.set_read_timeout(Some(WAIT * 3)).unwrap();
        let cookie = cookie
            .map(|c| format!("Cookie: {c}\r\n"))
            .unwrap_or_default();
        write!(
            socket,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n{cookie}\r\n"
        )
        .unwrap();
        let (tx, frames) = channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(socket).lines();
            // The response head, up to its blank line.
            let status = lines.next().and_then(Result::ok).unwrap_or_default();
            assert!(status.starts_with("HTTP/1.1 200"), "{status}");
            for line in lines.by_ref() {
                if line.map_or(true, |l| l.is_empty()) {
                    break;
                }
            }
            let (mut event, mut data) = (String::new(), Vec::new());
            for line in lines {
                let Ok(line) = line else { return };
                if let Some(name) = line.strip_prefix("event: ") {
                    event = name.to_owned();
                } else if let Some(text) = line.strip_prefix("data: ") {
                    data.push(text.to_owned());
                } else if line.is_empty() && event == "keepalive" {
                    // Transport, not news: a test that waited 15 s for
                    // nothing must still see nothing.
                    event.clear();
                    data.clear();
                } else if line.is_empty() && !event.is_empty() {
                    let frame = Frame {
                        event: std::mem::take(&mut event),
                        data: std::mem::take(&mut data).join("\n"),
                    };
                    if tx.send(frame).is_err() {
                        return;
                    }
                }
            }
        });
        Stream {
            frames,
            seen: Vec::new(),
        }
    }

    /// Reads frames until `wanted` holds for the frames seen so far.
    pub fn until(&mut self, what: &str, wanted: impl Fn(&[Frame]) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !wanted(&self.seen) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.frames.recv_timeout(left) {
                Ok(frame) => self.seen.push(frame),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    panic!("waiting for {what}; the stream said: {:#?}", self.seen)
                }
            }
        }
    }

    /// Reads whatever comes within [`QUIET`].
    pub fn settle(&mut self) {
        while let Ok(frame) = self.frames.recv_timeout(QUIET) {
            self.seen.push(frame);
        }
    }

    /// The member frames seen, by type, in order.
    pub fn kinds(&self) -> Vec<String> {
        self.seen
            .iter()
            .filter(|f| f.event == "member")
            .map(Frame::kind)
            .collect()
    }

    /// How many member frames of type `kind` were seen.
    pub fn count(&self, kind: &str) -> usize {
        self.kinds().iter().filter(|k| *k == kind).count()
    }

    /// The first member frame of type `kind`, with its position.
    pub fn find(&self, kind: &str) -> Option<(usize, Value)> {
        self.seen
            .iter()
            .enumerate()
            .find(|(_, f)| f.event == "member" && f.kind() == kind)
            .map(|(i, f)| (i, f.json()))
    }
}

/// A phone that joined: its cookie, and the membership the server sent.
pub struct Phone {
    pub cookie: String,
    pub pid: String,
    pub stream: Stream,
}

pub fn join(addr: SocketAddr, name: &str, partition: &str) -> Phone {
    let answer = ureq::post(&format!("http://{addr}/join"))
        .timeout(WAIT)
        .send_form(&[("name", name)])
        .unwrap_or_else(|e| panic!("{name} joins: {e}"));
    let cookie = answer
        .header("Set-Cookie")
        .and_then(|c| c.split(';').next())
        .expect("a membership cookie")
        .to_owned();
    let membership: Value = answer.into_json().unwrap();
    assert_eq!(membership["partition"], partition, "{membership}");
    let pid = membership["pid"].as_str().unwrap().to_owned();
    assert!(pid.starts_with("<0."), "{membership}");
    let mut stream = Stream::open(addr, "/events/me", Some(&cookie));
    stream.until("the membership", |seen| !seen.is_empty());
    assert_eq!(stream.kinds(), ["member"], "the first frame is who you are");
    // The stage may tell of this very start once more, when its watcher
    // gets to the supervisor's report: part of joining, not news.
    stream.settle();
    for frame in &stream.seen[1..] {
        assert_eq!(frame.kind(), "started", "{frame:?}");
        assert_eq!(frame.json()["pid"], pid.as_str(), "{frame:?}");
    }
    stream.seen.clear();
    Phone {
        cookie,
        pid,
        stream,
    }
}

/// Presses Crash; returns the answer's status and body.
pub fn crash(addr: SocketAddr, phone: &Phone) -> (u16, String) {
    let answer = ureq::post(&format!("http://{addr}/crash"))
        .timeout(WAIT)
        .set("Cookie", &phone.cookie)
        .send_string("");
    match answer {
        Ok(answer) => (answer.status(), answer.into_string().unwrap()),
        Err(ureq::Error::Status(status, answer)) => (status, answer.into_string().unwrap()),
        Err(e) => panic!("crash: {e}"),
    }
}

/// The pid `/me` says the phone's process is now.
pub fn current_pid(addr: SocketAddr, phone: &Phone) -> String {
    let me: Value = ureq::get(&format!("http://{addr}/me"))
        .timeout(WAIT)
        .set("Cookie", &phone.cookie)
        .call()
        .unwrap()
        .into_json()
        .unwrap();
    me["pid"].as_str().unwrap_or("").to_owned()
}

/// Waits until the projector has drawn `path`: from then on the stage
/// knows that supervisor and places what happens under it.
pub fn drawn(projector: &mut Stream, path: &str) {
    let attribute = format!("data-path=\"{path}\"");
    projector.until(path, |seen| {
        seen.iter()
            .any(|f| f.event == "svg" && f.data.contains(&attribute))
    });
}
