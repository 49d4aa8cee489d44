//! The per-slice bookkeeping of a process, kept in atomics.
//!
//! The budget of reductions, what the program wants next (yield, or wait
//! until a deadline), and whether the process is ending are read and written
//! on every receive and every send. Only the worker running the process
//! writes them (views only read), so they need no lock: plain atomics with
//! relaxed ordering suffice, and a message hop costs a few locks fewer. The
//! process lock still guards everything other processes can touch.

use std::sync::atomic::{
    AtomicBool, AtomicI32, AtomicU32, AtomicU64, Ordering::Acquire, Ordering::Relaxed,
    Ordering::Release,
};
use std::time::Duration;

const NO_DEADLINE: u64 = u64::MAX;

pub(in crate::runtime) struct SliceState {
    /// Reductions left in the current slice.
    budget: AtomicI32,
    /// Reductions used over the process's life.
    reductions: AtomicU64,
    /// The program gave up the CPU because its budget ran out.
    yield_requested: AtomicBool,
    /// The receive deadline the program waits for (nanoseconds on the
    /// runtime clock), or `NO_DEADLINE`.
    wait_until: AtomicU64,
    /// Mirrors `ProcState::ending.is_some()`, so the worker can see that a
    /// process is ending without taking its lock.
    ending: AtomicBool,
    /// Signals other than messages waiting in the queue. When there are
    /// none, a slice can start without handling the queue: the program's
    /// receives will take the messages in order.
    control_signals: AtomicU32,
    /// False only when the process last looked (under its lock) and found
    /// no signal waiting and an empty mailbox. A receive without a timeout
    /// that finds it false can wait without taking the lock. Senders set it
    /// (a plain store, under the process lock) before they notify, so a
    /// receive that misses the store is caught by the run-state protocol
    /// (the process is running, so the notify marks it to run again).
    news: AtomicBool,
    /// Messages delivered since the process's heap was last measured
    /// (`heap.rs`). Senders bump it under the process lock (a load and a
    /// store: the lock orders them), the measurement resets it under the
    /// same lock, and the worker reads it at the end of a slice.
    arrived: AtomicU32,
}

impl SliceState {
    pub(in crate::runtime) fn new() -> SliceState {
        SliceState {
            budget: AtomicI32::new(0),
            reductions: AtomicU64::new(0),
            yield_requested: AtomicBool::new(false),
            wait_until: AtomicU64::new(NO_DEADLINE),
            ending: AtomicBool::new(false),
            control_signals: AtomicU32::new(0),
            news: AtomicBool::new(true),
            arrived: AtomicU32::new(0),
        }
    }

    pub(in crate::runtime) fn start(&self, budget: i32) {
        self.budget.store(budget, Relaxed);
    }

    pub(in crate::runtime) fn budget(&self) -> i32 {
        self.budget.load(Relaxed)
    }

    /// Only the worker running the process charges it, so a load and a
    /// store will do (no read-modify-write, which costs a locked bus cycle).
    pub(in crate::runtime) fn charge(&self, n: u32) {
        self.budget
            .store(self.budget.load(Relaxed) - n as i32, Relaxed);
        self.reductions
            .store(self.reductions.load(Relaxed) + u64::from(n), Relaxed);
    }

    pub(in crate::runtime) fn reductions(&self) -> u64 {
        self.reductions.load(Relaxed)
    }

    pub(in crate::runtime) fn request_yield(&self) {
        self.yield_requested.store(true, Relaxed);
    }

    pub(in crate::runtime) fn take_yield_request(&self) -> bool {
        let requested = self.yield_requested.load(Relaxed);
        if requested {
            self.yield_requested.store(false, Relaxed);
        }
        requested
    }

    pub(in crate::runtime) fn wait_until(&self, deadline: Option<Duration>) {
        // A deadline past the end of virtual time is the end (one
        // nanosecond short of it, which is taken to mean "none"): cast,
        // it would wrap round to a time long before it.
        let nanos = deadline.map_or(NO_DEADLINE, |d| {
            u64::try_from(d.as_nanos()).map_or(NO_DEADLINE - 1, |n| n.min(NO_DEADLINE - 1))
        });
        self.wait_until.store(nanos, Relaxed);
    }

    pub(in crate::runtime) fn take_wait_until(&self) -> Option<Duration> {
        let nanos = self.wait_until.load(Relaxed);
        if nanos == NO_DEADLINE {
            return None;
        }
        self.wait_until.store(NO_DEADLINE, Relaxed);
        Some(Duration::from_nanos(nanos))
    }

    pub(in crate::runtime) fn mark_ending(&self) {
        self.ending.store(true, Relaxed);
    }

    pub(in crate::runtime) fn is_ending(&self) -> bool {
        self.ending.load(Relaxed)
    }

    pub(in crate::runtime) fn control_signal_added(&self) {
        self.control_signals.fetch_add(1, Relaxed);
    }

    pub(in crate::runtime) fn control_signal_handled(&self) {
        self.control_signals.fetch_sub(1, Relaxed);
    }

    pub(in crate::runtime) fn set_news(&self) {
        self.news.store(true, Release);
    }

    pub(in crate::runtime) fn clear_news(&self) {
        self.news.store(false, Relaxed);
    }

    pub(in crate::runtime) fn has_news(&self) -> bool {
        self.news.load(Acquire)
    }

    /// A message was delivered: called under the process lock.
    #[inline]
    pub(in crate::runtime) fn message_arrived(&self) {
        // Wrapping: a measurement resets it long before (every 16,384
        // messages at most, `heap.rs`), and a process without a limit
        // never looks at it.
        self.arrived
            .store(self.arrived.load(Relaxed).wrapping_add(1), Relaxed);
    }

    pub(in crate::runtime) fn arrived(&self) -> u32 {
        self.arrived.load(Relaxed)
    }

    /// The heap was measured: called under the process lock.
    pub(in crate::runtime) fn reset_arrived(&self) {
        self.arrived.store(0, Relaxed);
    }

    pub(in crate::runtime) fn has_control_signals(&self) -> bool {
        self.control_signals.load(Relaxed) > 0
    }
}
