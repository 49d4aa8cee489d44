//! Supervision commands: `sup` blocks and the supervisor API.
//!
//! A `sup NAME ... { ... }` block becomes a [`SupervisorSpec`]: each worker
//! line starts a built-in kind (with its child id as context, so a
//! `stateful` worker knows its key in the state server), and nested `sup`
//! lines become child supervisors. Every supervisor of the session shares
//! the session's restart delay, so `slowmo` slows the whole tree at once.
//!
//! A tree is at most `MAX_DEPTH` supervisors deep, the limit on nesting
//! in the command language: the parser holds one `sup` block to it, and
//! `start_child` holds a supervisor started below another to it too, so
//! 20,000 `start_child`s one below the other cannot build a tree the views
//! (which walk it recursively) would overflow the stack on.

use super::error::{EvalError, EvalResult};
use super::{Outcome, Session};
use crate::behavior::{self, StartContext};
use crate::commands::ast::{ChildSpecAst, StartChildArg, SupSpec, Target};
use crate::erlang::syntax::MAX_DEPTH;
use crate::runtime::{Atom, Pid, Process, Term};
use crate::supervisor::{self, ChildSpec, SupervisorSpec, api};
use std::time::Duration;

/// The longest a stop of a root supervisor may take after the shell asked.
const STOP_LIMIT: Duration = Duration::from_secs(10);

impl Session {
    pub(super) fn start_supervisor(&mut self, spec: &SupSpec) -> EvalResult<Outcome> {
        let name = Atom::new(&spec.name);
        if let Some(owner) = self.runtime.whereis(name) {
            return Err(EvalError::new(format!(
                "the name {name} is already registered to {owner}"
            ))
            .with_hint("pick another name, or `reset` to start over"));
        }
        let built = self.supervisor_spec(spec)?;
        let started = self
            .shell
            .run(move |me| async move { supervisor::start(&me, built, Some(name), false).await })?;
        let pid = started
            .map_err(|reason| EvalError::new(format!("{name} failed to start: {reason}")))?;
        self.supervisors.retain(|&s| s != name);
        self.supervisors.push(name);
        self.sup_specs.retain(|s| s.name != spec.name);
        self.sup_specs.push(spec.clone());
        Ok(Outcome::value(Term::pid(pid)))
    }

    /// The spec a `sup` block describes, as `sup` would start it.
    pub fn supervisor_spec(&self, spec: &SupSpec) -> EvalResult<SupervisorSpec> {
        let defaults = SupervisorSpec::default();
        let mut built = SupervisorSpec {
            strategy: spec.strategy,
            intensity: spec.intensity.unwrap_or(defaults.intensity),
            period: spec.period.unwrap_or(defaults.period),
            children: Vec::new(),
            restart_delay: self.slowmo.clone(),
            spec_reader: None,
        };
        for child in &spec.children {
            built.children.push(self.child_spec(child)?);
        }
        Ok(built)
    }

    fn child_spec(&self, child: &ChildSpecAst) -> EvalResult<ChildSpec> {
        match child {
            ChildSpecAst::Worker {
                id,
                kind,
                restart,
                shutdown,
            } => {
                let args = self.kind_args(kind)?;
                behavior::check_in(self.runtime.code(), &kind.name, &args)
                    .map_err(|e| EvalError::new(format!("worker {id}: {e}")))?;
                let kind_name = kind.name.clone();
                let context = StartContext::child(Atom::new(id));
                let start = move |sup: &Process, extra: &[Term]| {
                    let all: Vec<Term> = args.iter().chain(extra).cloned().collect();
                    behavior::spawn_kind(sup, &kind_name, &all, &context, true)
                        .map_err(|e| Term::string(&e.to_string()))
                };
                let mut spec = ChildSpec::worker(id, &kind.name, start);
                if let Some(restart) = restart {
                    spec.restart = *restart;
                }
                if let Some(shutdown) = shutdown {
                    spec.shutdown = *shutdown;
                }
                Ok(spec)
            }
            ChildSpecAst::Sup {
                spec: nested,
                restart,
                shutdown,
            } => {
                let mut spec = ChildSpec::supervisor(&nested.name, self.supervisor_spec(nested)?);
                if let Some(restart) = restart {
                    spec.restart = *restart;
                }
                if let Some(shutdown) = shutdown {
                    spec.shutdown = *shutdown;
                }
                Ok(spec)
            }
        }
    }

    pub(super) fn start_child(
        &mut self,
        sup: &Target,
        child: &StartChildArg,
    ) -> EvalResult<Outcome> {
        let supervisor = self.resolve(sup)?;
        let reply = match child {
            StartChildArg::Spec(written) => {
                self.check_depth(supervisor, written)?;
                self.record_child(sup, written);
                let spec = self.child_spec(written)?;
                self.shell
                    .run(move |me| async move { api::start_child(&me, supervisor, spec).await })?
            }
            StartChildArg::Args(args) => {
                let args = super::values::to_terms(args, &self.vars, self.shell.pid())?;
                self.shell.run(move |me| async move {
                    api::start_child_with_args(&me, supervisor, args).await
                })?
            }
        };
        supervisor_reply(reply)
    }

    /// Refuses a child that would make the tree deeper than `MAX_DEPTH`
    /// supervisors: `supervisor`, the ones above it, and the `sup` blocks
    /// of `child`.
    fn check_depth(&self, supervisor: Pid, child: &ChildSpecAst) -> EvalResult<()> {
        let blocks = sup_blocks(child);
        if blocks == 0 {
            return Ok(());
        }
        // Up the tree through each supervisor's parent, which started it;
        // a top one was started by the shell. Never further than the limit.
        let mut above = 0;
        let mut at = Some(supervisor);
        while let Some(pid) = at
            && above <= MAX_DEPTH
        {
            match self.runtime.process_info(pid) {
                Some(info) if info.kind == Atom::new("supervisor") => {
                    above += 1;
                    at = info.parent;
                }
                _ => break,
            }
        }
        if above + blocks <= MAX_DEPTH {
            return Ok(());
        }
        Err(EvalError::new(format!(
            "nested too deep: {supervisor} is {above} supervisors deep, and this child would make the tree {} deep",
            above + blocks
        ))
        .with_hint(format!(
            "the playground allows {MAX_DEPTH} levels of supervisors; start it nearer the top"
        )))
    }

    pub(super) fn terminate_child(&mut self, sup: &Target, child: &Target) -> EvalResult<Outcome> {
        let supervisor = self.resolve(sup)?;
        // A bare name is a child id; an instance of a simple_one_for_one
        // supervisor is named by its pid, which any other target gives. A
        // variable passes on whatever it holds, as `supervisor:terminate_child/2`
        // takes any term.
        let child = match child {
            Target::Name(id) => Term::atom(id),
            Target::Var(name) => self
                .vars
                .get(name)
                .cloned()
                .ok_or_else(|| super::values::unbound(name))?,
            other => Term::pid(self.resolve(other)?),
        };
        let reply = self
            .shell
            .run(move |me| async move { api::terminate_child(&me, supervisor, child).await })?;
        supervisor_reply(reply)
    }

    pub(super) fn restart_child(&mut self, sup: &Target, id: &str) -> EvalResult<Outcome> {
        let supervisor = self.resolve(sup)?;
        let id = Atom::new(id);
        let reply = self
            .shell
            .run(move |me| async move { api::restart_child(&me, supervisor, id).await })?;
        supervisor_reply(reply)
    }

    pub(super) fn delete_child(&mut self, sup: &Target, id: &str) -> EvalResult<Outcome> {
        let supervisor = self.resolve(sup)?;
        let id = Atom::new(id);
        let reply = self
            .shell
            .run(move |me| async move { api::delete_child(&me, supervisor, id).await })?;
        supervisor_reply(reply)
    }

    pub(super) fn which_children(&mut self, sup: &Target) -> EvalResult<Outcome> {
        let supervisor = self.resolve(sup)?;
        let reply = self
            .shell
            .run(move |me| async move { api::which_children(&me, supervisor).await })?;
        supervisor_reply(reply)
    }

    pub(super) fn count_children(&mut self, sup: &Target) -> EvalResult<Outcome> {
        let supervisor = self.resolve(sup)?;
        let reply = self
            .shell
            .run(move |me| async move { api::count_children(&me, supervisor).await })?;
        supervisor_reply(reply)
    }

    /// The supervisors `tree` draws when given none: those started with
    /// `sup` that are still alive.
    /// The live root supervisors, by the names they are shown with.
    pub fn root_supervisors(&self) -> Vec<(String, crate::runtime::Pid)> {
        self.live_supervisors()
            .into_iter()
            .map(|pid| {
                let name = self.display_name(pid).unwrap_or_else(|| pid.to_string());
                (name, pid)
            })
            .collect()
    }

    /// Stops the root supervisor registered as `name`, if it runs, as
    /// `gen_server:stop(Name, shutdown, infinity)` would (whoever its
    /// parent is), and waits until it is gone.
    pub fn stop_supervisor(&mut self, name: Atom) {
        let Some(top) = self.runtime.whereis(name) else {
            return;
        };
        let stopped = self.shell.run(move |me| async move {
            let _ = api::stop(&me, top, Term::atom("shutdown")).await;
        });
        if stopped.is_err() {
            // The shell died under it: make sure.
            self.runtime.exit(top, Term::atom("kill"));
        }
        let runtime = &self.runtime;
        runtime.run_until(|| !runtime.is_alive(top), STOP_LIMIT);
    }

    /// The roots `tree` draws: the supervisors `sup` started that are
    /// alive, then those Erlang code started (`supervisor:start_link/3`)
    /// whose parent is no supervisor, oldest first.
    pub(super) fn live_supervisors(&self) -> Vec<crate::runtime::Pid> {
        let mut roots: Vec<crate::runtime::Pid> = self
            .supervisors
            .iter()
            .filter_map(|&name| self.runtime.whereis(name))
            .collect();
        let supervisor = crate::runtime::Atom::new("supervisor");
        let is_supervisor = |pid| {
            self.runtime
                .process_info(pid)
                .is_some_and(|info| info.kind == supervisor)
        };
        for pid in self.runtime.processes() {
            let Some(info) = self.runtime.process_info(pid) else {
                continue;
            };
            if info.kind == supervisor
                && !roots.contains(&pid)
                && !info.parent.is_some_and(is_supervisor)
            {
                roots.push(pid);
            }
        }
        roots
    }
}

/// A supervisor's answer is the command's value; a failed call is an error.
fn supervisor_reply(reply: Result<Term, Term>) -> EvalResult<Outcome> {
    reply
        .map(Outcome::value)
        .map_err(|reason| EvalError::new(format!("the supervisor did not answer: {reason}")))
}

/// How many supervisors deep `child` is: 0 for a worker, 1 for a `sup`
/// with workers only, and so on. (The parser bounds the recursion.)
fn sup_blocks(child: &ChildSpecAst) -> usize {
    match child {
        ChildSpecAst::Worker { .. } => 0,
        ChildSpecAst::Sup { spec, .. } => {
            1 + spec.children.iter().map(sup_blocks).max().unwrap_or(0)
        }
    }
}
