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

use super::reason::compact_in;
use super::{Names, duration, painted_pid, seconds};
use crate::runtime::{Atom, Event, EventKind, Pid, SignalOutcome, SupervisorReport, Term};
use crate::style::{Role, Style};
use std::collections::{HashMap, HashSet};

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
        // A kill the presenter did not ask for by pid: always worth a line.
        EventKind::CodePurged { .. } | EventKind::HeapLimit { .. } => Quiet,
        EventKind::Spawned { .. }
        | EventKind::Registered { .. }
        | EventKind::MonitorFired { .. } => Normal,
        EventKind::ExitSignal { outcome, .. } => match outcome {
            SignalOutcome::Died | SignalOutcome::Trapped => Normal,
            SignalOutcome::Ignored => Verbose,
        },
        EventKind::Linked { .. } | EventKind::Unlinked { .. } => Verbose,
        // Records, never lines: see `is_record_only`.
        EventKind::Command { .. }
        | EventKind::SentFor { .. }
        | EventKind::Monitored { .. }
        | EventKind::Demonitored { .. } => Verbose,
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

/// Events that are records, not news: no level shows them. The shell's
/// command and a message sent on its account record causes for `why`; a
/// monitor made or removed tells the stage which monitors to draw. Every
/// `call` (the shell's own path lookups included) makes and removes one,
/// so as lines they would bury a verbose log in plumbing.
pub fn is_record_only(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Command { .. }
            | EventKind::SentFor { .. }
            | EventKind::Monitored { .. }
            | EventKind::Demonitored { .. }
    )
}

/// The line for `event` at `level`, or `None` when the level hides it.
pub fn event_line(event: &Event, names: Names, level: LogLevel, style: &Style) -> Option<String> {
    if level < min_level(&event.kind) || is_record_only(&event.kind) {
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
    /// Processes whose 'DOWN's are bookkeeping, not news: supervisors
    /// (learned from their spawn events) and those named by
    /// [`Narrator::hide_monitors_of`].
    bookkeepers: HashSet<Pid>,
}

impl Narrator {
    pub fn new(level: LogLevel) -> Narrator {
        Narrator {
            level,
            last_exit: HashMap::new(),
            bookkeepers: HashSet::new(),
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
        if let EventKind::Spawned { pid, kind, .. } = &event.kind
            && kind.name() == "supervisor"
        {
            self.bookkeepers.insert(*pid);
        }
        if self.level < min_level(&event.kind)
            || is_record_only(&event.kind)
            || self.is_supervisor_bookkeeping(&event.kind)
        {
            return None;
        }
        Some(render(event, names, cause.as_ref(), style))
    }

    /// `pid`'s 'DOWN's are its bookkeeping: the stage's host process
    /// monitors every process it calls for a phone, and a call to one that
    /// just died (a partition that gave up) is answered by a 'DOWN'.
    pub fn hide_monitors_of(&mut self, pid: Pid) {
        self.bookkeepers.insert(pid);
    }

    /// A supervisor monitors each child it stops, to know when it is gone
    /// (S5). Those 'DOWN's are its bookkeeping, not news: the stop itself
    /// is already on screen, so they show only at the verbose level. The
    /// same holds for the other bookkeepers.
    fn is_supervisor_bookkeeping(&self, kind: &EventKind) -> bool {
        self.level < LogLevel::Verbose
            && matches!(kind, EventKind::MonitorFired { watcher, .. } if self.bookkeepers.contains(watcher))
    }
}

/// `[  3.120s]`: seconds since start, right-aligned so that lines up to
/// 999s line up.
fn timestamp(event: &Event) -> String {
    format!("[{:>8}]", seconds(event.at))
}

fn render(event: &Event, names: Names, cause: Option<&(Atom, Pid, Term)>, style: &Style) -> String {
    let stamp = timestamp(event);
    // Elixir names its processes by their modules' aliases (`Demo/Stack`).
    let in_syntax = |pid: Pid| names(pid).map(|name| style.syntax.label(&name));
    let body = body(&event.kind, &in_syntax, cause, style);
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
        EventKind::Spawned {
            pid,
            kind,
            parent,
            version,
        } => {
            let mut line = format!(
                "{} {} {}",
                label("+ spawn", Role::Spawn, style),
                super::versioned(style.syntax.module_name(kind.name()), *version),
                who(*pid)
            );
            if let Some(parent) = parent {
                line.push_str(&format!(" by {}", who(*parent)));
            }
            line
        }
        EventKind::CodePurged {
            module,
            version,
            pid,
            ..
        } => format!(
            "{} {module}@{version} killed {}: still running old code",
            label("✖ purge", Role::Crash, style),
            who(*pid),
        ),
        EventKind::HeapLimit {
            pid,
            max_heap_size,
            total_heap_size,
            message_queue_len,
            killed,
        } => {
            let waiting = match message_queue_len {
                0 => String::new(),
                1 => " with 1 message waiting".to_owned(),
                n => format!(" with {} messages waiting", super::grouped(*n as u64)),
            };
            let fate = if *killed { "killed" } else { "reported" };
            format!(
                "{} {} reached {}{waiting}, over its max_heap_size of {}: {fate}",
                label("✖ heap limit", Role::Crash, style),
                who(*pid),
                style.paint(&super::heap_words(*total_heap_size), Role::Crash),
                super::heap_words(*max_heap_size),
            )
        }
        EventKind::Exited {
            pid, name, reason, ..
        } => {
            // The registry has usually forgotten a dead process's name by
            // the time this is printed: fall back to the name it died with.
            let name = names(*pid).or_else(|| name.map(|n| n.to_string()));
            if reason.is_normal_exit() {
                let reason = super::shown_in(reason, style);
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
                    style.paint(&compact_in(reason, style), Role::Crash)
                )
            }
        }
        EventKind::ExitSignal {
            from,
            to,
            reason,
            outcome,
            ..
        } => match outcome {
            SignalOutcome::Died => format!(
                "{} {} from {} killed {}",
                label("↯ exit signal", Role::Signal, style),
                style.paint(&compact_in(reason, style), Role::Signal),
                who(*from),
                who(*to)
            ),
            SignalOutcome::Trapped => {
                let shown = compact_in(reason, style);
                // The 'EXIT' message as the receiver will see it, unless
                // its reason carries a stack too long for one line.
                let message = if shown == super::shown_in(reason, style) {
                    super::shown_in(
                        &Term::tuple([
                            Term::from_atom(Atom::EXIT),
                            Term::pid(*from),
                            reason.clone(),
                        ]),
                        style,
                    )
                } else {
                    "an 'EXIT' message".to_string()
                };
                format!(
                    "{} {} from {} trapped by {} as {}",
                    label("↯ exit signal", Role::Trapped, style),
                    style.paint(&shown, Role::Trapped),
                    who(*from),
                    who(*to),
                    message
                )
            }
            SignalOutcome::Ignored => style.paint(
                &format!(
                    "↯ exit signal {} from {} ignored by {}",
                    compact_in(reason, style),
                    plain_who(*from),
                    plain_who(*to)
                ),
                Role::Quiet,
            ),
        },
        EventKind::MonitorFired {
            watcher,
            object,
            reason,
            ..
        } => format!(
            "{} {} got 'DOWN' for {}: {}",
            label("▼ monitor", Role::Trapped, style),
            who(*watcher),
            match object.as_pid() {
                Some(pid) => who(pid),
                None => object.to_string(),
            },
            style.paint(&compact_in(reason, style), Role::Trapped)
        ),
        EventKind::Linked { a, b } => style.paint(
            &format!("⇄ link {} ↔ {}", plain_who(*a), plain_who(*b)),
            Role::Quiet,
        ),
        EventKind::Unlinked { a, b } => style.paint(
            &format!("⇄ unlink {} ↔ {}", plain_who(*a), plain_who(*b)),
            Role::Quiet,
        ),
        EventKind::Monitored {
            watcher,
            target,
            reference,
        } => style.paint(
            &format!(
                "◎ monitor {} → {} {reference}",
                plain_who(*watcher),
                plain_who(*target)
            ),
            Role::Quiet,
        ),
        EventKind::Demonitored { watcher, reference } => style.paint(
            &format!("◎ demonitor {} {reference}", plain_who(*watcher)),
            Role::Quiet,
        ),
        EventKind::Registered { name, pid } => format!(
            "{} {} {}",
            label("@ register", Role::Spawn, style),
            style.paint(&style.syntax.label(&name.to_string()), Role::Name),
            style.paint(&pid.to_string(), Role::Pid)
        ),
        EventKind::Sent { from, to, message } => format!(
            "{} {} → {}: {}",
            label("✉ send", Role::Message, style),
            who(*from),
            who(*to),
            style.paint(&super::shown_in(message, style), Role::Message)
        ),
        EventKind::Received { pid, message } => format!(
            "{} {}: {}",
            label("✉ receive", Role::Message, style),
            who(*pid),
            style.paint(&super::shown_in(message, style), Role::Message)
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
        EventKind::Command { text, .. } => style.paint(&format!("> {text}"), Role::Quiet),
        EventKind::SentFor {
            from, to, message, ..
        } => format!(
            "{} {} → {}: {}",
            label("→ send", Role::Message, style),
            who(*from),
            who(*to),
            style.paint(&super::shown_in(message, style), Role::Message)
        ),
    }
}

fn supervisor_body(
    name: &str,
    report: &SupervisorReport,
    cause: Option<&(Atom, Pid, Term)>,
    style: &Style,
) -> String {
    let pid = |pid: Pid| style.paint(&pid.to_string(), Role::Pid);
    // A child id that is no atom (OTP allows any term) is known by the
    // atom of its text, `{w,1}`: written as that text, not quoted.
    let id = |id: &Atom| {
        let text = if id.name().starts_with(['{', '[']) {
            id.name().to_owned()
        } else {
            id.to_string()
        };
        style.paint(&style.syntax.label(&text), Role::Name)
    };
    let sup = style.paint(name, Role::Name);
    match report {
        SupervisorReport::ChildStarted { id: child, pid: p } => format!(
            "{} {sup} started {} {}",
            label("+", Role::Spawn, style),
            id(child),
            pid(*p)
        ),
        SupervisorReport::ChildExited {
            id: child,
            pid: p,
            reason,
        } => {
            let (text, role) = if reason.is_normal_exit() {
                ("✓", Role::ExitNormal)
            } else {
                ("✖", Role::Crash)
            };
            format!(
                "{} {sup} saw {} {} exit with {}",
                label(text, role, style),
                id(child),
                pid(*p),
                style.paint(&compact_in(reason, style), role)
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
                    .map(&id)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let why = match cause {
                Some((child, p, reason)) => format!(
                    ": {} {} exited with {}",
                    id(child),
                    pid(*p),
                    style.paint(&compact_in(reason, style), Role::Crash)
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
            &format!("■ {name} terminated {child} {p}: {}", compact_in(reason, style)),
            Role::Quiet,
        ),
        SupervisorReport::StartFailed { id: child, reason } => format!(
            "{} {sup} could not start {}: {}",
            label("✖", Role::Crash, style),
            id(child),
            style.paint(&super::shown_in(reason, style), Role::Crash)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Ref;
    use crate::view::strip_ansi;
    use std::time::Duration;

    fn pid(n: u64) -> Pid {
        Pid::from_number(n)
    }

    fn names(p: Pid) -> Option<String> {
        match p.number() {
            30 => Some("shell".into()),
            40 => Some("demo".into()),
            44 => Some("demo/w1".into()),
            45 => Some("demo/w2".into()),
            _ => None,
        }
    }

    fn at(ms: u64, kind: EventKind) -> Event {
        Event {
            id: crate::runtime::EventId::new(ms + 1).unwrap(),
            at: Duration::from_millis(ms),
            kind,
        }
    }

    fn own_exit() -> Box<crate::runtime::ExitCause> {
        Box::new(crate::runtime::ExitCause {
            cause: crate::runtime::Cause::Own { location: None },
            acting_for: None,
            kind: Atom::new("counter"),
            last_message: None,
            message_queue_len: 0,
            links: Vec::new(),
        })
    }

    fn sup(report: SupervisorReport) -> EventKind {
        EventKind::Supervisor {
            supervisor: pid(40),
            report,
        }
    }

    fn boom() -> Term {
        Term::atom("boom")
    }

    /// One of every kind of event, in the order a small demo produces them.
    fn story() -> Vec<Event> {
        let w1 = Atom::new("w1");
        vec![
            at(
                0,
                EventKind::Spawned {
                    pid: pid(40),
                    kind: Atom::new("supervisor"),
                    parent: Some(pid(30)),
                    version: None,
                },
            ),
            at(
                0,
                EventKind::Registered {
                    name: Atom::new("demo"),
                    pid: pid(40),
                },
            ),
            at(
                1,
                EventKind::Spawned {
                    pid: pid(44),
                    kind: Atom::new("counter"),
                    parent: Some(pid(40)),
                    version: None,
                },
            ),
            at(
                1,
                EventKind::Linked {
                    a: pid(40),
                    b: pid(44),
                },
            ),
            at(
                1,
                sup(SupervisorReport::ChildStarted {
                    id: w1,
                    pid: pid(44),
                }),
            ),
            at(
                250,
                EventKind::Sent {
                    from: pid(30),
                    to: pid(44),
                    message: Term::tuple([Term::atom("add"), Term::int(5)]),
                },
            ),
            at(
                251,
                EventKind::Received {
                    pid: pid(44),
                    message: Term::tuple([Term::atom("add"), Term::int(5)]),
                },
            ),
            at(
                900,
                EventKind::Output {
                    pid: pid(44),
                    text: "count is 5".into(),
                },
            ),
            at(
                3120,
                EventKind::Exited {
                    cause: own_exit(),
                    pid: pid(44),
                    name: None,
                    reason: boom(),
                },
            ),
            at(
                3120,
                EventKind::ExitSignal {
                    cause: None,
                    from: pid(44),
                    to: pid(40),
                    reason: boom(),
                    outcome: SignalOutcome::Trapped,
                },
            ),
            at(
                3120,
                sup(SupervisorReport::ChildExited {
                    id: w1,
                    pid: pid(44),
                    reason: boom(),
                }),
            ),
            at(
                3120,
                sup(SupervisorReport::Restarting {
                    strategy: Atom::new("one_for_one"),
                    failed: w1,
                    restarting: vec![w1],
                    restart: 2,
                    intensity: 3,
                    period: Duration::from_secs(5),
                }),
            ),
            at(
                3121,
                EventKind::ExitSignal {
                    cause: None,
                    from: pid(30),
                    to: pid(46),
                    reason: Term::normal(),
                    outcome: SignalOutcome::Ignored,
                },
            ),
            at(
                3500,
                EventKind::ExitSignal {
                    cause: None,
                    from: pid(46),
                    to: pid(47),
                    reason: boom(),
                    outcome: SignalOutcome::Died,
                },
            ),
            at(
                3500,
                EventKind::Exited {
                    cause: own_exit(),
                    pid: pid(47),
                    name: Some(Atom::new("logger")),
                    reason: boom(),
                },
            ),
            at(
                3500,
                EventKind::MonitorFired {
                    watcher: pid(30),
                    object: Term::pid(pid(47)),
                    reference: Ref::from_number(7),
                    reason: boom(),
                },
            ),
            at(
                4000,
                EventKind::Unlinked {
                    a: pid(30),
                    b: pid(46),
                },
            ),
            at(
                4000,
                EventKind::Exited {
                    cause: own_exit(),
                    pid: pid(46),
                    name: None,
                    reason: Term::normal(),
                },
            ),
            at(
                4200,
                sup(SupervisorReport::ChildTerminated {
                    id: Atom::new("w2"),
                    pid: pid(45),
                    reason: Term::atom("shutdown"),
                }),
            ),
            at(
                4300,
                sup(SupervisorReport::StartFailed {
                    id: Atom::new("w2"),
                    reason: Term::error(Term::atom("badarg")),
                }),
            ),
            at(
                5000,
                sup(SupervisorReport::GaveUp {
                    restarts: 4,
                    intensity: 3,
                    period: Duration::from_secs(5),
                }),
            ),
            at(
                1_234_567,
                EventKind::Exited {
                    cause: own_exit(),
                    pid: pid(40),
                    name: Some(Atom::new("demo")),
                    reason: Term::atom("shutdown"),
                },
            ),
        ]
    }

    fn stateless(level: LogLevel) -> Vec<String> {
        story()
            .iter()
            .filter_map(|e| event_line(e, &names, level, &Style::PLAIN))
            .collect()
    }

    #[test]
    fn verbose_shows_everything() {
        let expected = [
            "[  0.000s] + spawn supervisor <0.40.0> (demo) by <0.30.0> (shell)",
            "[  0.000s] @ register demo <0.40.0>",
            "[  0.001s] + spawn counter <0.44.0> (demo/w1) by <0.40.0> (demo)",
            "[  0.001s] ⇄ link <0.40.0> (demo) ↔ <0.44.0> (demo/w1)",
            "[  0.001s] + demo started w1 <0.44.0>",
            "[  0.250s] ✉ send <0.30.0> (shell) → <0.44.0> (demo/w1): {add,5}",
            "[  0.251s] ✉ receive <0.44.0> (demo/w1): {add,5}",
            "[  0.900s] » <0.44.0> (demo/w1): count is 5",
            "[  3.120s] ✖ crash <0.44.0> (demo/w1) exited with boom",
            "[  3.120s] ↯ exit signal boom from <0.44.0> (demo/w1) trapped by <0.40.0> (demo) as {'EXIT',<0.44.0>,boom}",
            "[  3.120s] ✖ demo saw w1 <0.44.0> exit with boom",
            "[  3.120s] ⟲ demo restarting w1 (one_for_one) after w1 failed — restart 2 of 3 within 5s",
            "[  3.121s] ↯ exit signal normal from <0.30.0> (shell) ignored by <0.46.0>",
            "[  3.500s] ↯ exit signal boom from <0.46.0> killed <0.47.0>",
            "[  3.500s] ✖ crash <0.47.0> (logger) exited with boom",
            "[  3.500s] ▼ monitor <0.30.0> (shell) got 'DOWN' for <0.47.0>: boom",
            "[  4.000s] ⇄ unlink <0.30.0> (shell) ↔ <0.46.0>",
            "[  4.000s] ✓ exit normal <0.46.0>",
            "[  4.200s] ■ demo terminated w2 <0.45.0>: shutdown",
            "[  4.300s] ✖ demo could not start w2: {error,badarg}",
            "[  5.000s] ‼ demo gave up: 4 restarts in 5s exceeds intensity 3 — shutting down all children",
            "[1234.567s] ✓ exit shutdown <0.40.0> (demo)",
        ];
        assert_eq!(stateless(LogLevel::Verbose), expected);
    }

    #[test]
    fn normal_hides_the_plumbing() {
        let expected = [
            "[  0.000s] + spawn supervisor <0.40.0> (demo) by <0.30.0> (shell)",
            "[  0.000s] @ register demo <0.40.0>",
            "[  0.001s] + spawn counter <0.44.0> (demo/w1) by <0.40.0> (demo)",
            "[  0.250s] ✉ send <0.30.0> (shell) → <0.44.0> (demo/w1): {add,5}",
            "[  0.251s] ✉ receive <0.44.0> (demo/w1): {add,5}",
            "[  0.900s] » <0.44.0> (demo/w1): count is 5",
            "[  3.120s] ✖ crash <0.44.0> (demo/w1) exited with boom",
            "[  3.120s] ↯ exit signal boom from <0.44.0> (demo/w1) trapped by <0.40.0> (demo) as {'EXIT',<0.44.0>,boom}",
            "[  3.120s] ⟲ demo restarting w1 (one_for_one) after w1 failed — restart 2 of 3 within 5s",
            "[  3.500s] ↯ exit signal boom from <0.46.0> killed <0.47.0>",
            "[  3.500s] ✖ crash <0.47.0> (logger) exited with boom",
            "[  3.500s] ▼ monitor <0.30.0> (shell) got 'DOWN' for <0.47.0>: boom",
            "[  4.000s] ✓ exit normal <0.46.0>",
            "[  4.300s] ✖ demo could not start w2: {error,badarg}",
            "[  5.000s] ‼ demo gave up: 4 restarts in 5s exceeds intensity 3 — shutting down all children",
            "[1234.567s] ✓ exit shutdown <0.40.0> (demo)",
        ];
        assert_eq!(stateless(LogLevel::Normal), expected);
    }

    #[test]
    fn quiet_keeps_the_story() {
        let expected = [
            "[  0.250s] ✉ send <0.30.0> (shell) → <0.44.0> (demo/w1): {add,5}",
            "[  0.251s] ✉ receive <0.44.0> (demo/w1): {add,5}",
            "[  0.900s] » <0.44.0> (demo/w1): count is 5",
            "[  3.120s] ✖ crash <0.44.0> (demo/w1) exited with boom",
            "[  3.120s] ⟲ demo restarting w1 (one_for_one) after w1 failed — restart 2 of 3 within 5s",
            "[  3.500s] ✖ crash <0.47.0> (logger) exited with boom",
            "[  4.300s] ✖ demo could not start w2: {error,badarg}",
            "[  5.000s] ‼ demo gave up: 4 restarts in 5s exceeds intensity 3 — shutting down all children",
        ];
        assert_eq!(stateless(LogLevel::Quiet), expected);
    }

    #[test]
    fn levels_nest() {
        for event in story() {
            let shown = |level| event_line(&event, &names, level, &Style::PLAIN).is_some();
            assert!(shown(LogLevel::Verbose), "{event:?}");
            if shown(LogLevel::Quiet) {
                assert!(shown(LogLevel::Normal), "{event:?}");
            }
        }
    }

    /// A monitor made and removed (every `call` does both) is a record
    /// for the stage, not a line: the REPL prints what it printed before.
    #[test]
    fn monitors_are_records_not_lines() {
        let reference = Ref::from_number(9);
        let made = at(
            7,
            EventKind::Monitored {
                watcher: pid(30),
                target: pid(44),
                reference,
            },
        );
        let removed = at(
            8,
            EventKind::Demonitored {
                watcher: pid(30),
                reference,
            },
        );
        let mut narrator = Narrator::new(LogLevel::Verbose);
        for event in [made, removed] {
            for level in [LogLevel::Quiet, LogLevel::Normal, LogLevel::Verbose] {
                assert_eq!(event_line(&event, &names, level, &Style::PLAIN), None);
            }
            assert_eq!(narrator.line(&event, &names, &Style::PLAIN), None);
        }
        // Said plainly all the same, for whoever renders records.
        assert_eq!(
            body(
                &EventKind::Monitored {
                    watcher: pid(30),
                    target: pid(44),
                    reference,
                },
                &names,
                None,
                &Style::PLAIN
            ),
            "◎ monitor <0.30.0> (shell) → <0.44.0> (demo/w1) #Ref<0.9>"
        );
    }

    #[test]
    fn the_narrator_explains_restarts() {
        let mut narrator = Narrator::new(LogLevel::Quiet);
        let lines: Vec<String> = story()
            .iter()
            .filter_map(|e| narrator.line(e, &names, &Style::PLAIN))
            .collect();
        assert_eq!(
            lines[4],
            "[  3.120s] ⟲ demo restarting w1 (one_for_one): w1 <0.44.0> exited with boom — restart 2 of 3 within 5s"
        );
        // Apart from the restart, the narrator says what event_line says.
        let mut expected = stateless(LogLevel::Quiet);
        expected[4] = lines[4].clone();
        assert_eq!(lines, expected);
    }

    #[test]
    fn one_for_all_names_every_child_it_restarts() {
        let mut narrator = Narrator::new(LogLevel::Normal);
        let [w1, w2, w3] = ["w1", "w2", "w3"].map(Atom::new);
        let exited = at(
            10,
            sup(SupervisorReport::ChildExited {
                id: w2,
                pid: pid(45),
                reason: boom(),
            }),
        );
        let restarting = at(
            10,
            sup(SupervisorReport::Restarting {
                strategy: Atom::new("one_for_all"),
                failed: w2,
                restarting: vec![w1, w2, w3],
                restart: 1,
                intensity: 3,
                period: Duration::from_secs(5),
            }),
        );
        assert_eq!(narrator.line(&exited, &names, &Style::PLAIN), None);
        assert_eq!(
            narrator.line(&restarting, &names, &Style::PLAIN).unwrap(),
            "[  0.010s] ⟲ demo restarting w1, w2, w3 (one_for_all): w2 <0.45.0> exited with boom — restart 1 of 3 within 5s"
        );
        // The cause is used once: a second report without a fresh exit
        // falls back to naming the failed child.
        assert_eq!(
            narrator.line(&restarting, &names, &Style::PLAIN).unwrap(),
            "[  0.010s] ⟲ demo restarting w1, w2, w3 (one_for_all) after w2 failed — restart 1 of 3 within 5s"
        );
    }

    #[test]
    fn colour_adds_only_escapes() {
        for event in story() {
            let plain = event_line(&event, &names, LogLevel::Verbose, &Style::PLAIN).unwrap();
            let coloured = event_line(&event, &names, LogLevel::Verbose, &Style::COLOR).unwrap();
            assert!(coloured.contains('\x1b'), "{coloured}");
            assert_eq!(strip_ansi(&coloured), plain);
        }
    }

    #[test]
    fn colour_follows_meaning() {
        let line =
            |kind| event_line(&at(0, kind), &names, LogLevel::Verbose, &Style::COLOR).unwrap();
        let crash = line(EventKind::Exited {
            cause: own_exit(),
            pid: pid(44),
            name: None,
            reason: boom(),
        });
        assert!(crash.contains("\x1b[1;31m✖ crash\x1b[0m"), "{crash:?}");
        let spawn = line(EventKind::Spawned {
            pid: pid(44),
            kind: Atom::new("echo"),
            parent: None,
            version: None,
        });
        assert!(spawn.contains("\x1b[32m+ spawn\x1b[0m"), "{spawn:?}");
        let normal = line(EventKind::Exited {
            cause: own_exit(),
            pid: pid(44),
            name: None,
            reason: Term::normal(),
        });
        assert!(
            normal.contains("\x1b[2m✓ exit normal <0.44.0> (demo/w1)\x1b[0m"),
            "{normal:?}"
        );
        let gave_up = line(sup(SupervisorReport::GaveUp {
            restarts: 4,
            intensity: 3,
            period: Duration::from_secs(5),
        }));
        assert!(
            gave_up.contains("\x1b[1;41;97m‼ demo gave up"),
            "{gave_up:?}"
        );
    }

    #[test]
    fn the_last_restart_in_budget_is_a_warning() {
        let restarting = |restart| {
            let kind = sup(SupervisorReport::Restarting {
                strategy: Atom::new("one_for_one"),
                failed: Atom::new("w1"),
                restarting: vec![Atom::new("w1")],
                restart,
                intensity: 3,
                period: Duration::from_secs(5),
            });
            event_line(&at(0, kind), &names, LogLevel::Quiet, &Style::COLOR).unwrap()
        };
        assert!(restarting(2).contains("\x1b[1;96mrestart 2 of 3"));
        assert!(restarting(3).contains("\x1b[1;33mrestart 3 of 3"));
    }

    #[test]
    fn multi_line_output_stays_under_its_text() {
        let event = at(
            1500,
            EventKind::Output {
                pid: pid(44),
                text: "line one\nline two".into(),
            },
        );
        assert_eq!(
            event_line(&event, &names, LogLevel::Quiet, &Style::PLAIN).unwrap(),
            "[  1.500s] » <0.44.0> (demo/w1): line one\n           line two"
        );
    }
}
