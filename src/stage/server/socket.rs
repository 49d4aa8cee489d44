//! One client's connection as the HTTP library sees it: the bytes read
//! while telling HTTP/1 from HTTP/2 are given back first, and a write that
//! makes no progress for [`WRITE_STALL`] fails, which ends the connection.
//!
//! The write timeout lives here, in the socket, because only the socket
//! knows that the client has stopped taking bytes: an event stream whose
//! phone stopped reading would otherwise hold its connection for as long
//! as the kernel keeps probing a zero window, which is for ever.

use super::limits::WRITE_STALL;
use bytes::{Buf, Bytes};
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

pub(super) struct Socket {
    /// Read already, not yet handed over.
    prefix: Bytes,
    stream: TcpStream,
    /// Running while the client takes no bytes.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl Socket {
    pub(super) fn new(stream: TcpStream, prefix: Bytes) -> Socket {
        Socket {
            prefix,
            stream,
            stalled: None,
        }
    }

    /// A write that could not go out: wait, unless it has waited too long.
    fn blocked<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        let stalled = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(WRITE_STALL)));
        match stalled.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client took no bytes for too long",
            ))),
        }
    }

    fn wrote<T>(
        &mut self,
        written: Poll<io::Result<T>>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<T>> {
        match written {
            Poll::Pending => self.blocked(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }
}

impl AsyncRead for Socket {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.prefix.has_remaining() {
            let n = this.prefix.len().min(buf.remaining());
            buf.put_slice(&this.prefix[..n]);
            this.prefix.advance(n);
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut this.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Socket {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let written = Pin::new(&mut this.stream).poll_write(cx, buf);
        this.wrote(written, cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let written = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        this.wrote(written, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let flushed = Pin::new(&mut this.stream).poll_flush(cx);
        this.wrote(flushed, cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let shut = Pin::new(&mut this.stream).poll_shutdown(cx);
        this.wrote(shut, cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A connected pair on loopback: (the server's side, the client's).
    async fn pair() -> (TcpStream, TcpStream) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        let (server, _) = listener.accept().await.unwrap();
        (server, client)
    }

    fn paused_runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .unwrap()
    }

    #[test]
    fn a_client_that_takes_no_bytes_fails_the_write_after_the_stall_limit() {
        paused_runtime().block_on(async {
            let (server, _client_never_reads) = pair().await;
            let mut socket = Socket::new(server, Bytes::new());
            let started = tokio::time::Instant::now();
            let chunk = vec![b'x'; 64 * 1024];
            // Bounded: the kernel's buffers hold a few MiB at most.
            let mut error = None;
            for _ in 0..10_000 {
                if let Err(e) = socket.write_all(&chunk).await {
                    error = Some(e);
                    break;
                }
            }
            let error = error.expect("the write failed");
            assert_eq!(error.kind(), io::ErrorKind::TimedOut);
            assert!(started.elapsed() >= WRITE_STALL, "{:?}", started.elapsed());
        });
    }

    #[test]
    fn the_bytes_read_ahead_come_first() {
        paused_runtime().block_on(async {
            let (server, mut client) = pair().await;
            client.write_all(b" / HTTP/1.1").await.unwrap();
            drop(client);
            let mut socket = Socket::new(server, Bytes::from_static(b"GET"));
            let mut text = String::new();
            socket.read_to_string(&mut text).await.unwrap();
            assert_eq!(text, "GET / HTTP/1.1");
        });
    }
}
