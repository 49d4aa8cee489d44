//! Processes: what a process is, and everything it can do.
//!
//! A [`Process`] is the runtime's record of one lightweight process: its pid,
//! its private state (mailbox, links, monitors, trap_exit; see [`state`]),
//! its scheduling state, and the [`Program`] it runs. A process is not an OS
//! thread: the scheduler's few worker threads take turns running many
//! processes, one time slice at a time.
//!
//! The methods here are the process's view of the world, the playground's
//! equivalent of the BEAM's BIFs: `send`, `link`, `monitor`, `exit`,
//! `spawn_link`, `register`, `send_after`. They are called by the process's
//! own program while it runs (a native behavior gets an `Arc<Process>` for
//! itself); the asynchronous ones, like `receive`, live in [`receive`].

mod dictionary;
mod exit_signal;
mod heap;
mod info;
mod receive;
mod signal;
mod slice;
mod state;

pub(in crate::runtime) use heap::{HeapAccount, MIN_BUDGET as MIN_HEAP_BUDGET};
pub use heap::{MAX_HEAP_WORDS, MIN_HEAP_WORDS, MaxHeapSize, words};
pub use info::{CodeVersion, ProcessContents, ProcessInfo, ProcessSummary, Status};
pub use receive::{Next, Receive, Scan, Work, as_call};
pub(in crate::runtime) use signal::Signal;
pub(in crate::runtime) use slice::SliceState;
pub(in crate::runtime) use state::{HeldMonitor, ProcState};

use super::event::{Cause, EventId, EventKind};
use super::node::{Node, SpawnOptions};
use super::program::{Location, Program, Running};
use super::registry::RegisterError;
use super::scheduler::RunState;
use super::term::size::Reach;
use super::term::{Atom, Pid, Ref, Term};
use super::timer::{TimerAction, TimerRef};

/// Where a timer's message goes: a process, or whichever process has a
/// registered name when the timer fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerDestination {
    Pid(Pid),
    Name(Atom),
}
use parking_lot::Mutex;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

/// One lightweight process.
pub struct Process {
    pid: Pid,
    kind: Atom,
    /// The spawner, or `NOBODY` (a word, where `Option<Pid>` takes two).
    parent: Pid,
    pub(in crate::runtime) node: Arc<Node>,
    pub(in crate::runtime) run_state: RunState,
    pub(in crate::runtime) slice: SliceState,
    /// Its `max_heap_size` and when to measure its heap next (`heap.rs`).
    pub(in crate::runtime) heap: HeapAccount,
    traced: AtomicBool,
    /// The event this process is acting on account of (0: none): the
    /// shell's current command, a supervisor's decision. Exit signals and
    /// messages it sends carry it, so `why` can follow them back.
    acting_for: AtomicU64,
    /// Where the process's code is, for views: module, version, function
    /// and arity, or `NO_LOCATION`. Written by the program at the end of
    /// its slices (relaxed stores: a view may see a slightly stale place).
    location: [AtomicU32; 4],
    pub(in crate::runtime) state: Mutex<ProcState>,
    /// Taken by the worker that runs the process; `None` once it has ended.
    pub(in crate::runtime) program: Mutex<Option<Running>>,
}

impl Process {
    pub(in crate::runtime) fn new(
        node: Arc<Node>,
        pid: Pid,
        kind: Atom,
        parent: Option<Pid>,
        max_heap_size: MaxHeapSize,
    ) -> Process {
        Process {
            pid,
            kind,
            parent: parent.unwrap_or(super::node::NOBODY),
            node,
            run_state: RunState::new(),
            slice: SliceState::new(),
            heap: HeapAccount::new(max_heap_size),
            traced: AtomicBool::new(false),
            acting_for: AtomicU64::new(0),
            location: std::array::from_fn(|_| AtomicU32::new(NO_LOCATION)),
            state: Mutex::new(ProcState::default()),
            program: Mutex::new(None),
        }
    }

    pub fn pid(&self) -> Pid {
        self.pid
    }

    /// The kind of process (`counter`, `supervisor`, ...), for views.
    pub fn kind(&self) -> Atom {
        self.kind
    }

    pub fn parent(&self) -> Option<Pid> {
        (self.parent != super::node::NOBODY).then_some(self.parent)
    }

    /// The modules loaded into the runtime this process runs in.
    pub fn code(&self) -> &super::code_table::CodeTable {
        &self.node.code
    }

    /// Records the function the process's code is in (`counter@2:loop/1`),
    /// for `ps` and `info`. An interpreter calls it when a slice ends.
    pub fn set_location(&self, location: Location) {
        self.location[0].store(location.module.index(), Ordering::Relaxed);
        self.location[1].store(location.version, Ordering::Relaxed);
        self.location[2].store(location.function.index(), Ordering::Relaxed);
        self.location[3].store(location.arity, Ordering::Relaxed);
    }

    /// Forgets the recorded function: the code that was there is done
    /// (a program run within a native body, `run_within`, has ended).
    pub(in crate::runtime) fn clear_location(&self) {
        self.location[0].store(NO_LOCATION, Ordering::Relaxed);
    }

    /// The function last recorded by [`Process::set_location`].
    pub fn location(&self) -> Option<Location> {
        let [m, v, f, a] = &self.location;
        let module = m.load(Ordering::Relaxed);
        (module != NO_LOCATION).then(|| Location {
            module: Atom::from_index(module),
            version: v.load(Ordering::Relaxed),
            function: Atom::from_index(f.load(Ordering::Relaxed)),
            arity: a.load(Ordering::Relaxed),
        })
    }

    /// The runtime clock: wall time since start, or virtual time.
    pub fn now(&self) -> Duration {
        self.node.now()
    }

    pub(in crate::runtime) fn is_traced(&self) -> bool {
        self.traced.load(Ordering::Relaxed)
    }

    pub(in crate::runtime) fn set_traced(&self, on: bool) {
        self.traced.store(on, Ordering::Relaxed);
    }

    /// From now on this process acts on account of `event` (see
    /// [`EventKind::ExitSignal`]'s `cause`); `None` ends that.
    pub fn act_for(&self, event: Option<EventId>) {
        let n = event.map_or(0, EventId::get);
        self.acting_for.store(n, Ordering::Relaxed);
    }

    /// The event this process acts on account of, if any.
    pub fn acting_for(&self) -> Option<EventId> {
        EventId::new(self.acting_for.load(Ordering::Relaxed))
    }

    /// Sends `message` to `to`. Sending to a dead pid does nothing, as on
    /// the BEAM.
    pub fn send(&self, to: Pid, message: Term) {
        self.slice.charge(1);
        self.node.send_message(self.pid, to, message);
    }

    /// A handle to the live process `pid`, for a sender that sends to it
    /// again and again (the next member of a ring, a server's client):
    /// [`Process::send_to`] through it skips the process table. `None` if
    /// `pid` is not alive. The handle keeps the target's record (not its
    /// program, which goes when it ends) in memory while it is held.
    pub fn resolve(&self, pid: Pid) -> Option<ProcessRef> {
        self.node.lookup(pid).map(ProcessRef)
    }

    /// [`Process::send`] through a handle: the same signal, the same
    /// order (O1) and the same events; sending to a process that has
    /// ended does nothing, as with a pid.
    pub fn send_to(&self, to: &ProcessRef, message: Term) {
        self.slice.charge(1);
        self.node.send_message_to(self.pid, &to.0, message);
    }

    /// `Name ! Message`: fails with `badarg` if no process has that name.
    pub fn send_named(&self, name: Atom, message: Term) -> Result<(), Term> {
        let to = self.whereis(name).ok_or(Term::from_atom(Atom::BADARG))?;
        self.send(to, message);
        Ok(())
    }

    /// Spawns a native process running `body`. See [`Node::spawn`].
    pub fn spawn<F, Fut>(&self, kind: &str, body: F) -> Pid
    where
        F: FnOnce(Arc<Process>) -> Fut,
        Fut: Future<Output = Term> + Send + 'static,
    {
        self.node.spawn_native(self.spawn_options(kind), body)
    }

    /// Spawns and links in one step (L10): both sides of the link exist
    /// before the child runs, so not even a child that dies at once can slip
    /// out of it.
    pub fn spawn_link<F, Fut>(&self, kind: &str, body: F) -> Pid
    where
        F: FnOnce(Arc<Process>) -> Fut,
        Fut: Future<Output = Term> + Send + 'static,
    {
        let child = self.node.allocate_pid();
        self.state.lock().links.push(child);
        let options = SpawnOptions {
            link: true,
            ..self.spawn_options(kind)
        };
        self.node.start_native(child, options, body);
        self.node.emit(EventKind::Linked {
            a: self.pid,
            b: child,
        });
        child
    }

    /// Spawns a process running any [`Program`] (a native behavior or,
    /// later, interpreted code), optionally linked to this process.
    pub fn spawn_program(&self, kind: &str, program: Box<dyn Program>, link: bool) -> Pid {
        let child = self.node.allocate_pid();
        if link {
            self.state.lock().links.push(child);
        }
        let options = SpawnOptions {
            link,
            ..self.spawn_options(kind)
        };
        self.node
            .start(child, options, |_| Running::Program(program));
        if link {
            self.node.emit(EventKind::Linked {
                a: self.pid,
                b: child,
            });
        }
        child
    }

    /// Spawns a process running `program`, linked and/or monitored from
    /// the start: both are in place before the child can run, so even a
    /// child that dies at once reports its real reason (`spawn_monitor`,
    /// like `spawn_link`, is atomic on the BEAM).
    pub fn spawn_program_with(
        &self,
        kind: &str,
        program: Box<dyn Program>,
        link: bool,
        monitor: bool,
    ) -> (Pid, Option<Ref>) {
        let options = SpawnOpts {
            link,
            monitor,
            max_heap_size: None,
        };
        self.spawn_program_opts(kind, program, options)
    }

    /// `spawn_opt`: [`Process::spawn_program_with`], and the child's own
    /// `max_heap_size` if one is given. (The process limit is the
    /// caller's to check: see [`Process::at_process_limit`].)
    pub fn spawn_program_opts(
        &self,
        kind: &str,
        program: Box<dyn Program>,
        options: SpawnOpts,
    ) -> (Pid, Option<Ref>) {
        let SpawnOpts {
            link,
            monitor,
            max_heap_size,
        } = options;
        let child = self.node.allocate_pid();
        if link {
            self.state.lock().links.push(child);
        }
        let reference = monitor.then(|| {
            let reference = self.node.make_ref();
            self.hold_monitor(HeldMonitor {
                reference,
                target: Some(child),
                name: None,
            });
            reference
        });
        let options = SpawnOptions {
            link,
            max_heap_size,
            ..self.spawn_options(kind)
        };
        let watcher = self.pid;
        self.node.start(child, options, |process| {
            if let Some(reference) = reference {
                process.state.lock().watchers.push((reference, watcher));
            }
            Running::Program(program)
        });
        if link {
            self.node.emit(EventKind::Linked {
                a: self.pid,
                b: child,
            });
        }
        if let Some(reference) = reference {
            self.node.emit_if_listened(|| EventKind::Monitored {
                watcher,
                target: child,
                reference,
            });
        }
        (child, reference)
    }

    fn spawn_options(&self, kind: &str) -> SpawnOptions {
        SpawnOptions {
            kind: Atom::new(kind),
            parent: Some(self.pid),
            link: false,
            max_heap_size: None,
        }
    }

    /// `link(Other)`. L1: one link per pair, linking to yourself does
    /// nothing. L8: if `other` is already dead, a trapping caller gets
    /// `{'EXIT', Other, noproc}` and a non-trapping caller the error
    /// `noproc` (on the BEAM an exception; the caller decides whether to
    /// crash).
    pub fn link(&self, other: Pid) -> Result<(), Term> {
        if other == self.pid {
            return Ok(());
        }
        // Asked before taking our own lock: nothing may hold a process lock
        // while it takes a table shard's (see `Node::send_signal`).
        let alive = self.node.is_alive(other);
        let mut state = self.state.lock();
        if state.links.contains(&other) {
            return Ok(());
        }
        if !alive {
            let noproc = Term::from_atom(Atom::NOPROC);
            if !state.trap_exit {
                return Err(noproc);
            }
            let exit = Term::tuple([Term::from_atom(Atom::EXIT), Term::pid(other), noproc]);
            state.mailbox.push_back(exit);
            self.slice.set_news();
            return Ok(());
        }
        state.links.push(other);
        drop(state);
        // If `other` dies before it handles this, it answers with an exit
        // signal `noproc` over the new link, as the BEAM does.
        self.node.send_signal(other, Signal::Link(self.pid));
        self.node.emit(EventKind::Linked {
            a: self.pid,
            b: other,
        });
        Ok(())
    }

    /// `unlink(Other)`. L9: from now on the link has no effect; an 'EXIT'
    /// already in the mailbox stays there.
    pub fn unlink(&self, other: Pid) {
        let was_linked = {
            let mut state = self.state.lock();
            let before = state.links.len();
            state.links.retain(|&p| p != other);
            state.links.len() != before
        };
        if was_linked {
            self.node.send_signal(other, Signal::Unlink(self.pid));
            self.node.emit(EventKind::Unlinked {
                a: self.pid,
                b: other,
            });
        }
    }

    /// `monitor(process, Other)`: a new, independent monitor (M1). If
    /// `other` is dead, the 'DOWN' with reason `noproc` is already on its
    /// way (M2). Monitoring yourself gives a reference but no monitor (M1):
    /// a process cannot outlive itself to hear of its own death.
    pub fn monitor(&self, other: Pid) -> Ref {
        let reference = self.node.make_ref();
        if other == self.pid {
            return reference;
        }
        self.hold_monitor(HeldMonitor {
            reference,
            target: Some(other),
            name: None,
        });
        self.node.send_signal(
            other,
            Signal::Monitor {
                watcher: self.pid,
                reference,
            },
        );
        self.node.emit_if_listened(|| EventKind::Monitored {
            watcher: self.pid,
            target: other,
            reference,
        });
        reference
    }

    /// `monitor(process, Name)`: monitors whoever holds the registered
    /// name now. The 'DOWN' names the object as `{Name, nonode@nohost}`,
    /// and if nobody holds the name it comes at once with `noproc`: not
    /// an error (M2).
    pub fn monitor_name(&self, name: Atom) -> Ref {
        let reference = self.node.make_ref();
        // The registry is asked before our own lock is taken (see `link`).
        let holder = self.whereis(name);
        if holder == Some(self.pid) {
            return reference;
        }
        self.hold_monitor(HeldMonitor {
            reference,
            target: holder,
            name: Some(name),
        });
        match holder {
            Some(target) => {
                self.node.send_signal(
                    target,
                    Signal::Monitor {
                        watcher: self.pid,
                        reference,
                    },
                );
                self.node.emit_if_listened(|| EventKind::Monitored {
                    watcher: self.pid,
                    target,
                    reference,
                });
            }
            // No monitor to draw: the 'DOWN' with `noproc` is all there is.
            None => self.node.send_signal(self.pid, no_such_name(reference)),
        }
        reference
    }

    fn hold_monitor(&self, monitor: HeldMonitor) {
        self.state.lock().monitors.push(monitor);
    }

    /// `demonitor(Ref)`: no 'DOWN' for this reference arrives after this
    /// returns (M3). A 'DOWN' already in the mailbox stays. Returns whether
    /// the monitor was active.
    pub fn demonitor(&self, reference: Ref) -> bool {
        let removed = {
            let mut state = self.state.lock();
            let position = state
                .monitors
                .iter()
                .position(|held| held.reference == reference);
            position.map(|i| state.monitors.swap_remove(i))
        };
        if let Some(target) = removed.and_then(|held| held.target) {
            self.node
                .send_signal(target, Signal::Demonitor { reference });
        }
        if removed.is_some() {
            self.node.emit_if_listened(|| EventKind::Demonitored {
                watcher: self.pid,
                reference,
            });
        }
        removed.is_some()
    }

    /// The monitor `reference` this process holds, also one the shell has
    /// asked it to hold that it has not recorded yet.
    pub(in crate::runtime) fn holds_monitor(&self, reference: Ref) -> bool {
        let state = self.state.lock();
        state.ending.is_none()
            && (state
                .monitors
                .iter()
                .any(|held| held.reference == reference)
                || pending_monitor(&state, reference).is_some())
    }

    /// Removes the monitor `reference` on this process's behalf, as
    /// `demonitor(Ref)` would (M3): the shell's `demonitor R` for a monitor
    /// someone else holds. Like `demonitor`, it takes effect at once, so a
    /// 'DOWN' already sent but not yet handled is dropped. A monitor whose
    /// `AddMonitor` is still queued is returned as [`Forgotten::Pending`]:
    /// the caller must queue a `DropMonitor` behind it.
    pub(in crate::runtime) fn forget_monitor(&self, reference: Ref) -> Option<Forgotten> {
        let mut state = self.state.lock();
        if state.ending.is_some() {
            return None;
        }
        let recorded = state
            .monitors
            .iter()
            .position(|held| held.reference == reference);
        match recorded {
            Some(i) => Some(Forgotten::Removed(state.monitors.swap_remove(i))),
            None => pending_monitor(&state, reference).map(Forgotten::Pending),
        }
    }

    /// `demonitor(Ref, [flush])`: also removes a 'DOWN' for this reference
    /// from the mailbox.
    pub fn demonitor_flush(&self, reference: Ref) {
        self.demonitor(reference);
        let mut state = self.state.lock();
        self.handle_signals(&mut state);
        state
            .mailbox
            .retain(|message| !is_down_for(message, reference));
        state.save = 0;
    }

    /// `exit(Target, Reason)`: sends an exit signal (L4, L7), on account
    /// of whatever this process is acting for.
    pub fn exit(&self, target: Pid, reason: Term) {
        self.node.send_signal(
            target,
            Signal::Exit {
                from: self.pid,
                reason,
                via_link: false,
                cause: self.acting_for(),
            },
        );
    }

    /// Handles the signals that have arrived, now, in the middle of a
    /// slice: what the BEAM does before `exit(self(), Reason)` returns, so
    /// that the signal to oneself takes effect at once. True if one ended
    /// the process (the slice then stops, and its reason wins).
    pub fn handle_signals_now(&self) -> bool {
        let mut state = self.state.lock();
        self.handle_signals(&mut state);
        drop(state);
        self.slice.is_ending()
    }

    /// Makes `target` fail with `reason` from inside, like a bug would (the
    /// command language's `crash`, done by this process): not an exit
    /// signal, so trapping exits does not save it.
    pub fn crash(&self, target: Pid, reason: Term) {
        self.node
            .send_signal(target, Signal::Fail { reason, by: None });
    }

    /// Posts an event on this process's account (a supervisor's report).
    pub fn emit(&self, kind: super::EventKind) -> Option<super::EventId> {
        self.node.emit(kind)
    }

    /// Whether `pid` is alive, as its process table says now.
    /// `put(Key, Value)` in this process's dictionary: the old value.
    pub fn dictionary_put(&self, key: Term, value: Term) -> Option<Term> {
        let mut state = self.state.lock();
        state
            .dictionary
            .get_or_insert_with(Box::default)
            .put(key, value)
    }

    /// `get(Key)`.
    pub fn dictionary_get(&self, key: &Term) -> Option<Term> {
        let state = self.state.lock();
        state.dictionary.as_ref()?.get(key).cloned()
    }

    /// `erase(Key)`: the value it had.
    pub fn dictionary_erase(&self, key: &Term) -> Option<Term> {
        let mut state = self.state.lock();
        let dictionary = state.dictionary.as_mut()?;
        let old = dictionary.erase(key);
        if dictionary.is_empty() {
            state.dictionary = None;
        }
        old
    }

    /// Every pair of the dictionary (`get/0`); `clear` empties it too
    /// (`erase/0`).
    pub fn dictionary_entries(&self, clear: bool) -> Vec<(Term, Term)> {
        let mut state = self.state.lock();
        let entries = state
            .dictionary
            .as_deref()
            .map_or_else(Vec::new, |d| d.entries().to_vec());
        if clear {
            state.dictionary = None;
        }
        entries
    }

    pub fn is_alive(&self, pid: Pid) -> bool {
        self.node.is_alive(pid)
    }

    /// `process_flag(trap_exit, On)`; returns the old value.
    pub fn set_trap_exit(&self, on: bool) -> bool {
        std::mem::replace(&mut self.state.lock().trap_exit, on)
    }

    pub fn trap_exit(&self) -> bool {
        self.state.lock().trap_exit
    }

    /// `register(Name, self())`.
    pub fn register(&self, name: Atom) -> Result<(), RegisterError> {
        self.node.register(name, self.pid)
    }

    /// `register(Name, Pid)` for any live process.
    pub fn register_pid(&self, name: Atom, pid: Pid) -> Result<(), RegisterError> {
        self.node.register(name, pid)
    }

    /// `unregister(Name)`.
    pub fn unregister(&self, name: Atom) -> Result<Pid, RegisterError> {
        self.node.registry.unregister(name)
    }

    pub fn whereis(&self, name: Atom) -> Option<Pid> {
        self.node.registry.whereis(name)
    }

    /// `erlang:send_after(Delay, To, Message)`.
    pub fn send_after(&self, delay: Duration, to: Pid, message: Term) -> TimerRef {
        self.node.start_timer(
            delay,
            TimerAction::Send {
                from: self.pid,
                to,
                message,
            },
        )
    }

    /// `erlang:cancel_timer(Ref)`: true if the timer had not fired yet.
    pub fn cancel_timer(&self, timer: TimerRef) -> bool {
        self.node.timers.cancel(timer)
    }

    /// `erlang:send_after/3` and `start_timer/3`: a timer known by
    /// `reference` (made with [`Process::make_ref`], so that
    /// `start_timer`'s message can carry it) that sends `message` to
    /// `to` after `delay`, unless `to` is a process that exits first.
    pub fn start_referenced_timer(
        &self,
        reference: Ref,
        delay: Duration,
        to: TimerDestination,
        message: Term,
    ) {
        let action = match to {
            // erts starts no timer for a process that is already gone.
            TimerDestination::Pid(to) if !self.node.is_alive(to) => return,
            TimerDestination::Pid(to) => TimerAction::Send {
                from: self.pid,
                to,
                message,
            },
            TimerDestination::Name(name) => TimerAction::SendToName {
                from: self.pid,
                name,
                message,
            },
        };
        let at = self.node.now().saturating_add(delay);
        self.node.timers.start_referenced(at, reference, action);
    }

    /// `erlang:cancel_timer/1`: the time that was left, if the timer
    /// `reference` names had neither fired nor been cancelled.
    pub fn cancel_referenced_timer(&self, reference: Ref) -> Option<Duration> {
        let due = self.node.timers.cancel_referenced(reference)?;
        Some(due.saturating_sub(self.node.now()))
    }

    /// `erlang:read_timer/1`: the time left on the timer `reference`
    /// names, if it is still to fire.
    pub fn read_referenced_timer(&self, reference: Ref) -> Option<Duration> {
        let due = self.node.timers.deadline_of(reference)?;
        Some(due.saturating_sub(self.node.now()))
    }

    /// `make_ref()`.
    pub fn make_ref(&self) -> Ref {
        self.node.make_ref()
    }

    /// Charges `n` reductions of work without yielding (see
    /// [`Process::work`] for the yielding version).
    pub fn bump_reductions(&self, n: u32) {
        self.slice.charge(n);
    }

    /// Reductions left in this time slice; a hand-written [`Program`]
    /// returns [`super::program::Step::Yield`] when this reaches zero.
    pub fn budget_left(&self) -> i32 {
        self.slice.budget()
    }

    /// Prints a line on behalf of this process (the playground's
    /// `io:format`): it reaches the REPL as an event.
    pub fn print(&self, text: impl Into<String>) {
        self.node.emit(EventKind::Output {
            pid: self.pid,
            text: text.into(),
        });
    }

    /// Writes `text` to this process's output stream (`io:format`): each
    /// line it completes reaches the REPL as an event, and text after the
    /// last newline waits for the rest of its line (`output.rs`).
    pub fn write_output(&self, text: &str) {
        if !self.node.events.active() {
            return;
        }
        for line in self.node.partial_lines.write(self.pid, text) {
            self.node.emit(EventKind::Output {
                pid: self.pid,
                text: line,
            });
        }
    }

    /// Takes the oldest message without waiting, for hand-written programs.
    pub fn try_receive(&self) -> Option<Term> {
        self.try_receive_matching(|_| true)
    }

    /// Takes the oldest message matching `matches` without waiting: a
    /// selective receive that leaves the others in place.
    pub fn try_receive_matching(&self, mut matches: impl FnMut(&Term) -> bool) -> Option<Term> {
        let mut state = self.state.lock();
        let message = self.take_matching(&mut state, &mut matches)?;
        state.receive_timer = None;
        drop(state);
        self.slice.charge(1);
        if self.is_traced() {
            self.node.emit(EventKind::Received {
                pid: self.pid,
                message: message.clone(),
            });
        }
        Some(message)
    }

    /// For hand-written programs: whether the receive timeout they asked for
    /// with `Step::Wait { until }` has passed (clears the flag).
    pub fn take_timed_out(&self) -> bool {
        std::mem::take(&mut self.state.lock().timed_out)
    }

    /// A snapshot for `info` and `ps`.
    pub fn info(&self) -> ProcessInfo {
        ProcessInfo::of(self)
    }

    /// This process's `max_heap_size` (`process_info(self(),
    /// max_heap_size)`).
    pub fn max_heap_size(&self) -> MaxHeapSize {
        self.heap.limit()
    }

    /// `process_flag(max_heap_size, Size)`: sets the limit, returns the
    /// old one. Checked at the end of the slice, as the BEAM checks at its
    /// next collection.
    pub fn set_max_heap_size(&self, limit: MaxHeapSize) -> MaxHeapSize {
        self.heap.set_limit(limit)
    }

    /// The `max_heap_size` new processes of this runtime get, in words.
    pub fn default_max_heap_size(&self) -> u64 {
        self.node.config.max_heap_size
    }

    /// Sets another process's `max_heap_size`: `spawn_opt` of a built-in
    /// kind, which starts its process itself. False if it is gone.
    pub fn set_max_heap_size_of(&self, pid: Pid, limit: MaxHeapSize) -> bool {
        self.node
            .lookup(pid)
            .map(|process| process.heap.set_limit(limit))
            .is_some()
    }

    /// Whether the process limit refuses another spawn now (the spawns a
    /// program asks for fail with `system_limit`; see `Node`).
    pub fn at_process_limit(&self) -> bool {
        self.node.at_process_limit()
    }

    /// Whether reports are written as Elixir's Logger writes them
    /// ([`crate::runtime::Runtime::set_elixir_reports`]).
    pub fn elixir_reports(&self) -> bool {
        self.node.elixir_reports.load(Ordering::Relaxed)
    }

    /// How many processes live now, and how many may
    /// (`erlang:system_info(process_count | process_limit)`).
    pub fn process_count(&self) -> (usize, usize) {
        (
            self.node.live.load(Ordering::Relaxed),
            self.node.config.process_limit,
        )
    }

    /// After a slice that allocated `allocated` bytes: charges them, and
    /// when the budget is spent measures the heap and, over the limit,
    /// reports the process and kills it (see `heap.rs`). Called by the
    /// worker with the program in hand, between slices: the common case
    /// (budget left) is a few loads and a store, inlined in `run_slice`.
    #[inline]
    pub(in crate::runtime) fn check_heap(&self, program: &Running, allocated: u64) {
        if self.heap.charge(allocated, self.slice.arrived()) {
            self.measure_against_limit(program);
        }
    }

    #[cold]
    #[inline(never)]
    fn measure_against_limit(&self, program: &Running) {
        let limit = self.heap.limit();
        if limit.words == 0 {
            self.heap.unlimited();
            return;
        }
        let measured = self.measure_heap(Some(program), None);
        self.heap.measured(measured.bytes);
        let total = heap::words(measured.bytes);
        if total > limit.words && !self.slice.is_ending() {
            self.heap_limit_reached(limit, total, measured.message_queue_len);
        }
    }

    /// For a program run inside this process's native body
    /// ([`run_within`](crate::runtime::run_within), the shell's
    /// expressions): after one of its steps that allocated `allocated`
    /// bytes, what [`Process::check_heap`] does for a program the worker
    /// runs, with the program's terms measured too. `budget` is the run's
    /// own (the worker's account sees only the native body).
    pub(in crate::runtime) fn check_heap_within(
        &self,
        program: &dyn Program,
        budget: &mut i64,
        allocated: u64,
    ) {
        *budget = budget.saturating_sub(allocated as i64);
        if *budget >= 0 {
            return;
        }
        let limit = self.heap.limit();
        if limit.words == 0 {
            *budget = i64::MAX;
            return;
        }
        // The worker's program here is the native body, which holds no
        // terms the runtime can see: the program within is all there is.
        let measured = self.measure_heap(None, Some(program));
        *budget = ((measured.bytes / 2).min(i64::MAX as u64) as i64).max(heap::MIN_BUDGET);
        let total = heap::words(measured.bytes);
        if total > limit.words && !self.slice.is_ending() {
            self.heap_limit_reached(limit, total, measured.message_queue_len);
        }
    }

    /// The bytes this process can reach: what its program holds (and
    /// `within`, a program run inside it), its mailbox and the messages on
    /// their way to it, and its own record.
    pub(in crate::runtime) fn measure_heap(
        &self,
        program: Option<&Running>,
        within: Option<&dyn Program>,
    ) -> heap::Measured {
        let state = self.state.lock();
        let mut reach = Reach::new();
        reach.add_bytes(std::mem::size_of::<Process>());
        if let Some(program) = program {
            program.measure(&mut reach);
        }
        if let Some(within) = within {
            within.measure(&mut reach);
        }
        for (key, value) in state.dictionary.as_deref().map_or(&[][..], |d| d.entries()) {
            reach.add_bytes(std::mem::size_of::<(Term, Term)>() * 2);
            reach.add(key);
            reach.add(value);
        }
        for message in &state.mailbox {
            reach.add(message);
        }
        for signal in &state.signals {
            if let Signal::Message(message) = signal {
                reach.add(message);
            }
        }
        heap::queue_slots(
            &mut reach,
            state.mailbox.capacity(),
            state.signals.capacity(),
        );
        self.slice.reset_arrived();
        heap::Measured {
            bytes: reach.bytes(),
            message_queue_len: state.message_queue_len(),
        }
    }

    /// Over its limit: the report (OTP's "maximum heap size reached"),
    /// then, unless the limit says `kill => false`, the end, with reason
    /// `killed`, which no trap saves.
    fn heap_limit_reached(&self, limit: MaxHeapSize, total: u64, message_queue_len: usize) {
        let report = if limit.error_logger {
            self.node.emit(EventKind::HeapLimit {
                pid: self.pid,
                max_heap_size: limit.words,
                total_heap_size: total,
                message_queue_len,
                killed: limit.kill,
            })
        } else {
            None
        };
        if limit.kill {
            let mut state = self.state.lock();
            self.end_with(
                &mut state,
                Term::from_atom(Atom::KILLED),
                Cause::HeapLimit {
                    by: report,
                    max_heap_size: limit.words,
                    total_heap_size: total,
                },
            );
        }
    }
}

/// How `spawn_opt` starts a process: linked, monitored, with its own
/// `max_heap_size`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpawnOpts {
    pub link: bool,
    pub monitor: bool,
    pub max_heap_size: Option<MaxHeapSize>,
}

/// A handle to a process, from [`Process::resolve`].
#[derive(Clone)]
pub struct ProcessRef(Arc<Process>);

impl ProcessRef {
    pub fn pid(&self) -> Pid {
        self.0.pid
    }

    pub fn kind(&self) -> Atom {
        self.0.kind()
    }
}

/// No location recorded (see [`Process::set_location`]).
const NO_LOCATION: u32 = u32::MAX;

/// What [`Process::forget_monitor`] found.
pub(in crate::runtime) enum Forgotten {
    /// The monitor was recorded, and is gone now.
    Removed(HeldMonitor),
    /// The monitor is still on its way in an `AddMonitor` signal.
    Pending(HeldMonitor),
}

/// A monitor queued for the process in an `AddMonitor` it has not handled.
fn pending_monitor(state: &ProcState, reference: Ref) -> Option<HeldMonitor> {
    state.signals.iter().find_map(|signal| match signal {
        Signal::AddMonitor(monitor) if monitor.reference == reference => Some(*monitor),
        _ => None,
    })
}

/// The 'DOWN' for a monitor on a name nobody holds: it comes from nobody,
/// and the watcher's record of the monitor names the object (M2).
pub(in crate::runtime) fn no_such_name(reference: Ref) -> Signal {
    Signal::Down {
        reference,
        from: super::node::NOBODY,
        reason: Term::from_atom(Atom::NOPROC),
    }
}

/// Whether `message` is `{'DOWN', Ref, _, _, _}` for this reference.
pub fn is_down_for(message: &Term, reference: Ref) -> bool {
    message
        .tagged::<5>(Atom::DOWN)
        .is_some_and(|[_, r, ..]| *r == Term::reference(reference))
}
