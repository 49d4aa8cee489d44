//! Workers, probes and helpers the supervisor tests share.

use crate::runtime::{
    Atom, Config, Event, EventKind, Host, Pid, Process, Runtime, SupervisorReport, Term,
};
use crate::supervisor::{self, ChildSpec, SupervisorSpec, api};
use crossbeam_channel::Receiver;
use std::sync::Arc;
use std::time::Duration;

pub fn runtime() -> Runtime {
    Runtime::new(Config::deterministic(11))
}

pub const SETTLE: Duration = Duration::from_millis(50);

/// A worker that ends with whatever `{exit_with, Reason}` says, and answers
/// the call `args` with its start arguments.
pub async fn worker(me: Arc<Process>, args: Vec<Term>) -> Term {
    loop {
        let message = me.receive().await;
        if let Some([_, reason]) = message.tagged::<2>(Atom::new("exit_with")) {
            return reason.clone();
        }
        if let Some((from, _)) = crate::runtime::process::as_call(&message) {
            me.reply(from, Term::list(args.clone()));
        }
    }
}

pub fn worker_spec(id: &str) -> ChildSpec {
    ChildSpec::worker(id, "worker", |sup: &Process, args: &[Term]| {
        let args = args.to_vec();
        Ok(sup.spawn_link("worker", move |me| worker(me, args)))
    })
}

/// A worker that traps exits and ignores them all: only `kill` stops it.
pub fn stubborn_spec(id: &str) -> ChildSpec {
    ChildSpec::worker(id, "stubborn", |sup: &Process, _: &[Term]| {
        Ok(sup.spawn_link("stubborn", |me| async move {
            me.set_trap_exit(true);
            loop {
                me.receive().await;
            }
        }))
    })
}

/// A worker that traps exits and, asked to shut down, takes `cleanup` to
/// finish before it exits with `shutdown`.
pub fn slow_spec(id: &str, cleanup: Duration) -> ChildSpec {
    ChildSpec::worker(id, "slow", move |sup: &Process, _: &[Term]| {
        Ok(sup.spawn_link("slow", move |me| async move {
            me.set_trap_exit(true);
            loop {
                if me.receive().await.tagged::<3>(Atom::EXIT).is_some() {
                    me.sleep(cleanup).await;
                    return Term::from_atom(Atom::SHUTDOWN);
                }
            }
        }))
    })
}

/// A child whose start fails.
pub fn failing_spec(id: &str) -> ChildSpec {
    ChildSpec::worker(id, "failing", |_: &Process, _: &[Term]| {
        Err(Term::atom("bad_start"))
    })
}

/// The test's own process: starts supervisors and calls their API.
pub struct Probe {
    pub host: Host,
}

impl Probe {
    pub fn new(rt: &Runtime) -> Probe {
        Probe {
            host: rt.spawn_host("probe"),
        }
    }

    /// Starts a top-level, unlinked supervisor registered as `name`.
    pub fn start(&self, name: &str, spec: SupervisorSpec) -> Result<Pid, Term> {
        let name = Atom::new(name);
        self.host
            .run(move |me| async move { supervisor::start(&me, spec, Some(name), false).await })
            .unwrap()
    }

    /// Starts a supervisor linked to the probe.
    pub fn start_link(&self, spec: SupervisorSpec) -> Result<Pid, Term> {
        self.host
            .run(move |me| async move { supervisor::start_link(&me, spec).await })
            .unwrap()
    }

    pub fn child(&self, supervisor: Pid, id: &str) -> Option<Pid> {
        let id = Atom::new(id);
        self.host
            .run(move |me| async move { api::child_pid(&me, supervisor, id).await })
            .unwrap()
            .unwrap()
    }

    pub fn which_children(&self, supervisor: Pid) -> Term {
        self.host
            .run(move |me| async move { api::which_children(&me, supervisor).await })
            .unwrap()
            .unwrap()
    }
}

/// Makes the worker `pid` end with `reason`, and lets the supervisor react.
pub fn crash(rt: &Runtime, pid: Pid, reason: Term) {
    rt.send(pid, Term::tuple([Term::atom("exit_with"), reason]));
    rt.run_until_quiet(SETTLE);
}

pub fn reports(events: &Receiver<Event>) -> Vec<SupervisorReport> {
    events
        .try_iter()
        .filter_map(|e| match e.kind {
            EventKind::Supervisor { report, .. } => Some(report),
            _ => None,
        })
        .collect()
}

pub fn ids(names: &[&str]) -> Vec<Atom> {
    names.iter().map(|n| Atom::new(n)).collect()
}

pub fn abc(strategy: supervisor::Strategy) -> SupervisorSpec {
    SupervisorSpec::new(strategy)
        .intensity(10, Duration::from_secs(5))
        .child(worker_spec("a"))
        .child(worker_spec("b"))
        .child(worker_spec("c"))
}
