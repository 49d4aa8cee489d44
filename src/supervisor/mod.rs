//! Supervisors: processes that start, watch and restart other processes.
//!
//! The talk's heart: "supervisors restart exited processes, with different
//! strategies, according to a spec, within limits, and are themselves
//! supervisable". A supervisor here is a process like any other (S7): it
//! can be linked, monitored, killed, and supervised by another supervisor.
//!
//! - [`spec`]: child and supervisor specs with OTP's defaults (S1, S4, S5).
//! - [`strategy`]: which children a failure restarts (S2).
//! - [`intensity`]: how many restarts are allowed per period (S3).
//! - `shutdown`: how a child is stopped (S5).
//! - `server`: the supervisor process itself (S6, S7).
//! - [`api`]: `start_child`, `terminate_child`, ... with OTP's results (S8).
//!
//! Tests are in `tests/`, named after the S-rule ids of OTP-SEMANTICS.md.
//!
//! Imports: the runtime only.

pub mod api;
pub mod intensity;
mod server;
mod shutdown;
pub mod snapshot;
pub mod spec;
mod strategy;

#[cfg(test)]
mod tests;

pub use snapshot::{ChildSnapshot, ChildState, SupervisorSnapshot};
pub use spec::{
    CallStartFn, ChildSpec, ChildStart, ChildType, RestartDelay, RestartType, Shutdown, SpecReader,
    StartFn, Strategy, SupervisorSpec, id_key,
};

use crate::runtime::process::Process;
use crate::runtime::{Atom, Pid, Term};
use server::StartAck;
use std::sync::Arc;

/// Starts a supervisor linked to `parent` and waits until its children have
/// started, like `supervisor:start_link/2`. If a child fails to start, the
/// supervisor stops the others and fails (S6), and so does this call.
///
/// The future is boxed because supervisors start supervisors: the recursion
/// needs one future of a known size.
pub fn start_link(parent: &Process, spec: SupervisorSpec) -> BoxFuture<'_, Result<Pid, Term>> {
    Box::pin(start(parent, spec, None, true))
}

pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// Starts a supervisor from `spawner`, optionally registered as `name` and
/// linked to `spawner`, and waits until its children have started.
pub async fn start(
    spawner: &Process,
    spec: SupervisorSpec,
    name: Option<Atom>,
    link: bool,
) -> Result<Pid, Term> {
    if let Some(owner) = name.and_then(|name| spawner.whereis(name)) {
        return Err(Term::tuple([
            Term::atom("already_started"),
            Term::pid(owner),
        ]));
    }
    let reference = spawner.make_ref();
    let ack = StartAck::Native {
        to: spawner.pid(),
        reference,
    };
    let body = move |me| server::run(me, spec, Some(ack));
    let pid = if link {
        spawner.spawn_link("supervisor", body)
    } else {
        spawner.spawn("supervisor", body)
    };
    if let Some(name) = name {
        // Registered before the supervisor runs, so the name is there by the
        // time anyone hears of it.
        if let Err(error) = spawner.register_pid(name, pid) {
            // Someone took the name since it was checked: a supervisor must
            // not run on, nameless, behind the error.
            spawner.exit(pid, Term::from_atom(Atom::KILL));
            return Err(Term::string(&error.to_string()));
        }
    }
    wait_for_ack(spawner, pid, reference).await
}

/// The body of a supervisor process that Erlang code started
/// (`supervisor:start_link/2,3` with a callback module, whose `init/1`
/// gave `spec`): it starts the children and acknowledges as
/// `proc_lib:init_ack/2` does, to `starter` waiting in
/// `proc_lib:sync_start_link/2`; then it supervises. Its exit reason.
pub async fn run_for_proc_lib(me: Arc<Process>, spec: SupervisorSpec, starter: Pid) -> Term {
    server::run(me, spec, Some(StartAck::ProcLib { to: starter })).await
}

/// Waits for the supervisor's "children started" acknowledgement, or for it
/// to die first.
async fn wait_for_ack(
    spawner: &Process,
    pid: Pid,
    reference: crate::runtime::Ref,
) -> Result<Pid, Term> {
    let monitor = spawner.monitor(pid);
    let is_ack = |m: &Term| {
        m.tagged::<3>(Atom::new("$ack"))
            .is_some_and(|[_, r, _]| *r == Term::reference(reference))
    };
    let answer = spawner
        .receive_matching(
            move |m: &Term| is_ack(m) || crate::runtime::process::is_down_for(m, monitor),
            None,
        )
        .await
        .expect("no timeout");
    spawner.demonitor_flush(monitor);
    match answer.as_tuple() {
        Some([_, _, result]) if result.is_atom(Atom::OK) => Ok(pid),
        Some([_, _, result]) => {
            // `{error, Reason}`: the supervisor exits with Reason; a linked,
            // trapping spawner also gets its 'EXIT', which we take out.
            let reason = result.as_tuple().map_or(result.clone(), |t| t[1].clone());
            let is_exit = |m: &Term| matches!(m.tagged::<3>(Atom::EXIT), Some([_, p, _]) if p.as_pid() == Some(pid));
            spawner
                .receive_matching(is_exit, Some(std::time::Duration::ZERO))
                .await;
            Err(reason)
        }
        Some([.., reason]) => Err(reason.clone()),
        _ => unreachable!("an ack or a 'DOWN'"),
    }
}
