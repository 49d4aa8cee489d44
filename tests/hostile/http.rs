//! The web server against slow and hostile clients: each probe of the
//! issue "Never dies" as a test that the server survived it and went on
//! answering everyone else in time.
//!
//! - Stalled bodies: connections that announce a 4,000-byte `POST /join`
//!   and send five bytes. They hold their own connections only; pages,
//!   joins and crashes are answered meanwhile, and each stalled one gets a
//!   408 once the body timeout passes.
//! - Oversized heads: a 1 MB header line, 20,000 headers, or just more
//!   headers than a browser ever sends: refused with 431.
//! - Silent and slow clients: a connection that sends nothing, or half a
//!   head, is closed after the header timeout.
//! - Not HTTP/1.1: an HTTP/2 preface is told, in HTTP/2, to use HTTP/1.1;
//!   a TLS handshake or noise gets a 400; HTTP/1.0 is served.
//! - Descriptors and connections running out, and the threads a room
//!   costs: on a `letitcrash serve` of its own, in [`descriptors`].
//!
//! Every client here is a raw socket with a read timeout, on loopback.

mod child;
mod descriptors;

use crate::loopback::*;
use letitcrash::stage::limits::{HEADER_TIMEOUT, MAX_HEADERS};
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// Connects, with every wait bounded.
pub fn connect(addr: SocketAddr) -> TcpStream {
    let socket = TcpStream::connect_timeout(&addr, WAIT).expect("connect");
    socket.set_read_timeout(Some(WAIT)).unwrap();
    socket.set_write_timeout(Some(WAIT)).unwrap();
    socket
}

/// What the server sends until it closes the connection, or until `limit`
/// passes (then `closed` is false).
pub struct Heard {
    pub text: String,
    pub closed: bool,
}

impl Heard {
    pub fn status(&self) -> Option<u16> {
        let line = self.text.lines().next()?;
        line.strip_prefix("HTTP/1.")?.get(2..5)?.parse().ok()
    }
}

/// Reads until the server closes or `limit` passes. A reset counts as a
/// close: what came before it is kept.
pub fn listen(socket: &mut TcpStream, limit: Duration) -> Heard {
    let deadline = Instant::now() + limit;
    let mut bytes = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Heard {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                closed: false,
            };
        }
        socket.set_read_timeout(Some(left)).unwrap();
        match socket.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => break,
        }
    }
    Heard {
        text: String::from_utf8_lossy(&bytes).into_owned(),
        closed: true,
    }
}

/// One request on its own connection: what came back.
pub fn exchange(addr: SocketAddr, request: &[u8]) -> Heard {
    let mut socket = connect(addr);
    // The server may answer and close before it has read everything (a
    // head too large): a failed write is not the test's business.
    let _ = socket.write_all(request);
    listen(&mut socket, WAIT)
}

/// `GET /`, answered 200 with the projector page within the wait.
pub fn assert_page_loads(addr: SocketAddr, when: &str) {
    let heard = exchange(
        addr,
        b"GET / HTTP/1.1\r\nHost: stage\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(heard.status(), Some(200), "{when}: {}", heard.text);
    assert!(heard.text.contains("</html>"), "{when}: the whole page");
}

#[test]
fn stalled_bodies_hold_only_their_own_connections() {
    let (mut session, addr) = session_with_stage();
    eval(&mut session, "audience open");
    // More stalled POSTs than the old server had request threads.
    let mut stalled: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut socket = connect(addr);
            socket
                .write_all(
                    b"POST /join HTTP/1.1\r\nHost: stage\r\n\
                      Content-Type: application/x-www-form-urlencoded\r\n\
                      Content-Length: 4000\r\n\r\nname=",
                )
                .unwrap();
            socket
        })
        .collect();
    // Meanwhile everyone else is answered: a page, a join, a crash.
    assert_page_loads(addr, "with eight bodies stalled");
    let joined = ureq::post(&format!("http://{addr}/join"))
        .timeout(WAIT)
        .send_form(&[("name", "Erin")])
        .expect("a join is answered");
    let cookie = joined
        .header("Set-Cookie")
        .and_then(|c| c.split(';').next())
        .expect("a membership cookie")
        .to_owned();
    let membership: serde_json::Value = joined.into_json().unwrap();
    assert!(
        membership["pid"]
            .as_str()
            .is_some_and(|p| p.starts_with("<0.")),
        "{membership}"
    );
    let crashed = ureq::post(&format!("http://{addr}/crash"))
        .timeout(WAIT)
        .set("Cookie", &cookie)
        .send_string("")
        .expect("a crash is answered");
    let answer: serde_json::Value = crashed.into_json().unwrap();
    assert_eq!(answer["count"], 1, "{answer}");
    // Each stalled one is told why, once its time is up.
    for socket in &mut stalled {
        let heard = listen(socket, letitcrash_body_timeout() + WAIT);
        assert_eq!(heard.status(), Some(408), "{}", heard.text);
        assert!(heard.text.contains("did not arrive"), "{}", heard.text);
        assert!(heard.closed, "and the connection is closed");
    }
    drop(session);
}

fn letitcrash_body_timeout() -> Duration {
    letitcrash::stage::limits::BODY_TIMEOUT
}

#[test]
fn oversized_heads_are_refused_with_431_and_the_server_goes_on() {
    let (session, addr) = session_with_stage();
    let huge_line = format!(
        "GET / HTTP/1.1\r\nHost: stage\r\nX-Huge: {}\r\n\r\n",
        "a".repeat(1 << 20)
    );
    let many: String = (0..20_000).map(|i| format!("X-{i}: {i}\r\n")).collect();
    let twenty_thousand = format!("GET / HTTP/1.1\r\nHost: stage\r\n{many}\r\n");
    let just_over: String = (0..=MAX_HEADERS)
        .map(|i| format!("X-{i}: {i}\r\n"))
        .collect();
    let too_many = format!("GET / HTTP/1.1\r\nHost: stage\r\n{just_over}\r\n");
    for (what, request) in [
        ("a 1 MB header line", &huge_line),
        ("20,000 headers", &twenty_thousand),
        ("one header more than allowed", &too_many),
    ] {
        let heard = exchange(addr, request.as_bytes());
        assert_eq!(heard.status(), Some(431), "{what}: {}", heard.text);
        assert!(heard.closed, "{what}: the connection is closed");
        assert_page_loads(addr, &format!("after {what}"));
    }
    // As many headers as allowed are fine.
    let allowed: String = (0..MAX_HEADERS - 2)
        .map(|i| format!("X-{i}: {i}\r\n"))
        .collect();
    let heard = exchange(
        addr,
        format!("GET /me HTTP/1.1\r\nHost: stage\r\nConnection: close\r\n{allowed}\r\n").as_bytes(),
    );
    assert_eq!(heard.status(), Some(200), "{}", heard.text);
    drop(session);
}

#[test]
fn silent_and_slow_clients_are_closed_after_the_header_timeout() {
    let (session, addr) = session_with_stage();
    let started = Instant::now();
    let mut silent = connect(addr);
    let mut half = connect(addr);
    half.write_all(b"GET / HTTP/1.1\r\nHost: st").unwrap();
    // A kept-alive connection that went quiet after its first request.
    let mut idle = connect(addr);
    idle.write_all(b"GET /me HTTP/1.1\r\nHost: stage\r\n\r\n")
        .unwrap();
    let limit = HEADER_TIMEOUT * 2 + WAIT;
    for (what, socket) in [
        ("silent", &mut silent),
        ("half a head", &mut half),
        ("idle after a request", &mut idle),
    ] {
        let heard = listen(socket, limit.saturating_sub(started.elapsed()));
        assert!(
            heard.closed,
            "{what}: still open after {:?}",
            started.elapsed()
        );
        if what == "idle after a request" {
            assert_eq!(heard.status(), Some(200), "{}", heard.text);
        }
    }
    assert!(
        started.elapsed() >= HEADER_TIMEOUT.saturating_sub(Duration::from_secs(1)),
        "not closed before its time: {:?}",
        started.elapsed()
    );
    assert_page_loads(addr, "after the silent clients");
    drop(session);
}

#[test]
fn what_is_not_http_1_1_gets_an_answer() {
    let (session, addr) = session_with_stage();
    // HTTP/2 with prior knowledge: a SETTINGS frame, then GOAWAY with
    // HTTP_1_1_REQUIRED (0xd).
    let mut preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
    preface.extend_from_slice(&[0, 0, 0, 4, 0, 0, 0, 0, 0]);
    let mut socket = connect(addr);
    socket.write_all(&preface).unwrap();
    let mut answer = Vec::new();
    let deadline = Instant::now() + WAIT;
    let mut buf = [0u8; 256];
    while Instant::now() < deadline {
        match socket.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
    }
    assert!(answer.len() >= 9 + 17, "{answer:?}");
    assert_eq!(answer[3], 4, "a SETTINGS frame first: {answer:?}");
    let goaway = &answer[9..];
    assert_eq!(goaway[3], 7, "then GOAWAY: {answer:?}");
    assert_eq!(&goaway[13..17], &[0, 0, 0, 0xd], "HTTP_1_1_REQUIRED");

    // A TLS ClientHello's first bytes, and plain noise.
    for (what, bytes) in [
        ("TLS", &b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"[..]),
        ("noise", &b"\x00\xff hello?\r\n\r\n"[..]),
        (
            "an unknown version",
            &b"GET / HTTP/3.0\r\nHost: stage\r\n\r\n"[..],
        ),
    ] {
        let heard = exchange(addr, bytes);
        assert_eq!(heard.status(), Some(400), "{what}: {}", heard.text);
        assert!(heard.closed, "{what}");
    }

    // HTTP/1.0 is still HTTP/1: served.
    let heard = exchange(addr, b"GET /me HTTP/1.0\r\n\r\n");
    assert_eq!(heard.status(), Some(200), "{}", heard.text);
    assert!(heard.closed, "HTTP/1.0 closes after the answer");
    assert_page_loads(addr, "after the strangers");
    drop(session);
}
