//! The process runtime: pids, terms, processes, signals, the scheduler,
//! timers, names and events.
//!
//! This layer is a small BEAM. It knows nothing about the command language
//! or the terminal; everything above it (supervisors, behaviors, the shell)
//! is built from what it offers:
//!
//! - [`term`]: the values processes exchange, printed as Erlang prints them.
//! - [`process`]: a lightweight process with a mailbox, links, monitors and
//!   a trap_exit flag, and its API (`send`, `link`, `monitor`, `exit`,
//!   `receive`, `call`, ...). Signals between two processes arrive in the
//!   order sent; links, exit signals and monitors follow OTP-SEMANTICS.md
//!   (L1–L10, M1–M3, O1, N1), whose rule ids the tests in [`tests`] are named
//!   after.
//! - [`program`]: the contract between the scheduler and a process's code:
//!   run a time slice until blocked, out of reductions, or exited.
//! - [`scheduler`]: the M:N scheduler (its sleep protocol is written down in
//!   `scheduler/README.md`), and the deterministic single-threaded variant.
//! - [`timer`], [`registry`], [`event`]: timers on a wall or virtual clock,
//!   registered names, and the stream of events views subscribe to; what
//!   processes print becomes output events a line at a time (`output.rs`).
//! - [`Host`]: a process driven from outside, such as the REPL's shell.
//!
//! [`Runtime`] is the handle that owns all of it; dropping it stops every
//! process and thread.
//!
//! Imports: nothing of the crate outside `runtime/` (it is the bottom layer).
//! Inside, the process, the node and the scheduler call each other (a
//! process's API sends through the node, the node queues on the scheduler,
//! the scheduler runs the process): the one import circle left in the crate,
//! described in docs/architecture.md. What the rest of the crate may touch is
//! `pub`; what only the runtime may touch is `pub(in crate::runtime)`.

pub mod code_table;
mod config;
mod deaths;
mod drive;
pub mod event;
mod host;
pub mod memory;
mod node;
mod output;
pub mod process;
pub mod program;
mod registry;
pub mod rng;
pub mod scheduler;
mod table;
pub mod term;
pub mod timer;

#[cfg(test)]
mod tests;

pub use code_table::{
    CodeTable, Loaded, LoadedCode, Module, ProcessLimitReached, SpawnError, Spawner, StartContext,
    Versions,
};
pub use config::{
    Config, DEFAULT_MAX_HEAP_SIZE, DEFAULT_PROCESS_LIMIT, Limits, Mode, Order, default_limits,
    set_default_limits,
};
pub use deaths::Death;
pub use drive::Outcome;
pub use event::{Cause, Event, EventId, EventKind, ExitCause, SignalOutcome, SupervisorReport};
pub use host::{Host, HostError};
pub use process::{
    CodeVersion, MIN_HEAP_WORDS, MaxHeapSize, Process, ProcessContents, ProcessInfo, ProcessRef,
    ProcessSummary, SpawnOpts, Status, TimerDestination,
};
pub use program::{Location, NativeProgram, Program, RunWithin, Step, run_within};
pub use registry::RegisterError;
pub use rng::XorShift;
pub use term::{Atom, Fun, Pid, Ref, Term};

use crossbeam_channel::Receiver;
use node::{NOBODY, Node, SpawnOptions};
use process::{Forgotten, HeldMonitor, Signal};
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;
use std::time::Duration;

/// What [`Runtime::purge`] did: the version it removed (its number and
/// its code, which data such as funs may still refer to), and the
/// processes it killed because they still ran it.
#[derive(Clone)]
pub struct Purged {
    pub version: u32,
    pub code: LoadedCode,
    pub killed: Vec<Pid>,
}

/// One running runtime. Dropping it stops every process and worker.
pub struct Runtime {
    node: Arc<Node>,
    threads: Vec<JoinHandle<()>>,
}

impl Runtime {
    pub fn new(config: Config) -> Runtime {
        let (node, queues) = Node::new(config);
        let node = Arc::new(node);
        let mut threads = Vec::new();
        for (index, queue) in queues.into_iter().enumerate() {
            let node = node.clone();
            let thread = std::thread::Builder::new()
                .name(format!("letitcrash-scheduler-{}", index + 1))
                .spawn(move || scheduler::live::worker_main(node, index, queue))
                .expect("spawn a scheduler thread");
            threads.push(thread);
        }
        if !node.is_deterministic() {
            let timer_node = node.clone();
            let thread = std::thread::Builder::new()
                .name("letitcrash-timers".into())
                .spawn(move || {
                    while let Some(due) = timer_node.timers.wait_due(&timer_node.clock) {
                        for (timer, action) in due {
                            timer_node.fire(timer, action);
                        }
                    }
                })
                .expect("spawn the timer thread");
            threads.push(thread);
        }
        Runtime { node, threads }
    }

    pub(in crate::runtime) fn node(&self) -> &Arc<Node> {
        &self.node
    }

    /// The modules loaded into this runtime (see [`code_table`]).
    pub fn code(&self) -> &CodeTable {
        &self.node.code
    }

    pub fn config(&self) -> &Config {
        &self.node.config
    }

    /// Whether processes write OTP's reports as Elixir's Logger does (the
    /// session sets it with its syntax; `erlang:'$elixir_reports'()`
    /// reads it).
    pub fn set_elixir_reports(&self, on: bool) {
        self.node.elixir_reports.store(on, Ordering::Relaxed);
    }

    pub fn is_deterministic(&self) -> bool {
        self.node.is_deterministic()
    }

    /// `make_ref()`: a reference unique in this runtime.
    pub fn make_ref(&self) -> Ref {
        self.node.make_ref()
    }

    /// The runtime clock (virtual in deterministic mode).
    pub fn now(&self) -> Duration {
        self.node.now()
    }

    /// Spawns a native process with no parent. `body` gets the process
    /// itself and returns its exit reason.
    pub fn spawn<F, Fut>(&self, kind: &str, body: F) -> Pid
    where
        F: FnOnce(Arc<Process>) -> Fut,
        Fut: Future<Output = Term> + Send + 'static,
    {
        self.node.spawn_native(Self::top_level(kind), body)
    }

    /// Spawns a process running any [`Program`].
    pub fn spawn_program(&self, kind: &str, program: Box<dyn Program>) -> Pid {
        let pid = self.node.allocate_pid();
        self.node.start(pid, Self::top_level(kind), |_| {
            program::Running::Program(program)
        });
        pid
    }

    fn top_level(kind: &str) -> SpawnOptions {
        SpawnOptions {
            kind: Atom::new(kind),
            parent: None,
            link: false,
            max_heap_size: None,
        }
    }

    /// Starts a process driven from outside (the shell, a test probe).
    pub fn spawn_host(&self, kind: &str) -> Host {
        Host::spawn(self, kind)
    }

    /// Sends a message from outside any process.
    pub fn send(&self, to: Pid, message: Term) {
        self.node.send_message(NOBODY, to, message);
    }

    /// Sends an exit signal from outside any process.
    pub fn exit(&self, to: Pid, reason: Term) {
        self.node.send_signal(
            to,
            Signal::Exit {
                from: NOBODY,
                reason,
                via_link: false,
                cause: None,
            },
        );
    }

    /// Makes `pid` fail with `reason` from inside, like a bug would: not an
    /// exit signal, so trapping exits does not save it.
    pub fn crash(&self, pid: Pid, reason: Term) {
        self.crash_for(pid, reason, None);
    }

    /// [`Runtime::crash`] on account of event `by` (the shell's command),
    /// which the death then names as its cause.
    pub fn crash_for(&self, pid: Pid, reason: Term, by: Option<EventId>) {
        self.node.send_signal(pid, Signal::Fail { reason, by });
    }

    /// `erlang:check_process_code/2` over every live process: those that
    /// still run `code` (one version of a module; see
    /// [`Program::check_code`]), in pid order. Called from outside any
    /// process's time slice (the shell's session, a test): each process's
    /// program is looked at between its slices.
    pub fn processes_using(&self, code: &LoadedCode) -> Vec<Pid> {
        let mut found = Vec::new();
        for pid in self.node.table.pids() {
            let Some(process) = self.node.lookup(pid) else {
                continue;
            };
            if process.state.lock().ending.is_some() {
                continue;
            }
            let running = match process.program.lock().as_ref() {
                Some(program) => program.check_code(code),
                None => false,
            };
            if running {
                found.push(pid);
            }
        }
        found
    }

    /// `code:purge(Module)`: kills every process that still runs the old
    /// version of `module` (reason `killed`, as OTP's `code_server` does
    /// after `erlang:check_process_code/2`), then removes that version. A
    /// process that only holds a fun of it is left alive, as in OTP 25.
    /// Each kill is posted as an [`EventKind::CodePurged`] on account of
    /// `by` (the command that purged), and the death names that event as
    /// its cause. `None` when there is no old version.
    pub fn purge(&self, module: Atom, by: Option<EventId>) -> Option<Purged> {
        let old = self.code().versions(module)?.old?;
        let killed = self.processes_using(&old.code);
        for &pid in &killed {
            let id = self.node.emit(EventKind::CodePurged {
                module,
                version: old.version,
                pid,
                cause: by,
            });
            self.node.send_signal(pid, Signal::Purge { by: id });
        }
        self.code().take_old(module);
        Some(Purged {
            version: old.version,
            code: old.code,
            killed,
        })
    }

    /// Makes `pid` act on account of `event` from now on (see
    /// [`Process::act_for`]): the shell, for the command it carries out.
    pub fn act_for(&self, pid: Pid, event: Option<EventId>) {
        if let Some(process) = self.node.lookup(pid) {
            process.act_for(event);
        }
    }

    /// Sets another process's trap_exit flag (a playground affordance).
    pub fn set_trap_exit(&self, pid: Pid, on: bool) {
        self.node.send_signal(pid, Signal::SetTrapExit(on));
    }

    /// Links `a` and `b` as if `a` had called `link(b)`: the playground's
    /// `link A B`. Each side adds the link when it handles the request.
    ///
    /// L8: if `b` is already dead, no link and no exit signal: a trapping
    /// `a` gets `{'EXIT', B, noproc}` in its mailbox, and for a
    /// non-trapping `a` the call fails with `noproc` and `a` is unharmed,
    /// as if it had caught the error `link/1` raised. A dead `a` cannot
    /// call anything: that fails with `noproc` too. (Should `b` die after
    /// this check, its answer is an exit signal `noproc` over the new link,
    /// as on the BEAM.)
    pub fn link_pair(&self, a: Pid, b: Pid) -> Result<(), Term> {
        let noproc = Term::from_atom(Atom::NOPROC);
        let Some(linker) = self.node.lookup(a) else {
            return Err(noproc);
        };
        if a == b {
            return Ok(());
        }
        if !self.node.is_alive(b) {
            let trapping = linker.state.lock().trap_exit;
            if !trapping {
                return Err(noproc);
            }
            let exit = Term::tuple([Term::from_atom(Atom::EXIT), Term::pid(b), noproc]);
            self.node.send_signal(a, Signal::Message(exit));
            return Ok(());
        }
        self.node.send_signal(a, Signal::Link(b));
        self.node.send_signal(b, Signal::Link(a));
        self.node.emit(EventKind::Linked { a, b });
        Ok(())
    }

    /// Removes the link between `a` and `b`, as if `a` called `unlink(b)`.
    pub fn unlink_pair(&self, a: Pid, b: Pid) {
        self.node.send_signal(a, Signal::Unlink(b));
        self.node.send_signal(b, Signal::Unlink(a));
        self.node.emit(EventKind::Unlinked { a, b });
    }

    /// Makes `watcher` monitor `target`, as if it had called
    /// `monitor(process, Target)`; the 'DOWN' goes to `watcher`. Watching
    /// yourself gives a reference but no monitor (M1).
    pub fn monitor_pair(&self, watcher: Pid, target: Pid) -> Ref {
        let reference = self.node.make_ref();
        if watcher == target {
            return reference;
        }
        // The watcher records the monitor before the target can answer it:
        // both signals go to the watcher's queue in this order.
        self.node.send_signal(
            watcher,
            Signal::AddMonitor(HeldMonitor {
                reference,
                target: Some(target),
                name: None,
            }),
        );
        self.node
            .send_signal(target, Signal::Monitor { watcher, reference });
        self.node.emit_if_listened(|| EventKind::Monitored {
            watcher,
            target,
            reference,
        });
        reference
    }

    /// Makes `watcher` monitor whoever holds `name`, as if it had called
    /// `monitor(process, Name)`: the 'DOWN' names `{Name, nonode@nohost}`,
    /// and comes at once with `noproc` if nobody holds the name (M2).
    pub fn monitor_name_pair(&self, watcher: Pid, name: Atom) -> Ref {
        let reference = self.node.make_ref();
        let holder = self.whereis(name);
        if holder == Some(watcher) {
            return reference;
        }
        self.node.send_signal(
            watcher,
            Signal::AddMonitor(HeldMonitor {
                reference,
                target: holder,
                name: Some(name),
            }),
        );
        match holder {
            Some(target) => {
                self.node
                    .send_signal(target, Signal::Monitor { watcher, reference });
                self.node.emit_if_listened(|| EventKind::Monitored {
                    watcher,
                    target,
                    reference,
                });
            }
            None => self
                .node
                .send_signal(watcher, process::no_such_name(reference)),
        }
        reference
    }

    /// The live process that holds the monitor `reference`, if any. A
    /// reference is not indexed anywhere, so this looks at every process:
    /// fine for a command typed at the shell, not for a hot path.
    pub fn monitor_owner(&self, reference: Ref) -> Option<Pid> {
        self.node.table.pids().into_iter().find(|&pid| {
            self.node
                .lookup(pid)
                .is_some_and(|process| process.holds_monitor(reference))
        })
    }

    /// Removes the monitor `reference` that `owner` holds, as if `owner`
    /// had called `demonitor(Ref)` (M3): the playground's `demonitor R`
    /// acts for the monitor's owner, whoever made it. No 'DOWN' for it
    /// reaches `owner` after this, and the watched process stops listing
    /// `owner`. Returns whether `owner` held that monitor.
    pub fn demonitor_for(&self, owner: Pid, reference: Ref) -> bool {
        let Some(process) = self.node.lookup(owner) else {
            return false;
        };
        let monitor = match process.forget_monitor(reference) {
            None => return false,
            Some(Forgotten::Removed(monitor)) => monitor,
            Some(Forgotten::Pending(monitor)) => {
                self.node
                    .send_signal(owner, Signal::DropMonitor { reference });
                monitor
            }
        };
        if let Some(target) = monitor.target {
            self.node
                .send_signal(target, Signal::Demonitor { reference });
        }
        self.node.emit_if_listened(|| EventKind::Demonitored {
            watcher: owner,
            reference,
        });
        true
    }

    /// The messages waiting for `pid`, oldest first, without taking them
    /// (`process_info(Pid, messages)`).
    pub fn mailbox(&self, pid: Pid) -> Option<Vec<Term>> {
        let process = self.node.lookup(pid)?;
        let state = process.state.lock();
        let in_transit = state.signals.iter().filter_map(|signal| match signal {
            Signal::Message(message) => Some(message.clone()),
            _ => None,
        });
        Some(state.mailbox.iter().cloned().chain(in_transit).collect())
    }

    pub fn is_alive(&self, pid: Pid) -> bool {
        self.node.is_alive(pid)
    }

    pub fn register(&self, name: Atom, pid: Pid) -> Result<(), RegisterError> {
        self.node.register(name, pid)
    }

    pub fn unregister(&self, name: Atom) -> Result<Pid, RegisterError> {
        self.node.registry.unregister(name)
    }

    pub fn whereis(&self, name: Atom) -> Option<Pid> {
        self.node.registry.whereis(name)
    }

    pub fn name_of(&self, pid: Pid) -> Option<Atom> {
        self.node.registry.name_of(pid)
    }

    /// Every registered name, sorted.
    pub fn registered(&self) -> Vec<(Atom, Pid)> {
        self.node.registry.all()
    }

    /// The pids of all live processes, in order.
    pub fn processes(&self) -> Vec<Pid> {
        self.node.table.pids()
    }

    pub fn process_count(&self) -> usize {
        self.node.live.load(Ordering::Relaxed)
    }

    /// Every live process in a few numbers, and the `first` lowest pids
    /// (`ps` with more processes than rows to show).
    pub fn process_summary(&self, first: usize) -> ProcessSummary {
        ProcessSummary::of(&self.node, first)
    }

    pub fn process_info(&self, pid: Pid) -> Option<ProcessInfo> {
        self.node.lookup(pid).map(|process| process.info())
    }

    /// How `pid` died, if it did recently: known as soon as `is_alive`
    /// says it is not, in live mode too.
    pub fn death(&self, pid: Pid) -> Option<Death> {
        self.node.death_of(pid)
    }

    /// The newest `n` deaths, oldest first.
    pub fn recent_deaths(&self, n: usize) -> Vec<Death> {
        self.node.deaths.latest(n)
    }

    /// Starts message tracing for `pid`: sends and receives become events.
    pub fn trace(&self, pid: Pid, on: bool) -> bool {
        self.node
            .lookup(pid)
            .map(|process| process.set_traced(on))
            .is_some()
    }

    /// A new subscription to the event stream.
    pub fn subscribe(&self) -> Receiver<Event> {
        self.node.events.subscribe()
    }

    /// Sends the lines processes have begun printing and not ended (no
    /// newline yet) as output events, as the end of a script shows them
    /// (`output.rs`).
    pub fn flush_output(&self) {
        self.node.flush_output();
    }

    /// Posts an event from a higher layer (a supervisor report, say), and
    /// returns its id (`None` when nobody subscribes).
    pub fn emit(&self, kind: EventKind) -> Option<EventId> {
        self.node.emit(kind)
    }

    /// Runs until nothing is runnable or `bound` has passed. See
    /// [`drive::run_until_quiet`].
    pub fn run_until_quiet(&self, bound: Duration) -> Outcome {
        drive::run_until_quiet(&self.node, bound)
    }

    /// Runs until `done()` holds or `limit` passes.
    pub fn run_until(&self, done: impl FnMut() -> bool, limit: Duration) -> Outcome {
        drive::run_until(&self.node, done, limit)
    }

    /// Lets `duration` pass (instantly, in deterministic mode).
    pub fn advance(&self, duration: Duration) {
        drive::advance(&self.node, duration);
    }

    /// Gives the memory this thread has freed back to the operating
    /// system (see [`memory`]): the session's thread, after a statement.
    /// The workers give theirs back by themselves when they go idle.
    pub fn release_memory(&self) {
        memory::release_here();
    }

    /// Deterministic mode with nothing runnable: when the next timer fires,
    /// the end of virtual time if none is pending; nothing happens before.
    /// See [`drive::idle_until`].
    pub fn idle_until(&self) -> Option<Duration> {
        drive::idle_until(&self.node)
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.node.shutdown();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
        self.node.clear();
        // Every process's memory was freed here, on this thread, into the
        // pages of workers that are gone: this thread takes them back.
        memory::release_here();
    }
}
