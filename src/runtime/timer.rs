//! The clock and timers: `send_after`, and `receive ... after` timeouts.
//!
//! A timer the process language starts (`erlang:send_after/3`,
//! `start_timer/3`) is known by a reference, as on the BEAM: the table
//! keeps which timer each reference names and when it is due, so
//! `cancel_timer/1` and `read_timer/1` can answer the time left. One that
//! sends to a pid is cancelled when that process exits, as erts cancels
//! it (`read_timer/1` is `false` from then on).
//!
//! The runtime has one clock. In live mode it is the wall clock since the
//! runtime started, and a timer thread sleeps until the next deadline. In
//! deterministic mode it is a virtual clock: it moves forward only as
//! processes do work (each reduction costs a fixed slice of virtual time)
//! and, when every process is idle, by jumping straight to the next timer.
//! So a script that sleeps 30 seconds finishes at once, and the same script
//! always sees the same times.
//!
//! Virtual time is a count of nanoseconds in a `u64`, so it ends at
//! [`Clock::END`], about 584 years in. It saturates there: a timer set
//! for later (`receive after 100000000000000`, `sleep
//! 99999999999999999s`) fires at the end, and the clock never wraps round
//! to an earlier time, where a driver waiting for the deadline would loop
//! for ever.

use super::term::{Atom, Pid, Ref, Term};
use parking_lot::{Condvar, Mutex};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub(in crate::runtime) enum Clock {
    Wall(Instant),
    /// Nanoseconds of virtual time.
    Virtual(AtomicU64),
}

impl Clock {
    /// The last instant a virtual clock shows (2^64 - 1 ns, about 584
    /// years); later deadlines are moved to it.
    pub(in crate::runtime) const END: Duration = Duration::from_nanos(u64::MAX);

    /// The instant `after` past `from`, saturating at [`Clock::END`].
    pub(in crate::runtime) fn later(from: Duration, after: Duration) -> Duration {
        from.saturating_add(after).min(Clock::END)
    }

    pub(in crate::runtime) fn now(&self) -> Duration {
        match self {
            Clock::Wall(start) => start.elapsed(),
            Clock::Virtual(nanos) => Duration::from_nanos(nanos.load(Ordering::Relaxed)),
        }
    }

    /// Moves a virtual clock forward to `at` (never back, and no further
    /// than [`Clock::END`]). No effect on the wall clock.
    pub(in crate::runtime) fn advance_to(&self, at: Duration) {
        if let Clock::Virtual(nanos) = self {
            nanos.fetch_max(saturating_nanos(at), Ordering::Relaxed);
        }
    }

    /// Moves a virtual clock forward by `by`, stopping at [`Clock::END`].
    pub(in crate::runtime) fn advance_by(&self, by: Duration) {
        if let Clock::Virtual(nanos) = self {
            let by = saturating_nanos(by);
            // Only the deterministic driver's thread moves a virtual clock,
            // so this never loops in practice.
            let _ = nanos.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |now| {
                Some(now.saturating_add(by))
            });
        }
    }
}

/// `at` in nanoseconds, or `u64::MAX` for anything past [`Clock::END`].
fn saturating_nanos(at: Duration) -> u64 {
    u64::try_from(at.as_nanos()).unwrap_or(u64::MAX)
}

/// A handle on a started timer, for `cancel_timer`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimerRef(pub(in crate::runtime) u64);

/// What a timer does when it fires.
pub(in crate::runtime) enum TimerAction {
    /// `send_after`: deliver a message, as if sent by `from`.
    Send { from: Pid, to: Pid, message: Term },
    /// `send_after` to a registered name, looked up when the timer fires
    /// (nothing is sent if no process has the name then).
    SendToName {
        from: Pid,
        name: Atom,
        message: Term,
    },
    /// Wake a process whose receive has a timeout.
    ReceiveTimeout { pid: Pid },
}

struct Entry {
    at: Duration,
    id: u64,
    /// The reference an Erlang timer is known by.
    reference: Option<Ref>,
    action: TimerAction,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        (self.at, self.id) == (other.at, other.id)
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    /// Earliest first; timers due at the same time fire in the order they
    /// were started.
    fn cmp(&self, other: &Entry) -> std::cmp::Ordering {
        (self.at, self.id).cmp(&(other.at, other.id))
    }
}

#[derive(Default)]
struct Pending {
    heap: BinaryHeap<Reverse<Entry>>,
    /// Timers started and neither fired nor cancelled, with when each is
    /// due. Cancelling only removes the id here; the heap entry is skipped
    /// when it comes up.
    live: HashMap<u64, Duration>,
    /// The live timers known by a reference: the timer's id, and the pid
    /// its message goes to.
    by_reference: HashMap<Ref, (u64, Option<Pid>)>,
    /// The references of the live timers sending to each pid.
    by_target: HashMap<Pid, HashSet<Ref>>,
    shutdown: bool,
}

impl Pending {
    /// Drops what the tables know of `reference`: its timer's id, if any.
    fn forget_reference(&mut self, reference: Ref) -> Option<u64> {
        let (id, target) = self.by_reference.remove(&reference)?;
        if let Some(target) = target
            && let Some(references) = self.by_target.get_mut(&target)
        {
            references.remove(&reference);
            if references.is_empty() {
                self.by_target.remove(&target);
            }
        }
        Some(id)
    }
}

pub(in crate::runtime) struct Timers {
    pending: Mutex<Pending>,
    /// Signalled when an earlier deadline arrives or at shutdown.
    changed: Condvar,
    next_id: AtomicU64,
}

impl Timers {
    pub(in crate::runtime) fn new() -> Timers {
        Timers {
            pending: Mutex::new(Pending::default()),
            changed: Condvar::new(),
            next_id: AtomicU64::new(1),
        }
    }

    /// Starts a timer firing at `at` on the runtime clock (at
    /// [`Clock::END`] if `at` is later: a clock never gets past it).
    pub(in crate::runtime) fn start(&self, at: Duration, action: TimerAction) -> TimerRef {
        self.start_entry(at, None, action)
    }

    /// Starts a timer known by `reference` (see [`Timers::start`]).
    pub(in crate::runtime) fn start_referenced(
        &self,
        at: Duration,
        reference: Ref,
        action: TimerAction,
    ) -> TimerRef {
        self.start_entry(at, Some(reference), action)
    }

    fn start_entry(&self, at: Duration, reference: Option<Ref>, action: TimerAction) -> TimerRef {
        let at = at.min(Clock::END);
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut pending = self.pending.lock();
        let earliest = pending.heap.peek().is_none_or(|Reverse(e)| at < e.at);
        let target = match &action {
            TimerAction::Send { to, .. } => Some(*to),
            _ => None,
        };
        pending.heap.push(Reverse(Entry {
            at,
            id,
            reference,
            action,
        }));
        pending.live.insert(id, at);
        if let Some(reference) = reference {
            pending.by_reference.insert(reference, (id, target));
            if let Some(target) = target {
                pending
                    .by_target
                    .entry(target)
                    .or_default()
                    .insert(reference);
            }
        }
        if earliest {
            self.changed.notify_one();
        }
        TimerRef(id)
    }

    /// Cancels a timer; true if it had not fired yet.
    pub(in crate::runtime) fn cancel(&self, timer: TimerRef) -> bool {
        self.pending.lock().live.remove(&timer.0).is_some()
    }

    /// Cancels the timer `reference` names: when it was due, if it had
    /// neither fired nor been cancelled.
    pub(in crate::runtime) fn cancel_referenced(&self, reference: Ref) -> Option<Duration> {
        let mut pending = self.pending.lock();
        let id = pending.forget_reference(reference)?;
        pending.live.remove(&id)
    }

    /// When the timer `reference` names is due, if it is still live.
    pub(in crate::runtime) fn deadline_of(&self, reference: Ref) -> Option<Duration> {
        let pending = self.pending.lock();
        let (id, _) = pending.by_reference.get(&reference)?;
        pending.live.get(id).copied()
    }

    /// Cancels the referenced timers sending to `pid`, which has exited.
    pub(in crate::runtime) fn cancel_targeting(&self, pid: Pid) {
        let mut pending = self.pending.lock();
        let Some(references) = pending.by_target.remove(&pid) else {
            return;
        };
        for reference in references {
            if let Some((id, _)) = pending.by_reference.remove(&reference) {
                pending.live.remove(&id);
            }
        }
    }

    /// When the next live timer is due.
    pub(in crate::runtime) fn next_deadline(&self) -> Option<Duration> {
        let mut pending = self.pending.lock();
        Self::skip_cancelled(&mut pending);
        pending.heap.peek().map(|Reverse(e)| e.at)
    }

    fn skip_cancelled(pending: &mut Pending) {
        while let Some(Reverse(entry)) = pending.heap.peek() {
            if pending.live.contains_key(&entry.id) {
                return;
            }
            let Reverse(entry) = pending.heap.pop().expect("peeked");
            if let Some(reference) = entry.reference {
                pending.forget_reference(reference);
            }
        }
    }

    /// Takes every timer due at or before `now`, earliest first.
    pub(in crate::runtime) fn take_due(&self, now: Duration) -> Vec<(TimerRef, TimerAction)> {
        let mut pending = self.pending.lock();
        let mut due = Vec::new();
        while let Some(Reverse(entry)) = pending.heap.peek() {
            if entry.at > now {
                break;
            }
            let Reverse(entry) = pending.heap.pop().expect("peeked");
            if let Some(reference) = entry.reference {
                pending.forget_reference(reference);
            }
            if pending.live.remove(&entry.id).is_some() {
                due.push((TimerRef(entry.id), entry.action));
            }
        }
        due
    }

    /// For the live timer thread: blocks until a timer may be due (or
    /// `shutdown`), then returns the due ones. `None` means shut down.
    pub(in crate::runtime) fn wait_due(
        &self,
        clock: &Clock,
    ) -> Option<Vec<(TimerRef, TimerAction)>> {
        let mut pending = self.pending.lock();
        loop {
            if pending.shutdown {
                return None;
            }
            Self::skip_cancelled(&mut pending);
            let now = clock.now();
            match pending.heap.peek().map(|Reverse(e)| e.at) {
                Some(at) if at <= now => {
                    drop(pending);
                    return Some(self.take_due(now));
                }
                Some(at) => {
                    self.changed.wait_for(&mut pending, at - now);
                }
                None => self.changed.wait(&mut pending),
            }
        }
    }

    pub(in crate::runtime) fn shutdown(&self) {
        let mut pending = self.pending.lock();
        pending.shutdown = true;
        pending.heap.clear();
        pending.live.clear();
        pending.by_reference.clear();
        pending.by_target.clear();
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn virtual_clock() -> Clock {
        Clock::Virtual(AtomicU64::new(0))
    }

    #[test]
    fn a_virtual_clock_stops_at_its_end_and_never_wraps() {
        let clock = virtual_clock();
        clock.advance_to(Duration::from_secs(100_000_000_000_000));
        assert_eq!(clock.now(), Clock::END);
        clock.advance_by(Duration::from_secs(1));
        assert_eq!(clock.now(), Clock::END);
        let clock = virtual_clock();
        clock.advance_by(Duration::MAX);
        assert_eq!(clock.now(), Clock::END);
        assert_eq!(
            Clock::later(Duration::from_secs(5), Duration::MAX),
            Clock::END
        );
        assert_eq!(
            Clock::later(Duration::from_secs(5), Duration::from_secs(1)),
            Duration::from_secs(6)
        );
    }

    #[test]
    fn a_timer_set_past_the_end_fires_at_the_end() {
        let timers = Timers::new();
        let pid = crate::runtime::Pid::from_number(1);
        timers.start(
            Duration::from_millis(100_000_000_000_000),
            TimerAction::ReceiveTimeout { pid },
        );
        assert_eq!(timers.next_deadline(), Some(Clock::END));
        assert!(
            timers
                .take_due(Clock::END - Duration::from_nanos(1))
                .is_empty()
        );
        assert_eq!(timers.take_due(Clock::END).len(), 1);
    }

    #[test]
    fn a_referenced_timer_answers_its_deadline_until_it_fires_or_is_cancelled() {
        let timers = Timers::new();
        let pid = crate::runtime::Pid::from_number(1);
        let (first, second) = (Ref::from_number(7), Ref::from_number(8));
        let action = || TimerAction::ReceiveTimeout { pid };
        timers.start_referenced(Duration::from_millis(10), first, action());
        timers.start_referenced(Duration::from_millis(20), second, action());
        assert_eq!(timers.deadline_of(first), Some(Duration::from_millis(10)));
        assert_eq!(timers.take_due(Duration::from_millis(15)).len(), 1);
        assert_eq!(timers.deadline_of(first), None, "fired");
        assert_eq!(timers.cancel_referenced(first), None);
        assert_eq!(
            timers.cancel_referenced(second),
            Some(Duration::from_millis(20))
        );
        assert_eq!(timers.cancel_referenced(second), None, "cancelled once");
        assert!(timers.take_due(Clock::END).is_empty());
    }

    #[test]
    fn the_referenced_timers_sending_to_a_process_go_when_it_exits() {
        let timers = Timers::new();
        let (gone, staying) = (Pid::from_number(1), Pid::from_number(2));
        let send = |to| TimerAction::Send {
            from: staying,
            to,
            message: Term::NIL,
        };
        let (to_gone, to_staying) = (Ref::from_number(1), Ref::from_number(2));
        timers.start_referenced(Duration::from_millis(10), to_gone, send(gone));
        timers.start_referenced(Duration::from_millis(10), to_staying, send(staying));
        timers.cancel_targeting(gone);
        assert_eq!(timers.deadline_of(to_gone), None);
        assert_eq!(
            timers.deadline_of(to_staying),
            Some(Duration::from_millis(10))
        );
        assert_eq!(
            timers.take_due(Clock::END).len(),
            1,
            "only the other one fires"
        );
    }
}
