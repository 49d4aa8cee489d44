//! Server-sent events: the live feed to every open page.
//!
//! An open stream is an [`EventBody`]: the body of a `200 text/event-stream`
//! answer that the web server ([`super::server`]) writes as frames come,
//! each as soon as it is queued, with a keepalive event when nothing has
//! come for a while. No thread belongs to a stream: the [`Hub`] (called by
//! the watcher and the keeper, on their own threads) puts frames into each
//! stream's small bounded queue, and the server's tasks take them out. A
//! phone on bad Wi-Fi that stops reading fills only its own queue and is
//! dropped, and never holds up the projector or the other phones; a socket
//! that takes no more bytes at all is closed by the server's write
//! timeout. A client that goes away ends its stream at the next write.

use bytes::Bytes;
use http_body::{Body, Frame as BodyFrame, SizeHint};
use parking_lot::Mutex;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc::{self, Receiver, Sender, error::TrySendError};
use tokio::time::{Instant, Sleep};

/// Frames queued for one client before it counts as stalled.
const QUEUE: usize = 512;
/// A keepalive this often keeps proxies and phones from closing an idle
/// stream, and finds clients that went away.
const KEEPALIVE: Duration = Duration::from_secs(15);
/// The keepalive: an event, not a comment, because a page sees only
/// events. The phone page counts on one every [`KEEPALIVE`] (its data, in
/// seconds): a stream silent for much longer is dead though not closed (a
/// phone whose Wi-Fi dropped), and the page opens a new one.
const KEEPALIVE_FRAME: &str = "event: keepalive\ndata: 15\n\n";
/// The first thing on every stream: reconnect after a second, not the
/// browser's default three.
const RETRY: &str = "retry: 1000\n\n";

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
    /// Opens a stream for `audience`: the body to answer with, which
    /// carries `first`, then whatever is sent to `audience`.
    pub fn open(&self, audience: Audience, first: Vec<Frame>) -> EventBody {
        let (queue, frames) = mpsc::channel(QUEUE);
        for frame in first {
            let _ = queue.try_send(frame);
        }
        self.clients.lock().push(Client { audience, queue });
        EventBody::new(frames)
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
                Err(TrySendError::Full(_) | TrySendError::Closed(_)) => false,
            }
        });
    }

    pub fn to_projectors(&self, frame: &Frame) {
        self.send(frame, |a| *a == Audience::Projector);
    }

    pub fn to_member(&self, token: &str, frame: &Frame) {
        self.send(frame, |a| matches!(a, Audience::Member(t) if t == token));
    }

    /// Open event streams, by kind: (projectors, members).
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

/// The body of one open stream: the retry hint, then each frame as it is
/// queued, then nothing (the answer ends) once the hub lets go of it.
pub struct EventBody {
    retry: Option<Bytes>,
    frames: Receiver<Frame>,
    /// Made at the first poll, on the server's runtime (a timer needs one).
    keepalive: Option<Pin<Box<Sleep>>>,
}

impl EventBody {
    fn new(frames: Receiver<Frame>) -> EventBody {
        EventBody {
            retry: Some(Bytes::from_static(RETRY.as_bytes())),
            frames,
            keepalive: None,
        }
    }
}

/// A frame's text as body bytes, without copying it.
struct FrameBytes(Frame);

impl AsRef<[u8]> for FrameBytes {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl Body for EventBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<BodyFrame<Bytes>, Infallible>>> {
        if let Some(retry) = self.retry.take() {
            return Poll::Ready(Some(Ok(BodyFrame::data(retry))));
        }
        let text = match self.frames.poll_recv(cx) {
            Poll::Ready(Some(frame)) => Bytes::from_owner(FrameBytes(frame)),
            // The hub let go: the stage stopped, the runtime was reset, or
            // the client stalled.
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => {
                let keepalive = self
                    .keepalive
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(KEEPALIVE)));
                if keepalive.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                Bytes::from_static(KEEPALIVE_FRAME.as_bytes())
            }
        };
        if let Some(keepalive) = &mut self.keepalive {
            keepalive.as_mut().reset(Instant::now() + KEEPALIVE);
        }
        Poll::Ready(Some(Ok(BodyFrame::data(text))))
    }

    fn is_end_stream(&self) -> bool {
        false
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[test]
    fn the_keepalive_says_how_often_it_comes() {
        assert_eq!(
            KEEPALIVE_FRAME,
            &*frame("keepalive", &KEEPALIVE.as_secs().to_string())
        );
    }

    #[test]
    fn a_frame_splits_data_into_lines() {
        assert_eq!(&*frame("say", "a\nb"), "event: say\ndata: a\ndata: b\n\n");
    }

    #[test]
    fn a_stream_carries_the_hint_its_first_frames_and_what_is_sent_to_it() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let hub = Hub::default();
        let mut body = hub.open(
            Audience::Member("t1".into()),
            vec![frame("member", "first")],
        );
        let mut other = hub.open(Audience::Projector, Vec::new());
        hub.to_member("t1", &frame("member", "second"));
        hub.to_member("t2", &frame("member", "not for t1"));
        assert_eq!(hub.counts(), (1, 1));
        hub.close_all();
        let text = runtime.block_on(async {
            let mut text = String::new();
            while let Some(Ok(frame)) = body.frame().await {
                text.push_str(std::str::from_utf8(&frame.into_data().unwrap()).unwrap());
            }
            text
        });
        assert_eq!(
            text,
            "retry: 1000\n\nevent: member\ndata: first\n\nevent: member\ndata: second\n\n"
        );
        let ended = runtime.block_on(async {
            let _retry = other.frame().await;
            other.frame().await.is_none()
        });
        assert!(ended, "a closed stream ends");
    }

    #[test]
    fn a_stream_that_stops_reading_is_dropped_and_the_others_are_not() {
        let hub = Hub::default();
        let _stalled = hub.open(Audience::Projector, Vec::new());
        let mut reading = hub.open(Audience::Member("t1".into()), Vec::new());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        for i in 0..=QUEUE {
            hub.to_projectors(&frame("line", &i.to_string()));
            hub.to_member("t1", &frame("member", &i.to_string()));
            runtime.block_on(async {
                reading.frame().await;
            });
        }
        assert_eq!(hub.counts(), (0, 1));
    }
}
