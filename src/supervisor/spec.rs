//! Supervisor and child specifications, with OTP's defaults (S1).
//!
//! A child spec says how to start a child, whether to restart it
//! (`permanent`, `transient`, `temporary`: S4), how to stop it
//! (`brutal_kill`, a timeout, or `infinity`: S5) and whether it is a worker
//! or a supervisor. A supervisor spec lists its children in start order and
//! sets the strategy (S2) and restart intensity (S3).
//!
//! Defaults follow OTP, not Elixir: `one_for_one`, intensity 1 in a period
//! of 5 seconds, `permanent` children, shutdown 5000 ms for a worker and
//! `infinity` for a supervisor. (Elixir's `Supervisor` defaults to 3
//! restarts in 5 seconds.)

use crate::runtime::{Atom, Pid, Process, Term};
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Strategy {
    /// Only the failed child is restarted.
    #[default]
    OneForOne,
    /// All children are stopped and started again.
    OneForAll,
    /// The failed child and the children started after it are restarted.
    RestForOne,
    /// All children are dynamic instances of one spec.
    SimpleOneForOne,
}

impl Strategy {
    pub const ALL: [Strategy; 4] = [
        Strategy::OneForOne,
        Strategy::OneForAll,
        Strategy::RestForOne,
        Strategy::SimpleOneForOne,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Strategy::OneForOne => "one_for_one",
            Strategy::OneForAll => "one_for_all",
            Strategy::RestForOne => "rest_for_one",
            Strategy::SimpleOneForOne => "simple_one_for_one",
        }
    }

    pub fn from_name(name: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// When a child that ended is restarted (S4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RestartType {
    /// Always, even after a normal exit.
    #[default]
    Permanent,
    /// Only after an abnormal exit (not `normal`, `shutdown`, `{shutdown, _}`).
    Transient,
    /// Never; the spec is removed when the child ends.
    Temporary,
}

impl RestartType {
    pub fn name(self) -> &'static str {
        match self {
            RestartType::Permanent => "permanent",
            RestartType::Transient => "transient",
            RestartType::Temporary => "temporary",
        }
    }

    /// Whether a child that ended with `reason` is restarted.
    pub fn restarts_after(self, reason: &Term) -> bool {
        match self {
            RestartType::Permanent => true,
            RestartType::Transient => !reason.is_normal_exit(),
            RestartType::Temporary => false,
        }
    }
}

/// How a child is stopped (S5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shutdown {
    /// `exit(Child, kill)`.
    BrutalKill,
    /// `exit(Child, shutdown)`, then `kill` if it has not ended in time.
    Timeout(Duration),
    /// `exit(Child, shutdown)` and wait as long as it takes.
    Infinity,
}

impl fmt::Display for Shutdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shutdown::BrutalKill => f.write_str("brutal_kill"),
            Shutdown::Timeout(t) => write!(f, "{}", t.as_millis()),
            Shutdown::Infinity => f.write_str("infinity"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildType {
    Worker,
    Supervisor,
}

impl ChildType {
    pub fn name(self) -> &'static str {
        match self {
            ChildType::Worker => "worker",
            ChildType::Supervisor => "supervisor",
        }
    }
}

/// Starts a child, linked to the supervisor process it is given. The extra
/// arguments come from `start_child` on a `simple_one_for_one` supervisor.
pub type StartFn = Arc<dyn Fn(&Process, &[Term]) -> Result<Pid, Term> + Send + Sync>;

/// Starts a child by running code in the supervisor that may wait, as
/// OTP's supervisor calls a child's start function (`gen_server:
/// start_link/4` waits for the child's `init/1`): `Ok(Some(pid))`,
/// `Ok(None)` when the function answered `ignore`, or why it failed. The
/// extra arguments are `start_child`'s on a `simple_one_for_one`.
pub type CallStartFn = Arc<
    dyn for<'a> Fn(&'a Process, &'a [Term]) -> super::BoxFuture<'a, Result<Option<Pid>, Term>>
        + Send
        + Sync,
>;

/// Reads a child spec written as an Erlang term (`#{id => ..., start =>
/// {M, F, A}}` or OTP's tuple), for `supervisor:start_child/2` on a
/// supervisor a callback module made. Given by the layer that can run
/// Erlang code.
pub type SpecReader = Arc<dyn Fn(&Term) -> Result<ChildSpec, Term> + Send + Sync>;

/// How to start a child.
#[derive(Clone)]
pub enum ChildStart {
    /// A function that spawns and links the child (a built-in kind, say).
    Spawn(StartFn),
    /// A nested supervisor with this spec.
    Supervisor(Box<SupervisorSpec>),
    /// An OTP start function `{M, F, A}` run in the supervisor; a worker
    /// or a supervisor as the spec's `type` says.
    Call {
        start: CallStartFn,
        child_type: ChildType,
        /// The start function as the spec wrote it, `{M, F, A}`: what
        /// `export app` writes back into a supervisor module.
        mfa: (Atom, Atom, Term),
    },
}

#[derive(Clone)]
pub struct ChildSpec {
    /// The child's id as the supervisor, its events and the views name it:
    /// an atom. OTP allows any term (`{worker, 1}`, Elixir's
    /// `{Counter, :a}`): such an id is the atom of its text ([`id_key`]),
    /// and `id_term` keeps the term that `which_children` answers with.
    pub id: Atom,
    pub id_term: Option<Term>,
    pub start: ChildStart,
    pub restart: RestartType,
    pub shutdown: Shutdown,
    /// The kind of process, for views (`counter`, `supervisor`, ...).
    pub kind: Atom,
}

impl ChildSpec {
    /// A permanent worker with the default shutdown of 5000 ms (S1).
    pub fn worker(
        id: &str,
        kind: &str,
        start: impl Fn(&Process, &[Term]) -> Result<Pid, Term> + Send + Sync + 'static,
    ) -> ChildSpec {
        ChildSpec {
            id: Atom::new(id),
            id_term: None,
            start: ChildStart::Spawn(Arc::new(start)),
            restart: RestartType::Permanent,
            shutdown: Shutdown::Timeout(Duration::from_millis(5000)),
            kind: Atom::new(kind),
        }
    }

    /// A nested, permanent supervisor with shutdown `infinity` (S1).
    pub fn supervisor(id: &str, spec: SupervisorSpec) -> ChildSpec {
        ChildSpec {
            id: Atom::new(id),
            id_term: None,
            start: ChildStart::Supervisor(Box::new(spec)),
            restart: RestartType::Permanent,
            shutdown: Shutdown::Infinity,
            kind: Atom::new("supervisor"),
        }
    }

    /// The id as Erlang wrote it: the term, or the atom.
    pub fn id_term(&self) -> Term {
        self.id_term
            .clone()
            .unwrap_or_else(|| Term::from_atom(self.id))
    }

    pub fn restart(mut self, restart: RestartType) -> ChildSpec {
        self.restart = restart;
        self
    }

    pub fn shutdown(mut self, shutdown: Shutdown) -> ChildSpec {
        self.shutdown = shutdown;
        self
    }

    pub fn child_type(&self) -> ChildType {
        match self.start {
            ChildStart::Spawn(_) => ChildType::Worker,
            ChildStart::Supervisor(_) => ChildType::Supervisor,
            ChildStart::Call { child_type, .. } => child_type,
        }
    }
}

/// The restart delay ("slow motion") shared by every supervisor it is given
/// to, so that one setting slows down a whole tree, live. Zero (off) by
/// default. It only delays restarts: the restart is counted against the
/// intensity when it is decided, not when it happens.
#[derive(Clone, Default)]
pub struct RestartDelay(Arc<AtomicU64>);

impl RestartDelay {
    pub fn get(&self) -> Duration {
        Duration::from_nanos(self.0.load(Ordering::Relaxed))
    }

    pub fn set(&self, delay: Duration) {
        let nanos = u64::try_from(delay.as_nanos()).unwrap_or(u64::MAX);
        self.0.store(nanos, Ordering::Relaxed);
    }
}

#[derive(Clone)]
pub struct SupervisorSpec {
    pub strategy: Strategy,
    /// At most this many restarts ...
    pub intensity: u32,
    /// ... within this period, or the supervisor gives up (S3).
    pub period: Duration,
    pub children: Vec<ChildSpec>,
    pub restart_delay: RestartDelay,
    /// How `start_child` reads a spec given as an Erlang term; `None`:
    /// only specs made in Rust (the command language's).
    pub spec_reader: Option<SpecReader>,
}

impl Default for SupervisorSpec {
    /// OTP's defaults (S1).
    fn default() -> SupervisorSpec {
        SupervisorSpec {
            strategy: Strategy::OneForOne,
            intensity: 1,
            period: Duration::from_secs(5),
            children: Vec::new(),
            restart_delay: RestartDelay::default(),
            spec_reader: None,
        }
    }
}

impl SupervisorSpec {
    pub fn new(strategy: Strategy) -> SupervisorSpec {
        SupervisorSpec {
            strategy,
            ..SupervisorSpec::default()
        }
    }

    pub fn intensity(mut self, intensity: u32, period: Duration) -> SupervisorSpec {
        self.intensity = intensity;
        self.period = period;
        self
    }

    pub fn child(mut self, child: ChildSpec) -> SupervisorSpec {
        self.children.push(child);
        self
    }
}

/// The atom a child id is known by: an atom itself, any other term the
/// atom of its text as `~w` writes it (`{worker,1}`), so that the same
/// term always finds the same child. `None` for a text longer than an
/// atom can be.
pub fn id_key(id: &Term) -> Option<Atom> {
    match id.as_atom() {
        Some(atom) => Some(atom),
        None => Atom::try_new(&id.to_string()).ok(),
    }
}
