//! `why`: a death and its chain of causes, one cause per line.
//!
//! The evaluator walks the recorded events back from a death (each exit
//! names the event that caused it) and hands this view a list of
//! [`Step`]s, newest first; the view only words them:
//!
//! ```text
//! w2 <0.9.0> exited shutdown
//!   ← demo stopped it to restart all (one_for_all)
//!   ← w1 <0.7.0> crashed badarith
//!   ← after receiving {add,foo} from the shell: `w1 ! {add, foo}` (line 12 of talk.crash)
//! ```

use super::{duration, seconds};
use crate::runtime::{Atom, Pid, Term};
use crate::style::{Role, Style};
use std::time::Duration;

/// A process as `why` names it: `w1 <0.7.0>`, or just the pid.
#[derive(Clone, Debug, PartialEq)]
pub struct Who {
    pub pid: Pid,
    pub label: Option<String>,
}

impl Who {
    fn show(&self, style: &Style) -> String {
        let pid = style.paint(&self.pid.to_string(), Role::Pid);
        match &self.label {
            Some(label) => format!("{} {pid}", style.paint(label, Role::Name)),
            None => pid,
        }
    }
}

/// A command the shell carried out: its text, and `FILE:LINE` in a script.
#[derive(Clone, Debug, PartialEq)]
pub struct CommandRef {
    pub text: String,
    pub location: Option<String>,
}

impl CommandRef {
    fn show(&self) -> String {
        match &self.location {
            Some(at) => format!("`{}` ({})", self.text, line_of(at)),
            None => format!("`{}`", self.text),
        }
    }
}

impl CommandRef {
    /// Like `show`, with only the first line of a command that spans
    /// several (a `def` block): `def counter { …`.
    fn show_first_line(&self) -> String {
        match self.text.split_once('\n') {
            Some((first, _)) => CommandRef {
                text: format!("{} …", first.trim_end()),
                location: self.location.clone(),
            }
            .show(),
            None => self.show(),
        }
    }
}

/// `talk.crash:12` read aloud: `line 12 of talk.crash`.
fn line_of(location: &str) -> String {
    match location.rsplit_once(':') {
        Some((file, line)) if line.chars().all(|c| c.is_ascii_digit()) => {
            format!("line {line} of {file}")
        }
        _ => location.to_owned(),
    }
}

/// One restart a supervisor counted (for a supervisor that gave up).
#[derive(Clone, Debug, PartialEq)]
pub struct Restart {
    pub at: Duration,
    pub id: Atom,
    pub pid: Pid,
    pub reason: Term,
}

/// One link of the chain.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// A process ended. `crashed`: its own code failed (or `crash` made it).
    Ended {
        who: Who,
        reason: Term,
        crashed: bool,
        /// Where in its code (defined processes), when known.
        location: Option<String>,
        at: Duration,
    },
    /// The message it took last, and where it came from.
    Received {
        message: Term,
        from: Option<Who>,
        command: Option<CommandRef>,
    },
    /// The shell's `crash` made it fail.
    MadeToCrash { command: Option<CommandRef> },
    /// The shell's `exit`/`kill` sent the signal.
    ShellSignal { reason: Term, command: CommandRef },
    /// An exit signal: over a link (its sender died), or sent explicitly.
    Signal { from: Who, reason: Term, link: bool },
    /// A supervisor's strategy stopped a sibling of the child that failed.
    StrategyStop {
        sup: Who,
        strategy: Option<Atom>,
        failed: Atom,
    },
    /// A supervisor exceeded its restart intensity: `offender` is the
    /// child whose exit was one too many, `restarts` those in the period.
    GaveUp {
        sup: Who,
        offender: Option<Atom>,
        intensity: u32,
        period: Duration,
        restarts: Vec<Restart>,
    },
    /// A supervisor stopped its children because it was shutting down.
    StoppedWhileShuttingDown { sup: Who },
    /// A supervisor was told to stop by its parent's exit signal.
    ToldToStop { parent: Who, reason: Term },
    /// The version of its code it still ran (`counter@1`) was purged, as
    /// `code:purge/1` does, by `command` (a `def` that loaded a newer
    /// version, or `purge`).
    Purged {
        code: String,
        command: Option<CommandRef>,
    },
    /// Its heap (what it could reach, mailbox included) outgrew its
    /// `max_heap_size`, sizes in words: the runtime killed it.
    HeapLimit {
        max_heap_size: u64,
        total_heap_size: u64,
    },
}

/// The chain as lines: the death first, then `  ← cause` per step.
pub fn why(steps: &[Step], style: &Style) -> String {
    let mut lines = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        let arrow = if n == 0 { "" } else { "  ← " };
        let mut text = step_lines(step, style);
        let first = text.remove(0);
        lines.push(format!("{arrow}{first}"));
        lines.extend(text.into_iter().map(|more| format!("      {more}")));
    }
    lines.join("\n")
}

fn step_lines(step: &Step, style: &Style) -> Vec<String> {
    // Reasons as event lines show them: an error in process code reads
    // `badarith in counter:loop/1 line 4`, which is where in its code.
    // In Elixir's syntax the Erlang term follows in brackets: `why` is
    // where a reader looks for the exact reason, and Elixir's exception
    // names it only by its meaning.
    let term = |t: &Term, role| style.paint(&super::reason::compact_in(t, style), role);
    let reason_term = |t: &Term, role| {
        let shown = super::reason::compact_in(t, style);
        let shown = match style.syntax {
            super::Syntax::Elixir => format!("{shown} [erlang: {}]", super::reason::compact(t)),
            super::Syntax::Erlang => shown,
        };
        style.paint(&shown, role)
    };
    match step {
        Step::Ended {
            who,
            reason,
            crashed,
            location,
            at,
        } => {
            let verb = if *crashed { "crashed" } else { "exited" };
            let role = if reason.is_normal_exit() {
                Role::ExitNormal
            } else {
                Role::Crash
            };
            let place = location
                .as_ref()
                .map(|place| format!(" in {place}"))
                .unwrap_or_default();
            vec![format!(
                "{} {verb} {}{place} at {}",
                who.show(style),
                reason_term(reason, role),
                seconds(*at)
            )]
        }
        Step::Received {
            message,
            from,
            command,
        } => {
            let from = match (from, command) {
                (_, Some(command)) => format!(" from the shell: {}", command.show()),
                (Some(from), None) => format!(" from {}", from.show(style)),
                (None, None) => String::new(),
            };
            vec![format!(
                "after receiving {}{from}",
                term(message, Role::Message)
            )]
        }
        Step::MadeToCrash { command } => vec![match command {
            Some(command) => format!("made to crash by the shell: {}", command.show()),
            None => "made to crash from outside".to_owned(),
        }],
        Step::ShellSignal { reason, command } => vec![format!(
            "exit signal {} from the shell: {}",
            term(reason, Role::Signal),
            command.show()
        )],
        Step::Signal { from, reason, link } => vec![format!(
            "exit signal {} from {}{}",
            term(reason, Role::Signal),
            from.show(style),
            if *link { " over a link" } else { "" }
        )],
        Step::StrategyStop {
            sup,
            strategy,
            failed,
        } => {
            let plan = match strategy.map(|s| s.name().to_owned()).as_deref() {
                Some("one_for_all") => "to restart all (one_for_all)".to_owned(),
                Some("rest_for_one") => {
                    format!("to restart {failed} and the children after it (rest_for_one)")
                }
                Some(other) => format!("after {failed} failed ({other})"),
                None => format!("after {failed} failed"),
            };
            vec![format!("{} stopped it {plan}", sup.show(style))]
        }
        Step::GaveUp {
            sup,
            offender,
            intensity,
            period,
            restarts,
        } => {
            let who = offender
                .map(|id| format!(": {id} failed once too often"))
                .unwrap_or_default();
            let mut lines = vec![format!(
                "{} {}{who} (intensity {intensity} in {}), restarts in the period:",
                sup.show(style),
                style.paint("gave up", Role::GaveUp),
                duration(*period)
            )];
            let count = restarts.len();
            for (n, restart) in restarts.iter().enumerate() {
                let what = if n + 1 == count {
                    "one too many".to_owned()
                } else {
                    format!("restart {}", n + 1)
                };
                lines.push(format!(
                    "{} {what}: {} {} exited {}",
                    seconds(restart.at),
                    restart.id,
                    style.paint(&restart.pid.to_string(), Role::Pid),
                    term(&restart.reason, Role::Crash)
                ));
            }
            lines
        }
        Step::StoppedWhileShuttingDown { sup } => {
            vec![format!(
                "{} stopped it while shutting down",
                sup.show(style)
            )]
        }
        Step::ToldToStop { parent, reason } => vec![format!(
            "its parent {} told it to stop (exit signal {})",
            parent.show(style),
            term(reason, Role::Signal)
        )],
        Step::Purged { code, command } => {
            let code = if code.is_empty() {
                "its old code".to_owned()
            } else {
                code.clone()
            };
            vec![match command {
                Some(command) => format!(
                    "{code} was purged while it still ran it, by the shell: {}",
                    command.show_first_line()
                ),
                None => format!("{code} was purged while it still ran it"),
            }]
        }
        Step::HeapLimit {
            max_heap_size,
            total_heap_size,
        } => vec![format!(
            "its heap reached {}, over its max_heap_size of {}: the runtime killed it",
            style.paint(&super::heap_words(*total_heap_size), Role::Crash),
            super::heap_words(*max_heap_size)
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(label: &str, n: u64) -> Who {
        Who {
            pid: Pid::from_number(n),
            label: Some(label.to_owned()),
        }
    }

    #[test]
    fn the_issue_example_reads_newest_first() {
        let steps = vec![
            Step::Ended {
                who: who("demo/w2", 9),
                reason: Term::atom("shutdown"),
                crashed: false,
                location: None,
                at: Duration::from_millis(1500),
            },
            Step::StrategyStop {
                sup: who("demo", 5),
                strategy: Some(Atom::new("one_for_all")),
                failed: Atom::new("w1"),
            },
            Step::Ended {
                who: who("demo/w1", 7),
                reason: Term::atom("badarith"),
                crashed: true,
                location: Some("counter:loop/1 line 4".into()),
                at: Duration::from_millis(1500),
            },
            Step::Received {
                message: Term::tuple([Term::atom("add"), Term::atom("foo")]),
                from: Some(who("shell", 1)),
                command: Some(CommandRef {
                    text: "demo/w1 ! {add, foo}".into(),
                    location: Some("talk.crash:12".into()),
                }),
            },
        ];
        assert_eq!(
            why(&steps, &Style::PLAIN),
            "demo/w2 <0.9.0> exited shutdown at 1.500s\n\
             \x20 ← demo <0.5.0> stopped it to restart all (one_for_all)\n\
             \x20 ← demo/w1 <0.7.0> crashed badarith in counter:loop/1 line 4 at 1.500s\n\
             \x20 ← after receiving {add,foo} from the shell: `demo/w1 ! {add, foo}` (line 12 of talk.crash)"
        );
    }

    #[test]
    fn a_supervisor_that_gave_up_lists_its_restarts() {
        let steps = vec![Step::GaveUp {
            sup: who("demo", 2),
            offender: Some(Atom::new("w1")),
            intensity: 1,
            period: Duration::from_secs(5),
            restarts: vec![
                Restart {
                    at: Duration::ZERO,
                    id: Atom::new("w1"),
                    pid: Pid::from_number(3),
                    reason: Term::atom("boom"),
                },
                Restart {
                    at: Duration::from_secs(2),
                    id: Atom::new("w1"),
                    pid: Pid::from_number(4),
                    reason: Term::atom("boom"),
                },
            ],
        }];
        assert_eq!(
            why(&steps, &Style::PLAIN),
            "demo <0.2.0> gave up: w1 failed once too often (intensity 1 in 5s), restarts in the period:\n\
             \x20     0.000s restart 1: w1 <0.3.0> exited boom\n\
             \x20     2.000s one too many: w1 <0.4.0> exited boom"
        );
    }
}
