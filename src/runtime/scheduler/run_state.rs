//! A process's scheduling state, and the one rule that prevents lost
//! wake-ups between a sender and the worker running the receiver.
//!
//! See README.md beside this file for the protocol and why it holds.

use std::sync::atomic::{AtomicU8, Ordering};

const IDLE: u8 = 0;
const SCHEDULED: u8 = 1;
const RUNNING: u8 = 2;
/// Running, and a signal arrived since the slice began: run it again.
const NOTIFIED: u8 = 3;
const DEAD: u8 = 4;

/// The phases as views report them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::runtime) enum RunPhase {
    Idle,
    Scheduled,
    Running,
    Dead,
}

pub(in crate::runtime) struct RunState(AtomicU8);

impl RunState {
    /// A new process starts scheduled: the spawner enqueues it.
    pub(in crate::runtime) fn new() -> RunState {
        RunState(AtomicU8::new(SCHEDULED))
    }

    pub(in crate::runtime) fn phase(&self) -> RunPhase {
        match self.0.load(Ordering::Acquire) {
            IDLE => RunPhase::Idle,
            SCHEDULED => RunPhase::Scheduled,
            RUNNING | NOTIFIED => RunPhase::Running,
            _ => RunPhase::Dead,
        }
    }

    /// Called after a signal was appended to the process's queue. Returns
    /// true when the caller must put the process in a run queue (it was
    /// idle); a running process is only marked so that it runs again.
    pub(in crate::runtime) fn notify(&self) -> bool {
        let mut current = self.0.load(Ordering::Acquire);
        loop {
            let next = match current {
                IDLE => SCHEDULED,
                RUNNING => NOTIFIED,
                _ => return false,
            };
            match self
                .0
                .compare_exchange_weak(current, next, Ordering::AcqRel, Ordering::Acquire)
            {
                Ok(_) => return current == IDLE,
                Err(actual) => current = actual,
            }
        }
    }

    /// A worker took the process from a run queue.
    pub(in crate::runtime) fn start_running(&self) {
        self.0.store(RUNNING, Ordering::Release);
    }

    /// The process waits for a message. Returns true if it is now idle;
    /// false if a signal arrived during the slice, in which case it is
    /// scheduled again and the caller must enqueue it.
    pub(in crate::runtime) fn try_idle(&self) -> bool {
        match self
            .0
            .compare_exchange(RUNNING, IDLE, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => true,
            Err(_) => {
                self.0.store(SCHEDULED, Ordering::Release);
                false
            }
        }
    }

    /// The process used its budget and goes back to a run queue.
    pub(in crate::runtime) fn reschedule(&self) {
        self.0.store(SCHEDULED, Ordering::Release);
    }

    pub(in crate::runtime) fn set_dead(&self) {
        self.0.store(DEAD, Ordering::Release);
    }
}
