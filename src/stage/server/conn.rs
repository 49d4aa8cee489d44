//! One connection, from its first byte to its close: HTTP/1.1 through
//! hyper, with the limits of [`super::limits`]; an HTTP/2 client is told,
//! in HTTP/2, to use HTTP/1.1.
//!
//! hyper answers what it cannot parse by itself (400 for a request line or
//! header that is not HTTP, 431 for a head over the limits, 414 for a
//! path too long), and closes a connection whose head does not arrive in
//! time. It has no answer for HTTP/2's preface, only a silent close, so
//! the first bytes are looked at here: a browser or `curl --http2-prior-
//! knowledge` gets a `GOAWAY` with `HTTP_1_1_REQUIRED`, which both report
//! as such.

use super::limits::{HEADER_TIMEOUT, MAX_HEAD_BYTES, MAX_HEADERS};
use super::socket::Socket;
use crate::stage::Shared;
use crate::stage::http;
use bytes::BytesMut;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What an HTTP/2 client sends first (RFC 9113, 3.4).
const H2_PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

/// An empty SETTINGS frame (a server's preface), then GOAWAY: last stream
/// 0, error HTTP_1_1_REQUIRED (0xd), and a reason to show.
fn h2_refusal() -> Vec<u8> {
    let reason = b"this server speaks HTTP/1.1 only";
    let mut frames = vec![0, 0, 0, 0x4, 0, 0, 0, 0, 0];
    let length = (8 + reason.len()) as u32;
    frames.extend_from_slice(&length.to_be_bytes()[1..]);
    frames.extend_from_slice(&[0x7, 0, 0, 0, 0, 0]);
    frames.extend_from_slice(&0u32.to_be_bytes());
    frames.extend_from_slice(&0xdu32.to_be_bytes());
    frames.extend_from_slice(reason);
    frames
}

/// Serves one accepted connection until it ends.
pub(super) async fn serve(mut stream: TcpStream, shared: Arc<Shared>) {
    // Frames of an event stream are small and must not wait for the
    // acknowledgement of the previous one.
    let _ = stream.set_nodelay(true);
    let first = match tokio::time::timeout(HEADER_TIMEOUT, first_bytes(&mut stream)).await {
        Ok(Some(first)) => first,
        // Closed before a byte, or nothing within the header timeout.
        Ok(None) | Err(_) => return,
    };
    if first.starts_with(H2_PREFACE) {
        let _ = tokio::time::timeout(HEADER_TIMEOUT, refuse_h2(&mut stream)).await;
        return;
    }
    let socket = Socket::new(stream, first.freeze());
    let service = service_fn(move |request| {
        let shared = shared.clone();
        async move { Ok::<_, Infallible>(http::handle(request, &shared).await) }
    });
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS)
        .serve_connection(TokioIo::new(socket), service);
    // An error here is the client's (gone, too slow, not HTTP): hyper has
    // already answered what could be answered.
    let _ = connection.await;
}

/// Tells an HTTP/2 client to use HTTP/1.1, then reads what it sent on
/// until it closes (at most a little): a socket closed with unread bytes
/// is reset, and a reset may overtake the answer.
async fn refuse_h2(stream: &mut TcpStream) -> std::io::Result<()> {
    stream.write_all(&h2_refusal()).await?;
    stream.shutdown().await?;
    let mut rest = [0u8; 1024];
    for _ in 0..16 {
        if stream.read(&mut rest).await? == 0 {
            break;
        }
    }
    Ok(())
}

/// The first bytes of the connection: enough to tell the HTTP/2 preface
/// from anything else (a request line differs from it at once). `None`
/// if the client closed first.
async fn first_bytes(stream: &mut TcpStream) -> Option<BytesMut> {
    let mut first = BytesMut::with_capacity(1024);
    while first.len() < H2_PREFACE.len() && H2_PREFACE.starts_with(&first) {
        if stream.read_buf(&mut first).await.ok()? == 0 {
            return None;
        }
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refusal_is_a_settings_frame_and_a_goaway_frame() {
        let frames = h2_refusal();
        // SETTINGS: length 0, type 4, no flags, stream 0.
        assert_eq!(&frames[..9], &[0, 0, 0, 4, 0, 0, 0, 0, 0]);
        let goaway = &frames[9..];
        let length = u32::from_be_bytes([0, goaway[0], goaway[1], goaway[2]]) as usize;
        assert_eq!(goaway[3], 7, "GOAWAY");
        assert_eq!(goaway.len(), 9 + length);
        assert_eq!(&goaway[13..17], &[0, 0, 0, 0xd], "HTTP_1_1_REQUIRED");
    }
}
