//! The keeper: the stage's `heart` for the audience tree.
//!
//! On the BEAM, when a node's top supervisor gives up, the application
//! stops and the node with it; `heart`, a program watching from outside,
//! starts it again. The audience tree is no different: its top supervisor
//! is as mortal as any, and a room of phones pressing Crash as fast as
//! they may will take it down. The keeper watches the tree from outside
//! the runtime, on a thread of its own. When the tree ends by anything but
//! the presenter's own hand (`audience reset`, `audience intensity N`,
//! `reset`, which [`KeeperHandle::release`] it first), the keeper waits
//! [`RESTART_PAUSE`] so that the projector shows the grey tree with its
//! reason, then starts it again from the same spec and starts every
//! member's process again in it. The members' counts live in the state
//! server, which sits in a tree of its own (`audience_state`) that no crash
//! of the audience reaches: each member carries on where it stopped. That
//! is the talk's advice made structure: keep core state safe and simple,
//! build system state from there.
//!
//! The keeper also starts members again after one partition restarts
//! (its spec has no members, so they were all lost with it). One thread
//! does all of it, and pending work is a set: a room that takes partitions
//! down a hundred times a second costs one rejoin per partition at a time,
//! never a thread per restart.
//!
//! It learns what happens from its own subscription to the runtime's
//! events, and takes orders from the session on a channel; the two are
//! read with one `select`, so it owns what it knows and needs no lock.

use super::audience::{PARTITIONS, is_partition};
use super::http::{json_string, membership_json};
use super::{Shared, sse};
use crate::runtime::{Atom, Event, EventKind, Pid, Runtime, SupervisorReport, Term};
use crate::supervisor::SupervisorSpec;
use crossbeam_channel::{Receiver, Sender, after, select, unbounded};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a tree that ended stays down (grey on the projector, its
/// reason under it) before the keeper starts it again: long enough for the
/// room to see it fall, short enough that nobody waits.
pub const RESTART_PAUSE: Duration = Duration::from_secs(3);
/// The longest the session waits for the keeper to let go of a tree.
const RELEASE_LIMIT: Duration = Duration::from_secs(10);

/// A tree the keeper brings back: its registered name and spec, and the
/// pid it has now.
pub struct KeptTree {
    pub name: Atom,
    pub spec: SupervisorSpec,
    pub pid: Pid,
}

enum Order {
    Keep(KeptTree),
    /// Forget the tree (the session is about to stop it); the keeper
    /// answers once no restart of it is under way.
    Release(Sender<()>),
}

/// The session's side: hand the keeper a tree, or take it back.
pub struct KeeperHandle {
    orders: Sender<Order>,
    thread: Option<JoinHandle<()>>,
}

impl KeeperHandle {
    /// Starts the keeper of `runtime`'s audience tree.
    pub(super) fn start(shared: Arc<Shared>, runtime: &Runtime, generation: u64) -> KeeperHandle {
        let (orders, inbox) = unbounded();
        let keeper = Keeper {
            shared,
            generation,
            events: runtime.subscribe(),
            orders: inbox,
            tree: None,
            restart_at: None,
            rejoin_all: false,
            rejoin: BTreeSet::new(),
            partitions: HashMap::new(),
        };
        let thread = std::thread::Builder::new()
            .name("letitcrash-stage-keeper".into())
            .spawn(move || keeper.run())
            .expect("spawn the stage keeper");
        KeeperHandle {
            orders,
            thread: Some(thread),
        }
    }

    /// Keeps `tree` from now on, and starts the members again in it.
    pub fn keep(&self, tree: KeptTree) {
        let _ = self.orders.send(Order::Keep(tree));
    }

    /// Lets go of the tree, waiting (boundedly) for a restart under way to
    /// finish, so that the caller can stop the tree and know it stays down.
    pub fn release(&self) {
        let (done, wait) = crossbeam_channel::bounded(1);
        if self.orders.send(Order::Release(done)).is_ok() {
            let _ = wait.recv_timeout(RELEASE_LIMIT);
        }
    }

    /// Waits for the thread to end (it ends when the stage stops or
    /// follows a new runtime).
    pub(super) fn join(&mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Keeper {
    shared: Arc<Shared>,
    generation: u64,
    events: Receiver<Event>,
    orders: Receiver<Order>,
    tree: Option<KeptTree>,
    /// The tree ended: when to start it again.
    restart_at: Option<Instant>,
    /// Partitions (or, with `rejoin_all`, every partition) whose members
    /// are to be started again.
    rejoin_all: bool,
    rejoin: BTreeSet<&'static str>,
    /// The partition supervisors of the kept tree, by pid: a partition
    /// that gives up is told to its members from here, before the keeper
    /// starts them again (one thread reading the events in order, so a
    /// phone hears "down" before "back").
    partitions: HashMap<Pid, &'static str>,
}

impl Keeper {
    fn run(mut self) {
        loop {
            if self.shared.stopping()
                || self.shared.generation.load(Ordering::SeqCst) != self.generation
            {
                return;
            }
            // Wake at least this often to notice a stop; sooner when a
            // restart falls due.
            let mut wait = Duration::from_millis(200);
            if let Some(at) = self.restart_at {
                wait = wait.min(at.saturating_duration_since(Instant::now()));
            }
            if !wait.is_zero() {
                select! {
                    recv(self.events) -> event => match event {
                        Ok(event) => self.observe(&event),
                        // The runtime is gone (reset, or the session ended).
                        Err(_) => return,
                    },
                    recv(self.orders) -> order => match order {
                        Ok(order) => self.obey(order),
                        Err(_) => return,
                    },
                    recv(after(wait)) -> _ => {}
                }
            }
            if self.restart_at.is_some_and(|at| Instant::now() >= at) {
                self.restart();
            }
            // Everything already queued (a restart's own reports among
            // it), before acting on it once.
            while let Ok(event) = self.events.try_recv() {
                self.observe(&event);
            }
            self.rejoin_pending();
        }
    }

    fn obey(&mut self, order: Order) {
        match order {
            Order::Keep(tree) => {
                self.partitions = self.partitions_of(tree.pid);
                self.tree = Some(tree);
                self.restart_at = None;
                self.shared.audience_down.store(false, Ordering::SeqCst);
                self.rejoin_all = true;
            }
            Order::Release(done) => {
                self.tree = None;
                self.restart_at = None;
                self.shared.audience_down.store(false, Ordering::SeqCst);
                self.rejoin_all = false;
                self.rejoin.clear();
                let _ = done.send(());
            }
        }
    }

    fn observe(&mut self, event: &Event) {
        let Some(tree) = &self.tree else {
            return;
        };
        match &event.kind {
            EventKind::Exited { pid, reason, .. } if *pid == tree.pid => {
                self.tree_ended(reason);
            }
            // A partition started under the kept top: at a partition's
            // restart, or at the tree's own. Either way it starts from its
            // spec, with no members.
            EventKind::Supervisor {
                supervisor,
                report: SupervisorReport::ChildStarted { id, pid },
            } if *supervisor == tree.pid => {
                if let Some(partition) = PARTITIONS.iter().copied().find(|p| *p == id.name()) {
                    self.partitions.insert(*pid, partition);
                    self.rejoin.insert(partition);
                }
            }
            // A partition ended on its own (the presenter's `kill
            // audience/'E-K'`, say): its members went with it, and hear
            // it, before the top starts it again and the keeper them.
            // One that gave up was told already, and is no longer here.
            EventKind::Supervisor {
                supervisor,
                report: SupervisorReport::ChildExited { pid, reason, .. },
            } if *supervisor == tree.pid => {
                if let Some(partition) = self.partitions.remove(pid) {
                    partition_down(&self.shared, partition, &crate::view::shown(reason));
                }
            }
            EventKind::Supervisor {
                supervisor,
                report:
                    SupervisorReport::GaveUp {
                        restarts,
                        intensity,
                        period,
                    },
            } => {
                if let Some(partition) = self.partitions.remove(supervisor) {
                    let why = format!(
                        "{restarts} restarts in {} > {intensity}",
                        crate::view::duration(*period)
                    );
                    partition_down(&self.shared, partition, &why);
                }
            }
            _ => {}
        }
    }

    /// The partitions running under `top` now, by pid.
    fn partitions_of(&self, top: Pid) -> HashMap<Pid, &'static str> {
        let Some(snapshot) = self.shared.world().and_then(|world| world.snapshot(top)) else {
            return HashMap::new();
        };
        snapshot
            .children
            .iter()
            .filter_map(|child| {
                let partition = PARTITIONS.iter().copied().find(|p| *p == child.id.name())?;
                Some((child.pid()?, partition))
            })
            .collect()
    }

    /// The kept tree ended: every member hears it, the projector keeps the
    /// grey tree, and a restart is due after the pause.
    fn tree_ended(&mut self, reason: &Term) {
        self.restart_at = Some(Instant::now() + RESTART_PAUSE);
        self.shared.audience_down.store(true, Ordering::SeqCst);
        self.rejoin_all = false;
        self.rejoin.clear();
        let seconds = RESTART_PAUSE.as_secs();
        let json = format!(
            "{{\"type\":\"audience_down\",\"reason\":{},\"back_in\":{seconds}}}",
            json_string(&crate::view::shown(reason))
        );
        let frame = sse::frame("member", &json);
        for (token, _) in self.shared.roster.lock().all() {
            self.shared.hub.to_member(&token, &frame);
        }
        if let Some(world) = self.shared.world() {
            world.say(format!(
                "the audience tree exited with {}: the stage starts it again in {seconds}s",
                crate::view::shown(reason)
            ));
        }
    }

    /// Starts the tree again from its spec, under its name, as the same
    /// root the projector draws, then every member in it.
    fn restart(&mut self) {
        self.restart_at = None;
        let Some(tree) = &mut self.tree else {
            return;
        };
        let Some(world) = self.shared.world() else {
            return;
        };
        match world.start_root(tree.name, tree.spec.clone()) {
            Ok(pid) => {
                let old = std::mem::replace(&mut tree.pid, pid);
                let name = tree.name.name().to_owned();
                // The projector draws it at once, where it was (the
                // session's next statement names the same roots).
                let mut scene = self.shared.scene.lock();
                scene.roots.retain(|(n, p)| *n != name && *p != old);
                scene.roots.push((name, pid));
                scene.dirty = true;
                drop(scene);
                self.shared.audience_down.store(false, Ordering::SeqCst);
                self.rejoin_all = true;
            }
            Err(why) => {
                // Its name taken, a start that failed: try again later,
                // and say so where the presenter looks.
                world.say(format!(
                    "the audience tree did not start again ({why}): trying again in {}s",
                    RESTART_PAUSE.as_secs()
                ));
                self.restart_at = Some(Instant::now() + RESTART_PAUSE);
            }
        }
    }

    /// Starts the members of every partition that came back.
    fn rejoin_pending(&mut self) {
        if self.tree.is_none() || self.restart_at.is_some() {
            return;
        }
        let partitions: Vec<&'static str> = if std::mem::take(&mut self.rejoin_all) {
            self.rejoin.clear();
            PARTITIONS.to_vec()
        } else {
            std::mem::take(&mut self.rejoin).into_iter().collect()
        };
        for partition in partitions {
            rejoin(&self.shared, partition);
        }
    }
}

/// Tells every member of `partition` that it went down, and why.
fn partition_down(shared: &Shared, partition: &'static str, why: &str) {
    let json = format!(
        "{{\"type\":\"partition_down\",\"partition\":{},\"reason\":{}}}",
        json_string(partition),
        json_string(why)
    );
    let frame = sse::frame("member", &json);
    for (token, _) in shared.roster.lock().in_partition(partition) {
        shared.hub.to_member(&token, &frame);
    }
}

/// Starts the processes of a partition's members in the audience tree as
/// it is now, and tells their pages. A member already running (it joined
/// while the partition came back) keeps its process.
pub(super) fn rejoin(shared: &Arc<Shared>, partition: &'static str) {
    debug_assert!(is_partition(partition));
    let Some(world) = shared.world() else {
        return;
    };
    let Some(top) = world.whereis(Atom::new(super::AUDIENCE)) else {
        return;
    };
    let members = shared.roster.lock().in_partition(partition);
    for (token, member) in members {
        let pid = match world.start_member(top, member.partition, member.id, member.joined) {
            Ok((pid, true)) => Some(pid),
            // Running already: whoever started it told the phone.
            Ok((_, false)) => continue,
            Err(_) => None,
        };
        // A member forgotten meanwhile (`audience reset`) has no page to tell.
        let Some(member) = shared.roster.lock().set_pid(&token, pid) else {
            continue;
        };
        let json = membership_json(&member).replace("\"type\":\"member\"", "\"type\":\"rejoined\"");
        shared.hub.to_member(&token, &sse::frame("member", &json));
    }
}
