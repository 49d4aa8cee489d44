//! A process's private state: its signal queue, mailbox, links and monitors.
//!
//! Everything here sits behind the process's one lock. Other processes only
//! ever *append a signal* to `signals`; everything else is changed by the
//! process itself while it handles those signals, in the order they arrived,
//! which is how the BEAM keeps link and monitor bookkeeping consistent
//! without a global lock.

use super::signal::Signal;
use crate::runtime::event::Cause;
use crate::runtime::term::{Atom, Pid, Ref, Term};
use std::collections::VecDeque;
use std::time::Duration;

#[derive(Default)]
pub(in crate::runtime) struct ProcState {
    /// Signals that have arrived but are not handled yet (messages included).
    pub signals: VecDeque<Signal>,
    /// Messages handled and waiting to be received, oldest first.
    pub mailbox: VecDeque<Term>,
    /// Processes linked to this one (at most one link per pair, L1).
    pub links: ThinList<Pid>,
    /// Monitors this process holds on others.
    pub monitors: ThinList<HeldMonitor>,
    /// Monitors others hold on this process: (reference, watcher).
    pub watchers: ThinList<(Ref, Pid)>,
    pub trap_exit: bool,
    /// Set once the process is ending, with its exit reason. From then on it
    /// accepts no signals: senders treat it as dead. Boxed: a live process
    /// pays one word for it, not a whole term.
    pub ending: Option<Box<Term>>,
    /// The receive-timeout timer that is armed: its token and deadline.
    pub receive_timer: Option<(u64, Duration)>,
    /// The armed receive timeout has fired.
    pub timed_out: bool,
    /// Why it is ending, set with `ending`, kept only while someone
    /// subscribes to events (for `why`). Boxed, like `last_taken`, so that
    /// an idle process pays one word for each.
    pub ending_cause: Option<Box<Cause>>,
    /// The last message taken from the mailbox, kept only while someone
    /// subscribes to events (for crash reports and `why`).
    pub last_taken: Option<Box<Term>>,
    /// The save position of the receive in progress: messages before this
    /// index in `mailbox` were already rejected by it (BEAM's `loop_rec`
    /// save pointer, see `Process::receive_scan`). Reset to 0 whenever a
    /// message is removed, since indexes then shift.
    pub save: usize,
    /// The process dictionary (`dictionary.rs`), from the first `put`.
    pub dictionary: Option<Box<super::dictionary::Dictionary>>,
}

/// A list most processes leave empty (links, monitors): one word while
/// empty instead of a `Vec`'s three, which matters at a million idle
/// processes. Reads go through the slice it derefs to. (The extra
/// allocation clippy warns of is the point: one word inline.)
#[allow(clippy::box_collection)]
pub(in crate::runtime) struct ThinList<T>(Option<Box<Vec<T>>>);

impl<T> Default for ThinList<T> {
    fn default() -> ThinList<T> {
        ThinList(None)
    }
}

impl<T> std::ops::Deref for ThinList<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl<T> ThinList<T> {
    pub fn push(&mut self, item: T) {
        self.0.get_or_insert_with(Box::default).push(item);
    }

    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        if let Some(items) = &mut self.0 {
            items.retain(keep);
            if items.is_empty() {
                self.0 = None;
            }
        }
    }

    pub fn swap_remove(&mut self, index: usize) -> T {
        let items = self.0.as_mut().expect("an index into an empty list");
        let item = items.swap_remove(index);
        if items.is_empty() {
            self.0 = None;
        }
        item
    }
}

impl<T> IntoIterator for ThinList<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> std::vec::IntoIter<T> {
        self.0.map_or_else(Vec::new, |items| *items).into_iter()
    }
}

/// A monitor a process holds on another (M1, M2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::runtime) struct HeldMonitor {
    pub reference: Ref,
    /// The process watched, or `None` when a name nobody held was
    /// monitored: that monitor's 'DOWN' `noproc` is already on its way.
    pub target: Option<Pid>,
    /// The registered name the target was monitored by, if it was. The
    /// 'DOWN' then names the object as the call did, `{Name, Node}`, not
    /// by pid (M2): the watcher asked about a name, not a process.
    pub name: Option<Atom>,
}

impl HeldMonitor {
    /// How the 'DOWN' names what died: `Pid`, or `{Name, nonode@nohost}`.
    pub fn object(&self, pid: Pid) -> Term {
        match self.name {
            Some(name) => Term::tuple([Term::from_atom(name), Term::from_atom(Atom::NODE)]),
            None => Term::pid(pid),
        }
    }
}

impl ProcState {
    /// Messages waiting, counting those not yet moved into the mailbox.
    pub fn message_queue_len(&self) -> usize {
        let in_transit = self
            .signals
            .iter()
            .filter(|s| matches!(s, Signal::Message(_)))
            .count();
        self.mailbox.len() + in_transit
    }
}
