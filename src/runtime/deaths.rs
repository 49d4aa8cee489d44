//! Recent deaths: who ended, why, and when.
//!
//! A dead process leaves no record in the process table, yet a presenter
//! asks `info` about the pid that just crashed, and a script says
//! `expect dead w1 boom`. So the runtime remembers the last few thousand
//! deaths (pid, name, kind, reason, time), oldest forgotten first.

use super::term::{Atom, Pid, Term};
use parking_lot::Mutex;
use std::collections::VecDeque;
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub struct Death {
    pub pid: Pid,
    pub name: Option<Atom>,
    pub kind: Atom,
    pub reason: Term,
    pub at: Duration,
}

pub(in crate::runtime) struct Deaths {
    recent: Mutex<VecDeque<Death>>,
    capacity: usize,
}

impl Deaths {
    pub(in crate::runtime) fn new(capacity: usize) -> Deaths {
        Deaths {
            recent: Mutex::new(VecDeque::new()),
            capacity,
        }
    }

    pub(in crate::runtime) fn record(&self, death: Death) {
        if self.capacity == 0 {
            return;
        }
        let mut recent = self.recent.lock();
        if recent.len() == self.capacity {
            recent.pop_front();
        }
        recent.push_back(death);
    }

    /// The death of `pid`, if it is recent enough to be remembered.
    pub(in crate::runtime) fn of(&self, pid: Pid) -> Option<Death> {
        self.recent
            .lock()
            .iter()
            .rev()
            .find(|d| d.pid == pid)
            .cloned()
    }

    /// The newest `n` deaths, newest last.
    pub(in crate::runtime) fn latest(&self, n: usize) -> Vec<Death> {
        let recent = self.recent.lock();
        recent
            .iter()
            .skip(recent.len().saturating_sub(n))
            .cloned()
            .collect()
    }
}
