//! Explaining what happened: `why`, `tree --mermaid`, and the crash report
//! `info` shows for a recent death.
//!
//! `why` resolves its target to a death the history remembers (a pid, a
//! variable, a name that a dead process held, or a `sup/child` path: that
//! child's most recent death), walks the recorded causes back
//! ([`super::chain`]) and lets the view word them. Every statement is
//! posted on the event stream as a `Command` event before it runs, and the
//! shell acts on its account, so the chain can end at the command's text
//! and, in a script, its `FILE:LINE`.

use super::chain::chain;
use super::error::{EvalError, EvalResult};
use super::{Line, Outcome, Session};
use crate::commands::ast::{Stmt, Target};
use crate::runtime::{Atom, Event, EventKind, Pid};
use crate::view::feed::report_of;
use crate::view::{self, seconds};

impl Session {
    /// Posts the statement about to run as a `Command` event, and makes the
    /// shell act on its account.
    pub(super) fn announce(&mut self, stmt: &Stmt) {
        let location = self
            .source
            .as_ref()
            .map(|file| format!("{file}:{}", stmt.span.line));
        let text = stmt.source.trim().to_owned();
        let id = self.runtime.emit(EventKind::Command { text, location });
        self.command = id;
        self.runtime.act_for(self.shell.pid(), id);
    }

    /// Names the script statements come from, for `FILE:LINE` in `why`.
    pub fn set_source(&mut self, file: impl Into<String>) {
        self.source = Some(file.into());
    }

    pub(super) fn why(&mut self, target: &Target) -> EvalResult<Outcome> {
        self.absorb_history();
        let (death, pid) = self.death_for(target)?;
        let Some(death) = death else {
            let label = self
                .history
                .labels
                .get(pid)
                .map(|l| format!("{} ", self.syntax().label(&l)))
                .unwrap_or_default();
            return Ok(Outcome::line(Line::Text(format!(
                "{label}{pid} is alive: it has not died{}",
                self.earlier_deaths(target, None)
            ))));
        };
        let steps = chain(&self.history, death.id);
        let mut text = view::why::why(&steps, &self.style());
        text.push_str(&self.earlier_deaths(target, Some(death.id)));
        Ok(Outcome::line(Line::Text(text)))
    }

    /// The death `target` means (or `None` for a live process that never
    /// died), and the pid.
    fn death_for(&self, target: &Target) -> EvalResult<(Option<Event>, Pid)> {
        if let Target::Path(segments) = target {
            let path = segments.join("/");
            if let Some(death) = self.deaths_of_path(&path).next() {
                let EventKind::Exited { pid, .. } = death.kind else {
                    unreachable!("deaths are exits")
                };
                return Ok((Some(death.clone()), pid));
            }
            let pid = self.resolve(target)?;
            return Ok((None, pid));
        }
        if let Target::Name(name) = target
            && self.runtime.whereis(Atom::new(name)).is_none()
        {
            let name = Atom::new(name);
            let death = self.history.deaths_newest_first().find(
                |event| matches!(&event.kind, EventKind::Exited { name: n, .. } if *n == Some(name)),
            );
            if let Some(death) = death {
                let EventKind::Exited { pid, .. } = death.kind else {
                    unreachable!("deaths are exits")
                };
                return Ok((Some(death.clone()), pid));
            }
        }
        let pid = self.resolve(target)?;
        match self.history.death_of(pid) {
            Some(death) => Ok((Some(death.clone()), pid)),
            None if self.runtime.is_alive(pid) => Ok((None, pid)),
            None => Err(EvalError::new(format!("no death of {pid} is remembered"))
                .with_hint("`why` explains deaths seen since the session started")),
        }
    }

    /// Deaths of the child at `path`, newest first.
    fn deaths_of_path<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        self.history.deaths_newest_first().filter(move |event| {
            matches!(&event.kind, EventKind::Exited { pid, .. }
                if self.history.labels.get(*pid).as_deref() == Some(path)
                    || self.history.labels.path(*pid).as_deref() == Some(path))
        })
    }

    /// For a path, the other deaths of that child, so `why` can walk back.
    fn earlier_deaths(&self, target: &Target, shown: Option<crate::runtime::EventId>) -> String {
        let Target::Path(segments) = target else {
            return String::new();
        };
        let path = segments.join("/");
        let earlier: Vec<String> = self
            .deaths_of_path(&path)
            .filter(|event| Some(event.id) != shown)
            .filter_map(|event| match &event.kind {
                EventKind::Exited { pid, reason, .. } => {
                    Some(format!("{pid} {reason} at {}", seconds(event.at)))
                }
                _ => None,
            })
            .collect();
        if earlier.is_empty() {
            return String::new();
        }
        format!(
            "\nearlier deaths of {path}, newest first: {} (`why PID` explains one)",
            earlier.join(", ")
        )
    }

    /// `info` on a dead pid: the crash report, when the history has it.
    pub(super) fn dead_report(&mut self, pid: Pid) -> Option<String> {
        self.absorb_history();
        let death = self.history.death_of(pid)?;
        let report = report_of(death, &self.history.labels)?;
        Some(view::crash_report::crash_report(&report, &self.style()))
    }

    /// `tree --mermaid [SUP]`.
    pub(super) fn tree_mermaid(&mut self, sup: Option<&Target>) -> EvalResult<Outcome> {
        let trees = self.tree_views(sup)?;
        if trees.is_empty() {
            return Err(EvalError::new("no supervisors yet")
                .with_hint("start one with `sup NAME { worker ID KIND ... }`"));
        }
        let mut links = Vec::new();
        for pid in self.runtime.processes() {
            if let Some(info) = self.runtime.process_info(pid) {
                links.extend(info.links.iter().map(|&other| (pid, other)));
            }
        }
        let charts: Vec<String> = trees
            .iter()
            .map(|tree| view::mermaid::tree_flowchart(tree, &links))
            .collect();
        Ok(Outcome::line(Line::Text(charts.join("\n"))))
    }
}
