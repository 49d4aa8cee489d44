//! Driving the runtime from outside: "run until quiet", "run until this is
//! true", "let this much time pass".
//!
//! A language driver calls these after each command, so that the command's
//! effects (and the events they cause) are complete before the next one. In
//! deterministic mode they are what makes anything run at all: there are no
//! worker threads, so the caller's thread runs slices, and the virtual clock
//! jumps to the next timer when every process is idle. In live mode the
//! workers run by themselves and these functions only watch and wait.
//!
//! Every deadline here saturates at the end of virtual time
//! ([`Clock::END`]): `sleep 99999999999999999s` ends there, with whatever
//! was due by then done, instead of waiting for an instant the clock can
//! never show.

use super::node::Node;
use super::scheduler::Scheduler;
use super::timer::Clock;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How a bounded run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The condition became true (or, for `run_until_quiet`, all is idle).
    Done,
    /// Deterministic mode: nothing runnable and no timer pending, so the
    /// condition can never become true.
    Stuck,
    /// The time bound passed first.
    TimedOut,
}

/// How long a live-mode watcher sleeps between looks.
const POLL: Duration = Duration::from_micros(200);

/// Runs until no process is runnable, or until `bound` has passed (so a
/// process that never stops working cannot hang the caller). Timers that
/// come due while processes work are fired; idle time is not skipped.
pub(in crate::runtime) fn run_until_quiet(node: &Arc<Node>, bound: Duration) -> Outcome {
    if node.is_deterministic() {
        let deadline = Clock::later(node.now(), bound);
        loop {
            if !node.step() {
                return Outcome::Done;
            }
            if node.now() >= deadline {
                return Outcome::TimedOut;
            }
        }
    }
    let deadline = Instant::now().checked_add(bound);
    loop {
        if node.is_quiet() {
            return Outcome::Done;
        }
        if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            return Outcome::TimedOut;
        }
        std::thread::sleep(POLL);
    }
}

/// Runs until `done()` holds, for at most `limit` of runtime time. In
/// deterministic mode, idle stretches are skipped by jumping the virtual
/// clock to the next timer.
pub(in crate::runtime) fn run_until(
    node: &Arc<Node>,
    mut done: impl FnMut() -> bool,
    limit: Duration,
) -> Outcome {
    let deadline = Clock::later(node.now(), limit);
    if !node.is_deterministic() {
        loop {
            if done() {
                return Outcome::Done;
            }
            if node.now() >= deadline {
                return Outcome::TimedOut;
            }
            std::thread::sleep(POLL);
        }
    }
    loop {
        if done() {
            return Outcome::Done;
        }
        if node.step() {
            if node.now() >= deadline {
                return if done() {
                    Outcome::Done
                } else {
                    Outcome::TimedOut
                };
            }
            continue;
        }
        match node.timers.next_deadline() {
            Some(at) if at <= deadline => node.clock.advance_to(at),
            Some(_) => {
                node.clock.advance_to(deadline);
                return Outcome::TimedOut;
            }
            None => return Outcome::Stuck,
        }
    }
}

/// Lets `duration` of runtime time pass: processes run and timers fire as
/// they come due. Instant in deterministic mode.
pub(in crate::runtime) fn advance(node: &Arc<Node>, duration: Duration) {
    if !node.is_deterministic() {
        std::thread::sleep(duration);
        return;
    }
    let deadline = Clock::later(node.now(), duration);
    if run_until(node, || false, duration) == Outcome::Stuck {
        node.clock.advance_to(deadline);
    }
    // Whatever became due exactly at the deadline runs now.
    run_until_quiet(node, Duration::ZERO);
}

/// Deterministic mode, when no process is runnable: the instant the next
/// timer fires ([`Clock::END`] if none is pending), before which nothing
/// can happen at all. `None` when something is runnable, or in live mode.
/// A driver that polls at a fixed step (`wait`) can skip the steps in
/// between rather than take them one by one.
pub(in crate::runtime) fn idle_until(node: &Arc<Node>) -> Option<Duration> {
    let Scheduler::Deterministic(queue) = &node.scheduler else {
        return None;
    };
    if !queue.is_empty() {
        return None;
    }
    Some(node.timers.next_deadline().unwrap_or(Clock::END))
}
