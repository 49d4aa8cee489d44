//! A process's heap limit: OTP's `max_heap_size`, checked as a garbage
//! collector would check it.
//!
//! The BEAM compares a process's heap with its `max_heap_size` when it
//! collects garbage, which it does when the heap has grown; over the
//! limit, the process is killed (reason `killed`, which no trap saves)
//! and an error report says "maximum heap size reached". Here a process's
//! heap is what it can reach (`term/size.rs`): its registers and stack,
//! and its mailbox, including messages it has not looked at, so a flood
//! trips the receiver's limit even if it never receives. Measuring is a
//! walk over all of that, so, like a collection, it is done only when the
//! process has grown enough since the last time:
//!
//! - the term core counts, per thread, the bytes of every node it makes;
//!   the scheduler reads the count around each time slice and charges the
//!   difference to the process (its [`HeapAccount::budget`] goes down);
//! - a sender delivering a message bumps the receiver's `arrived` count
//!   (`SliceState`), under the receiver's lock, with a plain store;
//! - at the end of a slice, when the allocations and the messages (at
//!   [`MESSAGE_BYTES`] each) have used up the budget, the worker that ran
//!   the slice measures the heap; the next budget is half of what it
//!   found (at least [`MIN_BUDGET`]), so the walks cost at most about
//!   twice the allocation they follow, as a copying collector's do, and
//!   a heap can outgrow its limit by at most half before it is caught (a
//!   BIF that copies a huge list in one call adds that call's worth).
//!
//! The kill is the runtime's, between slices, like an exit signal's:
//! `Node::finish` ends the process with `killed`, its links and monitors
//! hear `killed`, and the `HeapLimit` event (the report) comes first.

use crate::runtime::term::size::Reach;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering::Relaxed};

/// What a message waiting in a queue is counted as until the next
/// measurement finds its real size: its slot in the queue and a small
/// term.
pub(in crate::runtime) const MESSAGE_BYTES: i64 = 64;

/// The least a process allocates between two measurements: a process
/// that holds little is measured at most every 1 MiB it allocates, which
/// a million small processes never reach.
pub(in crate::runtime) const MIN_BUDGET: i64 = 1 << 20;

/// The budget of a process with no limit: more than it can allocate
/// (a saturating count would take centuries to spend it).
const UNLIMITED_BUDGET: i64 = i64::MAX / 2;

/// The smallest `max_heap_size` OTP accepts (other than 0, no limit):
/// its minimum heap size, 233 words.
pub const MIN_HEAP_WORDS: u64 = 233;

/// The largest `max_heap_size` kept (words): 2^58, past any memory.
pub const MAX_HEAP_WORDS: u64 = (1 << 58) - 1;

/// `max_heap_size` as OTP 25 spells it: `#{size => Words, kill => Bool,
/// error_logger => Bool}`. `size` 0 is no limit; without `kill` the
/// process is only reported, without `error_logger` only killed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxHeapSize {
    pub words: u64,
    pub kill: bool,
    pub error_logger: bool,
}

impl MaxHeapSize {
    /// A limit of `words` that kills and reports, as a bare integer sets.
    pub fn words(words: u64) -> MaxHeapSize {
        MaxHeapSize {
            words,
            kill: true,
            error_logger: true,
        }
    }

    const KILL: u64 = 1 << 63;
    const REPORT: u64 = 1 << 62;

    fn pack(self) -> u64 {
        let mut packed = self.words.min(MAX_HEAP_WORDS);
        if self.kill {
            packed |= Self::KILL;
        }
        if self.error_logger {
            packed |= Self::REPORT;
        }
        packed
    }

    fn unpack(packed: u64) -> MaxHeapSize {
        MaxHeapSize {
            words: packed & MAX_HEAP_WORDS,
            kill: packed & Self::KILL != 0,
            error_logger: packed & Self::REPORT != 0,
        }
    }
}

/// Per process: its limit, and how much it may grow before it is measured.
pub(in crate::runtime) struct HeapAccount {
    /// The packed [`MaxHeapSize`]: written by the process itself
    /// (`process_flag`) or at its spawn, read by its worker.
    limit: AtomicU64,
    /// Bytes it may still allocate before the next measurement. Only the
    /// worker running the process touches it (load and store, as
    /// `SliceState::charge` does).
    budget: AtomicI64,
}

impl HeapAccount {
    pub(in crate::runtime) fn new(limit: MaxHeapSize) -> HeapAccount {
        HeapAccount {
            limit: AtomicU64::new(limit.pack()),
            budget: AtomicI64::new(MIN_BUDGET),
        }
    }

    pub(in crate::runtime) fn limit(&self) -> MaxHeapSize {
        MaxHeapSize::unpack(self.limit.load(Relaxed))
    }

    /// Sets the limit; returns the old one. The next slice measures (a
    /// process without a limit had stopped counting).
    pub(in crate::runtime) fn set_limit(&self, limit: MaxHeapSize) -> MaxHeapSize {
        self.budget.store(0, Relaxed);
        MaxHeapSize::unpack(self.limit.swap(limit.pack(), Relaxed))
    }

    /// No limit: nothing to measure until one is set.
    pub(in crate::runtime) fn unlimited(&self) {
        self.budget.store(UNLIMITED_BUDGET, Relaxed);
    }

    /// Charges a slice's allocations; true when, with the messages that
    /// arrived since the last measurement, the budget is spent and the
    /// heap should be measured (or, without a limit, the budget made
    /// unlimited: [`HeapAccount::unlimited`]).
    #[inline]
    pub(in crate::runtime) fn charge(&self, allocated: u64, arrived: u32) -> bool {
        let left = self.budget.load(Relaxed).wrapping_sub(allocated as i64);
        self.budget.store(left, Relaxed);
        left < i64::from(arrived) * MESSAGE_BYTES
    }

    /// After a measurement that found `bytes`: the next one comes after
    /// half as much again.
    pub(in crate::runtime) fn measured(&self, bytes: u64) {
        let next = (bytes / 2).min(i64::MAX as u64) as i64;
        self.budget.store(next.max(MIN_BUDGET), Relaxed);
    }
}

/// Bytes to words, rounded up (OTP's sizes are in words of 8 bytes).
pub fn words(bytes: u64) -> u64 {
    bytes.div_ceil(8)
}

/// What a measurement found, for the report and the kill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::runtime) struct Measured {
    pub bytes: u64,
    pub message_queue_len: usize,
}

/// Counts the slots a mailbox and a signal queue take beside the terms.
pub(in crate::runtime) fn queue_slots(reach: &mut Reach<'_>, terms: usize, signals: usize) {
    reach.add_bytes(terms * 8 + signals * std::mem::size_of::<super::Signal>());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_packs_its_flags() {
        for limit in [
            MaxHeapSize::words(0),
            MaxHeapSize::words(233),
            MaxHeapSize {
                words: 1 << 40,
                kill: false,
                error_logger: true,
            },
            MaxHeapSize {
                words: 5000,
                kill: true,
                error_logger: false,
            },
        ] {
            assert_eq!(MaxHeapSize::unpack(limit.pack()), limit);
        }
        assert_eq!(
            MaxHeapSize::unpack(MaxHeapSize::words(u64::MAX).pack()).words,
            MAX_HEAP_WORDS
        );
    }

    #[test]
    fn the_budget_runs_out_by_allocation_or_by_messages() {
        let account = HeapAccount::new(MaxHeapSize::words(1 << 20));
        assert!(!account.charge(1000, 0));
        assert!(account.charge(MIN_BUDGET as u64, 0));
        account.measured(10 << 20);
        assert!(!account.charge(4 << 20, 0));
        // The 1 MiB left is used up by the messages waiting.
        assert!(account.charge(0, (1 << 20) / MESSAGE_BYTES as u32 + 1));
        account.measured(0);
        assert!(!account.charge(0, 10));
    }
}
