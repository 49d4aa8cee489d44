//! Time: `sleep` and `wait`.
//!
//! In the live REPL these take real time (events keep printing meanwhile).
//! In check mode the clock is virtual, so `sleep 30s` costs nothing and
//! always sees the same things happen. Virtual time ends (about 584 years
//! in) and saturates there, so a `sleep` or `wait` as long as the parser
//! takes ends too, at once.

use super::error::{EvalError, EvalResult};
use super::processes::DEFAULT_WAIT;
use super::{Outcome, Session};
use crate::commands::ast::{Target, WaitFor};
use crate::runtime::{Atom, Pid, Term};
use std::time::Duration;

/// How often `wait` looks again.
const WAIT_STEP: Duration = Duration::from_millis(10);
/// How often a live `sleep` looks whether it was interrupted.
const INTERRUPT_CHECK: Duration = Duration::from_millis(20);

impl Session {
    pub(super) fn sleep(&mut self, duration: Duration) -> EvalResult<Outcome> {
        if self.runtime.is_deterministic() {
            self.runtime.advance(duration);
        } else {
            // Live, in slices short enough that Ctrl-C ends it at once
            // (a sleep past the end of `Instant` just goes on until then).
            let end = std::time::Instant::now().checked_add(duration);
            loop {
                if self.interrupted() {
                    return Err(super::shell::interrupted());
                }
                let left = end.map_or(INTERRUPT_CHECK, |end| {
                    end.saturating_duration_since(std::time::Instant::now())
                });
                if left.is_zero() {
                    break;
                }
                self.runtime.advance(left.min(INTERRUPT_CHECK));
            }
        }
        Ok(Outcome::value(Term::from_atom(Atom::OK)))
    }

    /// `wait TARGET alive|dead|restarted [timeout D]`.
    pub(super) fn wait(
        &mut self,
        target: &Target,
        until: WaitFor,
        timeout: Option<Duration>,
    ) -> EvalResult<Outcome> {
        let timeout = timeout.unwrap_or(DEFAULT_WAIT);
        // For `restarted`, the process the target names now; the wait ends
        // when the target names a different, live process.
        let before: Option<Pid> = match until {
            WaitFor::Restarted => Some(self.resolve(target)?),
            _ => None,
        };
        let deadline = self.runtime.now().saturating_add(timeout);
        loop {
            if self.interrupted() {
                return Err(super::shell::interrupted());
            }
            let now_pid = self.resolve_or_recall(target).ok();
            let alive = now_pid.is_some_and(|pid| self.runtime.is_alive(pid));
            let done = match until {
                WaitFor::Alive => alive,
                WaitFor::Dead => !alive,
                WaitFor::Restarted => alive && now_pid != before,
            };
            if done {
                let value = now_pid.map_or(Term::from_atom(Atom::UNDEFINED), Term::pid);
                return Ok(Outcome::value(value));
            }
            if self.runtime.now() >= deadline {
                let what = match until {
                    WaitFor::Alive => "to be alive",
                    WaitFor::Dead => "to die",
                    WaitFor::Restarted => "to be restarted",
                };
                return Err(EvalError::new(format!(
                    "waited {} for {} {what}; it did not happen",
                    crate::view::duration(timeout),
                    describe(target)
                )));
            }
            let before = self.runtime.now();
            if self.skip_idle_steps(deadline) {
                continue;
            }
            self.runtime.advance(WAIT_STEP);
            if self.runtime.now() == before {
                // The clock is at its end (virtual time saturates): the
                // deadline will never come, and nothing else will happen.
                return Err(EvalError::new(format!(
                    "waited for {} until the end of virtual time; it did not happen",
                    describe(target)
                )));
            }
        }
    }

    /// `wait` looks every [`WAIT_STEP`]. In deterministic mode, while no
    /// process is runnable and no timer is due, no look can find anything
    /// new: skip those steps at once (the clock lands where stepping would
    /// have left it), so `wait ... timeout 1000000s` on an idle system does
    /// not take a hundred million steps. True if it skipped any.
    fn skip_idle_steps(&self, deadline: Duration) -> bool {
        let Some(next_event) = self.runtime.idle_until() else {
            return false;
        };
        let now = self.runtime.now();
        // Stay strictly before the next timer (it fires on a step), and
        // on or before the deadline (where the timeout is reported).
        let until = deadline.min(next_event.saturating_sub(Duration::from_nanos(1)));
        let steps = until.saturating_sub(now).as_nanos() / WAIT_STEP.as_nanos();
        if steps == 0 {
            return false;
        }
        let skip = WAIT_STEP.saturating_mul(u32::try_from(steps).unwrap_or(u32::MAX));
        self.runtime.advance(skip);
        true
    }
}

/// A target as the presenter wrote it, for messages.
pub(super) fn describe(target: &Target) -> String {
    match target {
        Target::Var(name) | Target::Name(name) => name.clone(),
        Target::Pid(n) => format!("<0.{n}.0>"),
        Target::SelfPid => "self".to_owned(),
        Target::Path(segments) => segments.join("/"),
    }
}
