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

mod exit_signal;
mod info;
mod receive;
mod signal;
mod slice;
mod state;

pub use info::{CodeVersion, ProcessInfo, Status};
pub use receive::{Next, Receive, Scan, Work, as_call};
pub(in crate::runtime) use signal::Signal;
pub(in crate::runtime) use slice::SliceState;
pub(in crate::runtime) use state::{HeldMonitor, ProcState};

use super::event::{EventId, EventKind};
use super::node::{Node, SpawnOptions};
use super::program::{Location, Program, Running};
use super::registry::RegisterError;
use super::scheduler::RunState;
use super::term::{Atom, Pid, Ref, Term};
use super::timer::{TimerAction, TimerRef};
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
    ) -> Process {
        Process {
            pid,
            kind,
            parent: parent.unwrap_or(super::node::NOBODY),
            node,
            run_state: RunState::new(),
            slice: SliceState::new(),
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
}

/// A handle to a process, from [`Process::resolve`].
#[derive(Clone)]
pub struct ProcessRef(Arc<Process>);

impl ProcessRef {
    pub fn pid(&self) -> Pid {
        self.0.pid
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
