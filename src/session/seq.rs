//! `seq`: recording message sequence charts.
//!
//! `seq on A B C` traces the chosen processes (so the runtime reports
//! their messages) and starts a [`ChartRecorder`], which the session's
//! history feeds with every event: messages to or from a chosen process,
//! exit signals, links between chosen ones, their deaths, and restarts. A
//! lifeline chosen by `sup/child` path follows the child: when the
//! supervisor starts it again, the new pid joins the same lifeline (and is
//! traced from the next command on). Any other process that talks to a
//! chosen one gets a lifeline when it first appears. Drawing is the
//! view's job (`view::seq`).

use super::error::{EvalError, EvalResult};
use super::{Line, Outcome, Session};
use crate::commands::ast::{SeqCommand, Target};
use crate::runtime::process::as_call;
use crate::runtime::{Atom, Event, EventKind, Pid, Ref, SignalOutcome, SupervisorReport, Term};
use crate::view::feed::Labels;
use crate::view::seq::{self, Chart, Note, Row};
use std::collections::{HashMap, HashSet};

/// A chart being recorded.
pub(super) struct ChartRecorder {
    chart: Chart,
    /// The lifeline of each pid seen.
    lines: HashMap<Pid, usize>,
    /// Lifelines chosen by path, and the pid each has now.
    paths: HashMap<String, (usize, Pid)>,
    /// The chosen processes: only what involves one is recorded.
    chosen: HashSet<Pid>,
    pub(super) recording: bool,
    /// Calls in flight, by reference: drawn (`true`) or the shell's own
    /// lookups (`false`), so their replies are drawn or hidden alike.
    calls: HashMap<Ref, bool>,
    /// The text of the command running now.
    command: String,
    /// How terms and names are written on the chart (the session's syntax
    /// when recording started).
    syntax: crate::view::Syntax,
}

impl ChartRecorder {
    /// A chart of `chosen`: (pid, lifeline name, whether named by path).
    fn new(chosen: Vec<(Pid, String, bool)>, syntax: crate::view::Syntax) -> ChartRecorder {
        let mut recorder = ChartRecorder {
            chart: Chart::default(),
            lines: HashMap::new(),
            paths: HashMap::new(),
            chosen: HashSet::new(),
            recording: true,
            calls: HashMap::new(),
            command: String::new(),
            syntax,
        };
        for (pid, name, by_path) in chosen {
            let line = recorder.add_line(pid, name.clone());
            recorder.chosen.insert(pid);
            if by_path {
                recorder.paths.insert(name, (line, pid));
            }
        }
        recorder
    }

    fn add_line(&mut self, pid: Pid, name: String) -> usize {
        if let Some(&line) = self.lines.get(&pid) {
            return line;
        }
        self.chart.lifelines.push(name);
        let line = self.chart.lifelines.len() - 1;
        self.lines.insert(pid, line);
        line
    }

    fn line_of(&mut self, pid: Pid, labels: &Labels) -> usize {
        let name = labels
            .get(pid)
            .map_or_else(|| pid.to_string(), |name| self.syntax.label(&name));
        self.add_line(pid, name)
    }

    /// An exit reason on the chart: the term as erl writes it, or the
    /// exception iex would name (`(FunctionClauseError) ...`).
    fn reason(&self, reason: &Term) -> String {
        match self.syntax {
            crate::view::Syntax::Erlang => crate::view::shown(reason),
            crate::view::Syntax::Elixir => {
                let style = crate::style::Style {
                    syntax: self.syntax,
                    ..crate::style::Style::PLAIN
                };
                crate::view::reason::compact_in(reason, &style)
            }
        }
    }

    /// A term on the chart, in the chart's syntax.
    fn shown(&self, term: &Term) -> String {
        let style = crate::style::Style {
            syntax: self.syntax,
            ..crate::style::Style::PLAIN
        };
        crate::view::shown_in(term, &style)
    }

    fn involves(&self, a: Pid, b: Pid) -> bool {
        self.chosen.contains(&a) || self.chosen.contains(&b)
    }

    /// Takes in one event; returns a pid to trace (a chosen child that was
    /// started again).
    pub(super) fn record(&mut self, event: &Event, labels: &Labels) -> Option<Pid> {
        if !self.recording {
            return None;
        }
        let row = match &event.kind {
            EventKind::Command { text, .. } => {
                self.command = text.clone();
                return None;
            }
            EventKind::Sent { from, to, message } if self.involves(*from, *to) => {
                let label = self.message_label(message)?;
                Row::Message {
                    from: self.line_of(*from, labels),
                    to: self.line_of(*to, labels),
                    label,
                }
            }
            EventKind::ExitSignal {
                from,
                to,
                reason,
                outcome,
                ..
            } if *outcome != SignalOutcome::Ignored && self.involves(*from, *to) => Row::Signal {
                from: self.line_of(*from, labels),
                to: self.line_of(*to, labels),
                label: format!("EXIT {}", self.reason(reason)),
                killed: *outcome == SignalOutcome::Died,
            },
            EventKind::Linked { a, b } if self.chosen.contains(a) && self.chosen.contains(b) => {
                Row::Link {
                    a: self.line_of(*a, labels),
                    b: self.line_of(*b, labels),
                }
            }
            EventKind::Exited { pid, reason, .. } if self.chosen.contains(pid) => Row::Note {
                on: self.line_of(*pid, labels),
                note: if reason.is_normal_exit() {
                    Note::Exited(self.reason(reason))
                } else {
                    Note::Crashed(self.reason(reason))
                },
            },
            EventKind::Supervisor {
                report: SupervisorReport::ChildStarted { pid, .. },
                ..
            } => {
                // A child that registered a name of its own (`name:`) is
                // found by its path all the same.
                let by_path = |label: Option<String>| label.filter(|l| self.paths.contains_key(l));
                let label = by_path(labels.get(*pid)).or_else(|| by_path(labels.path(*pid)))?;
                let (line, old) = self.paths.get_mut(&label)?;
                if *old == *pid {
                    return None;
                }
                *old = *pid;
                let line = *line;
                self.lines.insert(*pid, line);
                self.chosen.insert(*pid);
                self.chart.rows.push(Row::Note {
                    on: line,
                    note: Note::Restarted(pid.to_string()),
                });
                return Some(*pid);
            }
            _ => return None,
        };
        self.chart.rows.push(row);
        None
    }

    /// How a message is labelled: a call as `call REQUEST`, its answer as
    /// `reply VALUE`. `None` for the shell's own lookups of a `sup/child`
    /// path (a `which_children` the command did not ask for) and
    /// `tree`'s snapshots: plumbing, not part of the story.
    fn message_label(&mut self, message: &Term) -> Option<String> {
        if let Some((from, request)) = as_call(message) {
            let reference = match from.as_tuple() {
                Some([_, reference]) => reference.as_ref(),
                _ => None,
            };
            let lookup = request.is_atom(Atom::new("$snapshot"))
                || (request.is_atom(Atom::new("which_children"))
                    && !self.command.starts_with("which_children"));
            if let Some(reference) = reference {
                self.calls.insert(reference, !lookup);
            }
            return (!lookup).then(|| format!("call {}", self.shown(request)));
        }
        if let Some([reference, reply]) = message.as_tuple()
            && let Some(reference) = reference.as_ref()
            && let Some(drawn) = self.calls.remove(&reference)
        {
            return drawn.then(|| format!("reply {}", self.shown(reply)));
        }
        Some(self.shown(message))
    }

    fn chosen(&self) -> impl Iterator<Item = Pid> + '_ {
        self.chosen.iter().copied()
    }
}

impl Session {
    pub(super) fn seq(&mut self, command: &SeqCommand) -> EvalResult<Outcome> {
        self.absorb_history();
        match command {
            SeqCommand::On(targets) => self.seq_on(targets),
            SeqCommand::Off => {
                let chosen: Vec<Pid> = match &mut self.history.chart {
                    Some(chart) => {
                        chart.recording = false;
                        chart.chosen().collect()
                    }
                    None => return Err(no_chart()),
                };
                for pid in chosen {
                    if !self.feed.is_traced(pid) {
                        self.runtime.trace(pid, false);
                    }
                }
                Ok(Outcome::line(Line::Notice(
                    "seq: recording stopped (`seq show` draws the chart)".to_owned(),
                )))
            }
            SeqCommand::Show => Ok(Outcome::line(Line::Text(seq::terminal(self.chart()?)))),
            SeqCommand::Mermaid => Ok(Outcome::line(Line::Text(seq::mermaid(self.chart()?)))),
            SeqCommand::Svg { file, theme } => {
                let svg = seq::svg(self.chart()?, *theme);
                std::fs::write(file, svg)
                    .map_err(|error| EvalError::new(format!("cannot write {file}: {error}")))?;
                Ok(Outcome::line(Line::Notice(format!(
                    "seq: chart written to {file}"
                ))))
            }
        }
    }

    fn chart(&self) -> EvalResult<&Chart> {
        match &self.history.chart {
            Some(recorder) => Ok(&recorder.chart),
            None => Err(no_chart()),
        }
    }

    fn seq_on(&mut self, targets: &[Target]) -> EvalResult<Outcome> {
        let mut chosen = Vec::new();
        for target in targets {
            let pid = self.resolve(target)?;
            let (name, by_path) = match target {
                Target::Path(segments) => (segments.join("/"), true),
                _ => (
                    self.history
                        .labels
                        .get(pid)
                        .map_or_else(|| pid.to_string(), |name| self.syntax().label(&name)),
                    false,
                ),
            };
            chosen.push((pid, name, by_path));
        }
        let names: Vec<String> = chosen.iter().map(|(_, name, _)| name.clone()).collect();
        for (pid, _, _) in &chosen {
            self.runtime.trace(*pid, true);
        }
        self.history.chart = Some(ChartRecorder::new(chosen, self.syntax()));
        Ok(Outcome::line(Line::Notice(format!(
            "seq: recording {}",
            names.join(", ")
        ))))
    }

    /// Takes in the events that have arrived, and traces the restarted
    /// children a chart follows.
    pub(super) fn absorb_history(&mut self) {
        for pid in self.history.absorb() {
            self.runtime.trace(pid, true);
        }
    }
}

fn no_chart() -> EvalError {
    EvalError::new("no chart recorded").with_hint("`seq on TARGET...` starts one")
}
