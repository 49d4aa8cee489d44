//! Process info: a snapshot of one process for views (`ps`, `info`).

use super::{ProcState, Process};
use crate::runtime::node::Node;
use crate::runtime::scheduler::RunPhase;
use crate::runtime::term::{Atom, Pid, Ref};
use std::collections::{BinaryHeap, HashMap};
use std::fmt;

/// What a process is doing, as `erlang:process_info(P, status)` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// On a worker right now.
    Running,
    /// In a run queue, waiting for a worker.
    Runnable,
    /// Blocked in `receive`.
    Waiting,
    /// Ending: its links and monitors are being notified.
    Exiting,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Running => "running",
            Status::Runnable => "runnable",
            Status::Waiting => "waiting",
            Status::Exiting => "exiting",
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProcessInfo {
    pub pid: Pid,
    pub name: Option<Atom>,
    pub kind: Atom,
    pub parent: Option<Pid>,
    pub status: Status,
    pub links: Vec<Pid>,
    /// Monitors this process holds: (reference, watched).
    pub monitors: Vec<(Ref, Pid)>,
    /// Processes monitoring this one.
    pub monitored_by: Vec<Pid>,
    pub trap_exit: bool,
    pub message_queue_len: usize,
    pub reductions: u64,
    pub traced: bool,
    /// The function the process's code is in, `(module, function,
    /// arity)`, for processes running the process language (`None` for
    /// native behaviors).
    pub current_function: Option<(Atom, Atom, u32)>,
    /// The version of `current_function`'s module it runs, and the newest
    /// version loaded (`running < newest`: the process is in old code).
    pub code_version: Option<CodeVersion>,
}

/// Which version of its module a process runs (see `code_table`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeVersion {
    pub running: u32,
    pub newest: u32,
}

impl CodeVersion {
    /// Whether a newer version has been loaded since.
    pub fn is_old(&self) -> bool {
        self.running < self.newest
    }
}

/// What `process` is doing, its state locked.
pub(in crate::runtime) fn status(process: &Process, state: &ProcState) -> Status {
    match process.run_state.phase() {
        _ if state.ending.is_some() => Status::Exiting,
        RunPhase::Idle => Status::Waiting,
        RunPhase::Scheduled => Status::Runnable,
        RunPhase::Running => Status::Running,
        RunPhase::Dead => Status::Exiting,
    }
}

/// Every live process in a few numbers, and the first few pids: what `ps`
/// shows when there are too many processes for a row each (a spawn loop
/// makes a quarter of a million before the process limit stops it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProcessSummary {
    pub count: usize,
    /// How many are running, runnable, waiting, exiting (none left out).
    pub by_status: Vec<(Status, usize)>,
    /// How many of each kind, the commonest first.
    pub by_kind: Vec<(Atom, usize)>,
    /// Messages waiting in all mailboxes.
    pub messages: usize,
    /// The process with the most messages waiting, if any has one.
    pub longest_mailbox: Option<(Pid, usize)>,
    /// The lowest pids, in order (the oldest processes: the shell, the
    /// supervisors started first).
    pub first: Vec<Pid>,
}

impl ProcessSummary {
    /// One look at every process in `node`, keeping the `first` lowest
    /// pids: linear in the number of processes, one lock each.
    pub(in crate::runtime) fn of(node: &Node, first: usize) -> ProcessSummary {
        let mut summary = ProcessSummary::default();
        let mut statuses = [0usize; 4];
        let mut kinds: HashMap<Atom, usize> = HashMap::new();
        // The `first` lowest pids seen, the highest on top.
        let mut lowest: BinaryHeap<Pid> = BinaryHeap::with_capacity(first + 1);
        node.table.for_each(|process| {
            let (status, queued) = {
                let state = process.state.lock();
                (status(process, &state), state.message_queue_len())
            };
            summary.count += 1;
            statuses[status as usize] += 1;
            *kinds.entry(process.kind()).or_default() += 1;
            summary.messages += queued;
            if queued > summary.longest_mailbox.map_or(0, |(_, n)| n) {
                summary.longest_mailbox = Some((process.pid(), queued));
            }
            if first > 0 {
                lowest.push(process.pid());
                if lowest.len() > first {
                    lowest.pop();
                }
            }
        });
        summary.by_status = [
            Status::Running,
            Status::Runnable,
            Status::Waiting,
            Status::Exiting,
        ]
        .into_iter()
        .map(|status| (status, statuses[status as usize]))
        .filter(|&(_, n)| n > 0)
        .collect();
        summary.by_kind = kinds.into_iter().collect();
        summary
            .by_kind
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name().cmp(b.0.name())));
        summary.first = lowest.into_sorted_vec();
        summary
    }
}

impl ProcessInfo {
    pub(in crate::runtime) fn of(process: &Process) -> ProcessInfo {
        // The registry is read before the process lock is taken: `register`
        // takes them in the other order.
        let name = process.node.registry.name_of(process.pid());
        // The code table, too, is read before the process lock.
        let location = process.location();
        let code_version = location.map(|l| CodeVersion {
            running: l.version,
            newest: process
                .code()
                .current_version(l.module)
                .unwrap_or(l.version),
        });
        let state = process.state.lock();
        let status = status(process, &state);
        let mut links = state.links.to_vec();
        links.sort();
        ProcessInfo {
            pid: process.pid(),
            name,
            kind: process.kind(),
            parent: process.parent(),
            status,
            links,
            // A monitor on a name nobody held watches nothing: its 'DOWN'
            // is on its way, and it is not listed while it travels.
            monitors: state
                .monitors
                .iter()
                .filter_map(|held| Some((held.reference, held.target?)))
                .collect(),
            monitored_by: state.watchers.iter().map(|&(_, watcher)| watcher).collect(),
            trap_exit: state.trap_exit,
            message_queue_len: state.message_queue_len(),
            reductions: process.slice.reductions(),
            traced: process.is_traced(),
            current_function: location.map(|l| (l.module, l.function, l.arity)),
            code_version,
        }
    }
}

/// What `process_info/1,2` reads of a process besides [`ProcessInfo`]: its
/// messages (those handled and those still in transit, in order) and its
/// dictionary.
pub struct ProcessContents {
    pub info: ProcessInfo,
    pub messages: Vec<crate::runtime::Term>,
    pub dictionary: Vec<(crate::runtime::Term, crate::runtime::Term)>,
}

impl Process {
    /// `process_info(Pid, ...)` asked by this process: `pid`'s state, if
    /// it lives (itself included).
    pub fn inspect(&self, pid: Pid) -> Option<ProcessContents> {
        let target = self.node.lookup(pid)?;
        let mut info = target.info();
        let state = target.state.lock();
        // On the BEAM, process_info reaches the process as a signal, after
        // the signals sent before it: a link or monitor still on its way
        // counts, as it would have been handled by then.
        for signal in &state.signals {
            match signal {
                super::Signal::Link(from) if !info.links.contains(from) => info.links.push(*from),
                super::Signal::Unlink(from) => info.links.retain(|p| p != from),
                super::Signal::Monitor { watcher, .. } => info.monitored_by.push(*watcher),
                _ => {}
            }
        }
        let in_transit = state.signals.iter().filter_map(|s| match s {
            super::Signal::Message(m) => Some(m.clone()),
            _ => None,
        });
        let messages = state.mailbox.iter().cloned().chain(in_transit).collect();
        let dictionary = state
            .dictionary
            .as_deref()
            .map_or_else(Vec::new, |d| d.entries().to_vec());
        Some(ProcessContents {
            info,
            messages,
            dictionary,
        })
    }
}
