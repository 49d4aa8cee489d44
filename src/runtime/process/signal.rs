//! Signals: everything one process can do *to* another.
//!
//! On the BEAM, messages, exit signals, link and unlink requests, monitor
//! requests and 'DOWN' notifications all travel the same way: as signals
//! that are appended to the receiver's queue and handled by the receiver in
//! arrival order. Because there is one queue per receiver and senders append
//! in program order, signals between a pair of processes arrive in the order
//! sent (O1), whatever their kind.
//!
//! [`Process::handle_signals`] is where a process applies them: links and
//! monitors are added or removed, messages move to the mailbox, and exit
//! signals are decided by [`super::exit_signal::decide`].

use super::Process;
use super::exit_signal::{ExitDecision, decide};
use super::state::{HeldMonitor, ProcState};
use crate::runtime::event::{Cause, EventId, EventKind, SignalOutcome};
use crate::runtime::term::{Atom, Pid, Ref, Term};

pub(in crate::runtime) enum Signal {
    Message(Term),
    /// An exit signal. `via_link` says whether a linked process ended (the
    /// link is then removed) or someone called `exit(Pid, Reason)`.
    Exit {
        from: Pid,
        reason: Term,
        via_link: bool,
        /// The event it is sent on account of (see `EventKind::ExitSignal`).
        cause: Option<EventId>,
    },
    Link(Pid),
    Unlink(Pid),
    Monitor {
        watcher: Pid,
        reference: Ref,
    },
    Demonitor {
        reference: Ref,
    },
    /// Records a monitor this process holds (the playground's
    /// `monitor A B`, where the shell makes A watch B).
    AddMonitor(HeldMonitor),
    /// Forgets the monitor with this reference, as if this process had
    /// called `demonitor(Ref)`: the playground's `demonitor R` for a
    /// monitor whose `AddMonitor` was still queued (see
    /// `Process::forget_monitor`). The watched side is told separately.
    DropMonitor {
        reference: Ref,
    },
    /// A process this one monitors has ended.
    Down {
        reference: Ref,
        from: Pid,
        reason: Term,
    },
    /// The receive-timeout timer with this token fired.
    ReceiveTimeout(u64),
    /// The playground's `crash` command: the process fails with this reason
    /// as if a bug inside it had raised it. Unlike an exit signal, trapping
    /// exits cannot save it. `by` is the event that asked for it.
    Fail {
        reason: Term,
        by: Option<EventId>,
    },
    /// Its code is purged while it still runs it: it is killed (reason
    /// `killed`, and trapping exits cannot save it, as with `kill`). `by`
    /// is the [`crate::runtime::EventKind::CodePurged`] event.
    Purge {
        by: Option<EventId>,
    },
    /// Sets the trap_exit flag, in order with the other signals (the
    /// playground lets the shell do this to any process).
    SetTrapExit(bool),
    /// Wakes the process without giving it anything (a host process's job
    /// is waiting in its job channel).
    Poke,
}

impl Process {
    /// Handles every signal that has arrived, in arrival order, moving
    /// messages to the mailbox. Stops early if a signal ends the process; the
    /// rest are answered when it ends.
    pub(in crate::runtime) fn handle_signals(&self, state: &mut ProcState) {
        while state.ending.is_none() {
            let Some(signal) = state.signals.pop_front() else {
                return;
            };
            if let Some(message) = self.handle_signal(state, signal) {
                state.mailbox.push_back(message);
            }
        }
    }

    /// Applies one signal. Returns the message it delivers, if any (a
    /// message, a trapped 'EXIT', a 'DOWN'), for the caller to put at the
    /// end of the mailbox or to hand straight to a receive that wants it.
    pub(in crate::runtime) fn handle_signal(
        &self,
        state: &mut ProcState,
        signal: Signal,
    ) -> Option<Term> {
        if !matches!(signal, Signal::Message(_)) {
            self.slice.control_signal_handled();
        }
        match signal {
            Signal::Message(message) => return Some(message),
            Signal::Exit {
                from,
                reason,
                via_link,
                cause,
            } => return self.handle_exit_signal(state, from, reason, via_link, cause),
            Signal::Link(from) => {
                if !state.links.contains(&from) {
                    state.links.push(from);
                }
            }
            Signal::Unlink(from) => state.links.retain(|&p| p != from),
            Signal::Monitor { watcher, reference } => state.watchers.push((reference, watcher)),
            Signal::Demonitor { reference } => state.watchers.retain(|&(r, _)| r != reference),
            Signal::AddMonitor(monitor) => state.monitors.push(monitor),
            Signal::DropMonitor { reference } => {
                state.monitors.retain(|held| held.reference != reference)
            }
            Signal::Down {
                reference,
                from,
                reason,
            } => return self.handle_down(state, reference, from, reason),
            Signal::ReceiveTimeout(token) => {
                if matches!(state.receive_timer, Some((armed, _)) if armed == token) {
                    state.receive_timer = None;
                    state.timed_out = true;
                }
            }
            Signal::Fail { reason, by } => self.end_with(state, reason, Cause::Crashed { by }),
            Signal::Purge { by } => {
                self.end_with(state, Term::from_atom(Atom::KILLED), Cause::Purged { by })
            }
            Signal::SetTrapExit(on) => state.trap_exit = on,
            Signal::Poke => {}
        }
        None
    }

    fn handle_exit_signal(
        &self,
        state: &mut ProcState,
        from: Pid,
        reason: Term,
        via_link: bool,
        cause: Option<EventId>,
    ) -> Option<Term> {
        if via_link {
            // L9: once unlinked, a link's exit signal has no effect.
            let position = state.links.iter().position(|&p| p == from)?;
            state.links.swap_remove(position);
        }
        let decision = decide(self.pid(), state.trap_exit, from, &reason, via_link);
        let (outcome, message, dies_of) = match decision {
            ExitDecision::Die(why) => (SignalOutcome::Died, None, Some(why)),
            ExitDecision::Trap(message) => (SignalOutcome::Trapped, Some(message), None),
            ExitDecision::Ignore => (SignalOutcome::Ignored, None, None),
        };
        // Emitted before the process is marked ending, so that its death
        // can name this event as the cause.
        let signal = self.node.emit(EventKind::ExitSignal {
            from,
            to: self.pid(),
            reason,
            outcome,
            cause,
        });
        if let Some(why) = dies_of {
            self.end_with(state, why, Cause::Signal { from, signal });
        }
        message
    }

    /// M3: a 'DOWN' for a monitor that was removed meanwhile is dropped.
    fn handle_down(
        &self,
        state: &mut ProcState,
        reference: Ref,
        from: Pid,
        reason: Term,
    ) -> Option<Term> {
        let position = state
            .monitors
            .iter()
            .position(|held| held.reference == reference)?;
        let object = state.monitors.swap_remove(position).object(from);
        self.node.emit(EventKind::MonitorFired {
            watcher: self.pid(),
            object: object.clone(),
            reference,
            reason: reason.clone(),
        });
        Some(down_message(reference, object, reason))
    }

    /// Marks the process as ending with `reason` (unless it already is):
    /// from now on it accepts no signals, and the worker ends it.
    pub(in crate::runtime) fn end(&self, state: &mut ProcState, reason: Term) {
        self.end_with(state, reason, Cause::Own { location: None });
    }

    /// [`Process::end`], saying why (for `why`; the first cause wins, as
    /// the first reason does).
    pub(in crate::runtime) fn end_with(&self, state: &mut ProcState, reason: Term, cause: Cause) {
        if state.ending.is_none() {
            state.ending = Some(Box::new(reason));
            if self.node.events.active() {
                state.ending_cause = Some(Box::new(cause));
            }
            self.slice.mark_ending();
        }
    }

    /// Keeps the message just taken for crash reports, only when someone
    /// listens to events (a clone per receive is not free).
    #[inline(always)]
    pub(super) fn note_taken(&self, state: &mut ProcState, message: &Term) {
        if self.node.events.active() {
            keep_taken(state, message);
        }
    }

    /// Takes the oldest message, whatever it is: [`Process::take_matching`]
    /// with a matcher that takes anything, without the matcher. A message
    /// at the head of the signal queue (the usual case: the mailbox is
    /// empty when every message is wanted) is taken without going through
    /// `handle_signal`.
    #[inline]
    pub(in crate::runtime) fn take_next(&self, state: &mut ProcState) -> Option<Term> {
        if state.ending.is_some() {
            return None;
        }
        if let Some(message) = state.mailbox.pop_front() {
            state.save = 0;
            self.note_taken(state, &message);
            return Some(message);
        }
        while let Some(signal) = state.signals.pop_front() {
            let message = match signal {
                Signal::Message(message) => message,
                signal => match self.handle_signal(state, signal) {
                    Some(message) => message,
                    None if state.ending.is_some() => return None,
                    None => continue,
                },
            };
            if state.signals.is_empty() {
                self.slice.clear_news();
            }
            self.note_taken(state, &message);
            return Some(message);
        }
        self.slice.clear_news();
        None
    }

    /// Takes the oldest message `matches` accepts: first among the messages
    /// already in the mailbox, then among new signals in arrival order,
    /// handling the other signals on the way. A message that matches goes
    /// straight to the caller; the others join the mailbox in order. This
    /// is the BEAM's receive, and it means a message that is wanted at once
    /// never touches the mailbox. `None` if nothing matches (or the process
    /// is ending).
    pub(in crate::runtime) fn take_matching(
        &self,
        state: &mut ProcState,
        mut matches: impl FnMut(&Term) -> bool,
    ) -> Option<Term> {
        if state.ending.is_some() {
            return None;
        }
        if !state.mailbox.is_empty()
            && let Some(position) = state.mailbox.iter().position(&mut matches)
        {
            state.save = 0;
            let message = state.mailbox.remove(position)?;
            self.note_taken(state, &message);
            return Some(message);
        }
        while let Some(signal) = state.signals.pop_front() {
            let Some(message) = self.handle_signal(state, signal) else {
                if state.ending.is_some() {
                    return None;
                }
                continue;
            };
            if matches(&message) {
                if state.signals.is_empty() && state.mailbox.is_empty() {
                    self.slice.clear_news();
                }
                self.note_taken(state, &message);
                return Some(message);
            }
            state.mailbox.push_back(message);
        }
        if state.mailbox.is_empty() {
            self.slice.clear_news();
        }
        None
    }
}

/// `{'DOWN', Ref, process, Object, Reason}` (M2), where `Object` is the
/// pid or, for a monitor made by name, `{Name, Node}`.
pub(in crate::runtime) fn down_message(reference: Ref, object: Term, reason: Term) -> Term {
    Term::tuple([
        Term::from_atom(Atom::DOWN),
        Term::reference(reference),
        Term::from_atom(Atom::PROCESS),
        object,
        reason,
    ])
}

#[cold]
fn keep_taken(state: &mut ProcState, message: &Term) {
    state.last_taken = Some(Box::new(message.clone()));
}
