//! `letitcrash soak`: a supervision tree of 1,000 workers under chaos.
//!
//! The tree is a top supervisor over ten partitions of 100 workers each,
//! with every strategy and a spread of restart intensities, so that some
//! partitions absorb the crashes, one gives up again and again (and the top
//! restarts it), and one, `transient`, gives up once and stays down:
//!
//! | partition | strategy             | intensity   | workers                   |
//! |-----------|----------------------|-------------|---------------------------|
//! | p1-p4     | one_for_one          | 500 per 1 s | counter, idle, echo       |
//! | p5        | rest_for_one         | 500 per 1 s | state_server + 99 stateful |
//! | p6        | one_for_all          | 300 per 1 s | counter                   |
//! | p7        | simple_one_for_one   | 500 per 1 s | idle (topped up to 100)   |
//! | p8        | one_for_one          | 50 per 1 s  | counter (gives up)        |
//! | p9        | one_for_one, transient | 20 per 1 s | counter (gives up, stays down) |
//! | p10       | rest_for_one         | 300 per 1 s | counter                   |
//!
//! A chaos loop kills (`exit(Pid, kill)`) or crashes (the playground's
//! `crash`) a random live worker `--rate` times a second, and now and then a
//! whole partition supervisor. Meanwhile the harness follows the runtime's
//! event stream and checks, as the events arrive and at the end:
//!
//! - S3, from the supervisors' own reports: an independent
//!   [`RestartIntensity`] per supervisor, fed the time of each
//!   `ChildExited` and each retried `StartFailed`, must agree with every `Restarting` (its count) and every
//!   `GaveUp`; a supervisor that gave up exits with `shutdown`, and no
//!   supervisor exits `shutdown` without having given up.
//! - No event lost: every injected kill has the victim's `Exited`; every
//!   child's `Exited` is answered by its supervisor (`ChildExited` or
//!   `ChildTerminated`) unless that supervisor died itself; every
//!   `ChildExited` gets its decision; every child named in a `Restarting`
//!   is started again (`ChildStarted`) unless its supervisor died.
//! - The end state: once quiet, every child in every running supervisor is
//!   running (the tree's own snapshot), a partition that is down is one
//!   whose supervisor gave up and is not restarted by its restart type, the
//!   supervisors' restart counters equal the model's, and the runtime's
//!   live process count is the tree's processes plus the harness: no leak.
//!
//! `--deterministic` (the default) runs on the virtual clock with a seed:
//! the same run every time, fast. `--live` runs on the worker threads and
//! the wall clock, where the races are real.

use super::Rng;
use crate::behavior::{self, StartContext};
use crate::runtime::{Atom, Config, Event, EventKind, Host, Pid, Runtime, SupervisorReport, Term};
use crate::supervisor::intensity::{RestartIntensity, Verdict};
use crate::supervisor::{
    self, ChildSpec, ChildState, RestartType, Shutdown, Strategy, SupervisorSnapshot,
    SupervisorSpec,
};
use crossbeam_channel::Receiver;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// What to run.
#[derive(Clone, Debug)]
pub struct SoakOptions {
    /// How long the chaos lasts (virtual seconds when deterministic).
    pub seconds: u64,
    pub seed: u64,
    /// Live runtime and wall clock instead of the virtual clock.
    pub live: bool,
    /// Kills and crashes injected per second.
    pub rate: u32,
    /// Live mode: scheduler threads.
    pub schedulers: Option<usize>,
}

impl Default for SoakOptions {
    fn default() -> SoakOptions {
        SoakOptions {
            seconds: 20,
            seed: 1,
            live: false,
            rate: 1000,
            schedulers: None,
        }
    }
}

/// What happened, and what was wrong.
#[derive(Clone, Debug, Default)]
pub struct SoakReport {
    pub mode: String,
    pub seconds: u64,
    pub seed: u64,
    pub workers_at_start: usize,
    /// Kills and crashes of workers, and kills of partition supervisors.
    pub kills: u64,
    pub crashes: u64,
    pub supervisor_kills: u64,
    /// `ChildExited` reports (a child ended on its own, or by the chaos).
    pub child_exits: u64,
    /// `Restarting` reports, and the children they started again.
    pub restarts: u64,
    pub children_restarted: u64,
    pub give_ups: u64,
    /// Restarts whose start failed and was retried.
    pub start_failures: u64,
    pub events: u64,
    pub final_processes: usize,
    pub tree_processes: usize,
    pub partitions_down: Vec<String>,
    pub wall: Duration,
    pub violations: Vec<String>,
}

impl SoakReport {
    pub fn passed(&self) -> bool {
        self.violations.is_empty()
    }

    /// The report as the command prints it.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "soak: {} mode, seed {}, {} s of chaos over {} workers",
            self.mode, self.seed, self.seconds, self.workers_at_start
        );
        let _ = writeln!(
            out,
            "  injected:   {} kills, {} crashes of workers, {} kills of partition supervisors",
            self.kills, self.crashes, self.supervisor_kills
        );
        let _ = writeln!(
            out,
            "  supervisors: {} child exits, {} restarts ({} children started again), {} give-ups, {} failed starts retried",
            self.child_exits,
            self.restarts,
            self.children_restarted,
            self.give_ups,
            self.start_failures
        );
        let down = if self.partitions_down.is_empty() {
            "none".to_owned()
        } else {
            self.partitions_down.join(", ")
        };
        let _ = writeln!(
            out,
            "  end:        {} live processes = {} in the tree + 1 harness; partitions down: {down}",
            self.final_processes, self.tree_processes
        );
        let _ = writeln!(
            out,
            "  events:     {} followed, wall time {:.1} s",
            self.events,
            self.wall.as_secs_f64()
        );
        if self.passed() {
            let _ = writeln!(out, "soak: ok");
        } else {
            let count = crate::view::plural(self.violations.len(), "violation", "violations");
            let _ = writeln!(out, "soak: {count}:");
            for violation in self.violations.iter().take(50) {
                let _ = writeln!(out, "  - {violation}");
            }
            if self.violations.len() > 50 {
                let _ = writeln!(out, "  ... and {} more", self.violations.len() - 50);
            }
        }
        out
    }
}

/// One partition of the tree, as the table in the module docs lists them.
struct Partition {
    id: &'static str,
    strategy: Strategy,
    intensity: u32,
    restart: RestartType,
}

const WORKERS_PER_PARTITION: usize = 100;

const PARTITIONS: [Partition; 10] = [
    partition("p1", Strategy::OneForOne, 500),
    partition("p2", Strategy::OneForOne, 500),
    partition("p3", Strategy::OneForOne, 500),
    partition("p4", Strategy::OneForOne, 500),
    partition("p5", Strategy::RestForOne, 500),
    partition("p6", Strategy::OneForAll, 300),
    partition("p7", Strategy::SimpleOneForOne, 500),
    partition("p8", Strategy::OneForOne, 50),
    Partition {
        restart: RestartType::Transient,
        ..partition("p9", Strategy::OneForOne, 20)
    },
    partition("p10", Strategy::RestForOne, 300),
];

const fn partition(id: &'static str, strategy: Strategy, intensity: u32) -> Partition {
    Partition {
        id,
        strategy,
        intensity,
        restart: RestartType::Permanent,
    }
}

/// The top supervisor's intensity: high enough that the partitions giving
/// up (p8, about twice a second) and the partition kills never exhaust it.
const TOP_INTENSITY: u32 = 1000;
const PERIOD: Duration = Duration::from_secs(1);
/// Of 1,000 injections, how many kill a partition supervisor instead.
const SUPERVISOR_KILLS_PER_MILLE: usize = 5;

/// A worker child running built-in `kind`, started as the shell's `sup`
/// starts one (so `stateful` gets its child id as its key).
fn worker(id: &str, kind: &'static str, args: Vec<Term>, shutdown: Shutdown) -> ChildSpec {
    let context = StartContext::child(Atom::new(id));
    ChildSpec::worker(id, kind, move |sup, extra: &[Term]| {
        let all: Vec<Term> = args.iter().chain(extra).cloned().collect();
        behavior::spawn_kind(sup, kind, &all, &context, true)
            .map_err(|e| Term::string(&e.to_string()))
    })
    .shutdown(shutdown)
}

fn partition_spec(partition: &Partition) -> SupervisorSpec {
    let mut spec = SupervisorSpec::new(partition.strategy).intensity(partition.intensity, PERIOD);
    let kinds: &[&'static str] = match partition.id {
        "p1" | "p4" => &["counter"],
        "p2" => &["idle"],
        "p3" => &["echo", "counter"],
        _ => &["counter"],
    };
    match partition.strategy {
        Strategy::SimpleOneForOne => {
            // The instances are added by the harness (`top_up`).
            spec = spec.child(worker("instance", "idle", Vec::new(), Shutdown::BrutalKill));
        }
        _ if partition.id == "p5" => {
            // The "restore state" pattern: the store first, in rest_for_one,
            // so a dead store restarts every worker that uses it.
            let store = Term::atom(&format!("store_{}", partition.id));
            spec = spec.child(worker(
                &format!("{}_store", partition.id),
                "state_server",
                vec![store.clone()],
                Shutdown::Timeout(Duration::from_millis(5000)),
            ));
            for n in 1..WORKERS_PER_PARTITION {
                spec = spec.child(worker(
                    &format!("{}_w{n}", partition.id),
                    "stateful",
                    vec![store.clone()],
                    Shutdown::BrutalKill,
                ));
            }
        }
        _ => {
            for n in 0..WORKERS_PER_PARTITION {
                // Half are stopped with `shutdown` and a timeout, half
                // brutally, so both ways of stopping a child are exercised.
                let shutdown = if n % 2 == 0 {
                    Shutdown::Timeout(Duration::from_millis(5000))
                } else {
                    Shutdown::BrutalKill
                };
                let kind = kinds[n % kinds.len()];
                spec = spec.child(worker(
                    &format!("{}_w{n}", partition.id),
                    kind,
                    Vec::new(),
                    shutdown,
                ));
            }
        }
    }
    spec
}

fn tree_spec() -> SupervisorSpec {
    let mut top = SupervisorSpec::new(Strategy::OneForOne).intensity(TOP_INTENSITY, PERIOD);
    for partition in &PARTITIONS {
        top = top.child(
            ChildSpec::supervisor(partition.id, partition_spec(partition))
                .restart(partition.restart),
        );
    }
    top
}

/// What the harness knows about one supervisor incarnation (one pid).
struct SupervisorRecord {
    /// `None` for the top supervisor.
    partition: Option<&'static Partition>,
    model: RestartIntensity,
    /// The verdict the model expects for the last `ChildExited`, until the
    /// supervisor's decision arrives.
    awaiting: Option<Verdict>,
    gave_up: bool,
    exited: Option<Term>,
    /// Children named in a `Restarting` and not yet started again.
    pending_starts: HashMap<Atom, u32>,
}

impl SupervisorRecord {
    fn new(partition: Option<&'static Partition>) -> SupervisorRecord {
        let intensity = partition.map_or(TOP_INTENSITY, |p| p.intensity);
        SupervisorRecord {
            partition,
            model: RestartIntensity::new(intensity, PERIOD),
            awaiting: None,
            gave_up: false,
            exited: None,
            pending_starts: HashMap::new(),
        }
    }

    fn name(&self) -> &'static str {
        self.partition.map_or("top", |p| p.id)
    }
}

/// The harness's picture of the run, built from the event stream.
struct Tracker {
    top: Pid,
    supervisors: HashMap<Pid, SupervisorRecord>,
    /// Every child ever started: its supervisor.
    owner: HashMap<Pid, Pid>,
    /// Children whose `Exited` was seen.
    exited: HashSet<Pid>,
    /// Children whose end their supervisor reported.
    answered: HashSet<Pid>,
    /// Live workers, for the chaos to pick from (a vector for picking, an
    /// index for removing).
    workers: Vec<Pid>,
    worker_index: HashMap<Pid, usize>,
    /// Live partition supervisors.
    partitions: Vec<Pid>,
    /// Reports of supervisors not known yet: a partition starts its
    /// children before the top reports the partition started.
    early: HashMap<Pid, Vec<(SupervisorReport, Duration)>>,
    /// The current simple_one_for_one partition, when it needs its
    /// instances (it starts empty, also after a restart).
    needs_top_up: Option<Pid>,
    report: SoakReport,
}

impl Tracker {
    fn new(top: Pid) -> Tracker {
        let mut supervisors = HashMap::new();
        supervisors.insert(top, SupervisorRecord::new(None));
        Tracker {
            top,
            supervisors,
            owner: HashMap::new(),
            exited: HashSet::new(),
            answered: HashSet::new(),
            workers: Vec::new(),
            worker_index: HashMap::new(),
            partitions: Vec::new(),
            early: HashMap::new(),
            needs_top_up: None,
            report: SoakReport::default(),
        }
    }

    fn violation(&mut self, text: String) {
        self.report.violations.push(text);
    }

    fn drain(&mut self, events: &Receiver<Event>) {
        while let Ok(event) = events.try_recv() {
            self.report.events += 1;
            self.observe(&event);
        }
    }

    fn add_worker(&mut self, pid: Pid) {
        self.worker_index.insert(pid, self.workers.len());
        self.workers.push(pid);
    }

    fn remove_worker(&mut self, pid: Pid) {
        if let Some(index) = self.worker_index.remove(&pid) {
            self.workers.swap_remove(index);
            if let Some(&moved) = self.workers.get(index) {
                self.worker_index.insert(moved, index);
            }
        }
    }

    fn observe(&mut self, event: &Event) {
        match &event.kind {
            EventKind::Exited { pid, reason, .. } => self.exited_event(*pid, reason),
            EventKind::Supervisor { supervisor, report } => {
                self.supervisor_event(*supervisor, report, event.at)
            }
            _ => {}
        }
    }

    fn exited_event(&mut self, pid: Pid, reason: &Term) {
        self.exited.insert(pid);
        self.remove_worker(pid);
        self.partitions.retain(|&p| p != pid);
        if let Some(record) = self.supervisors.get_mut(&pid) {
            record.exited = Some(reason.clone());
            // Killed between a child's exit and its decision: no decision
            // is owed any more.
            record.awaiting = None;
            let name = record.name();
            let gave_up = record.gave_up;
            let says_shutdown = reason.is_atom(Atom::SHUTDOWN);
            if pid == self.top {
                self.violation(format!("the top supervisor exited: {reason}"));
            } else if gave_up && !says_shutdown {
                self.violation(format!(
                    "{name} {pid} gave up but exited with {reason}, not shutdown"
                ));
            } else if !gave_up && says_shutdown {
                self.violation(format!(
                    "{name} {pid} exited with shutdown without giving up"
                ));
            }
        }
    }

    fn supervisor_event(&mut self, supervisor: Pid, report: &SupervisorReport, at: Duration) {
        let top = self.top;
        let Some(record) = self.supervisors.get_mut(&supervisor) else {
            self.early
                .entry(supervisor)
                .or_default()
                .push((report.clone(), at));
            return;
        };
        let name = record.name();
        match report {
            SupervisorReport::ChildStarted { id, pid } => {
                self.owner.insert(*pid, supervisor);
                if let Some(pending) = record.pending_starts.get_mut(id) {
                    *pending = pending.saturating_sub(1);
                }
                if supervisor == top {
                    let partition = PARTITIONS.iter().find(|p| p.id == id.name());
                    self.supervisors
                        .insert(*pid, SupervisorRecord::new(partition));
                    self.partitions.push(*pid);
                    if partition.is_some_and(|p| p.strategy == Strategy::SimpleOneForOne) {
                        self.needs_top_up = Some(*pid);
                    }
                    for (report, at) in self.early.remove(pid).unwrap_or_default() {
                        self.supervisor_event(*pid, &report, at);
                    }
                } else {
                    self.add_worker(*pid);
                }
            }
            SupervisorReport::ChildExited { id, pid, reason } => {
                self.report.child_exits += 1;
                self.answered.insert(*pid);
                let restart = match record.partition {
                    // A child of the top is a partition.
                    None => PARTITIONS
                        .iter()
                        .find(|p| p.id == id.name())
                        .map_or(RestartType::Permanent, |p| p.restart),
                    Some(_) => RestartType::Permanent,
                };
                if restart.restarts_after(reason) {
                    if let Some(previous) = record.awaiting {
                        let text = format!(
                            "{name} {supervisor}: a child exit at {at:?} while the decision {previous:?} is still owed"
                        );
                        self.violation(text);
                    }
                    let record = self.supervisors.get_mut(&supervisor).expect("looked up");
                    record.awaiting = Some(record.model.add_restart(at));
                }
            }
            SupervisorReport::Restarting {
                restart,
                restarting,
                ..
            } => {
                self.report.restarts += 1;
                self.report.children_restarted += restarting.len() as u64;
                for id in restarting {
                    *record.pending_starts.entry(*id).or_default() += 1;
                }
                match record.awaiting.take() {
                    Some(Verdict::Restart { count }) if count == *restart => {}
                    expected => {
                        let text = format!(
                            "{name} {supervisor} restarted (restart {restart} in its period) at {at:?}, the model expected {expected:?}"
                        );
                        self.violation(text);
                    }
                }
            }
            SupervisorReport::GaveUp { restarts, .. } => {
                self.report.give_ups += 1;
                record.gave_up = true;
                match record.awaiting.take() {
                    Some(Verdict::GiveUp { count }) if count == *restarts => {}
                    expected => {
                        let text = format!(
                            "{name} {supervisor} gave up after {restarts} restarts at {at:?}, the model expected {expected:?}"
                        );
                        self.violation(text);
                    }
                }
            }
            SupervisorReport::ChildTerminated { pid, .. } => {
                self.answered.insert(*pid);
            }
            SupervisorReport::StartFailed { .. } => {
                // A restart whose start failed: the supervisor retries, and
                // the retry counts against the intensity (OTP's
                // `try_again_restart`). It happens here when a partition was
                // killed: its registered state server dies of the link a
                // moment later, and the new one finds the name still taken,
                // as it would on the BEAM.
                self.report.start_failures += 1;
                if let Verdict::GiveUp { count } = record.model.add_restart(at) {
                    record.awaiting = Some(Verdict::GiveUp { count });
                }
            }
        }
    }

    /// The checks that need the whole story: made once the run is quiet.
    fn final_checks(&mut self, injected: &[Pid]) {
        let mut violations = Vec::new();
        let lost: Vec<&Pid> = injected
            .iter()
            .filter(|pid| !self.exited.contains(pid))
            .collect();
        if !lost.is_empty() {
            violations.push(format!(
                "{} injected kills/crashes have no Exited event (first: {})",
                lost.len(),
                lost[0]
            ));
        }
        let mut unanswered = 0;
        let mut first = None;
        for &pid in &self.exited {
            let Some(owner) = self.owner.get(&pid) else {
                continue;
            };
            let owner_died = self
                .supervisors
                .get(owner)
                .is_some_and(|record| record.exited.is_some());
            if !self.answered.contains(&pid) && !owner_died {
                unanswered += 1;
                first.get_or_insert(pid);
            }
        }
        if let Some(pid) = first {
            violations.push(format!(
                "{unanswered} children ended without their supervisor reporting it (first: {pid})"
            ));
        }
        for (pid, record) in &self.supervisors {
            if record.exited.is_some() {
                continue;
            }
            if let Some(verdict) = record.awaiting {
                violations.push(format!(
                    "{} {pid}: a child exit never got its decision ({verdict:?})",
                    record.name()
                ));
            }
            let never_started: Vec<String> = record
                .pending_starts
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(id, _)| id.name().to_owned())
                .collect();
            if !never_started.is_empty() {
                violations.push(format!(
                    "{} {pid}: restarting {} never started again",
                    record.name(),
                    never_started.join(", ")
                ));
            }
        }
        self.report.violations.extend(violations);
    }
}

/// Runs the soak and returns its report.
pub fn run(options: &SoakOptions) -> SoakReport {
    let started = Instant::now();
    let config = if options.live {
        let config = Config::live();
        match options.schedulers {
            Some(n) => config.with_schedulers(n),
            None => config,
        }
    } else {
        // Chaos wants interleavings the seed picks, not one fixed order.
        Config::deterministic(options.seed).with_order(crate::runtime::Order::Random)
    };
    let rt = crate::behavior::runtime(config);
    let events = rt.subscribe();
    let harness = rt.spawn_host("soak");
    // Unlinked: if the top supervisor ever went down, the harness must
    // live to report it.
    let top = harness
        .run_for(Duration::from_secs(60), |me| async move {
            supervisor::start(&me, tree_spec(), None, false).await
        })
        .expect("the harness runs")
        .expect("the tree starts");
    let mut tracker = Tracker::new(top);
    tracker.report.mode = if options.live {
        "live"
    } else {
        "deterministic"
    }
    .to_owned();
    tracker.report.seconds = options.seconds;
    tracker.report.seed = options.seed;
    tracker.drain(&events);
    top_up(&rt, &harness, &mut tracker, &events);
    tracker.report.workers_at_start = tracker.workers.len();

    let mut rng = Rng::new(options.seed);
    let mut injected = Vec::new();
    let total = options.seconds * u64::from(options.rate);
    let tick = Duration::from_secs(1) / options.rate.max(1);
    let chaos_start = Instant::now();
    for n in 0..total {
        if options.live {
            // Hold the rate against the wall clock: sleep until this
            // injection is due (a late loop catches up without sleeping).
            let due = tick * n as u32;
            if let Some(wait) = due.checked_sub(chaos_start.elapsed()) {
                std::thread::sleep(wait);
            }
        } else {
            rt.advance(tick);
        }
        tracker.drain(&events);
        inject(&rt, &mut rng, &mut tracker, &mut injected);
        if tracker.needs_top_up.is_some() {
            top_up(&rt, &harness, &mut tracker, &events);
        }
    }
    settle(&rt, &harness, &mut tracker, &events);
    tracker.final_checks(&injected);
    check_tree(&rt, &harness, &mut tracker, &events);
    tracker.report.wall = started.elapsed();
    tracker.report
}

/// Kills or crashes one random live worker (now and then a partition).
fn inject(rt: &Runtime, rng: &mut Rng, tracker: &mut Tracker, injected: &mut Vec<Pid>) {
    if rng.below(1000) < SUPERVISOR_KILLS_PER_MILLE && !tracker.partitions.is_empty() {
        let victim = *rng.pick(&tracker.partitions);
        rt.exit(victim, Term::atom("kill"));
        injected.push(victim);
        tracker.report.supervisor_kills += 1;
        return;
    }
    if tracker.workers.is_empty() {
        return;
    }
    let victim = *rng.pick(&tracker.workers);
    if rng.percent(50) {
        rt.exit(victim, Term::atom("kill"));
        tracker.report.kills += 1;
    } else {
        rt.crash(victim, Term::atom("chaos"));
        tracker.report.crashes += 1;
    }
    injected.push(victim);
    // Not picked again: its end is on its way.
    tracker.remove_worker(victim);
}

/// Starts the simple_one_for_one partition's 100 instances (it starts
/// empty, after every restart too).
fn top_up(rt: &Runtime, harness: &Host, tracker: &mut Tracker, events: &Receiver<Event>) {
    let Some(partition) = tracker.needs_top_up.take() else {
        return;
    };
    let _ = harness.run_for(Duration::from_secs(60), move |me| async move {
        for _ in 0..WORKERS_PER_PARTITION {
            // Killed meanwhile: the next incarnation is topped up instead.
            if supervisor::api::start_child_with_args(&me, partition, Vec::new())
                .await
                .is_err()
            {
                break;
            }
        }
    });
    if !rt.is_deterministic() {
        rt.run_until_quiet(Duration::from_millis(100));
    }
    tracker.drain(events);
}

/// Lets every restart finish and every event arrive.
fn settle(rt: &Runtime, harness: &Host, tracker: &mut Tracker, events: &Receiver<Event>) {
    for _ in 0..10 {
        let outcome = rt.run_until_quiet(Duration::from_secs(30));
        tracker.drain(events);
        if tracker.needs_top_up.is_some() {
            top_up(rt, harness, tracker, events);
            continue;
        }
        if outcome == crate::runtime::Outcome::Done {
            break;
        }
        tracker
            .report
            .violations
            .push("the runtime did not become quiet within 30 s".to_owned());
        return;
    }
    // The live runtime may post a last event just after it looked quiet.
    if !rt.is_deterministic() {
        std::thread::sleep(Duration::from_millis(50));
    }
    tracker.drain(events);
}

/// The end state, from the tree's own snapshots and the process table.
fn check_tree(rt: &Runtime, harness: &Host, tracker: &mut Tracker, events: &Receiver<Event>) {
    let top = tracker.top;
    let before = rt.now();
    let snapshot = harness.run_for(Duration::from_secs(60), move |me| async move {
        supervisor::api::snapshot(&me, top).await
    });
    let after = rt.now();
    tracker.drain(events);
    let snapshot = match snapshot {
        Ok(Ok(snapshot)) => snapshot,
        other => {
            tracker
                .report
                .violations
                .push(format!("no snapshot of the tree: {other:?}"));
            return;
        }
    };
    let mut tree_processes = 0;
    let mut violations = Vec::new();
    walk(
        &snapshot,
        tracker,
        before,
        after,
        &mut tree_processes,
        &mut violations,
    );
    tracker.report.violations.extend(violations);
    tracker.report.tree_processes = tree_processes;
    tracker.report.final_processes = rt.process_count();
    let listed = rt.processes().len();
    if rt.process_count() != tree_processes + 1 || listed != tree_processes + 1 {
        let text = format!(
            "process leak: {} live ({listed} in the table), the tree has {tree_processes} plus 1 harness",
            rt.process_count()
        );
        tracker.report.violations.push(text);
    }
}

/// Checks one supervisor of the final snapshot and its children, counting
/// the tree's processes.
fn walk(
    snapshot: &SupervisorSnapshot,
    tracker: &mut Tracker,
    before: Duration,
    after: Duration,
    processes: &mut usize,
    violations: &mut Vec<String>,
) {
    *processes += 1;
    let pid = snapshot.pid;
    let Some(record) = tracker.supervisors.get_mut(&pid) else {
        violations.push(format!("supervisor {pid} never reported its start"));
        return;
    };
    let name = record.name();
    // Restarts only get older while the snapshot is taken, so the
    // supervisor's count lies between the model's at the two ends.
    let (high, low) = (record.model.recent(before), record.model.recent(after));
    if !(low..=high).contains(&snapshot.restarts_in_period) {
        violations.push(format!(
            "{name} {pid} counts {} restarts in its period, the model {low}..={high}",
            snapshot.restarts_in_period
        ));
    }
    for child in &snapshot.children {
        match (child.state, &child.nested) {
            (ChildState::Running(_), Some(nested)) => {
                walk(nested, tracker, before, after, processes, violations);
            }
            (ChildState::Running(_), None) => *processes += 1,
            (ChildState::NotRunning, _) if pid == tracker.top => {
                // A partition may be down only if its last incarnation gave
                // up and its restart type lets it stay down.
                let id = child.id;
                let last = tracker
                    .supervisors
                    .iter()
                    .filter(|(_, r)| r.partition.is_some_and(|p| p.id == id.name()))
                    .max_by_key(|(pid, _)| **pid);
                match last {
                    Some((last_pid, record))
                        if record.gave_up
                            && !child
                                .restart
                                .restarts_after(&Term::from_atom(Atom::SHUTDOWN)) =>
                    {
                        tracker
                            .report
                            .partitions_down
                            .push(format!("{id} (gave up as {last_pid})"));
                    }
                    _ => violations.push(format!(
                        "partition {id} is down but did not give up as S3 lets it"
                    )),
                }
            }
            (state, _) => violations.push(format!(
                "{name} {pid}: child {} is {state:?} once everything is quiet",
                child.id
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_deterministic_soak_passes_and_is_reproducible() {
        let options = SoakOptions {
            seconds: 2,
            seed: 7,
            ..SoakOptions::default()
        };
        let first = run(&options);
        assert!(first.passed(), "{}", first.render());
        assert_eq!(first.workers_at_start, 1000, "{}", first.render());
        assert!(first.give_ups > 0, "p8 and p9 give up: {}", first.render());
        assert_eq!(first.partitions_down.len(), 1, "{}", first.render());
        let second = run(&options);
        assert_eq!(
            (first.restarts, first.give_ups, first.final_processes),
            (second.restarts, second.give_ups, second.final_processes)
        );
    }
}
