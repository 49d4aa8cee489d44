//! Process commands: spawn, send, call, exit, kill, crash, trap, links,
//! monitors, names, and the shell's own mailbox.
//!
//! Whatever Erlang's shell would do itself (send, link, monitor, call,
//! receive) is done by the shell process, so links and monitors really
//! involve the shell and a crash can really kill it.

use super::error::{EvalError, EvalResult};
use super::values::{self, match_pattern, to_term};
use super::{Line, Outcome, Session};
use crate::behavior::{self, StartContext};
use crate::commands::ast::{KindSpec, SpawnOpt, Target, TermExpr};
use crate::runtime::{Atom, Pid, Ref, Term};
use crate::view::Syntax;
use std::time::Duration;

/// How long `call` and `receive` wait when no timeout is given. (Erlang's
/// shell would wait for ever; a presenter should not have to.)
pub(super) const DEFAULT_WAIT: Duration = Duration::from_secs(5);

impl Session {
    pub(super) fn term(&self, expr: &TermExpr) -> EvalResult<Term> {
        to_term(expr, &self.vars, self.shell.pid())
    }

    pub(super) fn kind_args(&self, kind: &KindSpec) -> EvalResult<Vec<Term>> {
        values::to_terms(&kind.args, &self.vars, self.shell.pid())
    }

    pub(super) fn spawn(
        &mut self,
        kind: &KindSpec,
        name: Option<&str>,
        option: Option<SpawnOpt>,
    ) -> EvalResult<Outcome> {
        let args = self.kind_args(kind)?;
        behavior::check_in(self.runtime.code(), &kind.name, &args)
            .map_err(|e| EvalError::new(e.to_string()))?;
        let name = name.map(Atom::new);
        if let Some(owner) = name.and_then(|name| self.runtime.whereis(name)) {
            return Err(EvalError::new(format!(
                "the name {} is already registered to {owner}",
                name.unwrap()
            ))
            .with_hint("pick another name, or `unregister` it first"));
        }
        let kind_name = kind.name.clone();
        let context = StartContext { id: name };
        let link = option == Some(SpawnOpt::Link);
        let (pid, reference) = self
            .shell
            .run(move |me| async move {
                let pid = behavior::spawn_kind(&me, &kind_name, &args, &context, link)?;
                let reference = (option == Some(SpawnOpt::Monitor)).then(|| me.monitor(pid));
                Ok::<_, crate::runtime::SpawnError>((pid, reference))
            })?
            .map_err(|e| EvalError::new(e.to_string()))?;
        if let Some(name) = name {
            self.runtime
                .register(name, pid)
                .map_err(|e| EvalError::new(e.to_string()))?;
        }
        let mut outcome = Outcome::value(Term::pid(pid));
        if let Some(reference) = reference {
            outcome
                .lines
                .push(Line::Notice(format!("monitoring {pid} with {reference}")));
        }
        Ok(outcome)
    }

    pub(super) fn send(&mut self, target: &Target, message: &TermExpr) -> EvalResult<Outcome> {
        let message = self.term(message)?;
        // `name ! Msg` with an unregistered name is badarg in Erlang; so it is
        // here (resolve fails). A dead pid is fine: the message is dropped.
        let to = self.resolve(target)?;
        let sent = message.clone();
        self.shell.run(move |me| async move { me.send(to, sent) })?;
        Ok(Outcome::value(message))
    }

    pub(super) fn call(
        &mut self,
        target: &Target,
        request: &TermExpr,
        timeout: Option<Duration>,
    ) -> EvalResult<Outcome> {
        let request = self.term(request)?;
        let server = self.resolve(target)?;
        let timeout = timeout.unwrap_or(DEFAULT_WAIT);
        let reply = self
            .shell
            .run(move |me| async move { me.call(server, request, Some(timeout)).await })?;
        match reply {
            Ok(reply) => Ok(Outcome::value(reply)),
            Err(reason) => Err(EvalError::new(format!("call failed: {reason}")).with_hint(
                match reason.as_atom().map(Atom::name) {
                    Some("noproc") => "the process is not alive".to_owned(),
                    Some("timeout") => {
                        format!("no reply within {}", crate::view::duration(timeout))
                    }
                    _ => "the process died while handling the call".to_owned(),
                },
            )),
        }
    }

    pub(super) fn exit(&mut self, target: &Target, reason: &TermExpr) -> EvalResult<Outcome> {
        let reason = self.term(reason)?;
        let to = self.resolve(target)?;
        self.shell
            .run(move |me| async move { me.exit(to, reason) })?;
        Ok(Outcome::value(Term::from_atom(Atom::TRUE)))
    }

    pub(super) fn crash(
        &mut self,
        target: &Target,
        reason: Option<&TermExpr>,
    ) -> EvalResult<Outcome> {
        let reason = match reason {
            Some(reason) => self.term(reason)?,
            None => Term::from_atom(Atom::CRASH),
        };
        let pid = self.resolve(target)?;
        if !self.runtime.is_alive(pid) {
            return Err(EvalError::new(format!("{pid} is not alive")));
        }
        self.runtime.crash_for(pid, reason, self.command);
        Ok(Outcome::value(Term::from_atom(Atom::OK)))
    }

    pub(super) fn trap(&mut self, target: &Target, on: bool) -> EvalResult<Outcome> {
        let pid = self.resolve(target)?;
        let old = if pid == self.shell.pid() {
            self.shell
                .run(move |me| async move { me.set_trap_exit(on) })?
        } else {
            self.alive(pid)?;
            let old = self
                .runtime
                .process_info(pid)
                .is_some_and(|info| info.trap_exit);
            self.runtime.set_trap_exit(pid, on);
            old
        };
        // process_flag/2 returns the old value.
        Ok(Outcome::value(Term::from_atom(if old {
            Atom::TRUE
        } else {
            Atom::FALSE
        })))
    }

    fn alive(&self, pid: Pid) -> EvalResult<()> {
        if self.runtime.is_alive(pid) {
            Ok(())
        } else {
            Err(EvalError::new(format!("{pid} is not alive")))
        }
    }

    /// `link A` (the shell links to A) or `link A B`; likewise `unlink`.
    pub(super) fn link(
        &mut self,
        a: &Target,
        b: Option<&Target>,
        link: bool,
    ) -> EvalResult<Outcome> {
        let first = self.resolve(a)?;
        match b {
            None if link => {
                let result = self.shell.run(move |me| async move { me.link(first) })?;
                result.map_err(|reason| link_failed(&reason, first))?;
            }
            None => self.shell.run(move |me| async move { me.unlink(first) })?,
            Some(b) => {
                let second = self.resolve(b)?;
                if link {
                    // A dead A cannot call link/1 at all.
                    self.alive(first)?;
                    // L8: linking to a dead process fails like `link/1`
                    // does; it never sends the linker an exit signal.
                    self.runtime
                        .link_pair(first, second)
                        .map_err(|reason| link_failed(&reason, second))?;
                } else {
                    self.runtime.unlink_pair(first, second);
                }
            }
        }
        Ok(Outcome::value(Term::from_atom(Atom::TRUE)))
    }

    /// `monitor A` (the shell watches A) or `monitor A B` (A watches B).
    /// A registered name is monitored as a name (M2): the 'DOWN' says
    /// `{Name, nonode@nohost}`, and a name nobody holds is not an error.
    pub(super) fn monitor(&mut self, a: &Target, b: Option<&Target>) -> EvalResult<Outcome> {
        let reference: Ref = match b {
            None => match self.watched(a)? {
                Watched::Pid(pid) => self.shell.run(move |me| async move { me.monitor(pid) })?,
                Watched::Name(name) => self
                    .shell
                    .run(move |me| async move { me.monitor_name(name) })?,
            },
            Some(b) => {
                let watcher = self.resolve(a)?;
                self.alive(watcher)?;
                match self.watched(b)? {
                    Watched::Pid(pid) => self.runtime.monitor_pair(watcher, pid),
                    Watched::Name(name) => self.runtime.monitor_name_pair(watcher, name),
                }
            }
        };
        Ok(Outcome::value(Term::reference(reference)))
    }

    /// What a monitor watches: a bare name stays a name, anything else
    /// (a variable, a pid, `self`, a `sup/child` path) is the pid it
    /// resolves to now.
    fn watched(&self, target: &Target) -> EvalResult<Watched> {
        match target {
            Target::Name(name) => Ok(Watched::Name(Atom::new(name))),
            other => self.resolve(other).map(Watched::Pid),
        }
    }

    /// `demonitor REF`, for whoever holds the monitor (M3): the shell's own,
    /// or one it made with `monitor A B` on A's behalf. Answers `true`
    /// either way, as `demonitor/1` does.
    pub(super) fn demonitor(&mut self, reference: &TermExpr) -> EvalResult<Outcome> {
        let Some(reference) = self.term(reference)?.as_ref() else {
            return Err(EvalError::new("demonitor takes a reference")
                .with_hint("e.g. R = monitor w, then demonitor R"));
        };
        let the_shells_own = self
            .shell
            .run(move |me| async move { me.demonitor(reference) })?;
        if !the_shells_own && let Some(owner) = self.runtime.monitor_owner(reference) {
            self.runtime.demonitor_for(owner, reference);
        }
        Ok(Outcome::value(Term::from_atom(Atom::TRUE)))
    }

    pub(super) fn register(&mut self, name: &str, target: &Target) -> EvalResult<Outcome> {
        let pid = self.resolve(target)?;
        self.runtime
            .register(Atom::new(name), pid)
            .map_err(|e| EvalError::new(format!("register failed: {e}")))?;
        Ok(Outcome::value(Term::from_atom(Atom::TRUE)))
    }

    pub(super) fn unregister(&mut self, name: &str) -> EvalResult<Outcome> {
        self.runtime
            .unregister(Atom::new(name))
            .map_err(|e| EvalError::new(format!("unregister failed: {e}")))?;
        Ok(Outcome::value(Term::from_atom(Atom::TRUE)))
    }

    pub(super) fn whereis(&mut self, target: &Target) -> EvalResult<Outcome> {
        let found = match target {
            Target::Name(name) => self.runtime.whereis(Atom::new(name)),
            Target::Path(_) => self.resolve(target).ok(),
            other => Some(self.resolve(other)?).filter(|&pid| self.runtime.is_alive(pid)),
        };
        Ok(Outcome::value(
            found.map_or(Term::from_atom(Atom::UNDEFINED), Term::pid),
        ))
    }

    pub(super) fn trace(&mut self, target: &Target, on: bool) -> EvalResult<Outcome> {
        let pid = self.resolve(target)?;
        if !self.runtime.trace(pid, on) {
            return Err(EvalError::new(format!("{pid} is not alive")));
        }
        self.feed.set_traced(pid, on);
        let what = if on {
            "tracing messages of"
        } else {
            "no longer tracing"
        };
        Ok(Outcome::line(Line::Notice(format!("{what} {pid}"))))
    }

    /// `flush()`: prints and removes every message in the shell's mailbox,
    /// as the session's shell does: erl writes `Shell got MSG`, iex each
    /// message inspected on a line of its own.
    pub(super) fn flush(&mut self) -> EvalResult<Outcome> {
        let messages = self.shell.run(|me| async move {
            let mut all = Vec::new();
            while let Some(message) = me.try_receive() {
                all.push(message);
            }
            all
        })?;
        let mut outcome = Outcome::value(Term::from_atom(Atom::OK));
        let style = self.style();
        let got: Vec<Line> = messages
            .iter()
            .map(|m| match style.syntax {
                Syntax::Erlang => Line::Text(format!("Shell got {m}")),
                Syntax::Elixir => Line::Text(crate::view::shown_in(m, &style)),
            })
            .collect();
        outcome.lines.splice(0..0, got);
        Ok(outcome)
    }

    /// `receive [PATTERN] [timeout D]`: takes the first matching message
    /// from the shell's mailbox, binding the pattern's variables.
    pub(super) fn receive(
        &mut self,
        pattern: Option<&TermExpr>,
        timeout: Option<Duration>,
    ) -> EvalResult<Outcome> {
        let timeout = timeout.unwrap_or(DEFAULT_WAIT);
        let vars = self.vars.clone();
        let shell = self.shell.pid();
        let pattern = pattern.cloned();
        let wanted = pattern.clone();
        let received = self.shell.run(move |me| async move {
            let matches = move |m: &Term| {
                wanted
                    .as_ref()
                    .is_none_or(|p| match_pattern(p, m, &vars, shell).is_some())
            };
            me.receive_matching(matches, Some(timeout)).await
        })?;
        let Some(message) = received else {
            return Err(EvalError::new(format!(
                "nothing matched within {}",
                crate::view::duration(timeout)
            ))
            .with_hint("`mailbox self` shows what is waiting"));
        };
        if let Some(pattern) = &pattern {
            self.bind_pattern(pattern, &message);
        }
        Ok(Outcome::value(message))
    }

    /// Binds the variables of `pattern` matched against `message`.
    pub(super) fn bind_pattern(&mut self, pattern: &TermExpr, message: &Term) {
        if let Some(new) = match_pattern(pattern, message, &self.vars, self.shell.pid()) {
            self.vars.extend(new);
        }
    }
}

/// A monitor's target as the command named it.
enum Watched {
    Pid(Pid),
    Name(Atom),
}

/// `link` failed the way `link/1` raises: `noproc` when `other` is dead.
fn link_failed(reason: &Term, other: Pid) -> EvalError {
    EvalError::new(format!("** exception error: {reason}")).with_hint(format!(
        "{other} is not alive, so there is nothing to link to"
    ))
}
