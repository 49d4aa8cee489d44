//! Resolving targets: which process a command means.
//!
//! A target is a variable (`W`: the pid it was bound to, even after that
//! process died), a registered name (`c`), a pid literal, `self` (the
//! shell), or a supervision path (`demo/w1`): the child *currently* running
//! under that id, found by asking each supervisor on the way. So a path
//! follows a child across restarts, while a variable keeps the pid it got.
//!
//! Elixir's variables are lowercase, so a command reads `w` as a name; a
//! name no process is registered under is the shell variable `w` when one
//! holds a pid (`w = spawn(...)` at an Elixir prompt, then `kill w`). A
//! registered name wins, as it did before Elixir came.

use super::error::{EvalError, EvalResult};
use super::{Session, values};
use crate::commands::ast::Target;
use crate::runtime::{Atom, Pid};
use crate::supervisor::api;

impl Session {
    /// The pid `target` names now. Errors if it names nothing.
    pub(super) fn resolve(&self, target: &Target) -> EvalResult<Pid> {
        match target {
            Target::Var(name) => match self.vars.get(name) {
                Some(term) => term
                    .as_pid()
                    .ok_or_else(|| EvalError::new(format!("{name} is {term}, not a pid"))),
                None => Err(values::unbound(name)),
            },
            Target::Name(name) => self
                .runtime
                .whereis(Atom::new(name))
                .or_else(|| self.vars.get(name).and_then(|term| term.as_pid()))
                .ok_or_else(|| {
                    EvalError::new(format!("no process is registered as {}", Atom::new(name)))
                        .with_hint("`regs` lists the registered names")
                }),
            Target::Pid(n) => Ok(Pid::from_number(*n)),
            Target::SelfPid => Ok(self.shell.pid()),
            Target::Path(segments) => self.resolve_path(segments),
        }
    }

    /// Like [`Session::resolve`], but a name that is no longer registered
    /// resolves to the last process that had it (for `info`, `expect dead`).
    pub(super) fn resolve_or_recall(&self, target: &Target) -> EvalResult<Pid> {
        match (self.resolve(target), target) {
            (Ok(pid), _) => Ok(pid),
            (Err(error), Target::Name(name)) => self.recall_name(Atom::new(name)).ok_or(error),
            (Err(error), _) => Err(error),
        }
    }

    /// The most recent process, dead or alive, that was registered as `name`.
    fn recall_name(&self, name: Atom) -> Option<Pid> {
        self.runtime
            .recent_deaths(usize::MAX)
            .into_iter()
            .rev()
            .find(|death| death.name == Some(name))
            .map(|death| death.pid)
    }

    fn resolve_path(&self, segments: &[String]) -> EvalResult<Pid> {
        let (root, children) = segments.split_first().expect("a path has segments");
        let mut current = self.resolve(&Target::Name(root.clone()))?;
        let mut walked = root.clone();
        for segment in children {
            let id = Atom::new(segment);
            let supervisor = current;
            let child = self
                .shell
                .run(move |me| async move { api::child_pid(&me, supervisor, id).await })?
                .map_err(|reason| {
                    EvalError::new(format!(
                        "{walked} is not a supervisor that answers ({reason})"
                    ))
                })?;
            walked = format!("{walked}/{segment}");
            current = child.ok_or_else(|| {
                EvalError::new(format!("{walked} is not running")).with_hint(format!(
                    "`which_children {}` shows its state",
                    walked.rsplit_once('/').map_or("", |p| p.0)
                ))
            })?;
        }
        Ok(current)
    }

    /// How to show a pid: with its registered name or path beside it.
    pub(super) fn display_name(&self, pid: Pid) -> Option<String> {
        self.runtime
            .name_of(pid)
            .map(|name| name.name().to_owned())
            .or_else(|| self.feed.label(pid))
    }
}
