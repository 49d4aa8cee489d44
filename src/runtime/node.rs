//! The node: the shared state of one runtime, and the paths every signal
//! takes.
//!
//! An Erlang node is one running BEAM: its processes, their names, its
//! timers, its schedulers. [`Node`] is the same for the playground. The
//! three paths that matter most for semantics are here:
//!
//! - [`Node::start`]: a process is created, entered in the table (with its
//!   link to the parent already in place when spawned with a link, L10) and
//!   put in a run queue.
//! - [`Node::send_signal`]: a signal is appended to the receiver's queue and
//!   the receiver is woken. If the receiver is dead, the signal is answered
//!   as the BEAM would: a link request gets an exit signal `noproc` (L8), a
//!   monitor request gets a 'DOWN' with `noproc` (M2), anything else is
//!   dropped.
//! - [`Node::finish`]: a process ends. Its name is released first (N1, L2),
//!   then its links get exit signals with its reason, its monitors fire, and
//!   the signals that arrived too late are answered as above.

use super::code_table::CodeTable;
use super::config::{Config, Mode};
use super::deaths::{Death, Deaths};
use super::event::{Cause, EventBus, EventId, EventKind, ExitCause};
use super::output::PartialLines;
use super::process::{MaxHeapSize, Process, Signal};
use super::program::{NativeBody, Running};
use super::registry::{RegisterError, Registry};
use super::scheduler::{Scheduler, deterministic::DeterministicQueue, live::LivePool, run_slice};
use super::table::ProcessTable;
use super::term::{Atom, Pid, Ref, Term};
use super::timer::{Clock, TimerAction, TimerRef, Timers};
use crossbeam_deque::Worker;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The pid signals from outside any process (the runtime API itself) are
/// sent from. No process ever has it.
pub(in crate::runtime) const NOBODY: Pid = Pid(0);

pub(in crate::runtime) struct Node {
    pub(in crate::runtime) config: Config,
    pub(in crate::runtime) clock: Clock,
    pub(in crate::runtime) table: ProcessTable,
    pub(in crate::runtime) registry: Registry,
    pub(in crate::runtime) timers: Timers,
    pub(in crate::runtime) scheduler: Scheduler,
    pub(in crate::runtime) events: EventBus,
    pub(in crate::runtime) deaths: Deaths,
    /// Loaded modules (the process language's definitions).
    pub(in crate::runtime) code: CodeTable,
    /// Lines processes have begun printing (`output.rs`).
    pub(in crate::runtime) partial_lines: PartialLines,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    /// Processes alive.
    pub(in crate::runtime) live: AtomicUsize,
    pub(in crate::runtime) shut_down: AtomicBool,
    /// Whether OTP's reports are written as Elixir's Logger translates
    /// them (`[error] GenServer Stack terminating`) rather than as
    /// `=ERROR REPORT====`: the logger's configuration, which on the BEAM
    /// is the node's too.
    pub(in crate::runtime) elixir_reports: AtomicBool,
}

/// How to start a process.
pub(in crate::runtime) struct SpawnOptions {
    pub kind: Atom,
    pub parent: Option<Pid>,
    /// Link to the parent from the start (the parent adds its own side).
    pub link: bool,
    /// Its own `max_heap_size` (`spawn_opt`), else the runtime's.
    pub max_heap_size: Option<MaxHeapSize>,
}

impl Node {
    /// A node, and for a live one the run queues its workers will own.
    pub(in crate::runtime) fn new(config: Config) -> (Node, Vec<Worker<Arc<Process>>>) {
        let (clock, scheduler, queues) = match config.mode {
            Mode::Live => {
                let (pool, queues) = LivePool::new(config.schedulers.max(1));
                (
                    Clock::Wall(Instant::now()),
                    Scheduler::Live(Box::new(pool)),
                    queues,
                )
            }
            Mode::Deterministic { seed, order } => (
                Clock::Virtual(AtomicU64::new(0)),
                Scheduler::Deterministic(DeterministicQueue::new(seed, order)),
                Vec::new(),
            ),
        };
        let node = Node {
            deaths: Deaths::new(config.recent_deaths),
            config,
            clock,
            table: ProcessTable::new(),
            registry: Registry::new(),
            timers: Timers::new(),
            scheduler,
            events: EventBus::new(),
            code: CodeTable::default(),
            partial_lines: PartialLines::default(),
            next_pid: AtomicU64::new(1),
            next_ref: AtomicU64::new(1),
            live: AtomicUsize::new(0),
            shut_down: AtomicBool::new(false),
            elixir_reports: AtomicBool::new(false),
        };
        (node, queues)
    }

    pub(in crate::runtime) fn now(&self) -> Duration {
        self.clock.now()
    }

    pub(in crate::runtime) fn emit(&self, kind: EventKind) -> Option<EventId> {
        self.events.emit(|| self.clock.now(), kind)
    }

    /// Every process's unfinished line, as output events.
    pub(in crate::runtime) fn flush_output(&self) {
        for (pid, text) in self.partial_lines.take_all() {
            self.emit(EventKind::Output { pid, text });
        }
    }

    /// Emits the event `build` makes, building it only when someone
    /// listens: for events on hot paths (a monitor per `call`).
    #[inline]
    pub(in crate::runtime) fn emit_if_listened(&self, build: impl FnOnce() -> EventKind) {
        if self.events.active() {
            self.emit(build());
        }
    }

    /// Whether the process limit (`Config::process_limit`, OTP's `+P`)
    /// refuses another spawn. Checked before a spawn a program or the
    /// presenter asks for (the runtime's own processes are not refused);
    /// two spawns on two schedulers may both pass with one place left,
    /// so a live runtime may go past the limit by a process or two.
    pub(in crate::runtime) fn at_process_limit(&self) -> bool {
        self.live.load(Ordering::Relaxed) >= self.config.process_limit
    }

    pub(in crate::runtime) fn allocate_pid(&self) -> Pid {
        Pid(self.next_pid.fetch_add(1, Ordering::Relaxed))
    }

    pub(in crate::runtime) fn make_ref(&self) -> Ref {
        Ref(self.next_ref.fetch_add(1, Ordering::Relaxed))
    }

    pub(in crate::runtime) fn lookup(&self, pid: Pid) -> Option<Arc<Process>> {
        self.table.get(pid)
    }

    /// How `pid` died, without a gap: `finish` marks a process as ending
    /// (so `is_alive` is false) before it records the death, and records
    /// it before the table lets go of the process. A process still in the
    /// table with its ending decided is dead with that reason, even while
    /// its record is on the way; one no longer in the table has its
    /// record. (A live caller polling `is_alive` and then asking for the
    /// reason would otherwise find none, now and then.)
    pub(in crate::runtime) fn death_of(&self, pid: Pid) -> Option<Death> {
        if let Some(process) = self.table.get(pid) {
            let ending = process.state.lock().ending.as_deref().cloned()?;
            return self.deaths.of(pid).or_else(|| {
                Some(Death {
                    pid,
                    name: self.registry.name_of(pid),
                    kind: process.kind(),
                    reason: ending,
                    at: self.now(),
                })
            });
        }
        self.deaths.of(pid)
    }

    pub(in crate::runtime) fn is_alive(&self, pid: Pid) -> bool {
        self.table
            .get(pid)
            .is_some_and(|process| process.state.lock().ending.is_none())
    }

    /// Creates process `pid` running the program `make_program` builds for
    /// it, and makes it runnable.
    pub(in crate::runtime) fn start(
        self: &Arc<Self>,
        pid: Pid,
        options: SpawnOptions,
        make_program: impl FnOnce(&Arc<Process>) -> Running,
    ) {
        let max_heap_size = options
            .max_heap_size
            .unwrap_or(MaxHeapSize::words(self.config.max_heap_size));
        let process = Arc::new(Process::new(
            self.clone(),
            pid,
            options.kind,
            options.parent,
            max_heap_size,
        ));
        if let (true, Some(parent)) = (options.link, options.parent) {
            process.state.lock().links.push(parent);
        }
        let code = make_program(&process);
        let location = code.location();
        if let Some(location) = location {
            process.set_location(location);
        }
        *process.program.lock() = Some(code);
        self.table.insert(process.clone());
        self.live.fetch_add(1, Ordering::Relaxed);
        self.emit(EventKind::Spawned {
            pid,
            kind: options.kind,
            parent: options.parent,
            version: location.map(|l| l.version),
        });
        self.scheduler.enqueue(process);
    }

    /// Creates process `pid` running the native behavior `body`.
    pub(in crate::runtime) fn start_native<F, Fut>(
        self: &Arc<Self>,
        pid: Pid,
        options: SpawnOptions,
        body: F,
    ) where
        F: FnOnce(Arc<Process>) -> Fut,
        Fut: Future<Output = Term> + Send + 'static,
    {
        self.start(pid, options, |process| {
            let body: NativeBody = Box::pin(body(process.clone()));
            Running::Native(body)
        });
    }

    pub(in crate::runtime) fn spawn_native<F, Fut>(
        self: &Arc<Self>,
        options: SpawnOptions,
        body: F,
    ) -> Pid
    where
        F: FnOnce(Arc<Process>) -> Fut,
        Fut: Future<Output = Term> + Send + 'static,
    {
        let pid = self.allocate_pid();
        self.start_native(pid, options, body);
        pid
    }

    /// Sends a message, with a trace event if either side is traced, and a
    /// `SentFor` if the sender acts on account of an event (the shell's
    /// command), so that `why` can tell where a fatal message came from.
    ///
    /// Out of line: inlined into the interpreter's loop (its `Send`), it
    /// cost vm-fib 1% through the loop's register allocation.
    #[inline(never)]
    pub(in crate::runtime) fn send_message(&self, from: Pid, to: Pid, message: Term) {
        if self.events.active() {
            self.note_sent(from, to, &message);
        }
        self.send_signal(to, Signal::Message(message));
    }

    /// The events of [`Node::send_message`], out of line: with nobody
    /// listening, a send is the flag's test and the delivery, with no call
    /// of its own (a ring's hop is mostly sends and receives).
    #[cold]
    #[inline(never)]
    fn note_sent(&self, from: Pid, to: Pid, message: &Term) {
        let sender = self.table.get(from);
        let traced = |pid| self.table.get(pid).is_some_and(|p| p.is_traced());
        if sender.as_ref().is_some_and(|p| p.is_traced()) || traced(to) {
            self.emit(EventKind::Sent {
                from,
                to,
                message: message.clone(),
            });
        }
        if let Some(cause) = sender.and_then(|p| p.acting_for()) {
            self.emit(EventKind::SentFor {
                from,
                to,
                message: message.clone(),
                cause,
            });
        }
    }

    /// [`Node::send_message`] to a process the sender holds a handle to:
    /// no table lookup. With a listener it takes the general path, which
    /// builds the trace events.
    #[inline]
    pub(in crate::runtime) fn send_message_to(&self, from: Pid, to: &Arc<Process>, message: Term) {
        if self.events.active() {
            return self.send_message(from, to.pid(), message);
        }
        // A message to a dead process is dropped (`answer_for_dead`).
        drop(self.deliver(to, Signal::Message(message)));
    }

    /// Appends `signal` to `to`'s queue and wakes it; answers for `to` if it
    /// is dead.
    pub(in crate::runtime) fn send_signal(&self, to: Pid, signal: Signal) {
        // Delivered while the table shard is locked, which saves cloning the
        // process handle on every send. Lock order: shard, then process.
        // Nothing holds a process lock while it takes a shard lock.
        let undelivered = self.table.with(to, |process| match process {
            Some(process) => self.deliver(process, signal),
            None => Some(signal),
        });
        if let Some(signal) = undelivered {
            self.answer_for_dead(to, signal);
        }
    }

    /// Appends the signal, or hands it back if the process is ending.
    #[inline]
    fn deliver(&self, process: &Arc<Process>, signal: Signal) -> Option<Signal> {
        let mut state = process.state.lock();
        if state.ending.is_some() {
            return Some(signal);
        }
        if matches!(signal, Signal::Message(_)) {
            process.slice.message_arrived();
        } else {
            process.slice.control_signal_added();
        }
        state.signals.push_back(signal);
        process.slice.set_news();
        drop(state);
        if process.run_state.notify() {
            self.scheduler.enqueue(process.clone());
        }
        None
    }

    /// What a dead process "says" to a signal that reaches it (L8, M2).
    fn answer_for_dead(&self, dead: Pid, signal: Signal) {
        let noproc = Term::from_atom(Atom::NOPROC);
        match signal {
            Signal::Link(linker) => self.send_signal(
                linker,
                Signal::Exit {
                    from: dead,
                    reason: noproc,
                    via_link: true,
                    cause: None,
                },
            ),
            Signal::Monitor { watcher, reference } => self.send_signal(
                watcher,
                Signal::Down {
                    reference,
                    from: dead,
                    reason: noproc,
                },
            ),
            _ => {}
        }
    }

    /// Ends `process` with `reason` (unless a signal already decided another
    /// reason, which then wins), and tells everyone who needs to know.
    pub(in crate::runtime) fn finish(&self, process: &Arc<Process>, reason: Term) {
        let pid = process.pid();
        let (reason, cause, late_signals, links, watchers, monitors) = {
            let mut state = process.state.lock();
            process.end(&mut state, reason);
            let reason = state.ending.as_deref().cloned().expect("ending now");
            // What a crash report shows, gathered only for a listener.
            let cause = self.events.active().then(|| {
                Box::new(ExitCause {
                    cause: state
                        .ending_cause
                        .take()
                        .map_or(Cause::Own { location: None }, |cause| *cause),
                    acting_for: process.acting_for(),
                    kind: process.kind(),
                    last_message: state.last_taken.take().map(|message| *message),
                    message_queue_len: state.message_queue_len(),
                    links: state.links.to_vec(),
                })
            });
            state.mailbox.clear();
            (
                reason,
                cause,
                std::mem::take(&mut state.signals),
                std::mem::take(&mut state.links),
                std::mem::take(&mut state.watchers),
                std::mem::take(&mut state.monitors),
            )
        };
        process.run_state.set_dead();
        // The program (an async state machine holding this process) goes now.
        drop(process.program.lock().take());
        // N1, L2: the name is free before anyone hears of the death.
        let name = self.registry.release(pid);
        // erts cancels the timers that would send to a dead process.
        // The record comes before the table lets go (see `death_of`).
        self.deaths.record(Death {
            pid,
            name,
            kind: process.kind(),
            reason: reason.clone(),
            at: self.now(),
        });
        self.timers.cancel_targeting(pid);
        self.table.remove(pid);
        // What it printed last comes before its death, even without a
        // newline.
        if let Some(text) = self.partial_lines.take(pid) {
            self.emit(EventKind::Output { pid, text });
        }
        // The death is the cause of the exit signals its links carry.
        let exited = cause.and_then(|cause| {
            self.emit(EventKind::Exited {
                pid,
                name,
                reason: reason.clone(),
                cause,
            })
        });
        for signal in late_signals {
            self.answer_for_dead(pid, signal);
        }
        for linked in links {
            let reason = reason.clone();
            self.send_signal(
                linked,
                Signal::Exit {
                    from: pid,
                    reason,
                    via_link: true,
                    cause: exited,
                },
            );
        }
        for (reference, watcher) in watchers {
            let reason = reason.clone();
            self.send_signal(
                watcher,
                Signal::Down {
                    reference,
                    from: pid,
                    reason,
                },
            );
        }
        for monitor in monitors {
            if let Some(target) = monitor.target {
                let reference = monitor.reference;
                self.send_signal(target, Signal::Demonitor { reference });
            }
        }
        self.live.fetch_sub(1, Ordering::Relaxed);
    }

    pub(in crate::runtime) fn register(&self, name: Atom, pid: Pid) -> Result<(), RegisterError> {
        self.registry.register(name, pid, || self.is_alive(pid))?;
        self.emit(EventKind::Registered { name, pid });
        Ok(())
    }

    pub(in crate::runtime) fn start_timer(&self, delay: Duration, action: TimerAction) -> TimerRef {
        self.timers.start(self.now().saturating_add(delay), action)
    }

    /// Arms the timer that wakes `process` at `deadline` unless one is
    /// armed for that deadline already (a receive that is polled again).
    pub(in crate::runtime) fn arm_receive_timeout(&self, process: &Process, deadline: Duration) {
        let mut state = process.state.lock();
        if matches!(state.receive_timer, Some((_, armed)) if armed == deadline) {
            return;
        }
        let timer = self
            .timers
            .start(deadline, TimerAction::ReceiveTimeout { pid: process.pid() });
        state.receive_timer = Some((timer.0, deadline));
    }

    pub(in crate::runtime) fn fire(&self, timer: TimerRef, action: TimerAction) {
        match action {
            TimerAction::Send { from, to, message } => self.send_message(from, to, message),
            TimerAction::SendToName {
                from,
                name,
                message,
            } => {
                if let Some(to) = self.registry.whereis(name) {
                    self.send_message(from, to, message);
                }
            }
            TimerAction::ReceiveTimeout { pid } => {
                self.send_signal(pid, Signal::ReceiveTimeout(timer.0))
            }
        }
    }

    pub(in crate::runtime) fn fire_due_timers(&self) {
        for (timer, action) in self.timers.take_due(self.now()) {
            self.fire(timer, action);
        }
    }

    /// In deterministic mode, work moves the virtual clock.
    pub(in crate::runtime) fn charge_virtual_time(&self, reductions: u32) {
        if let Clock::Virtual(_) = self.clock {
            let nanos = u64::from(reductions) * self.config.virtual_nanos_per_reduction;
            self.clock.advance_by(Duration::from_nanos(nanos));
        }
    }

    /// Deterministic mode: fires due timers and runs one slice. False when
    /// nothing was runnable.
    pub(in crate::runtime) fn step(self: &Arc<Self>) -> bool {
        let Scheduler::Deterministic(queue) = &self.scheduler else {
            return false;
        };
        self.fire_due_timers();
        match queue.next() {
            Some(process) => {
                run_slice(self, process);
                true
            }
            None => false,
        }
    }

    /// Live mode: every worker is asleep and no run queue holds work, so no
    /// process is running or runnable.
    pub(in crate::runtime) fn is_quiet(&self) -> bool {
        match &self.scheduler {
            Scheduler::Live(pool) => pool.is_quiet(),
            Scheduler::Deterministic(_) => true,
        }
    }

    pub(in crate::runtime) fn is_deterministic(&self) -> bool {
        matches!(self.scheduler, Scheduler::Deterministic(_))
    }

    /// Stops everything: no process runs again, and every process is
    /// dropped (which breaks the reference cycle between a process and the
    /// program holding it).
    pub(in crate::runtime) fn shutdown(&self) {
        self.shut_down.store(true, Ordering::Release);
        self.timers.shutdown();
        match &self.scheduler {
            Scheduler::Live(pool) => pool.shutdown(),
            Scheduler::Deterministic(queue) => queue.clear(),
        }
    }

    /// After the workers have stopped: drops every process.
    pub(in crate::runtime) fn clear(&self) {
        if let Scheduler::Live(pool) = &self.scheduler {
            pool.shutdown();
        }
        for process in self.table.drain() {
            {
                let mut state = process.state.lock();
                process.end(&mut state, Term::from_atom(Atom::SHUTDOWN));
                state.signals.clear();
                state.mailbox.clear();
            }
            drop(process.program.lock().take());
        }
    }
}
