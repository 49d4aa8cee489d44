//! Expectations: checks a script makes about the running system.
//!
//! In the REPL an expectation prints pass or fail; in check mode a failure
//! makes the run fail, naming the file, line, what was expected and what was
//! found.

use super::error::EvalResult;
use super::time::describe;
use super::values::match_pattern;
use super::{Line, Outcome, Session};
use crate::commands::ast::{Expectation, Target, TermExpr};
use crate::runtime::{Atom, Term};
use crate::supervisor::{ChildState, api};

/// The result of one check: pass, or fail with what was found.
type Check = Result<String, String>;

impl Session {
    pub(super) fn expect(&mut self, expectation: &Expectation) -> EvalResult<Outcome> {
        let check = match expectation {
            Expectation::Alive(target) => self.expect_alive(target),
            Expectation::Dead { target, reason } => self.expect_dead(target, reason.as_ref())?,
            Expectation::Message { target, pattern } => {
                self.expect_message(target, pattern, true)?
            }
            Expectation::NoMessage { target, pattern } => {
                self.expect_message(target, pattern, false)?
            }
            Expectation::Restarts { path, count } => self.expect_restarts(path, *count)?,
            Expectation::Children { sup, count } => self.expect_children(sup, *count)?,
            Expectation::Same { target, var } => self.expect_same(target, var, true)?,
            Expectation::Changed { target, var } => self.expect_same(target, var, false)?,
            Expectation::Reply {
                target,
                request,
                pattern,
            } => self.expect_reply(target, request, pattern)?,
        };
        Ok(match check {
            Ok(text) => Outcome::line(Line::Pass(format!("pass: {text}"))),
            Err(text) => Outcome {
                ok: false,
                ..Outcome::line(Line::Fail(format!("FAIL: {text}")))
            },
        })
    }

    fn expect_alive(&self, target: &Target) -> Check {
        let name = describe(target);
        match self.resolve(target) {
            Ok(pid) if self.runtime.is_alive(pid) => Ok(format!("{name} is alive ({pid})")),
            Ok(pid) => Err(match self.runtime.death(pid) {
                Some(death) => format!(
                    "expected {name} to be alive, but {pid} exited with {}",
                    death.reason
                ),
                None => format!("expected {name} to be alive, but {pid} is not"),
            }),
            Err(error) => Err(format!("expected {name} to be alive, but {error}")),
        }
    }

    /// `expect dead TARGET [REASON]`: the reason is a pattern, as in the
    /// other expectations, so `{{badmatch,2},_}` checks an error's term
    /// without spelling out its stack.
    fn expect_dead(&self, target: &Target, reason: Option<&TermExpr>) -> EvalResult<Check> {
        let name = describe(target);
        let Ok(pid) = self.resolve_or_recall(target) else {
            return Ok(Err(format!(
                "expected {name} to be dead, but there is no such process to check"
            )));
        };
        if self.runtime.is_alive(pid) {
            return Ok(Err(format!(
                "expected {name} to be dead, but {pid} is alive"
            )));
        }
        let actual = self.runtime.death(pid).map(|death| death.reason);
        Ok(match (reason, actual) {
            (None, _) => Ok(format!("{name} is dead")),
            (Some(pattern), Some(actual))
                if match_pattern(pattern, &actual, &self.vars, self.shell.pid()).is_some() =>
            {
                Ok(format!("{name} died with {actual}"))
            }
            (Some(pattern), Some(actual)) => Err(format!(
                "expected {name} to die with {}, but it died with {actual}",
                show_pattern(pattern)
            )),
            (Some(pattern), None) => Err(format!(
                "expected {name} to die with {}, but its reason is not known",
                show_pattern(pattern)
            )),
        })
    }

    fn expect_message(
        &self,
        target: &Target,
        pattern: &TermExpr,
        wanted: bool,
    ) -> EvalResult<Check> {
        let name = describe(target);
        let pid = self.resolve(target)?;
        let messages = self.runtime.mailbox(pid).unwrap_or_default();
        let found = messages
            .iter()
            .find(|m| match_pattern(pattern, m, &self.vars, self.shell.pid()).is_some());
        let shown = show_pattern(pattern);
        Ok(match (found, wanted) {
            (Some(message), true) => Ok(format!("{name} has {message} in its mailbox")),
            (None, false) => Ok(format!("{name} has no message matching {shown}")),
            (None, true) => Err(format!(
                "expected a message matching {shown} in {name}'s mailbox, found {}",
                list(&messages)
            )),
            (Some(message), false) => Err(format!(
                "expected no message matching {shown} in {name}'s mailbox, found {message}"
            )),
        })
    }

    fn expect_restarts(&self, path: &Target, count: u64) -> EvalResult<Check> {
        let Target::Path(segments) = path else {
            return Ok(Err(
                "`expect restarts` takes a supervisor path like demo/w1".to_owned(),
            ));
        };
        let (id, parent) = segments.split_last().expect("paths have segments");
        let parent_target = if parent.len() == 1 {
            Target::Name(parent[0].clone())
        } else {
            Target::Path(parent.to_vec())
        };
        let supervisor = self.resolve(&parent_target)?;
        let id = Atom::new(id);
        let snapshot = self
            .shell
            .run(move |me| async move { api::snapshot(&me, supervisor).await })?;
        let Ok(snapshot) = snapshot else {
            return Ok(Err(format!(
                "{} is not a supervisor that answers",
                describe(&parent_target)
            )));
        };
        let name = describe(path);
        Ok(match snapshot.children.iter().find(|c| c.id == id) {
            Some(child) if u64::from(child.restarts) == count => {
                Ok(format!("{name} was restarted {}", times(count)))
            }
            Some(child) => Err(format!(
                "expected {name} to have been restarted {}, but it was restarted {}",
                times(count),
                times(u64::from(child.restarts))
            )),
            None => Err(format!("{} has no child {id}", describe(&parent_target))),
        })
    }

    fn expect_children(&self, sup: &Target, count: u64) -> EvalResult<Check> {
        let supervisor = self.resolve(sup)?;
        let snapshot = self
            .shell
            .run(move |me| async move { api::snapshot(&me, supervisor).await })?;
        let name = describe(sup);
        let Ok(snapshot) = snapshot else {
            return Ok(Err(format!("{name} is not a supervisor that answers")));
        };
        let running = snapshot
            .children
            .iter()
            .filter(|c| matches!(c.state, ChildState::Running(_)))
            .count() as u64;
        Ok(if running == count {
            Ok(format!("{name} has {count} children running"))
        } else {
            Err(format!(
                "expected {name} to have {count} children running, but it has {running}"
            ))
        })
    }

    fn expect_same(&self, target: &Target, var: &str, same: bool) -> EvalResult<Check> {
        let name = describe(target);
        let before = self.term(&TermExpr::Var(var.to_owned()))?;
        let now = self.resolve(target).map(Term::pid);
        Ok(match (now, same) {
            (Ok(now), true) if now == before => Ok(format!("{name} is still {now}")),
            (Ok(now), true) => Err(format!(
                "expected {name} to still be {var} = {before}, but it is {now}"
            )),
            (Ok(now), false) if now != before => {
                Ok(format!("{name} changed from {before} to {now}"))
            }
            (Ok(now), false) => Err(format!(
                "expected {name} to have changed from {var} = {before}, but it is still {now}"
            )),
            (Err(error), _) => Err(format!("expected {name} to be running, but {error}")),
        })
    }

    fn expect_reply(
        &self,
        target: &Target,
        request: &TermExpr,
        pattern: &TermExpr,
    ) -> EvalResult<Check> {
        let name = describe(target);
        let request = self.term(request)?;
        let server = self.resolve(target)?;
        let shown_request = request.to_string();
        let timeout = super::processes::DEFAULT_WAIT;
        let reply = self
            .shell
            .run(move |me| async move { me.call(server, request, Some(timeout)).await })?;
        let shown = show_pattern(pattern);
        Ok(match reply {
            Ok(reply) if match_pattern(pattern, &reply, &self.vars, self.shell.pid()).is_some() => {
                Ok(format!("{name} answered {shown_request} with {reply}"))
            }
            Ok(reply) => Err(format!(
                "expected {name} to answer {shown_request} with {shown}, but it answered {reply}"
            )),
            Err(reason) => Err(format!(
                "expected {name} to answer {shown_request} with {shown}, but the call failed: {reason}"
            )),
        })
    }
}

/// "never", "once", "3 times".
fn times(n: u64) -> String {
    match n {
        0 => "never".to_owned(),
        1 => "once".to_owned(),
        n => format!("{n} times"),
    }
}

/// A pattern as it was written, for messages.
fn show_pattern(pattern: &TermExpr) -> String {
    match pattern {
        TermExpr::Wildcard => "_".to_owned(),
        TermExpr::Var(name) => name.clone(),
        TermExpr::Tuple(items) => format!(
            "{{{}}}",
            items.iter().map(show_pattern).collect::<Vec<_>>().join(",")
        ),
        TermExpr::List(items) => format!(
            "[{}]",
            items.iter().map(show_pattern).collect::<Vec<_>>().join(",")
        ),
        TermExpr::SelfPid => "self".to_owned(),
        TermExpr::Map(fields) => format!(
            "#{{{}}}",
            fields
                .iter()
                .map(|(k, v)| format!("{} := {}", show_pattern(k), show_pattern(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        other => super::values::to_term(
            other,
            &Default::default(),
            crate::runtime::Pid::from_number(0),
        )
        .map_or_else(|_| format!("{other:?}"), |t| t.to_string()),
    }
}

fn list(messages: &[Term]) -> String {
    if messages.is_empty() {
        "an empty mailbox".to_owned()
    } else {
        crate::view::shown(&Term::list(messages.to_vec()))
    }
}
