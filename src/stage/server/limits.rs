//! Every bound the web server holds a client to, in one place, and the
//! file descriptors they are sized against.
//!
//! The values are chosen for a room of phones on a venue's Wi-Fi: generous
//! to a slow phone (ten seconds to send a request), strict with anything a
//! page never sends (a head over 16 KiB, more than 64 headers). The
//! connection cap leaves room under the descriptor limit, so that a full
//! room is told `503` instead of finding the server out of descriptors;
//! the accept loop survives running out all the same (see `accept`).

use std::time::Duration;

/// The longest a new connection may wait before its first byte, and then
/// its request head before it is whole; also the longest a kept-alive
/// connection may sit idle between two requests. Past it the connection
/// is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest request body accepted (a Join's is a name).
pub const MAX_BODY: usize = 4096;
/// The longest a request body may take to arrive, whole: a client that
/// announces 4,000 bytes and sends five holds only its own connection, and
/// only this long.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// The most bytes a request head may have (request line and headers). A
/// browser's is under 2 KiB; Node and nginx draw the line at 16 and 32.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The most header fields a request may have (a browser sends about 15).
pub const MAX_HEADERS: usize = 64;
/// A connection whose client takes no bytes at all for this long is
/// closed: a phone that vanished without a goodbye, or a client that
/// stopped reading its event stream.
pub const WRITE_STALL: Duration = Duration::from_secs(30);
/// The most connections served at once, whatever the descriptor limit.
/// A phone holds one (its event stream) and briefly a second (a press).
pub const MAX_CONNECTIONS: usize = 4096;
/// Descriptors kept out of the connection cap for everything else the
/// process opens: the runtime, the listener, the spare descriptor, the
/// files a script reads, the terminal.
pub const RESERVED_DESCRIPTORS: u64 = 64;
/// The cap never goes below this, however low the limit: a few pages must
/// load. Past the real limit the accept loop answers `503` by itself.
const MIN_CONNECTIONS: usize = 16;
/// The server's own threads: the workers of its async runtime. Every
/// connection, stream and request is a task on them; none has a thread.
pub const SERVER_THREADS: usize = 2;

/// The connection cap for a process allowed `soft_limit` descriptors.
pub fn connection_cap(soft_limit: u64) -> usize {
    let room = soft_limit.saturating_sub(RESERVED_DESCRIPTORS);
    usize::try_from(room)
        .unwrap_or(usize::MAX)
        .clamp(MIN_CONNECTIONS, MAX_CONNECTIONS)
}

/// The process's descriptor limit now: (soft, hard).
pub fn descriptor_limit() -> (u64, u64) {
    use nix::sys::resource::{Resource, getrlimit};
    getrlimit(Resource::RLIMIT_NOFILE).unwrap_or((1024, 1024))
}

/// Raises the soft descriptor limit to the hard one, as servers do at
/// start (the usual soft limit of 1,024 is a default for programs that
/// never open many, and a full room needs more than 1,000). Returns the
/// limit in force afterwards. An unlimited hard limit (not on Linux, where
/// it is bounded by `nr_open`) is taken as 2^20.
pub fn raise_descriptor_limit() -> u64 {
    use nix::sys::resource::{RLIM_INFINITY, Resource, setrlimit};
    let (soft, hard) = descriptor_limit();
    let wanted = if hard == RLIM_INFINITY { 1 << 20 } else { hard };
    if soft < wanted && setrlimit(Resource::RLIMIT_NOFILE, wanted, hard).is_ok() {
        return wanted;
    }
    soft
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_leaves_room_under_the_limit_and_stays_within_bounds() {
        assert_eq!(connection_cap(1024), 960);
        assert_eq!(connection_cap(256), 192);
        assert_eq!(connection_cap(20_000), MAX_CONNECTIONS);
        assert_eq!(connection_cap(u64::MAX), MAX_CONNECTIONS);
        assert_eq!(connection_cap(40), MIN_CONNECTIONS);
    }
}
