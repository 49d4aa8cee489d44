//! Event lines: one line of text per thing that happened, for the live log.
//!
//! Each line starts with the time since start (`[  3.120s]`, virtual in
//! deterministic mode, so rehearsals print byte-identical logs), then a
//! symbol and a word saying what happened (`✖ crash`, `⟲ restart`), then who
//! and why. The symbol and word carry the meaning and the colour repeats it,
//! so the log reads the same with `NO_COLOR`.
//!
//! A [`LogLevel`] decides which events are worth a line. `quiet` keeps the
//! story of a demo (crashes, restarts, give-ups, what processes print);
//! `normal` adds the life cycle (spawns, normal exits, signals that killed
//! or were trapped, 'DOWN's, names); `verbose` adds the plumbing (links,
//! ignored signals, every supervisor report). Message events are always
//! shown: they only exist because the presenter asked to `trace` a process.
//!
//! [`event_line`] looks at one event alone. [`Narrator`] remembers a
//! supervisor's last `ChildExited` report so that the `Restarting` line after
//! it can say why: `⟲ demo restarting w1 (one_for_one): w1 <0.44.0> exited
//! with boom — restart 2 of 3 within 5s`.

use super::style::{Role, Style};
use super::{Names, duration, painted_pid, seconds};
use crate::runtime::{Atom, Event, EventKind, Pid, SignalOutcome, SupervisorReport, Term};
use std::collections::HashMap;

/// How much of the event stream to show (the `log` command).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum LogLevel {
    Quiet,
    #[default]
    Normal,
    Verbose,
}

/// The lowest level at which an event is shown.
pub fn min_level(kind: &EventKind) -> LogLevel {
    use LogLevel::*;
    match kind {
        EventKind::Exited { reason, .. } if !reason.is_normal_exit() => Quiet,
        EventKind::Exited { .. } => Normal,
        EventKind::Output { .. } | EventKind::Sent { .. } | EventKind::Received { .. } => Quiet,
        EventKind::Spawned { .. }
        | EventKind::Registered { .. }
        | EventKind::MonitorFired { .. } => Normal,
        EventKind::ExitSignal { outcome, .. } => match outcome {
            SignalOutcome::Died | SignalOutcome::Trapped => Normal,
            SignalOutcome::Ignored => Verbose,
        },
        EventKind::Linked { .. } | EventKind::Unlinked { .. } => Verbose,
        EventKind::Supervisor { report, .. } => match report {
            // A child that cannot even start is a failure, like a crash.
            SupervisorReport::Restarting { .. }
            | SupervisorReport::GaveUp { .. }
            | SupervisorReport::StartFailed { .. } => Quiet,
            // The runtime's own Spawned/Exited events already tell these.
            SupervisorReport::ChildStarted { .. }
            | SupervisorReport::ChildExited { .. }
            | SupervisorReport::ChildTerminated { .. } => Verbose,
        },
    }
}

/// The line for `event` at `level`, or `None` when the level hides it.
pub fn event_line(event: &Event, names: Names, level: LogLevel, style: &Style) -> Option<String> {
    if level < min_level(&event.kind) {
        return None;
    }
    Some(render(event, names, None, style))
}

/// Formats a stream of events, remembering just enough to make restart lines
/// explain themselves. One per subscriber; `level` may change at any time.
#[derive(Debug, Default)]
pub struct Narrator {
    pub level: LogLevel,
    /// Per supervisor, the last child that exited: (id, pid, reason).
    last_exit: HashMap<Pid, (Atom, Pid, Term)>,
}

impl Narrator {
    pub fn new(level: LogLevel) -> Narrator {
        Narrator {
            level,
            last_exit: HashMap::new(),
        }
    }

    /// The line for `event`, if the level shows it. Every event should pass
    /// through here, shown or not, so the narrator keeps track.
    pub fn line(&mut self, event: &Event, names: Names, style: &Style) -> Option<String> {
        let mut cause = None;
        if let EventKind::Supervisor { supervisor, report } = &event.kind {
            match report {
                SupervisorReport::ChildExited { id, pid, reason } => {
                    self.last_exit
                        .insert(*supervisor, (*id, *pid, reason.clone()));
                }
                SupervisorReport::Restarting { failed, .. } => {
                    cause = self
                        .last_exit
                        .remove(supervisor)
                        .filter(|(id, _, _)| id == failed);
                }
                SupervisorReport::GaveUp { .. } => {
                    self.last_exit.remove(supervisor);
                }
                _ => {}
            }
        }
        if self.level < min_level(&event.kind) {
            return None;
        }
        Some(render(event, names, cause.as_ref(), style))
    }
}

/// `[  3.120s]`: seconds since start, right-aligned so that lines up to
/// 999s line up.
fn timestamp(event: &Event) -> String {
    format!("[{:>8}]", seconds(event.at))
}

fn render(event: &Event, names: Names, cause: Option<&(Atom, Pid, Term)>, style: &Style) -> String {
    let stamp = timestamp(event);
    let body = body(&event.kind, names, cause, style);
    // Output may span lines; continue them under the text, not the stamp.
    let indent = format!("\n{}", " ".repeat(stamp.chars().count() + 1));
    format!(
        "{} {}",
        style.paint(&stamp, Role::Quiet),
        body.replace('\n', &indent)
    )
}

/// The symbol and word that say what happened, e.g. `✖ crash`.
fn label(text: &str, role: Role, style: &Style) -> String {
    style.paint(text, role)
}

fn body(
    kind: &EventKind,
    names: Names,
    cause: Option<&(Atom, Pid, Term)>,
    style: &Style,
) -> String {
    let who = |pid: Pid| painted_pid(pid, names(pid).as_deref(), style);
    let plain_who = |pid: Pid| super::pid_with_name(pid, names);
    // A supervisor is named by its name alone (`demo`, `demo/a_d`): it is
    // the subject of the sentence, and its pid is one `tree` away.
    let sup = |pid: Pid| names(pid).unwrap_or_else(|| pid.to_string());
    match kind {
        EventKind::Spawned { pid, kind, parent } => {
            let mut line = format!(
                "{} {kind} {}",
                label("+ spawn", Role::Spawn, style),
                who(*pid)
            );
            if let Some(parent) = parent {
                line.push_str(&format!(" by {}", who(*parent)));
            }
            line
        }
        EventKind::Exited { pid, name, reason } => {
            // The registry has usually forgotten a dead process's name by
            // the time this is printed: fall back to the name it died with.
            let name = names(*pid).or_else(|| name.map(|n| n.to_string()));
            if reason.is_normal_exit() {
                let text = match &name {
                    Some(name) => format!("✓ exit {reason} {pid} ({name})"),
                    None => format!("✓ exit {reason} {pid}"),
                };
                style.paint(&text, Role::ExitNormal)
            } else {
                format!(
                    "{} {} exited with {}",
                    label("✖ crash", Role::Crash, style),
                    painted_pid(*pid, name.as_deref(), style),
                    style.paint(&reason.to_string(), Role::Crash)
                )
            }
        }
        EventKind::ExitSignal {
            from,
            to,
            reason,
            outcome,
        } => match outcome {
            SignalOutcome::Died => format!(
                "{} {} from {} killed {}",
                label("↯ exit signal", Role::Signal, style),
                style.paint(&reason.to_string(), Role::Signal),
                who(*from),
                who(*to)
            ),
            SignalOutcome::Trapped => {
                let message =
                    Term::tuple([Term::Atom(Atom::EXIT), Term::Pid(*from), reason.clone()]);
                format!(
                    "{} {} from {} trapped by {} as {}",
                    label("↯ exit signal", Role::Trapped, style),
                    style.paint(&reason.to_string(), Role::Trapped),
                    who(*from),
                    who(*to),
                    message
                )
            }
            SignalOutcome::Ignored => style.paint(
                &format!(
                    "↯ exit signal {reason} from {} ignored by {}",
                    plain_who(*from),
                    plain_who(*to)
                ),
                Role::Quiet,
            ),
        },
        EventKind::MonitorFired {
            watcher,
            target,
            reason,
            ..
        } => format!(
            "{} {} got 'DOWN' for {}: {}",
            label("▼ monitor", Role::Trapped, style),
            who(*watcher),
            who(*target),
            style.paint(&reason.to_string(), Role::Trapped)
        ),
        EventKind::Linked { a, b } => style.paint(
            &format!("⇄ link {} ↔ {}", plain_who(*a), plain_who(*b)),
            Role::Quiet,
        ),
        EventKind::Unlinked { a, b } => style.paint(
            &format!("⇄ unlink {} ↔ {}", plain_who(*a), plain_who(*b)),
            Role::Quiet,
        ),
        EventKind::Registered { name, pid } => format!(
            "{} {} {}",
            label("@ register", Role::Spawn, style),
            style.paint(&name.to_string(), Role::Name),
            style.paint(&pid.to_string(), Role::Pid)
        ),
        EventKind::Sent { from, to, message } => format!(
            "{} {} → {}: {}",
            label("✉ send", Role::Message, style),
            who(*from),
            who(*to),
            style.paint(&message.to_string(), Role::Message)
        ),
        EventKind::Received { pid, message } => format!(
            "{} {}: {}",
            label("✉ receive", Role::Message, style),
            who(*pid),
            style.paint(&message.to_string(), Role::Message)
        ),
        EventKind::Output { pid, text } => format!(
            "{} {}: {}",
            label("»", Role::Quiet, style),
            who(*pid),
            style.paint(text, Role::Output)
        ),
        EventKind::Supervisor { supervisor, report } => {
            supervisor_body(&sup(*supervisor), report, cause, style)
        }
    }
}

fn supervisor_body(
    name: &str,
    report: &SupervisorReport,
    cause: Option<&(Atom, Pid, Term)>,
    style: &Style,
) -> String {
    let pid = |pid: Pid| style.paint(&pid.to_string(), Role::Pid);
    let id = |id: &Atom| style.paint(&id.to_string(), Role::Name);
    let sup = style.paint(name, Role::Name);
    match report {
        SupervisorReport::ChildStarted { id: child, pid: p } => format!(
            "{} {sup} started {} {}",
            label("+ child", Role::Spawn, style),
            id(child),
            pid(*p)
        ),
        SupervisorReport::ChildExited {
            id: child,
            pid: p,
            reason,
        } => {
            let (text, role) = if reason.is_normal_exit() {
                ("✓ child", Role::ExitNormal)
            } else {
                ("✖ child", Role::Crash)
            };
            format!(
                "{} {sup} saw {} {} exit with {}",
                label(text, role, style),
                id(child),
                pid(*p),
                style.paint(&reason.to_string(), role)
            )
        }
        SupervisorReport::Restarting {
            strategy,
            failed,
            restarting,
            restart,
            intensity,
            period,
        } => {
            let which = if restarting.is_empty() {
                "nothing".to_string()
            } else {
                restarting
                    .iter()
                    .map(|child| id(child))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let why = match cause {
                Some((child, p, reason)) => format!(
                    ": {} {} exited with {}",
                    id(child),
                    pid(*p),
                    style.paint(&reason.to_string(), Role::Crash)
                ),
                None => format!(" after {} failed", id(failed)),
            };
            // The budget turns to a warning on the last restart before the
            // supervisor would give up.
            let budget_role = if restart >= intensity {
                Role::Warning
            } else {
                Role::Restart
            };
            format!(
                "{} {sup} restarting {which} ({strategy}){why} — {}",
                label("⟲", Role::Restart, style),
                style.paint(
                    &format!("restart {restart} of {intensity} within {}", duration(*period)),
                    budget_role
                )
            )
        }
        SupervisorReport::ChildTerminated {
            id: child,
            pid: p,
            reason,
        } => style.paint(
            &format!("■ {name} terminated {child} {p}: {reason}"),
            Role::Quiet,
        ),
        SupervisorReport::StartFailed { id: child, reason } => format!(
            "{} {sup} could not start {}: {}",
            label("✖ start failed", Role::Crash, style),
            id(child),
            style.paint(&reason.to_string(), Role::Crash)
        ),
        SupervisorReport::GaveUp {
            restarts,
            intensity,
            period,
        } => style.paint(
            &format!(
                "‼ {name} gave up: {restarts} restarts in {} exceeds intensity {intensity} — shutting down all children",
                duration(*period)
            ),
            Role::GaveUp,
        ),
    }
}
