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
use super::state::ProcState;
use crate::runtime::event::{EventKind, SignalOutcome};
use crate::runtime::term::{Atom, Pid, Ref, Term};

pub(crate) enum Signal {
    Message(Term),
    /// An exit signal. `via_link` says whether a linked process ended (the
    /// link is then removed) or someone called `exit(Pid, Reason)`.
    Exit {
        from: Pid,
        reason: Term,
        via_link: bool,
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
    /// Records a monitor this process holds on `target` (the playground's
    /// `monitor A B`, where the shell makes A watch B).
    AddMonitor {
        reference: Ref,
        target: Pid,
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
    /// exits cannot save it.
    Fail(Term),
    /// Sets the trap_exit flag, in order with the other signals (the
    /// playground lets the shell do this to any process).
    SetTrapExit(bool),
    /// Wakes the process without giving it anything (a host process's job
    /// is waiting in its job channel).
    Poke,
}

impl Process {
    /// Handles every signal that has arrived, in arrival order. Stops early
    /// if a signal ends the process; the rest are answered when it ends.
    pub(crate) fn handle_signals(&self, state: &mut ProcState) {
        while state.ending.is_none() {
            let Some(signal) = state.signals.pop_front() else {
                return;
            };
            self.handle_signal(state, signal);
        }
    }

    fn handle_signal(&self, state: &mut ProcState, signal: Signal) {
        match signal {
            Signal::Message(message) => state.mailbox.push_back(message),
            Signal::Exit {
                from,
                reason,
                via_link,
            } => self.handle_exit_signal(state, from, reason, via_link),
            Signal::Link(from) => {
                if !state.links.contains(&from) {
                    state.links.push(from);
                }
            }
            Signal::Unlink(from) => state.links.retain(|&p| p != from),
            Signal::Monitor { watcher, reference } => state.watchers.push((reference, watcher)),
            Signal::Demonitor { reference } => state.watchers.retain(|&(r, _)| r != reference),
            Signal::AddMonitor { reference, target } => state.monitors.push((reference, target)),
            Signal::Down {
                reference,
                from,
                reason,
            } => self.handle_down(state, reference, from, reason),
            Signal::ReceiveTimeout(token) => {
                if matches!(state.receive_timer, Some((armed, _)) if armed == token) {
                    state.receive_timer = None;
                    state.timed_out = true;
                }
            }
            Signal::Fail(reason) => state.ending = Some(reason),
            Signal::SetTrapExit(on) => state.trap_exit = on,
            Signal::Poke => {}
        }
    }

    fn handle_exit_signal(&self, state: &mut ProcState, from: Pid, reason: Term, via_link: bool) {
        if via_link {
            // L9: once unlinked, a link's exit signal has no effect.
            let Some(position) = state.links.iter().position(|&p| p == from) else {
                return;
            };
            state.links.swap_remove(position);
        }
        let decision = decide(self.pid(), state.trap_exit, from, &reason, via_link);
        let outcome = match decision {
            ExitDecision::Die(why) => {
                state.ending = Some(why);
                SignalOutcome::Died
            }
            ExitDecision::Trap(message) => {
                state.mailbox.push_back(message);
                SignalOutcome::Trapped
            }
            ExitDecision::Ignore => SignalOutcome::Ignored,
        };
        self.node.emit(EventKind::ExitSignal {
            from,
            to: self.pid(),
            reason,
            outcome,
        });
    }

    /// M3: a 'DOWN' for a monitor that was removed meanwhile is dropped.
    fn handle_down(&self, state: &mut ProcState, reference: Ref, from: Pid, reason: Term) {
        let Some(position) = state.monitors.iter().position(|&(r, _)| r == reference) else {
            return;
        };
        state.monitors.swap_remove(position);
        self.node.emit(EventKind::MonitorFired {
            watcher: self.pid(),
            target: from,
            reference,
            reason: reason.clone(),
        });
        state
            .mailbox
            .push_back(down_message(reference, from, reason));
    }
}

/// `{'DOWN', Ref, process, Pid, Reason}` (M2).
pub(crate) fn down_message(reference: Ref, from: Pid, reason: Term) -> Term {
    Term::tuple([
        Term::Atom(Atom::DOWN),
        Term::Ref(reference),
        Term::Atom(Atom::PROCESS),
        Term::Pid(from),
        reason,
    ])
}
