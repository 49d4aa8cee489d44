//! Small behaviors and helpers the runtime tests share.

use crate::runtime::{Atom, Config, Host, Pid, Process, Runtime, Term};
use std::sync::Arc;
use std::time::Duration;

/// A deterministic runtime: the tests see the same run every time.
pub fn runtime() -> Runtime {
    Runtime::new(Config::deterministic(7))
}

/// A live runtime with two schedulers.
pub fn live_runtime() -> Runtime {
    Runtime::new(Config::live().with_schedulers(2))
}

pub fn atom(name: &str) -> Term {
    Term::atom(name)
}

/// Waits for messages for ever; stops on `stop`.
pub async fn idle(me: Arc<Process>) -> Term {
    loop {
        if me.receive().await.is_atom(Atom::new("stop")) {
            return Term::normal();
        }
    }
}

/// Answers `{From, Message}` with `Message`.
pub async fn echo(me: Arc<Process>) -> Term {
    loop {
        let message = me.receive().await;
        if let Some([from, payload]) = message.as_tuple()
            && let Some(from) = from.as_pid()
        {
            me.send(from, payload.clone());
        }
    }
}

/// Ends with whatever reason it is sent as `{exit_with, Reason}`.
pub async fn exits_on_demand(me: Arc<Process>) -> Term {
    loop {
        let message = me.receive().await;
        if let Some([_, reason]) = message.tagged::<2>(Atom::new("exit_with")) {
            return reason.clone();
        }
    }
}

pub fn spawn_idle(rt: &Runtime) -> Pid {
    rt.spawn("idle", idle)
}

pub fn spawn_exits_on_demand(rt: &Runtime) -> Pid {
    rt.spawn("exits_on_demand", exits_on_demand)
}

/// Tells an `exits_on_demand` process to end with `reason`, and lets it.
pub fn make_exit(rt: &Runtime, pid: Pid, reason: Term) {
    rt.send(pid, Term::tuple([atom("exit_with"), reason]));
    rt.run_until_quiet(Duration::from_secs(1));
}

/// A host process (a test probe) that traps exits or not.
pub fn probe(rt: &Runtime, trap_exit: bool) -> Host {
    let host = rt.spawn_host("probe");
    host.run(move |me| async move { me.set_trap_exit(trap_exit) })
        .unwrap();
    host
}

/// The probe's next message, waiting at most `timeout`.
pub fn next_message(host: &Host, timeout: Duration) -> Option<Term> {
    host.run(move |me| async move { me.receive_timeout(timeout).await })
        .unwrap()
}

/// All messages in the probe's mailbox now.
pub fn drain(host: &Host) -> Vec<Term> {
    host.run(|me| async move {
        let mut all = Vec::new();
        while let Some(message) = me.try_receive() {
            all.push(message);
        }
        all
    })
    .unwrap()
}

pub fn exit_message(from: Pid, reason: Term) -> Term {
    Term::tuple([Term::from_atom(Atom::EXIT), Term::pid(from), reason])
}

pub fn reason_of_death(rt: &Runtime, pid: Pid) -> Term {
    rt.death(pid)
        .unwrap_or_else(|| panic!("{pid} should be dead"))
        .reason
}

pub const SHORT: Duration = Duration::from_millis(100);
