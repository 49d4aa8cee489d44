//! View commands: tree, ps, info, mailbox, regs.
//!
//! The session gathers the data (process info, deaths, supervisor
//! snapshots) and hands it to the pure view functions in `crate::view`.

use super::error::{EvalError, EvalResult};
use super::{Line, Outcome, Session};
use crate::commands::ast::{PsRows, Target};
use crate::runtime::{Pid, Term};
use crate::supervisor::{SupervisorSnapshot, api};
use crate::view::theme::Theme;
use crate::view::{self, SupervisorView};

impl Session {
    pub(super) fn tree(&mut self, sup: Option<&Target>) -> EvalResult<Outcome> {
        let trees = self.tree_views(sup)?;
        if trees.is_empty() {
            return Ok(Outcome::line(Line::Text(
                "no supervisors yet: start one with `sup NAME { worker ID KIND ... }`".to_owned(),
            )));
        }
        let drawings: Vec<String> = trees
            .iter()
            .map(|tree| view::tree(tree, &self.style()))
            .collect();
        Ok(Outcome::line(Line::Text(drawings.join("\n"))))
    }

    /// The trees `tree`, `tree --mermaid` and `tree --svg` draw: the one
    /// rooted at `sup`, or every supervisor started with `sup` that is
    /// alive (none: an empty list), each from a fresh snapshot.
    pub(super) fn tree_views(&mut self, sup: Option<&Target>) -> EvalResult<Vec<SupervisorView>> {
        let roots = match sup {
            Some(target) => vec![self.resolve(target)?],
            None => self.live_supervisors(),
        };
        let mut trees = Vec::new();
        for root in roots {
            let snapshot = self
                .shell
                .run(move |me| async move { api::snapshot(&me, root).await })?
                .map_err(|reason| {
                    EvalError::new(format!(
                        "{root} is not a supervisor that answers ({reason})"
                    ))
                })?;
            let name = self.display_name(root).unwrap_or_else(|| root.to_string());
            trees.push(self.supervisor_view(&name, &snapshot));
        }
        Ok(trees)
    }

    pub(super) fn supervisor_view(
        &self,
        name: &str,
        snapshot: &SupervisorSnapshot,
    ) -> SupervisorView {
        view::supervisor_view(name, snapshot, &|pid| self.runtime.process_info(pid))
    }

    /// `ps`: a row per process, or, with more than `ps` shows by default
    /// (or than `ps N` asks for), a summary of them all and the first
    /// rows (`view/ps.rs`). The summary is one look at each process, so it
    /// answers at once even with a million of them.
    pub(super) fn ps(&mut self, rows: PsRows) -> EvalResult<Outcome> {
        let first = match rows {
            PsRows::All => None,
            PsRows::First(n) => Some(n),
            PsRows::Default if self.runtime.process_count() <= view::PS_ALL_UP_TO => None,
            PsRows::Default => Some(view::PS_FIRST_ROWS),
        };
        let names = |pid| self.display_name(pid);
        let text = match first {
            None => {
                let rows: Vec<_> = self
                    .runtime
                    .processes()
                    .into_iter()
                    .filter_map(|pid| self.runtime.process_info(pid))
                    .collect();
                view::ps_table(&rows, &names, &self.style())
            }
            Some(first) => {
                let summary = self.runtime.process_summary(first);
                let rows: Vec<_> = summary
                    .first
                    .iter()
                    .filter_map(|&pid| self.runtime.process_info(pid))
                    .collect();
                view::ps_summary(&summary, &rows, &names, &self.style())
            }
        };
        Ok(Outcome::line(Line::Text(text)))
    }

    pub(super) fn info(&mut self, target: &Target) -> EvalResult<Outcome> {
        let pid = self.resolve_or_recall(target)?;
        let names = |pid| self.display_name(pid);
        let text = match (self.runtime.process_info(pid), self.runtime.death(pid)) {
            (Some(info), _) => view::process_info(&info, &names, &self.style()),
            (None, Some(death)) => {
                let dead = view::dead_process(&death, &self.style());
                match self.dead_report(pid) {
                    Some(report) => format!("{dead}\n{report}"),
                    None => dead,
                }
            }
            (None, None) => return Err(never_seen(pid)),
        };
        Ok(Outcome::line(Line::Text(text)))
    }

    pub(super) fn mailbox(&mut self, target: &Target) -> EvalResult<Outcome> {
        let pid = self.resolve(target)?;
        let messages: Vec<Term> =
            self.runtime
                .mailbox(pid)
                .ok_or_else(|| match self.runtime.death(pid) {
                    Some(death) => EvalError::new(format!(
                        "{pid} is dead (exited with {}): its mailbox went with it",
                        death.reason
                    )),
                    None => never_seen(pid),
                })?;
        Ok(Outcome::line(Line::Text(view::mailbox(
            pid,
            &messages,
            &self.style(),
        ))))
    }

    pub(super) fn regs(&mut self) -> EvalResult<Outcome> {
        Ok(Outcome::line(Line::Text(view::registered(
            &self.runtime.registered(),
            &self.style(),
        ))))
    }

    /// `tree --svg FILE [SUP]`: the projector's picture, written to FILE.
    pub(super) fn tree_svg(
        &mut self,
        file: &str,
        sup: Option<&Target>,
        theme: Theme,
    ) -> EvalResult<Outcome> {
        let views = self.tree_views(sup)?;
        if views.is_empty() {
            return Err(EvalError::new("no supervisors yet")
                .with_hint("start one with `sup NAME { worker ID KIND ... }`"));
        }
        let svg = view::svg::themed(
            &view::svg::sized(&view::svg::tree_svg(
                &view::layout::layout(&views),
                &Default::default(),
            )),
            theme,
        );
        std::fs::write(file, svg + "\n")
            .map_err(|e| EvalError::new(format!("cannot write {file}: {e}")))?;
        Ok(Outcome::line(Line::Notice(format!(
            "tree written to {file}"
        ))))
    }
}

fn never_seen(pid: Pid) -> EvalError {
    EvalError::new(format!(
        "{pid} is not alive, and no recent death is known for it"
    ))
    .with_hint("`ps` lists the live processes")
}
