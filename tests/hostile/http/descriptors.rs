//! Running out: of file descriptors, of connections, and (as the old
//! server did, two per phone) of threads. Each on a `letitcrash serve` in
//! a child process whose limit the test sets (see [`super::child`]).

use super::child::ServeChild;
use super::{assert_page_loads, connect};
use crate::loopback::WAIT;
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// A projector page's event stream, opened: the status of its answer and
/// the socket (kept open, as a page keeps it). `None`: no answer at all
/// (refused, reset, or nothing within the wait).
fn open_stream(addr: SocketAddr) -> Option<(u16, TcpStream)> {
    let mut socket = TcpStream::connect_timeout(&addr, WAIT).ok()?;
    socket.set_read_timeout(Some(WAIT)).ok()?;
    socket
        .write_all(b"GET /events HTTP/1.1\r\nHost: stage\r\nAccept: text/event-stream\r\n\r\n")
        .ok()?;
    let mut head = Vec::new();
    let mut buf = [0u8; 512];
    let deadline = Instant::now() + WAIT;
    while !head.windows(2).any(|w| w == b"\r\n") && Instant::now() < deadline {
        match socket.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => break,
        }
    }
    let line = String::from_utf8_lossy(&head);
    let status = line.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()?;
    Some((status, socket))
}

/// `count` phones open their streams: those served (kept open), and the
/// statuses of all the answers.
fn room(addr: SocketAddr, count: usize) -> (Vec<TcpStream>, Vec<u16>) {
    let mut served = Vec::new();
    let mut statuses = Vec::new();
    for _ in 0..count {
        let (status, socket) = open_stream(addr).expect("every phone gets an answer");
        if status == 200 {
            served.push(socket);
        }
        statuses.push(status);
    }
    (served, statuses)
}

fn tally(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

/// Waits (boundedly) until the child holds at most `descriptors`.
fn settle_to(child: &ServeChild, descriptors: usize) {
    let deadline = Instant::now() + WAIT;
    while child.descriptors() > descriptors {
        assert!(
            Instant::now() < deadline,
            "the server still holds {} descriptors, {descriptors} before the phones came",
            child.descriptors()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn out_of_descriptors_the_server_answers_503_and_accepts_again_once_the_phones_leave() {
    // Started with a soft limit under its hard one: it raises it.
    let mut child = ServeChild::start(100, 512);
    assert_eq!(
        child.limit(),
        (512, 512),
        "the soft limit raised to the hard one"
    );
    assert_page_loads(child.addr, "at start");
    let base = child.descriptors();

    // Now the descriptors run out before the connection cap (which was
    // sized for 512) is reached: room for about 30 connections.
    child.set_limit(base as u64 + 30, 512);
    let (served, statuses) = room(child.addr, 80);
    assert!(tally(&statuses, 200) >= 10, "{statuses:?}");
    assert!(tally(&statuses, 503) >= 10, "{statuses:?}");
    assert_eq!(
        tally(&statuses, 200) + tally(&statuses, 503),
        statuses.len(),
        "{statuses:?}"
    );
    assert!(
        child.says("out of file descriptors"),
        "the presenter is told: {}",
        child.stderr()
    );

    // The phones leave; the server takes everyone again, under the same
    // low limit.
    drop(served);
    settle_to(&child, base + 2);
    assert_page_loads(child.addr, "after the phones left");
    let (again, statuses) = room(child.addr, 10);
    assert_eq!(tally(&statuses, 200), 10, "{statuses:?}");
    drop(again);
    assert!(child.alive());
}

#[test]
fn past_the_connection_cap_phones_are_told_503_and_served_once_others_leave() {
    // A limit of 200 leaves room for 136 connections (64 are kept for the
    // rest of the process).
    let mut child = ServeChild::start(200, 200);
    let cap = letitcrash::stage::limits::connection_cap(200);
    let base = child.descriptors();
    let (served, statuses) = room(child.addr, cap + 40);
    assert_eq!(tally(&statuses, 200), cap, "{statuses:?}");
    assert_eq!(tally(&statuses, 503), 40, "{statuses:?}");
    assert!(child.says("out of connections"), "{}", child.stderr());
    // The refusal says why, and when to come back.
    let mut socket = connect(child.addr);
    socket
        .write_all(b"GET / HTTP/1.1\r\nHost: stage\r\n\r\n")
        .unwrap();
    let heard = super::listen(&mut socket, WAIT);
    assert_eq!(heard.status(), Some(503), "{}", heard.text);
    assert!(heard.text.contains("Retry-After: 5"), "{}", heard.text);
    drop(served);
    settle_to(&child, base + 2);
    assert_page_loads(child.addr, "after the room left");
    assert!(child.alive());
}

#[test]
fn event_streams_cost_no_threads() {
    let child = ServeChild::start(1024, 1024);
    assert_page_loads(child.addr, "at start");
    let before = child.threads();
    let (served, statuses) = room(child.addr, 300);
    assert_eq!(tally(&statuses, 200), 300, "{statuses:?}");
    let during = child.threads();
    assert!(
        during <= before + 1,
        "300 open streams took threads: {before} before, {during} with them"
    );
    drop(served);
}
