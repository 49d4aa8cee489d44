//! The event feed: runtime events turned into the lines the audience reads.
//!
//! The feed subscribes to the runtime's events and renders each at the
//! current log level with the views. It also learns display names as events
//! go by: a registered name, or the supervision path of a child
//! (`demo/a_d/alice`), so that a pid in any line can be shown with the name
//! a presenter knows it by. The REPL reads the feed from a printer thread
//! while the presenter types; the script runner drains it after each
//! command.

use crate::runtime::{Cause, Event, EventKind, Pid, Runtime, SupervisorReport};
use crate::view::crash_report::{CrashReport, HeapLimitReport, crash_report, heap_limit_report};
use crate::view::{Narrator, Style};
use crossbeam_channel::Receiver;
use parking_lot::Mutex;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

pub use crate::view::LogLevel;

/// Names learned from events: a registered name, or a place in a
/// supervision tree (supervisor and child id). Paths are put together when
/// asked for, because a nested supervisor starts its children (and reports
/// them) before its own parent reports it.
#[derive(Default)]
pub struct Labels {
    names: HashMap<Pid, String>,
    parents: HashMap<Pid, (Pid, String)>,
}

impl Labels {
    /// The registered name, else the supervision path (`demo/a_d/alice`).
    pub fn get(&self, pid: Pid) -> Option<String> {
        if let Some(name) = self.names.get(&pid) {
            return Some(name.clone());
        }
        // A supervisor is always started before its children, so the walk up
        // the tree ends (at a registered name, or at an unnamed pid).
        let (parent, id) = self.parents.get(&pid)?;
        let parent_label = self.get(*parent).unwrap_or_else(|| parent.to_string());
        Some(format!("{parent_label}/{id}"))
    }

    /// The supervision path (`game/score`), even for a child that
    /// registered a name of its own (a GenServer started with `name:`),
    /// which [`Labels::get`] prefers.
    pub fn path(&self, pid: Pid) -> Option<String> {
        let (parent, id) = self.parents.get(&pid)?;
        let parent_label = self.get(*parent).unwrap_or_else(|| parent.to_string());
        Some(format!("{parent_label}/{id}"))
    }

    pub fn learn(&mut self, event: &Event) {
        match &event.kind {
            EventKind::Registered { name, pid } => {
                self.names.insert(*pid, name.name().to_owned());
            }
            EventKind::Supervisor {
                supervisor,
                report: SupervisorReport::ChildStarted { id, pid },
            } => {
                self.parents
                    .insert(*pid, (*supervisor, id.name().to_owned()));
            }
            _ => {}
        }
    }

    /// Names `pid` (the shell is `shell`).
    pub fn name(&mut self, pid: Pid, name: &str) {
        self.names.insert(pid, name.to_owned());
    }

    /// The supervisor that started `pid` as a child, if one did.
    pub fn supervisor_of(&self, pid: Pid) -> Option<Pid> {
        self.parents.get(&pid).map(|(sup, _)| *sup)
    }

    fn all(&self) -> Vec<(Pid, String)> {
        self.names
            .keys()
            .chain(self.parents.keys())
            .filter_map(|&pid| Some((pid, self.get(pid)?)))
            .collect()
    }
}

pub struct EventFeed {
    events: Mutex<Receiver<Event>>,
    labels: Mutex<Labels>,
    narrator: Mutex<Narrator>,
    /// Processes the presenter asked to `trace`: only their messages are
    /// lines (a `seq` chart traces processes too, silently).
    traced: Mutex<HashSet<Pid>>,
    /// Colour and syntax (`syntax elixir` changes it while the feed runs).
    style: Mutex<Style>,
}

impl EventFeed {
    pub fn new(runtime: &Runtime, level: LogLevel, style: Style) -> EventFeed {
        EventFeed {
            events: Mutex::new(runtime.subscribe()),
            labels: Mutex::new(Labels::default()),
            narrator: Mutex::new(Narrator::new(level)),
            traced: Mutex::new(HashSet::new()),
            style: Mutex::new(style),
        }
    }

    /// Follows a new runtime (after `reset`), forgetting the old names.
    pub fn attach(&self, runtime: &Runtime) {
        *self.events.lock() = runtime.subscribe();
        *self.labels.lock() = Labels::default();
        self.traced.lock().clear();
    }

    /// Prints `pid`'s messages (`trace PID on`) or stops.
    pub fn set_traced(&self, pid: Pid, on: bool) {
        let mut traced = self.traced.lock();
        if on {
            traced.insert(pid);
        } else {
            traced.remove(&pid);
        }
    }

    pub fn is_traced(&self, pid: Pid) -> bool {
        self.traced.lock().contains(&pid)
    }

    /// Message events are lines only for processes traced by `trace`.
    fn shows_messages(&self, kind: &EventKind) -> bool {
        let traced = self.traced.lock();
        match kind {
            EventKind::Sent { from, to, .. } => traced.contains(from) || traced.contains(to),
            EventKind::Received { pid, .. } => traced.contains(pid),
            _ => true,
        }
    }

    /// Writes the lines to come in this syntax.
    pub fn set_syntax(&self, syntax: crate::view::Syntax) {
        self.style.lock().syntax = syntax;
    }

    pub fn set_level(&self, level: LogLevel) {
        self.narrator.lock().level = level;
    }

    pub fn label(&self, pid: Pid) -> Option<String> {
        self.labels.lock().get(pid)
    }

    /// Names `pid` for the audience (the shell process is `shell`).
    pub fn name(&self, pid: Pid, name: &str) {
        self.labels.lock().names.insert(pid, name.to_owned());
    }

    /// Shows `pid`'s 'DOWN's only at the verbose level (see
    /// [`Narrator::hide_monitors_of`]).
    pub fn hide_monitors_of(&self, pid: Pid) {
        self.narrator.lock().hide_monitors_of(pid);
    }

    /// Every name learned so far.
    pub fn labels(&self) -> Vec<(Pid, String)> {
        self.labels.lock().all()
    }

    /// Lines for every event that has arrived.
    pub fn drain(&self) -> Vec<String> {
        let events: Vec<Event> = self.events.lock().try_iter().collect();
        self.render(events)
    }

    /// Waits up to `timeout` for events, then renders what arrived.
    pub fn wait(&self, timeout: Duration) -> Vec<String> {
        // Wait on a clone, not under the lock: a printer thread waits here
        // in a loop, and holding the lock while blocked would starve
        // `attach` (on `reset`) and `drain` on the REPL's thread.
        let receiver = self.events.lock().clone();
        let Ok(first) = receiver.recv_timeout(timeout) else {
            return Vec::new();
        };
        let events = std::iter::once(first).chain(receiver.try_iter()).collect();
        self.render(events)
    }

    fn render(&self, events: Vec<Event>) -> Vec<String> {
        let style = *self.style.lock();
        let mut narrator = self.narrator.lock();
        let mut lines = Vec::new();
        for event in events {
            self.labels.lock().learn(&event);
            if !self.shows_messages(&event.kind) {
                continue;
            }
            let names = |pid| self.labels.lock().get(pid);
            if let Some(line) = narrator.line(&event, &names, &style) {
                lines.push(line);
                if narrator.level == LogLevel::Verbose
                    && let Some(report) = self.crash_report(&event)
                {
                    lines.extend(report.lines().map(str::to_owned));
                }
                // OTP's logger prints this one whenever it happens.
                if narrator.level >= LogLevel::Normal
                    && let Some(report) = heap_report_of(&event, &self.labels.lock())
                {
                    let text = heap_limit_report(&report, &style);
                    lines.extend(text.lines().map(str::to_owned));
                }
            }
        }
        lines
    }

    /// OTP's crash report for a crash (not `normal` or `shutdown`), shown
    /// under `log verbose`.
    fn crash_report(&self, event: &Event) -> Option<String> {
        let EventKind::Exited { reason, .. } = &event.kind else {
            return None;
        };
        if reason.is_normal_exit() {
            return None;
        }
        let report = report_of(event, &self.labels.lock())?;
        Some(crash_report(&report, &self.style.lock()))
    }
}

/// OTP's "maximum heap size reached" report for a `HeapLimit` event.
pub fn heap_report_of(event: &Event, labels: &Labels) -> Option<HeapLimitReport> {
    let EventKind::HeapLimit {
        pid,
        max_heap_size,
        total_heap_size,
        message_queue_len,
        killed,
    } = &event.kind
    else {
        return None;
    };
    Some(HeapLimitReport {
        pid: *pid,
        label: labels.get(*pid),
        at: event.at,
        max_heap_size: *max_heap_size,
        total_heap_size: *total_heap_size,
        kill: *killed,
        message_queue_len: *message_queue_len,
    })
}

/// The crash report's facts for an `Exited` event, names looked up.
pub fn report_of(event: &Event, labels: &Labels) -> Option<CrashReport> {
    let EventKind::Exited {
        pid,
        name,
        reason,
        cause,
    } = &event.kind
    else {
        return None;
    };
    let named = |pid: Pid| (pid, labels.get(pid));
    Some(CrashReport {
        pid: *pid,
        label: labels.get(*pid),
        registered_name: *name,
        kind: cause.kind,
        reason: reason.clone(),
        at: event.at,
        last_message: cause.last_message.clone(),
        message_queue_len: cause.message_queue_len,
        links: cause.links.iter().map(|&pid| named(pid)).collect(),
        supervisor: labels.supervisor_of(*pid).map(named),
        heap_limit: match cause.cause {
            Cause::HeapLimit {
                max_heap_size,
                total_heap_size,
                ..
            } => Some(HeapLimitReport {
                pid: *pid,
                label: labels.get(*pid),
                at: event.at,
                max_heap_size,
                total_heap_size,
                kill: true,
                message_queue_len: cause.message_queue_len,
            }),
            _ => None,
        },
    })
}
