//! Walking a death back to its first cause, for `why`.
//!
//! Each step follows an id the runtime recorded when the thing happened:
//! a death names its [`Cause`] (its own code, the exit signal that killed
//! it, the command that crashed it) and the event it was acting for; an
//! exit signal names the event it was sent on account of (the sender's
//! death for a link, the shell's command, a supervisor's report). The one
//! match made here rather than recorded is for a death of its own code:
//! the last message it took is looked up among the messages sent to it on
//! a command's account (and the exit signals it trapped), newest first.

use super::history::History;
use crate::runtime::{Atom, Cause, EventId, EventKind, Pid, SignalOutcome, SupervisorReport, Term};
use crate::view::why::{CommandRef, Restart, Step, Who};
use std::collections::HashSet;
use std::time::Duration;

/// The chain of causes of the death `exited` (an `Exited` event id),
/// newest first.
pub(super) fn chain(history: &History, exited: EventId) -> Vec<Step> {
    let mut walk = Walk {
        history,
        steps: Vec::new(),
        seen: HashSet::new(),
    };
    walk.death(exited);
    walk.steps
}

struct Walk<'a> {
    history: &'a History,
    steps: Vec<Step>,
    /// Ids already explained: a guard, since a supervisor's death can be
    /// reached from its children's.
    seen: HashSet<EventId>,
}

impl Walk<'_> {
    fn who(&self, pid: Pid) -> Who {
        Who {
            pid,
            label: self.history.labels.get(pid),
        }
    }

    fn command(&self, id: Option<EventId>) -> Option<CommandRef> {
        match &self.history.get(id?)?.kind {
            EventKind::Command { text, location } => Some(CommandRef {
                text: text.clone(),
                location: location.clone(),
            }),
            _ => None,
        }
    }

    fn death(&mut self, id: EventId) {
        if !self.seen.insert(id) {
            return;
        }
        let Some(event) = self.history.get(id) else {
            return;
        };
        let EventKind::Exited {
            pid, reason, cause, ..
        } = &event.kind
        else {
            return;
        };
        let own = matches!(cause.cause, Cause::Own { .. } | Cause::Crashed { .. });
        let location = match &cause.cause {
            Cause::Own { location } => location.clone(),
            _ => None,
        };
        self.steps.push(Step::Ended {
            who: self.who(*pid),
            reason: reason.clone(),
            crashed: own && !reason.is_normal_exit(),
            location,
            at: event.at,
        });
        match &cause.cause {
            Cause::Own { .. } => {
                if let Some(acting) = cause.acting_for {
                    self.acted_for(acting);
                } else if cause.kind.name() == "supervisor" && self.told_to_stop(id, *pid) {
                    // S7: its parent's exit signal stopped it.
                } else if let Some(message) = &cause.last_message {
                    self.received(id, *pid, message);
                }
            }
            Cause::Crashed { by } => self.steps.push(Step::MadeToCrash {
                command: self.command(*by),
            }),
            Cause::Signal { signal, .. } => {
                if let Some(signal) = signal {
                    self.signal(*signal);
                }
            }
            Cause::Purged { by } => self.purged(*by),
            Cause::HeapLimit {
                max_heap_size,
                total_heap_size,
                ..
            } => self.steps.push(Step::HeapLimit {
                max_heap_size: *max_heap_size,
                total_heap_size: *total_heap_size,
            }),
        }
    }

    /// A purge killed it: which version, and the command that purged
    /// (a `def` of a third version, or `purge`).
    fn purged(&mut self, by: Option<EventId>) {
        let purge = by.and_then(|id| self.history.get(id));
        let step = match purge.map(|event| &event.kind) {
            Some(EventKind::CodePurged {
                module,
                version,
                cause,
                ..
            }) => Step::Purged {
                code: format!("{module}@{version}"),
                command: self.command(*cause),
            },
            _ => Step::Purged {
                code: String::new(),
                command: None,
            },
        };
        self.steps.push(step);
    }

    /// Where the last message `pid` took before dying (event `died`) came
    /// from: a send on a command's account, or an exit signal it trapped.
    fn received(&mut self, died: EventId, pid: Pid, message: &Term) {
        let trapped_from = message
            .tagged::<3>(Atom::EXIT)
            .and_then(|[_, from, _]| from.as_pid());
        for event in self.history.before(died) {
            match &event.kind {
                EventKind::SentFor {
                    from,
                    to,
                    message: sent,
                    cause,
                } if *to == pid && sent == message => {
                    let step = Step::Received {
                        message: message.clone(),
                        from: Some(self.who(*from)),
                        command: self.command(Some(*cause)),
                    };
                    self.steps.push(step);
                    return;
                }
                EventKind::ExitSignal {
                    from,
                    to,
                    reason,
                    outcome: SignalOutcome::Trapped,
                    ..
                } if *to == pid && Some(*from) == trapped_from => {
                    // A supervisor stops when its parent's exit signal
                    // arrives (S7): the parent told it to.
                    self.steps.push(Step::ToldToStop {
                        parent: self.who(*from),
                        reason: reason.clone(),
                    });
                    self.signal_cause(event.id, *from);
                    return;
                }
                _ => {}
            }
        }
        self.steps.push(Step::Received {
            message: message.clone(),
            from: None,
            command: None,
        });
    }

    /// A supervisor that ended on its own stopped because an exit signal
    /// from its parent arrived (S7): the latest one it trapped from a
    /// process that is not its child.
    fn told_to_stop(&mut self, died: EventId, sup: Pid) -> bool {
        let order = self
            .history
            .before(died)
            .find_map(|event| match &event.kind {
                EventKind::ExitSignal {
                    from,
                    to,
                    reason,
                    outcome: SignalOutcome::Trapped,
                    ..
                } if *to == sup && self.history.labels.supervisor_of(*from) != Some(sup) => {
                    Some((event.id, *from, reason.clone()))
                }
                _ => None,
            });
        let Some((signal, parent, reason)) = order else {
            return false;
        };
        self.steps.push(Step::ToldToStop {
            parent: self.who(parent),
            reason,
        });
        self.signal_cause(signal, parent);
        true
    }

    /// An exit signal that killed someone (or was trapped by a supervisor).
    fn signal(&mut self, id: EventId) {
        let Some(event) = self.history.get(id) else {
            return;
        };
        let EventKind::ExitSignal {
            from,
            reason,
            cause,
            ..
        } = &event.kind
        else {
            return;
        };
        let caused_by = cause.and_then(|c| self.history.get(c)).map(|e| &e.kind);
        match caused_by {
            Some(EventKind::Exited { .. }) => {
                self.steps.push(Step::Signal {
                    from: self.who(*from),
                    reason: reason.clone(),
                    link: true,
                });
                self.death(cause.expect("found"));
            }
            Some(EventKind::Command { text, location }) => self.steps.push(Step::ShellSignal {
                reason: reason.clone(),
                command: CommandRef {
                    text: text.clone(),
                    location: location.clone(),
                },
            }),
            Some(EventKind::Supervisor { .. }) => self.acted_for(cause.expect("found")),
            _ => {
                if !self.shutting_down(id, *from) {
                    self.steps.push(Step::Signal {
                        from: self.who(*from),
                        reason: reason.clone(),
                        link: false,
                    });
                }
            }
        }
    }

    /// A signal sent with no recorded reason: if its sender is a supervisor
    /// that died after sending it, it was shutting down, and its death
    /// explains the signal.
    fn shutting_down(&mut self, signal: EventId, from: Pid) -> bool {
        match self.history.death_of(from) {
            Some(death) if death.id > signal && self.is_supervisor(from) => {
                self.steps.push(Step::StoppedWhileShuttingDown {
                    sup: self.who(from),
                });
                self.death(death.id);
                true
            }
            _ => false,
        }
    }

    /// What made `from` send the exit signal `signal` (one that was trapped).
    fn signal_cause(&mut self, signal: EventId, from: Pid) {
        let Some(EventKind::ExitSignal { reason, cause, .. }) =
            self.history.get(signal).map(|e| &e.kind)
        else {
            return;
        };
        let Some(cause) = *cause else {
            // Sent while `from` shut down: its own death explains it (the
            // step before this one already said who sent it).
            if let Some(death) = self.history.death_of(from)
                && death.id > signal
            {
                self.death(death.id);
            }
            return;
        };
        match self.history.get(cause).map(|e| &e.kind) {
            Some(EventKind::Command { text, location }) => self.steps.push(Step::ShellSignal {
                reason: reason.clone(),
                command: CommandRef {
                    text: text.clone(),
                    location: location.clone(),
                },
            }),
            Some(EventKind::Supervisor { .. }) => self.acted_for(cause),
            Some(EventKind::Exited { .. }) => self.death(cause),
            _ => {}
        }
    }

    fn is_supervisor(&self, pid: Pid) -> bool {
        self.history.death_of(pid).is_some_and(|event| {
            matches!(&event.kind, EventKind::Exited { cause, .. } if cause.kind.name() == "supervisor")
        })
    }

    /// A supervisor's decision that someone acted on: a child exit its
    /// strategy answered, or giving up.
    fn acted_for(&mut self, id: EventId) {
        if !self.seen.insert(id) {
            return;
        }
        let Some(event) = self.history.get(id) else {
            return;
        };
        let EventKind::Supervisor { supervisor, report } = &event.kind else {
            return;
        };
        match report {
            SupervisorReport::ChildExited {
                id: failed, pid, ..
            } => {
                let strategy = self.history.after(id).find_map(|e| match &e.kind {
                    EventKind::Supervisor {
                        supervisor: s,
                        report: SupervisorReport::Restarting { strategy, .. },
                    } if s == supervisor => Some(*strategy),
                    _ => None,
                });
                self.steps.push(Step::StrategyStop {
                    sup: self.who(*supervisor),
                    strategy,
                    failed: *failed,
                });
                if let Some(death) = self.history.death_of(*pid) {
                    self.death(death.id);
                }
            }
            SupervisorReport::GaveUp {
                intensity, period, ..
            } => {
                let (restarts, offender) = restarts_before(self.history, id, *supervisor, *period);
                self.steps.push(Step::GaveUp {
                    sup: self.who(*supervisor),
                    offender: offender.map(|(child, _)| child),
                    intensity: *intensity,
                    period: *period,
                    restarts,
                });
                if let Some((_, pid)) = offender
                    && let Some(death) = self.history.death_of(pid)
                {
                    self.death(death.id);
                }
            }
            _ => {}
        }
    }
}

/// The restarts `supervisor` counted in the period before giving up (event
/// `gave_up`), oldest first, the fatal exit last; and the offender (the
/// child whose exit was one too many). Stamps are whole seconds, as the
/// intensity counts them (S3).
fn restarts_before(
    history: &History,
    gave_up: EventId,
    supervisor: Pid,
    period: Duration,
) -> (Vec<Restart>, Option<(Atom, Pid)>) {
    let Some(now) = history.get(gave_up).map(|e| e.at.as_secs()) else {
        return (Vec::new(), None);
    };
    let oldest = now.saturating_sub(period.as_secs());
    let mut exits: Vec<(Restart, bool)> = Vec::new();
    let mut offender = None;
    // Walking newest first, a `Restarting` report comes just before the
    // exit it answered.
    let mut answered = false;
    for event in history.before(gave_up) {
        let EventKind::Supervisor {
            supervisor: s,
            report,
        } = &event.kind
        else {
            continue;
        };
        if *s != supervisor {
            continue;
        }
        if event.at.as_secs() < oldest {
            break;
        }
        match report {
            SupervisorReport::ChildExited { id, pid, reason } => {
                let restart = Restart {
                    at: event.at,
                    id: *id,
                    pid: *pid,
                    reason: reason.clone(),
                };
                let fatal = offender.is_none();
                if fatal {
                    offender = Some((*id, *pid));
                }
                exits.push((restart, fatal || answered));
                answered = false;
            }
            SupervisorReport::Restarting { .. } => answered = true,
            _ => {}
        }
    }
    // Walked newest first: an exit is kept when a restart answered it (or
    // it is the fatal one, first in this walk).
    let restarts = exits
        .into_iter()
        .rev()
        .filter(|(_, counted)| *counted)
        .map(|(restart, _)| restart)
        .collect();
    (restarts, offender)
}
