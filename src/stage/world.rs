//! The stage's hands on the runtime: a host process of its own.
//!
//! The session is not `Sync` and its thread may be busy (the presenter's
//! `sleep 5s`) or waiting for a key, so the HTTP threads never touch it.
//! They act through a [`World`]: a host process the stage spawned in the
//! session's runtime, which runs one job at a time on the runtime's own
//! schedulers (a phone's Join is a `start_child` from that process, exactly
//! as the shell's would be). On `reset` the session hands the stage a new
//! runtime and the stage builds a new world.
//!
//! Each job is written once, as an async function of the host process;
//! the stage's own threads (watcher, keeper) wait for it with
//! [`Host::run_for`], and the web server's tasks await it
//! ([`World::ask`]) without holding a thread while the runtime works.

use super::AUDIENCE;
use crate::behavior::{StartContext, spawn_kind};
use crate::runtime::{Atom, Host, HostError, Pid, Process, Runtime, Term};
use crate::supervisor::{self, ChildSpec, SupervisorSnapshot, SupervisorSpec, api};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// How long a phone's request may wait for the runtime.
const LIMIT: Duration = Duration::from_secs(5);

pub struct World {
    host: Host,
}

/// What a phone's request found in the audience tree.
#[derive(Debug)]
pub enum InTree<T> {
    /// No tree is registered as [`AUDIENCE`] now.
    NoTree,
    /// The tree's answer, or why there is none.
    Done(Result<T, String>),
}

impl World {
    pub fn new(runtime: &Runtime) -> World {
        World {
            host: runtime.spawn_host("stage"),
        }
    }

    pub fn pid(&self) -> Pid {
        self.host.pid()
    }

    pub fn whereis(&self, name: Atom) -> Option<Pid> {
        self.host
            .run_for(LIMIT, move |me| async move { me.whereis(name) })
            .ok()
            .flatten()
    }

    /// Runs `job` as the host process and awaits its result, for at most
    /// [`LIMIT`]: the async side of [`Host::run_for`]. Live mode only (the
    /// stage never serves a deterministic runtime).
    pub async fn ask<T, F, Fut>(&self, job: F) -> Result<T, HostError>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Process>) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.host.submit(move |me| async move {
            // The asker may have given up waiting: nobody to tell.
            let _ = answer.send(job(me).await);
        })?;
        match tokio::time::timeout(LIMIT, answered).await {
            Ok(Ok(value)) => Ok(value),
            // The job was dropped unrun: the host process ended.
            Ok(Err(_)) => Err(HostError::Died(
                self.host
                    .exit_reason()
                    .unwrap_or(Term::from_atom(Atom::NOPROC)),
            )),
            Err(_) => Err(HostError::TimedOut),
        }
    }

    pub fn snapshot(&self, supervisor: Pid) -> Option<SupervisorSnapshot> {
        self.host
            .run_for(LIMIT, move |me| async move {
                api::snapshot(&me, supervisor).await
            })
            .ok()?
            .ok()
    }

    /// Starts a root supervisor registered as `name`, linked to nobody:
    /// the keeper's restart of the audience tree.
    pub fn start_root(&self, name: Atom, spec: SupervisorSpec) -> Result<Pid, String> {
        self.host
            .run_for(LIMIT, move |me| async move {
                supervisor::start(&me, spec, Some(name), false)
                    .await
                    .map_err(|reason| reason.to_string())
            })
            .map_err(|e| e.to_string())?
    }

    /// A line from the stage itself, in the REPL and on the ticker.
    pub fn say(&self, text: String) {
        let _ = self
            .host
            .run_for(LIMIT, move |me| async move { me.print(text) });
    }

    /// Starts a `stateful` member as child `id` of `partition` under `top`,
    /// and stamps its join time in the state server (first join only).
    /// The pid, and whether this call started it (`false`: the member was
    /// running already, started by a join that met a rejoin).
    pub fn start_member(
        &self,
        top: Pid,
        partition: &'static str,
        id: Atom,
        joined: u64,
    ) -> Result<(Pid, bool), String> {
        self.host
            .run_for(LIMIT, move |me| {
                start_member(me, top, partition, id, joined)
            })
            .map_err(|e| e.to_string())?
    }

    /// A phone's Join: starts its member in the audience tree as it is now
    /// ([`World::start_member`] under the tree registered as [`AUDIENCE`]),
    /// in one job, so that a room joining at once waits for the host
    /// process once per join, not once to find the tree and again to join.
    pub async fn join_audience(
        &self,
        partition: &'static str,
        id: Atom,
        joined: u64,
    ) -> InTree<Pid> {
        self.in_audience(move |me, top| async move {
            start_member(me, top, partition, id, joined)
                .await
                .map(|(pid, _)| pid)
        })
        .await
    }

    /// A phone's Crash: crashes its member's process in the audience tree,
    /// after counting the crash in its state (`incr`, then a `get` to be
    /// sure the count is stored, then the crash). Gives the pid that
    /// crashed and the count it saved.
    pub async fn crash_in_audience(&self, partition: &'static str, id: Atom) -> InTree<(Pid, i64)> {
        self.in_audience(move |me, top| crash_member(me, top, partition, id))
            .await
    }

    /// Runs `job` with the audience tree's top supervisor, if it runs.
    async fn in_audience<T, F, Fut>(&self, job: F) -> InTree<T>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Process>, Pid) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, String>> + Send + 'static,
    {
        let asked = self
            .ask(move |me| async move {
                match me.whereis(Atom::new(AUDIENCE)) {
                    Some(top) => InTree::Done(job(me, top).await),
                    None => InTree::NoTree,
                }
            })
            .await;
        asked.unwrap_or_else(|error| InTree::Done(Err(error.to_string())))
    }

    /// What the state server holds for a member: its count and join time.
    pub fn saved_state(&self, id: Atom) -> (Option<i64>, Option<i64>) {
        let read = self.host.run_for(LIMIT, move |me| async move {
            let store = Atom::new("state_server");
            let mut found = [None, None];
            for (slot, key) in [Term::from_atom(id), joined_key(id)]
                .into_iter()
                .enumerate()
            {
                let get = Term::tuple([Term::atom("get"), key]);
                if let Ok(reply) = me.call_named(store, get, Some(LIMIT)).await
                    && let Some(n) = reply.tagged::<2>(Atom::OK).and_then(|[_, n]| n.as_int())
                {
                    found[slot] = Some(n);
                }
            }
            found
        });
        let [count, joined] = read.unwrap_or([None, None]);
        (count, joined)
    }
}

/// The job of [`World::start_member`], run as the host process `me`: the
/// pid, and whether this job started it (`false`: the member was running
/// already, started by a join that met a rejoin).
async fn start_member(
    me: Arc<Process>,
    top: Pid,
    partition: &'static str,
    id: Atom,
    joined: u64,
) -> Result<(Pid, bool), String> {
    let sup = partition_pid(&me, top, partition).await?;
    let started = api::start_child(&me, sup, member_spec(id)).await;
    let answer = started.map_err(|reason| reason.to_string())?;
    // `{ok, Pid}`; or `{error, {already_started, Pid}}` when the member is
    // in already (a rejoin met a join): the same.
    let started = answer.tagged::<2>(Atom::OK).and_then(|[_, p]| p.as_pid());
    let running = answer
        .tagged::<2>(Atom::ERROR)
        .and_then(|[_, reason]| reason.tagged::<2>(Atom::new("already_started")))
        .and_then(|[_, p]| p.as_pid());
    let pid = match (started, running) {
        (Some(pid), _) => pid,
        (None, Some(pid)) => return Ok((pid, false)),
        (None, None) => return Err(format!("not started: {answer}")),
    };
    let key = joined_key(id);
    let store = Atom::new("state_server");
    let saved = me
        .call_named(
            store,
            Term::tuple([Term::atom("get"), key.clone()]),
            Some(LIMIT),
        )
        .await;
    if saved
        .as_ref()
        .ok()
        .and_then(|t| t.tagged::<2>(Atom::OK))
        .is_none()
    {
        let put = Term::tuple([Term::atom("put"), key, Term::int(joined as i64)]);
        let _ = me.call_named(store, put, Some(LIMIT)).await;
    }
    Ok((pid, true))
}

/// The job of [`World::crash_in_audience`], run as the host process `me`.
async fn crash_member(
    me: Arc<Process>,
    top: Pid,
    partition: &'static str,
    id: Atom,
) -> Result<(Pid, i64), String> {
    let sup = partition_pid(&me, top, partition).await?;
    let pid = api::child_pid(&me, sup, id)
        .await
        .map_err(|r| r.to_string())?
        .ok_or_else(|| "your process is restarting".to_owned())?;
    me.send(pid, Term::atom("incr"));
    let count = match me.call(pid, Term::atom("get"), Some(LIMIT)).await {
        Ok(reply) => match reply.as_int() {
            Some(n) => n,
            None => return Err(format!("unexpected count {reply}")),
        },
        Err(reason) => return Err(format!("your process is gone ({reason})")),
    };
    // The command language's `crash`: a failure from inside, which
    // trapping exits cannot stop.
    me.crash(pid, Term::atom("crash"));
    Ok((pid, count))
}

/// The key of a member's join time in the state server.
fn joined_key(id: Atom) -> Term {
    Term::tuple([Term::atom("joined"), Term::from_atom(id)])
}

async fn partition_pid(me: &Process, top: Pid, partition: &'static str) -> Result<Pid, String> {
    api::child_pid(me, top, Atom::new(partition))
        .await
        .map_err(|reason| format!("the audience is down ({reason})"))?
        .ok_or_else(|| format!("partition {partition} is restarting"))
}

/// A member: a `stateful` worker keyed by its child id.
pub fn member_spec(id: Atom) -> ChildSpec {
    let context = StartContext::child(id);
    ChildSpec::worker(id.name(), "stateful", move |sup: &Process, _: &[Term]| {
        spawn_kind(sup, "stateful", &[], &context, true).map_err(|e| Term::string(&e.to_string()))
    })
}
