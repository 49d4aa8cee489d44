//! The accept loop: it never ends while the stage runs, whatever accepting
//! fails with, and it never leaves a client without an answer.
//!
//! - Past the connection cap, a new connection is answered `503` at once
//!   and closed; it takes no task, no buffer and no time of the others.
//! - Out of file descriptors (`EMFILE`, `ENFILE`: the limit is below the
//!   cap, or something else in the process holds many), accepting fails
//!   and the client stays in the kernel's backlog, where it would wait
//!   unanswered and the loop would spin on the same error. So the loop
//!   keeps one descriptor spare: it closes it, accepts the waiting client
//!   with it, answers `503`, closes that, and opens the spare again. Once
//!   connections close, accepting works again by itself.
//! - Either is said on standard error, at most every ten seconds with a
//!   count, so that a presenter learns why phones were turned away.

use bytes::Bytes;
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::Shutdown;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// How often a refusal is said again, at most.
const COMPLAIN_EVERY: Duration = Duration::from_secs(10);
/// The pause after an accept error that is neither the client's nor a
/// shortage of descriptors (the loop must not spin on it).
const BACKOFF: Duration = Duration::from_millis(50);
/// How long a refused client may take to send its request, to be read
/// before the answer (see [`refuse`]).
const REFUSE_WAIT: Duration = Duration::from_millis(200);
/// The same, when the accept loop itself waits: out of descriptors, or
/// with [`MAX_REFUSING`] refusals under way already.
const REFUSE_WAIT_INLINE: Duration = Duration::from_millis(10);
/// Refusals that wait for their request beside the loop, at most.
const MAX_REFUSING: usize = 256;

/// Where connections come from: the listener, or a test's stand-in.
pub(super) trait Listener {
    fn accept(&mut self) -> impl Future<Output = io::Result<TcpStream>> + Send;
}

impl Listener for tokio::net::TcpListener {
    async fn accept(&mut self) -> io::Result<TcpStream> {
        tokio::net::TcpListener::accept(self)
            .await
            .map(|(stream, _)| stream)
    }
}

/// The connections open now; each holds a [`Slot`] until it ends.
#[derive(Clone, Default)]
pub(super) struct Open(Arc<AtomicUsize>);

impl Open {
    fn count(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }

    fn take(&self) -> Slot {
        self.0.fetch_add(1, Ordering::Relaxed);
        Slot(self.0.clone())
    }
}

/// One open connection's place under the cap, given back when dropped.
pub(super) struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Accepts connections for ever, handing each to `serve` with its slot,
/// or refusing it (see the module's comment).
pub(super) async fn run<L: Listener>(
    mut listener: L,
    cap: usize,
    open: Open,
    mut serve: impl FnMut(TcpStream, Slot),
) {
    let mut spare = File::open("/dev/null").ok();
    let mut full = Complaint::new("connections", cap);
    let mut starved = Complaint::new("file descriptors", cap);
    let refusing = Open::default();
    loop {
        match listener.accept().await {
            Ok(stream) if open.count() >= cap => {
                full.count();
                if refusing.count() < MAX_REFUSING {
                    let slot = refusing.take();
                    tokio::spawn(async move {
                        refuse(stream, REFUSE_WAIT).await;
                        drop(slot);
                    });
                } else {
                    refuse(stream, REFUSE_WAIT_INLINE).await;
                }
            }
            Ok(stream) => serve(stream, open.take()),
            Err(error) if out_of_descriptors(&error) => {
                // The spare makes room for one: answer the client waiting
                // in the backlog, then take the spare back. The kernel
                // fails an accept for want of a descriptor before it looks
                // for a client, so there may be none: only one waiting
                // already is taken (a zero timeout polls once), and a
                // client that comes later is accepted the usual way.
                if spare.take().is_some()
                    && let Ok(Ok(stream)) =
                        tokio::time::timeout(Duration::ZERO, listener.accept()).await
                {
                    starved.count();
                    refuse(stream, REFUSE_WAIT_INLINE).await;
                }
                spare = File::open("/dev/null").ok();
                if spare.is_none() {
                    // Not even one descriptor came back: wait for
                    // connections to close rather than spin.
                    tokio::time::sleep(BACKOFF).await;
                }
            }
            // The client gave up between connecting and being accepted.
            Err(error) if client_gone(&error) => {}
            Err(_) => tokio::time::sleep(BACKOFF).await,
        }
    }
}

fn out_of_descriptors(error: &io::Error) -> bool {
    use nix::errno::Errno;
    error.raw_os_error().is_some_and(|code| {
        matches!(
            Errno::from_raw(code),
            Errno::EMFILE | Errno::ENFILE | Errno::ENOBUFS | Errno::ENOMEM
        )
    })
}

fn client_gone(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::Interrupted
            | io::ErrorKind::WouldBlock
    )
}

/// The answer to a connection the server cannot take now.
fn busy() -> Bytes {
    let body =
        r#"{"error":"the stage has all the connections it can take: try again in a few seconds"}"#;
    format!(
        "HTTP/1.1 503 Service Unavailable\r\n\
         Content-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\n\
         Retry-After: 5\r\n\
         Cache-Control: no-store\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
    .into()
}

/// Answers `503` and closes. The request is read and dropped first
/// (waiting for it at most `wait`): closing a socket with unread bytes
/// resets the connection, and a reset may overtake the answer.
async fn refuse(stream: TcpStream, wait: Duration) {
    let _ = tokio::time::timeout(wait, stream.readable()).await;
    let Ok(mut stream) = stream.into_std() else {
        return;
    };
    let mut request = [0u8; 4096];
    for _ in 0..4 {
        match stream.read(&mut request) {
            Ok(n) if n > 0 => {}
            _ => break,
        }
    }
    // A fresh socket's buffer takes the whole answer in one write.
    let _ = stream.write_all(&busy());
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.read(&mut request);
}

/// A refusal said on standard error, at most every [`COMPLAIN_EVERY`].
struct Complaint {
    what: &'static str,
    cap: usize,
    last: Option<Instant>,
    unsaid: u64,
}

impl Complaint {
    fn new(what: &'static str, cap: usize) -> Complaint {
        Complaint {
            what,
            cap,
            last: None,
            unsaid: 0,
        }
    }

    fn count(&mut self) {
        self.unsaid += 1;
        if self.last.is_some_and(|at| at.elapsed() < COMPLAIN_EVERY) {
            return;
        }
        let (soft, _) = super::limits::descriptor_limit();
        eprintln!(
            "letitcrash stage: out of {} ({} connections allowed, descriptor limit {soft}): \
             turned away {} with 503",
            self.what,
            self.cap,
            crate::view::plural(self.unsaid as usize, "connection", "connections")
        );
        self.last = Some(Instant::now());
        self.unsaid = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::SocketAddr;

    /// The listener, but the first `failures` clients find the process
    /// out of descriptors: their accept fails with EMFILE and they stay in
    /// the backlog, from where the next accept (the one the spare
    /// descriptor makes room for) takes them.
    struct Starved {
        listener: tokio::net::TcpListener,
        failures: usize,
        backlog: Option<TcpStream>,
    }

    impl Listener for Starved {
        async fn accept(&mut self) -> io::Result<TcpStream> {
            if let Some(waiting) = self.backlog.take() {
                return Ok(waiting);
            }
            let stream = Listener::accept(&mut self.listener).await?;
            if self.failures == 0 {
                return Ok(stream);
            }
            self.failures -= 1;
            self.backlog = Some(stream);
            Err(io::Error::from_raw_os_error(
                nix::errno::Errno::EMFILE as i32,
            ))
        }
    }

    fn ask(addr: SocketAddr) -> String {
        let mut client = std::net::TcpStream::connect(addr).unwrap();
        client
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        client
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut answer = String::new();
        let _ = client.read_to_string(&mut answer);
        answer
    }

    fn server(failures: usize, cap: usize) -> (tokio::runtime::Runtime, SocketAddr, Open) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let open = Open::default();
        let served = open.clone();
        let starved = Starved {
            listener,
            failures,
            backlog: None,
        };
        runtime.spawn(run(starved, cap, served, |mut stream, slot| {
            tokio::spawn(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut request = [0u8; 1024];
                let _ = stream.read(&mut request).await;
                let _ = stream
                    .write_all(
                        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
                    )
                    .await;
                drop(stream);
                drop(slot);
            });
        }));
        (runtime, addr, open)
    }

    #[test]
    fn out_of_descriptors_the_waiting_client_is_answered_503_and_the_next_is_served() {
        let (_runtime, addr, _) = server(3, 100);
        for _ in 0..3 {
            let refused = ask(addr);
            assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");
            assert!(refused.contains("try again"), "{refused}");
        }
        let next = ask(addr);
        assert!(next.starts_with("HTTP/1.1 200"), "{next}");
    }

    #[test]
    fn past_the_cap_a_client_is_answered_503_and_served_once_a_slot_is_free() {
        let (_runtime, addr, open) = server(0, 1);
        // The one slot, held by a client that has not sent its request.
        let holder = std::net::TcpStream::connect(addr).unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while open.count() == 0 {
            assert!(Instant::now() < deadline, "the holder was never served");
            std::thread::sleep(Duration::from_millis(5));
        }
        let refused = ask(addr);
        assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");
        drop(holder);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let answer = ask(addr);
            if answer.starts_with("HTTP/1.1 200") {
                break;
            }
            assert!(Instant::now() < deadline, "never served again: {answer}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
