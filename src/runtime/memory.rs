//! Giving memory back to the operating system once the processes that
//! held it are gone.
//!
//! The binary allocates with mimalloc 3 (`src/main.rs`), which keeps
//! freed pages for a while before it returns them to the system (its purge
//! delay, one second), and returns them only when the thread that owns
//! them next calls into the allocator. A scheduler thread that goes to sleep
//! right after a flood's mailbox was freed never calls into it again, so
//! its pages stay: measured (2026-12-04, release build) a flood of 11
//! million messages left 574 to 791 MB resident after every process was
//! gone, for good, where the session started at 11 MB. Nothing else held
//! the memory: with mimalloc told to purge at once
//! (`MIMALLOC_PURGE_DELAY=0`) the same run went back to 12 MB, but that
//! setting pays a system call on every freed page and made `bench spawn`'s
//! teardown 35% slower.
//!
//! So the threads give memory back when they go idle, once per idle
//! period, and only after work:
//!
//! - a scheduler worker that ran something and then finds nothing to do
//!   sleeps at most [`IDLE_RELEASE`]; if nothing comes, it releases, and
//!   asks the other workers to release too (memory it freed may be theirs:
//!   a message is freed by whoever frees it, its page belongs to the thread
//!   that allocated it); a worker that is never idle that long (a spinner
//!   on it, a ticker) releases every [`RELEASE_PERIOD`] all the same;
//! - the thread that drops a runtime (`reset`) releases after it, and the
//!   session's thread after each statement.
//!
//! What "release" does is the allocator's business, so the binary installs
//! it ([`set_release`]: mimalloc's `mi_collect`); without one (the tests,
//! which run on the system allocator) it does nothing.

use std::sync::OnceLock;
use std::time::Duration;

/// How long a worker that ran something waits for more work before it
/// gives its freed memory back.
pub const IDLE_RELEASE: Duration = Duration::from_millis(100);

/// A worker that keeps working (a spinner on it, a ticker waking it more
/// often than [`IDLE_RELEASE`]) gives memory back at most this often, and
/// at least this often while it works.
pub const RELEASE_PERIOD: Duration = Duration::from_secs(1);

/// A busy worker looks at the clock every this many slices (a slice is at
/// most 4,000 reductions, some 100 µs).
pub const BUSY_CHECK_SLICES: u32 = 1024;

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Installs how a thread returns its freed memory to the operating
/// system; once, before the first runtime starts. False if one was
/// installed already.
pub fn set_release(release: fn()) -> bool {
    RELEASE.set(release).is_ok()
}

/// Returns what this thread has freed to the operating system, if the
/// program installed a way to.
pub fn release_here() {
    if let Some(release) = RELEASE.get() {
        release();
    }
}
