//! The event stream: what happened in the runtime, for whoever is watching.
//!
//! The REPL prints events above the prompt, tests assert on them, tracers
//! record them. Subscribing returns a channel; every event goes to every
//! subscriber in the order the runtime emitted it. When nobody subscribes,
//! emitting an event is a single relaxed load, and message events are only
//! built for processes that are traced, so an untraced `send` pays nothing.
//!
//! Higher layers post their own reports through the same stream (the
//! supervisor's decisions, a behavior's printed output), so one subscriber
//! sees one ordered story.

use super::term::{Atom, Pid, Ref, Term};
use crossbeam_channel::{Receiver, Sender};
use parking_lot::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// One thing that happened, stamped with the runtime clock (virtual time in
/// deterministic mode).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub at: Duration,
    pub kind: EventKind,
}

/// What a process did when an exit signal reached it (OTP-SEMANTICS L3–L7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalOutcome {
    /// The receiver died of it.
    Died,
    /// The receiver traps exits and got an `{'EXIT', From, Reason}` message.
    Trapped,
    /// The signal had no effect (a `normal` exit reaching a non-trapping process).
    Ignored,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    Spawned {
        pid: Pid,
        kind: Atom,
        parent: Option<Pid>,
    },
    Exited {
        pid: Pid,
        name: Option<Atom>,
        reason: Term,
    },
    Linked {
        a: Pid,
        b: Pid,
    },
    Unlinked {
        a: Pid,
        b: Pid,
    },
    Registered {
        name: Atom,
        pid: Pid,
    },
    /// An exit signal reached `to`, with the outcome.
    ExitSignal {
        from: Pid,
        to: Pid,
        reason: Term,
        outcome: SignalOutcome,
    },
    /// A monitor fired: `watcher` got `{'DOWN', Ref, process, Object, Reason}`.
    MonitorFired {
        watcher: Pid,
        /// What ended, as the 'DOWN' names it: a pid, or `{Name, Node}`
        /// for a monitor made by registered name (M2).
        object: Term,
        reference: Ref,
        reason: Term,
    },
    /// A message sent by or to a traced process.
    Sent {
        from: Pid,
        to: Pid,
        message: Term,
    },
    /// A traced process took a message out of its mailbox.
    Received {
        pid: Pid,
        message: Term,
    },
    /// Text a process printed (the playground's `io:format`).
    Output {
        pid: Pid,
        text: String,
    },
    /// A supervisor's report about its children.
    Supervisor {
        supervisor: Pid,
        report: SupervisorReport,
    },
}

/// What a supervisor decided, posted by the supervisor layer. The runtime
/// carries these without interpreting them.
#[derive(Clone, Debug, PartialEq)]
pub enum SupervisorReport {
    ChildStarted {
        id: Atom,
        pid: Pid,
    },
    /// A child ended on its own (crashed, or finished).
    ChildExited {
        id: Atom,
        pid: Pid,
        reason: Term,
    },
    /// The strategy's action for a failed child: which children it stops and
    /// starts again, and how much of the restart budget is now used.
    Restarting {
        strategy: Atom,
        failed: Atom,
        restarting: Vec<Atom>,
        restart: u32,
        intensity: u32,
        period: Duration,
    },
    /// The supervisor stopped a child (as part of a strategy, on request, or
    /// while shutting down).
    ChildTerminated {
        id: Atom,
        pid: Pid,
        reason: Term,
    },
    /// A child could not be started.
    StartFailed {
        id: Atom,
        reason: Term,
    },
    /// Restart intensity exceeded: the supervisor stops all children and
    /// exits with `shutdown`.
    GaveUp {
        restarts: u32,
        intensity: u32,
        period: Duration,
    },
}

/// The subscriber list. Emitting takes one lock, so that every subscriber
/// sees the events in the same order, and the timestamps in that order never
/// go backwards (the clock is read under the lock).
pub(crate) struct EventBus {
    subscribers: Mutex<Vec<Sender<Event>>>,
    count: AtomicUsize,
}

impl EventBus {
    pub(crate) fn new() -> EventBus {
        EventBus {
            subscribers: Mutex::new(Vec::new()),
            count: AtomicUsize::new(0),
        }
    }

    pub(crate) fn subscribe(&self) -> Receiver<Event> {
        let (tx, rx) = crossbeam_channel::unbounded();
        let mut subscribers = self.subscribers.lock();
        subscribers.push(tx);
        self.count.store(subscribers.len(), Ordering::Relaxed);
        rx
    }

    /// Whether anyone is listening: the check that keeps events free when
    /// nobody is.
    #[inline]
    pub(crate) fn active(&self) -> bool {
        self.count.load(Ordering::Relaxed) > 0
    }

    /// Sends the event built from `kind` at the time `now()` reads. Dropped
    /// receivers are forgotten.
    pub(crate) fn emit(&self, now: impl FnOnce() -> Duration, kind: EventKind) {
        if !self.active() {
            return;
        }
        let mut subscribers = self.subscribers.lock();
        let event = Event { at: now(), kind };
        subscribers.retain(|subscriber| subscriber.send(event.clone()).is_ok());
        self.count.store(subscribers.len(), Ordering::Relaxed);
    }
}
