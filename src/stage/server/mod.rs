//! The stage's web server: HTTP/1.1 on hyper, on a tokio runtime of
//! [`SERVER_THREADS`] threads of its own, so that no number of phones, and
//! nothing a slow or hostile client does, costs a thread or stops it.
//!
//! Every connection is a task: [`accept`] takes it (or answers `503` past
//! the cap, or when descriptors run out), [`conn`] serves it under the
//! bounds of [`limits`], through a [`socket`] that closes it when its
//! client stops taking bytes. An open event stream is a response body
//! ([`crate::stage::sse::EventBody`]) and costs a buffer, not a thread.
//! Joins and crashes await the stage's host process
//! ([`crate::stage::world::World::ask`]) without holding a thread either.
//! Why hyper on tokio rather than a hand-written event loop: see the stage
//! section of docs/architecture.md.

mod accept;
mod conn;
pub mod limits;
mod socket;

use super::Shared;
use accept::Open;
use limits::SERVER_THREADS;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// Connections waiting to be accepted that the kernel keeps: a room
/// pressing Join at the same moment is several hundred.
const BACKLOG: u32 = 1024;
/// How long stopping waits for the server's tasks to notice.
const STOP_WAIT: Duration = Duration::from_secs(1);

/// A running server. Dropping it closes every connection and ends its
/// threads.
pub(super) struct Server {
    runtime: Option<tokio::runtime::Runtime>,
    addr: SocketAddr,
}

impl Server {
    /// Listens on `addr` and serves the stage's routes from now on.
    pub(super) fn start(addr: SocketAddr, shared: Arc<Shared>) -> Result<Server, String> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(SERVER_THREADS)
            // Nothing here blocks: no task calls `spawn_blocking`, so this
            // pool stays empty; one keeps the bound visible.
            .max_blocking_threads(1)
            .thread_name("letitcrash-http")
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| format!("cannot start the web server's threads: {e}"))?;
        let listener = {
            let _inside = runtime.enter();
            listen(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?
        };
        let addr = listener
            .local_addr()
            .map_err(|e| format!("the server has no address: {e}"))?;
        let (soft, _) = limits::descriptor_limit();
        let cap = limits::connection_cap(soft);
        runtime.spawn(accept::run(
            listener,
            cap,
            Open::default(),
            move |stream, slot| {
                let shared = shared.clone();
                tokio::spawn(async move {
                    conn::serve(stream, shared).await;
                    drop(slot);
                });
            },
        ));
        Ok(Server {
            runtime: Some(runtime),
            addr,
        })
    }

    pub(super) fn addr(&self) -> SocketAddr {
        self.addr
    }
}

fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    // A stage restarted at once finds its port free, not in TIME_WAIT.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(STOP_WAIT);
        }
    }
}
