//! The watcher: the runtime's event stream turned into what the pages show.
//!
//! One thread per attached runtime. For every batch of events it renders
//! the ticker lines (the REPL's own event views, through an [`EventFeed`]
//! at the session's log level), keeps the marks of the moment (this node
//! crashed 0.4 s ago with `boom`, that pid is new, this supervisor gave
//! up), tells each phone what happened to its own process at once, and
//! redraws the tree (a snapshot of each root, [`layout`], [`tree_svg`]) at
//! most every [`REDRAW`]. Nodes are known by path: a supervisor's
//! `ChildStarted` report names the path of every new pid, so a crash is
//! placed even when it happens between two drawings. Links and monitors
//! are followed from their events all the time and drawn under `log
//! verbose` (dotted and dashed).
//!
//! The picture holds still: a nested supervisor that is restarting (and so
//! has no children to show) is drawn with the children it had, not
//! running, rather than folding up and pulling everything under it up;
//! and the drawing's size does not shrink while the same roots are shown
//! (unless by a quarter or more), so the page does not rescale it (and
//! move every node) when a child comes and goes. The audience is sent as data too ([`hall`](super::hall)),
//! for the projector's panel per partition.

use super::hall::hall_json;
use super::http::json_string;
use super::sse;
use super::world::World;
use super::{AUDIENCE, Shared, TICKER_BACKLOG};
use crate::runtime::{Atom, Event, EventKind, Pid, Ref, Runtime, SupervisorReport};
use crate::view::EventFeed;
use crate::view::layout::layout;
use crate::view::svg::{Marks, tree_svg};
use crate::view::{self, ChildState, LogLevel, Style, SupervisorView};
use crossbeam_channel::{Receiver, RecvTimeoutError};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How long a crashed node stays red.
const FLASH: Duration = Duration::from_millis(1500);
/// The least time between two drawings of the tree.
const REDRAW: Duration = Duration::from_millis(60);
/// One sparkline point per slot; this many slots.
const SLOT: Duration = Duration::from_secs(2);
const SLOTS: usize = 15;

pub(super) struct Watcher {
    shared: Arc<Shared>,
    world: Arc<World>,
    generation: u64,
    events: Receiver<Event>,
    feed: EventFeed,
    level: LogLevel,
    /// The drawing's path of every pid seen in a tree.
    paths: HashMap<Pid, String>,
    crashed: HashMap<String, (String, Instant)>,
    gave_up: HashMap<String, String>,
    fresh: HashMap<String, Instant>,
    links: HashSet<(Pid, Pid)>,
    /// The monitors that exist now: reference to (watcher, target). Most
    /// live for one `call`; the map stays as small as the monitors held.
    monitors: HashMap<Ref, (Pid, Pid)>,
    /// Crashes under each supervisor path, per slot (newest last).
    crash_slots: HashMap<String, VecDeque<u32>>,
    last_crashes: HashMap<String, VecDeque<String>>,
    /// Roots drawn before, for a root that gave up (drawn grey), and for
    /// the children of a nested supervisor while it restarts.
    last_views: HashMap<String, SupervisorView>,
    /// The roots of the last drawing and the most columns and rows it
    /// took: the size stays while the roots do, unless the tree shrinks
    /// by a quarter or more.
    extent: (Vec<String>, usize, usize),
    /// `restored count N` printed before the supervisor reported the pid.
    restored_early: HashMap<Pid, i64>,
    started: Instant,
    last_draw: Option<Instant>,
    slot: u64,
}

impl Watcher {
    pub(super) fn new(
        shared: Arc<Shared>,
        world: Arc<World>,
        runtime: &Runtime,
        generation: u64,
    ) -> Watcher {
        let level = shared.scene.lock().level.unwrap_or(LogLevel::Normal);
        let feed = EventFeed::new(runtime, level, Style::COLOR);
        feed.name(world.pid(), "stage");
        feed.hide_monitors_of(world.pid());
        Watcher {
            shared,
            world,
            generation,
            events: runtime.subscribe(),
            feed,
            level,
            paths: HashMap::new(),
            crashed: HashMap::new(),
            gave_up: HashMap::new(),
            fresh: HashMap::new(),
            links: HashSet::new(),
            monitors: HashMap::new(),
            crash_slots: HashMap::new(),
            last_crashes: HashMap::new(),
            last_views: HashMap::new(),
            extent: (Vec::new(), 0, 0),
            restored_early: HashMap::new(),
            started: Instant::now(),
            last_draw: None,
            slot: 0,
        }
    }

    pub(super) fn run(mut self) {
        loop {
            if self.shared.stopping()
                || self.shared.generation.load(Ordering::SeqCst) != self.generation
            {
                return;
            }
            let batch: Vec<Event> = match self.events.recv_timeout(Duration::from_millis(40)) {
                Ok(first) => std::iter::once(first)
                    .chain(self.events.try_iter())
                    .collect(),
                Err(RecvTimeoutError::Timeout) => Vec::new(),
                // The runtime is gone (reset, or the session ended).
                Err(RecvTimeoutError::Disconnected) => return,
            };
            self.follow_level();
            self.ticker();
            for event in &batch {
                self.observe(event);
            }
            self.advance_slots();
            if self.due() {
                self.draw();
            }
        }
    }

    fn follow_level(&mut self) {
        let level = self.shared.scene.lock().level.unwrap_or(LogLevel::Normal);
        if level != self.level {
            self.level = level;
            self.feed.set_level(level);
        }
    }

    /// The REPL's lines for the events so far, to the projectors.
    fn ticker(&self) {
        let lines = self.feed.drain();
        if lines.is_empty() {
            return;
        }
        let html: Vec<String> = lines.iter().map(|l| view::html::ansi_to_html(l)).collect();
        {
            let mut scene = self.shared.scene.lock();
            scene.ticker.extend(html.iter().cloned());
            while scene.ticker.len() > TICKER_BACKLOG {
                scene.ticker.pop_front();
            }
        }
        for line in html {
            self.shared.hub.to_projectors(&sse::frame("line", &line));
        }
    }

    fn observe(&mut self, event: &Event) {
        match &event.kind {
            EventKind::Supervisor { supervisor, report } => self.report(*supervisor, report),
            EventKind::Output { pid, text } => {
                if let Some(count) = text
                    .strip_prefix("restored count ")
                    .and_then(|rest| rest.split(' ').next())
                    .and_then(|n| n.parse::<i64>().ok())
                {
                    match self.member_at(*pid) {
                        Some((token, id)) => self.restored(&token, id, count),
                        None => {
                            self.restored_early.insert(*pid, count);
                        }
                    }
                }
            }
            EventKind::Registered { name, pid } if self.gave_up.contains_key(name.name()) => {
                // A root that ended is back under its name (the keeper
                // started the audience again): no longer grey, and new.
                let path = name.name().to_owned();
                self.gave_up.remove(&path);
                self.paths.insert(*pid, path.clone());
                self.fresh.insert(path, Instant::now());
                self.mark_dirty();
            }
            EventKind::Linked { a, b } => {
                self.links.insert((*a.min(b), *a.max(b)));
                self.mark_dirty();
            }
            EventKind::Unlinked { a, b } => {
                self.links.remove(&(*a.min(b), *a.max(b)));
                self.mark_dirty();
            }
            EventKind::Monitored {
                watcher,
                target,
                reference,
            } => {
                self.monitors.insert(*reference, (*watcher, *target));
                self.monitor_changed(*watcher, *target);
            }
            EventKind::Demonitored { reference, .. }
            | EventKind::MonitorFired { reference, .. } => {
                if let Some((watcher, target)) = self.monitors.remove(reference) {
                    self.monitor_changed(watcher, target);
                }
            }
            EventKind::Exited { pid, reason, .. } => {
                // The audience tree ended by other means than giving up
                // (killed, say): grey with its reason too, until the keeper
                // brings it back.
                if self.paths.get(pid).is_some_and(|p| p == AUDIENCE) {
                    self.gave_up
                        .entry(AUDIENCE.to_owned())
                        .or_insert_with(|| format!("exited: {}", view::shown(reason)));
                }
                // A monitor ends with either end; no event says so when
                // the watcher goes first, and the target's death matters
                // now, not when the watcher gets round to its 'DOWN'. A
                // link ends with either end too (no `Unlinked` is posted
                // for a death), so it goes with it.
                self.monitors
                    .retain(|_, (watcher, target)| watcher != pid && target != pid);
                self.links.retain(|(a, b)| a != pid && b != pid);
                if self.paths.contains_key(pid) {
                    self.mark_dirty();
                }
            }
            _ => {}
        }
    }

    fn report(&mut self, supervisor: Pid, report: &SupervisorReport) {
        let Some(parent) = self.paths.get(&supervisor).cloned() else {
            return;
        };
        self.mark_dirty();
        match report {
            SupervisorReport::ChildStarted { id, pid } => {
                let path = format!("{parent}/{}", id.name());
                // A restart is the path under another pid: the drawing may
                // have learnt this very pid from a snapshot already.
                let restarted = self
                    .paths
                    .iter()
                    .any(|(known, p)| *p == path && known != pid);
                self.paths.insert(*pid, path.clone());
                self.gave_up.retain(|p, _| !is_under(p, &path));
                if restarted {
                    self.fresh.insert(path.clone(), Instant::now());
                }
                self.member_started(&parent, *id, *pid);
                if let Some(count) = self.restored_early.remove(pid)
                    && let Some((token, id)) = self.member_at(*pid)
                {
                    self.restored(&token, id, count);
                }
            }
            SupervisorReport::ChildExited { id, pid, reason } if !reason.is_normal_exit() => {
                let path = format!("{parent}/{}", id.name());
                self.crashed
                    .insert(path, (view::shown(reason), Instant::now()));
                let slots = self.crash_slots.entry(parent.clone()).or_default();
                match slots.back_mut() {
                    Some(last) => *last += 1,
                    None => slots.push_back(1),
                }
                let last = self.last_crashes.entry(parent.clone()).or_default();
                last.push_front(id.name().to_owned());
                last.truncate(3);
                if let Some(token) = self.token_of(&parent, *id) {
                    let json = format!(
                        "{{\"type\":\"crashed\",\"pid\":{},\"reason\":{}}}",
                        json_string(&pid.to_string()),
                        json_string(&view::shown(reason))
                    );
                    self.shared
                        .hub
                        .to_member(&token, &sse::frame("member", &json));
                }
            }
            SupervisorReport::GaveUp {
                restarts,
                intensity,
                period,
            } => {
                let why = format!(
                    "{restarts} restarts in {} > {intensity}",
                    view::duration(*period)
                );
                // Its members hear it from the keeper, which starts them
                // again after: one thread, so "down" comes before "back".
                self.gave_up.insert(parent, why);
            }
            _ => {}
        }
    }

    /// A monitor came or went: redraw only when it is drawn, so that the
    /// monitor of every `call` (each join and crash calls the state
    /// server) does not cost a drawing.
    fn monitor_changed(&self, watcher: Pid, target: Pid) {
        if self.level == LogLevel::Verbose
            && self.paths.contains_key(&watcher)
            && self.paths.contains_key(&target)
        {
            self.mark_dirty();
        }
    }

    fn mark_dirty(&self) {
        self.shared.scene.lock().dirty = true;
    }

    /// The partition a supervisor path is, if it is one of the audience's.
    fn partition_of(path: &str) -> Option<&'static str> {
        let rest = path.strip_prefix(AUDIENCE)?.strip_prefix('/')?;
        super::audience::PARTITIONS
            .iter()
            .copied()
            .find(|p| *p == rest)
    }

    fn token_of(&self, parent: &str, id: Atom) -> Option<String> {
        let partition = Self::partition_of(parent)?;
        self.shared.roster.lock().token_of(partition, id)
    }

    fn member_at(&self, pid: Pid) -> Option<(String, Atom)> {
        let path = self.paths.get(&pid)?;
        let (parent, id) = path.rsplit_once('/')?;
        let id = Atom::new(id);
        Some((self.token_of(parent, id)?, id))
    }

    fn member_started(&self, parent: &str, id: Atom, pid: Pid) {
        // A partition that started again has no members: the keeper starts
        // them (see `keeper`), and their pages hear it from there.
        let Some(token) = self.token_of(parent, id) else {
            return;
        };
        let Some(member) = self.shared.roster.lock().set_pid(&token, Some(pid)) else {
            return;
        };
        let json = format!(
            "{{\"type\":\"started\",\"pid\":{},\"restarts\":{}}}",
            json_string(&pid.to_string()),
            member.restarts
        );
        self.shared
            .hub
            .to_member(&token, &sse::frame("member", &json));
    }

    /// The new process read its count back: the member's page shows it, and
    /// the join time the state server kept.
    fn restored(&self, token: &str, id: Atom, count: i64) {
        let (_, joined) = self.world.saved_state(id);
        self.shared.roster.lock().set_restored(token, count);
        let json = format!(
            "{{\"type\":\"restored\",\"count\":{count},\"joined\":{}}}",
            joined.unwrap_or(0)
        );
        self.shared
            .hub
            .to_member(token, &sse::frame("member", &json));
    }

    fn advance_slots(&mut self) {
        let slot = (self.started.elapsed().as_millis() / SLOT.as_millis()) as u64;
        while self.slot < slot {
            self.slot += 1;
            for slots in self.crash_slots.values_mut() {
                slots.push_back(0);
                while slots.len() > SLOTS {
                    slots.pop_front();
                }
            }
        }
    }

    /// Whether to draw now: something changed, or a mark ran out.
    fn due(&mut self) -> bool {
        let now = Instant::now();
        if self
            .last_draw
            .is_some_and(|last| now.duration_since(last) < REDRAW)
        {
            return false;
        }
        let before = self.crashed.len() + self.fresh.len();
        self.crashed
            .retain(|_, (_, at)| now.duration_since(*at) < FLASH);
        self.fresh.retain(|_, at| now.duration_since(*at) < FLASH);
        let expired = self.crashed.len() + self.fresh.len() != before;
        expired || self.shared.scene.lock().dirty
    }

    fn draw(&mut self) {
        self.last_draw = Some(Instant::now());
        let roots = {
            let mut scene = self.shared.scene.lock();
            scene.dirty = false;
            scene.roots.clone()
        };
        let mut views = Vec::new();
        let mut drawn = HashSet::new();
        for (name, pid) in &roots {
            self.paths.insert(*pid, name.clone());
            self.feed.name(*pid, name);
            if let Some(snapshot) = self.world.snapshot(*pid) {
                let mut view = view::supervisor_view(name, &snapshot, &|_| None);
                if let Some(before) = self.last_views.get(name) {
                    keep_restarting_children(&mut view, before);
                }
                self.learn_paths(&view, name);
                self.last_views.insert(name.clone(), view.clone());
                drawn.insert(name.clone());
                views.push(view);
            }
        }
        // A root that gave up is gone from the session's list: it stays on
        // the projector, grey, until something takes its name.
        let mut ghosts: Vec<&String> = self
            .gave_up
            .keys()
            .filter(|p| !p.contains('/') && !drawn.contains(*p))
            .collect();
        ghosts.sort();
        for ghost in ghosts {
            if let Some(view) = self.last_views.get(ghost) {
                views.push(view.clone());
            }
        }
        let marks = self.marks();
        let mut layout = layout(&views);
        let names: Vec<String> = views.iter().map(|v| v.name.clone()).collect();
        // A big change (other roots, partitions folding into summaries)
        // starts the extent afresh: the picture changes anyway, and an
        // extent many rows taller would shrink it for nothing.
        let shrunk = layout.rows * 4 < self.extent.2 * 3 || layout.columns < self.extent.1;
        if self.extent.0 != names || shrunk {
            self.extent = (names, 0, 0);
        }
        self.extent.1 = self.extent.1.max(layout.columns);
        self.extent.2 = self.extent.2.max(layout.rows);
        (layout.columns, layout.rows) = (self.extent.1, self.extent.2);
        let svg = tree_svg(&layout, &marks);
        let open = self.shared.roster.lock().open;
        let hall = views
            .iter()
            .find(|v| v.name == AUDIENCE)
            .map(|audience| hall_json(audience, AUDIENCE, &marks, open))
            .unwrap_or_default();
        let mut scene = self.shared.scene.lock();
        let mut frames = Vec::new();
        if scene.svg != svg {
            frames.push(sse::frame("svg", &svg));
            scene.svg = svg;
        }
        if scene.hall != hall {
            frames.push(sse::frame("hall", &hall));
            scene.hall = hall;
        }
        drop(scene);
        for frame in frames {
            self.shared.hub.to_projectors(&frame);
        }
    }

    fn learn_paths(&mut self, sup: &SupervisorView, path: &str) {
        self.paths.insert(sup.pid, path.to_owned());
        for child in &sup.children {
            let child_path = format!("{path}/{}", child.id);
            if let Some(pid) = child.pid {
                self.paths.insert(pid, child_path.clone());
            }
            if let Some(nested) = &child.supervisor {
                self.learn_paths(nested, &child_path);
            }
        }
    }

    fn marks(&self) -> Marks {
        let verbose = self.level == LogLevel::Verbose;
        let links = if verbose {
            self.links
                .iter()
                .filter_map(|(a, b)| Some((self.paths.get(a)?.clone(), self.paths.get(b)?.clone())))
                .filter(|(a, b)| !is_parent(a, b) && !is_parent(b, a))
                .collect()
        } else {
            Vec::new()
        };
        let mut monitors: Vec<(String, String)> = if verbose {
            self.monitors
                .values()
                .filter_map(|(w, t)| Some((self.paths.get(w)?.clone(), self.paths.get(t)?.clone())))
                // A supervisor watching the child it stops is drawn already.
                .filter(|(w, t)| !is_parent(w, t) && !is_parent(t, w))
                .collect()
        } else {
            Vec::new()
        };
        // In a stable order, and one line per pair: the same monitors make
        // the same picture, so no frame goes out for nothing.
        monitors.sort();
        monitors.dedup();
        Marks {
            crashed: self
                .crashed
                .iter()
                .map(|(path, (reason, _))| (path.clone(), reason.clone()))
                .collect(),
            fresh: self.fresh.keys().cloned().collect(),
            gave_up: self.gave_up.clone(),
            sparklines: self
                .crash_slots
                .iter()
                .map(|(path, slots)| (format!("{path}/*"), slots.iter().copied().collect()))
                .collect(),
            last_crashes: self
                .last_crashes
                .iter()
                .map(|(path, names)| (format!("{path}/*"), names.iter().cloned().collect()))
                .collect(),
            links,
            monitors,
        }
    }
}

/// A nested supervisor that is restarting has no children to show: it
/// keeps the ones it had in the drawing before, not running, so that no
/// node below it moves up while it restarts.
fn keep_restarting_children(view: &mut SupervisorView, before: &SupervisorView) {
    for child in &mut view.children {
        let Some(old) = before.children.iter().find(|c| c.id == child.id) else {
            continue;
        };
        match (&mut child.supervisor, &old.supervisor) {
            (Some(now), Some(then)) => keep_restarting_children(now, then),
            (None, Some(then)) if child.state != ChildState::Running => {
                let mut ghost = then.clone();
                for grandchild in &mut ghost.children {
                    grandchild.pid = None;
                    grandchild.state = ChildState::NotRunning;
                    grandchild.supervisor = None;
                }
                child.supervisor = Some(ghost);
            }
            _ => {}
        }
    }
}

fn is_under(path: &str, ancestor: &str) -> bool {
    path == ancestor || path.starts_with(&format!("{ancestor}/"))
}

fn is_parent(parent: &str, child: &str) -> bool {
    child.rsplit_once('/').is_some_and(|(p, _)| p == parent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::layout::layout;
    use crate::view::tree::{ChildView, fixtures};

    fn child(id: &str, pid: u64, supervisor: Option<SupervisorView>) -> ChildView {
        ChildView {
            supervisor,
            ..fixtures::worker(id, pid, "counter", 0)
        }
    }

    fn sup(name: &str, pid: u64, children: Vec<ChildView>) -> SupervisorView {
        fixtures::supervisor(name, pid, 3, 0, children)
    }

    #[test]
    fn a_restarting_supervisor_keeps_its_childrens_places() {
        let inner = sup("inner", 2, vec![child("a", 3, None), child("b", 4, None)]);
        let before = sup(
            "top",
            1,
            vec![child("inner", 2, Some(inner)), child("last", 5, None)],
        );
        let mut now = before.clone();
        now.children[0].supervisor = None;
        now.children[0].pid = None;
        now.children[0].state = ChildState::Restarting;
        keep_restarting_children(&mut now, &before);
        let places = |view: &SupervisorView| {
            let drawn = layout(std::slice::from_ref(view));
            let nodes = drawn.nodes.into_iter();
            nodes.map(|n| (n.path, n.row)).collect::<Vec<_>>()
        };
        assert_eq!(places(&now), places(&before), "nothing moved");
        let ghost = now.children[0].supervisor.as_ref().expect("kept");
        assert!(
            ghost
                .children
                .iter()
                .all(|c| c.pid.is_none() && c.state == ChildState::NotRunning),
            "its children are drawn down: {ghost:?}"
        );
    }
}
