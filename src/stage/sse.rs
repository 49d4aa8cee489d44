//! Server-sent events: the live feed to every open page.
//!
//! tiny_http buffers a streaming body in its chunked encoder, so a stream
//! is written by hand: the response head, then one `event:`/`data:` frame
//! at a time, each flushed at once. Every open stream has its own small
//! writer thread fed by a bounded queue: a phone on bad Wi-Fi that stops
//! reading fills only its own queue and is dropped, and never holds up the
//! projector or the other phones. A client that goes away ends its thread
//! at the next write; it costs nothing after that.

use crossbeam_channel::{Receiver, Sender, TrySendError, bounded};
use parking_lot::Mutex;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// Frames queued for one client before it counts as stalled.
const QUEUE: usize = 512;
/// A comment line this often keeps proxies and phones from closing an
/// idle stream, and finds clients that went away.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// One SSE frame, ready to write.
pub type Frame = Arc<str>;

/// A frame with an event name and data (split into `data:` lines).
pub fn frame(event: &str, data: &str) -> Frame {
    let mut text = format!("event: {event}\n");
    for line in data.split('\n') {
        text.push_str("data: ");
        text.push_str(line.trim_end_matches('\r'));
        text.push('\n');
    }
    text.push('\n');
    text.into()
}

/// Who a stream is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The projector page: the tree, the ticker, the caption.
    Projector,
    /// One member's phone, by membership token.
    Member(String),
}

struct Client {
    audience: Audience,
    queue: Sender<Frame>,
}

/// The open streams.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Client>>,
}

impl Hub {
    /// Starts streaming to `writer` (a raw connection): writes the head,
    /// then `first` frames, then whatever is sent to `audience`.
    pub fn open(&self, writer: Box<dyn Write + Send>, audience: Audience, first: Vec<Frame>) {
        let (queue, frames) = bounded(QUEUE);
        for frame in first {
            let _ = queue.try_send(frame);
        }
        self.clients.lock().push(Client { audience, queue });
        let spawned = std::thread::Builder::new()
            .name("letitcrash-sse".into())
            .stack_size(64 * 1024)
            .spawn(move || stream(writer, frames));
        if spawned.is_err() {
            // Out of threads: the queue's receiver is gone, so the next
            // send drops the client.
        }
    }

    /// Sends `frame` to every stream for which `to` holds; drops streams
    /// that are gone or stalled.
    pub fn send(&self, frame: &Frame, to: impl Fn(&Audience) -> bool) {
        self.clients.lock().retain(|client| {
            // A stream that is not addressed is kept: it is swept the next
            // time something is sent to it.
            if !to(&client.audience) {
                return true;
            }
            match client.queue.try_send(frame.clone()) {
                Ok(()) => true,
                Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => false,
            }
        });
    }

    pub fn to_projectors(&self, frame: &Frame) {
        self.send(frame, |a| *a == Audience::Projector);
    }

    pub fn to_member(&self, token: &str, frame: &Frame) {
        self.send(frame, |a| matches!(a, Audience::Member(t) if t == token));
    }

    /// Open streams, by kind: (projectors, members).
    pub fn counts(&self) -> (usize, usize) {
        let clients = self.clients.lock();
        let projectors = clients
            .iter()
            .filter(|c| c.audience == Audience::Projector)
            .count();
        (projectors, clients.len() - projectors)
    }

    /// Closes every stream (the stage is stopping, or the runtime was reset).
    pub fn close_all(&self) {
        self.clients.lock().clear();
    }
}

/// The writer thread of one stream.
fn stream(mut writer: Box<dyn Write + Send>, frames: Receiver<Frame>) {
    let head = "HTTP/1.1 200 OK\r\n\
                Content-Type: text/event-stream; charset=utf-8\r\n\
                Cache-Control: no-store\r\n\
                X-Accel-Buffering: no\r\n\
                Connection: close\r\n\r\n\
                retry: 1000\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let text = match frames.recv_timeout(KEEPALIVE) {
            Ok(frame) => frame,
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => ": keepalive\n\n".into(),
            // The hub let go: the stage stopped, or the client was dropped.
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(text.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_splits_data_into_lines() {
        assert_eq!(&*frame("say", "a\nb"), "event: say\ndata: a\ndata: b\n\n");
    }
}
