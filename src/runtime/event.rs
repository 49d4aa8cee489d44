//! The event stream: what happened in the runtime, for whoever is watching.
//!
//! The REPL prints events above the prompt, tests assert on them, tracers
//! record them. Subscribing returns a channel; every event goes to every
//! subscriber in the order the runtime emitted it. When nobody subscribes,
//! emitting an event is a single relaxed load, and message events are only
//! built for processes that are traced, so an untraced `send` pays nothing.
//!
//! Higher layers post their own reports through the same stream (the
//! supervisor's decisions, a behavior's printed output, the command the
//! shell is carrying out), so one subscriber sees one ordered story.
//!
//! Every event has an [`EventId`], its number in the stream, and the events
//! that end processes say which earlier event caused them: an exit carries
//! a [`Cause`] (its own code, the exit signal that killed it, the command
//! that crashed it), an exit signal carries the event it was sent on
//! account of (the sender's death for a link, the command or supervisor
//! decision the sender was acting for). Causes are recorded as things
//! happen, so `why` follows ids back instead of guessing. When nobody
//! subscribes no event is built and no id is taken: causes cost nothing.

use super::term::{Atom, Pid, Ref, Term};
use crossbeam_channel::{Receiver, Sender};
use parking_lot::Mutex;
use std::fmt;
use std::num::NonZeroU64;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// One thing that happened, stamped with the runtime clock (virtual time in
/// deterministic mode) and numbered in stream order.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: EventId,
    pub at: Duration,
    pub kind: EventKind,
}

/// An event's number in the stream: 1, 2, 3, ... in the order emitted, so
/// a cause always has a smaller id than its effect. Non-zero, so that an
/// `Option<EventId>` (in a signal, say) costs no more than the id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventId(NonZeroU64);

impl EventId {
    pub fn new(n: u64) -> Option<EventId> {
        NonZeroU64::new(n).map(EventId)
    }

    pub fn get(self) -> u64 {
        self.0.get()
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Why a process ended, as the runtime saw it happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Cause {
    /// Its own code ended it: it returned, raised or panicked. `location`
    /// is where in its code, for processes whose code can say (a defined
    /// process's function and line, filled in by the process language).
    Own { location: Option<String> },
    /// The playground's `crash`: it was made to fail from outside, on
    /// account of event `by` (the shell's command).
    Crashed { by: Option<EventId> },
    /// An exit signal from `from` killed it; `signal` is the
    /// [`EventKind::ExitSignal`] event.
    Signal { from: Pid, signal: Option<EventId> },
    /// Its code was purged while it still ran it (`code:purge/1` kills
    /// such processes): `by` is the [`EventKind::CodePurged`] event that
    /// decided it, which names the command that purged.
    Purged { by: Option<EventId> },
    /// Its heap outgrew its `max_heap_size` and the runtime killed it, as
    /// the BEAM's garbage collector does: `by` is the
    /// [`EventKind::HeapLimit`] event (the report), and the sizes, in
    /// words, are the report's.
    HeapLimit {
        by: Option<EventId>,
        max_heap_size: u64,
        total_heap_size: u64,
    },
}

/// What an [`EventKind::Exited`] event knows about the end: the cause, and
/// what an OTP crash report shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ExitCause {
    pub cause: Cause,
    /// The event the process was acting on when it ended (a supervisor
    /// that gave up acts on its `GaveUp` report).
    pub acting_for: Option<EventId>,
    pub kind: Atom,
    /// The last message it took out of its mailbox.
    pub last_message: Option<Term>,
    pub message_queue_len: usize,
    pub links: Vec<Pid>,
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
        /// For process code: the version of its module it starts in
        /// (`counter@2`, see `code_table`).
        version: Option<u32>,
    },
    Exited {
        pid: Pid,
        name: Option<Atom>,
        reason: Term,
        /// Why, and the crash report's facts.
        cause: Box<ExitCause>,
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
        /// The event the signal was sent on account of: the sender's
        /// `Exited` for a link, else what the sender was acting for.
        cause: Option<EventId>,
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
    /// `watcher` now monitors `target` (`monitor/2` on a pid or on a name
    /// someone holds, `spawn_monitor`, the shell's `monitor`). With
    /// [`EventKind::Demonitored`] and [`EventKind::MonitorFired`] it lets a
    /// watcher know which monitors exist right now (the stage draws them).
    /// Built only when someone listens: `call` monitors its server on every
    /// call.
    Monitored {
        watcher: Pid,
        target: Pid,
        reference: Ref,
    },
    /// `watcher` removed its monitor `reference` (`demonitor/1,2`, the
    /// shell's `demonitor`). A monitor that fired is gone as well, which
    /// its `MonitorFired` says; one whose watcher ended goes with its
    /// `Exited`.
    Demonitored {
        watcher: Pid,
        reference: Ref,
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
    /// Version `version` of `module` was purged while `pid` still ran it
    /// (a frame of its stack in it), so `pid` is killed, as `code:purge/1` does after
    /// `erlang:check_process_code/2`. `cause` is the event the purge was
    /// done on account of (the shell's `def` or `purge`).
    CodePurged {
        module: Atom,
        version: u32,
        pid: Pid,
        cause: Option<EventId>,
    },
    /// `pid`'s heap (what it can reach: registers, stack, mailbox) was
    /// measured at `total_heap_size` words, over its `max_heap_size`: the
    /// report OTP's logger prints ("maximum heap size reached"). With
    /// `killed` the process is killed with reason `killed` right after
    /// (its `Exited` names this event as the cause); without, it was only
    /// reported (`max_heap_size` with `kill => false`).
    HeapLimit {
        pid: Pid,
        max_heap_size: u64,
        total_heap_size: u64,
        message_queue_len: usize,
        killed: bool,
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
    /// A command the shell is about to carry out, posted by the language
    /// layer: what the shell does next is on its account. `location` is
    /// `FILE:LINE` in a script.
    Command {
        text: String,
        location: Option<String>,
    },
    /// A message sent by a process acting on account of event `cause` (the
    /// shell carrying out a command): lets `why` say where a fatal message
    /// came from. Not a line in the log.
    SentFor {
        from: Pid,
        to: Pid,
        message: Term,
        cause: EventId,
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
pub(in crate::runtime) struct EventBus {
    subscribers: Mutex<Subscribers>,
    count: AtomicUsize,
}

/// The channels, and the number the next event gets (taken under the same
/// lock, so ids follow stream order).
struct Subscribers {
    channels: Vec<Sender<Event>>,
    last_id: u64,
}

impl EventBus {
    pub(in crate::runtime) fn new() -> EventBus {
        EventBus {
            subscribers: Mutex::new(Subscribers {
                channels: Vec::new(),
                last_id: 0,
            }),
            count: AtomicUsize::new(0),
        }
    }

    pub(in crate::runtime) fn subscribe(&self) -> Receiver<Event> {
        let (tx, rx) = crossbeam_channel::unbounded();
        let mut subscribers = self.subscribers.lock();
        subscribers.channels.push(tx);
        self.count
            .store(subscribers.channels.len(), Ordering::Relaxed);
        rx
    }

    /// Whether anyone is listening: the check that keeps events free when
    /// nobody is.
    #[inline]
    pub(in crate::runtime) fn active(&self) -> bool {
        self.count.load(Ordering::Relaxed) > 0
    }

    /// Sends the event built from `kind` at the time `now()` reads, and
    /// returns its id (`None` when nobody listens). Dropped receivers are
    /// forgotten.
    pub(in crate::runtime) fn emit(
        &self,
        now: impl FnOnce() -> Duration,
        kind: EventKind,
    ) -> Option<EventId> {
        if !self.active() {
            return None;
        }
        let mut subscribers = self.subscribers.lock();
        subscribers.last_id += 1;
        let id = EventId::new(subscribers.last_id)?;
        let event = Event {
            id,
            at: now(),
            kind,
        };
        subscribers
            .channels
            .retain(|subscriber| subscriber.send(event.clone()).is_ok());
        self.count
            .store(subscribers.channels.len(), Ordering::Relaxed);
        Some(id)
    }
}
