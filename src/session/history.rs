//! The session's memory of what happened, for `why`, crash reports in
//! `info` and message sequence charts.
//!
//! The history has its own subscription to the runtime's events (the
//! printing feed may be drained by another thread at any time) and takes
//! in what has arrived whenever the session asks ([`History::absorb`],
//! after every command and before answering `why`). It keeps the events
//! that causes point at (deaths, exit signals, commands, messages sent for
//! a command, supervisor reports) by id, oldest forgotten first, and learns
//! names and supervision paths as the feed does. While a chart records, it
//! hands every event to the chart too.

use super::seq::ChartRecorder;
use crate::runtime::{Event, EventId, EventKind, Pid, Runtime, SignalOutcome};
use crate::view::feed::Labels;
use crossbeam_channel::Receiver;
use std::collections::{BTreeMap, HashMap};

/// How many events the history keeps: a long talk's worth.
const KEEP: usize = 50_000;

pub(super) struct History {
    events: Receiver<Event>,
    kept: BTreeMap<EventId, Event>,
    /// Each process's death, by pid.
    deaths: HashMap<Pid, EventId>,
    pub(super) labels: Labels,
    pub(super) chart: Option<ChartRecorder>,
}

impl History {
    pub(super) fn new(runtime: &Runtime) -> History {
        History {
            events: runtime.subscribe(),
            kept: BTreeMap::new(),
            deaths: HashMap::new(),
            labels: Labels::default(),
            chart: None,
        }
    }

    /// Takes in every event that has arrived; returns the pids that a
    /// recording chart wants traced (restarted children of its paths).
    pub(super) fn absorb(&mut self) -> Vec<Pid> {
        let arrived: Vec<Event> = self.events.try_iter().collect();
        let mut to_trace = Vec::new();
        for event in arrived {
            self.labels.learn(&event);
            if let Some(chart) = &mut self.chart {
                to_trace.extend(chart.record(&event, &self.labels));
            }
            if let EventKind::Exited { pid, .. } = &event.kind {
                self.deaths.insert(*pid, event.id);
            }
            if worth_keeping(&event.kind) {
                self.kept.insert(event.id, event);
                if self.kept.len() > KEEP
                    && let Some((_, oldest)) = self.kept.pop_first()
                    && let EventKind::Exited { pid, .. } = oldest.kind
                {
                    self.deaths.remove(&pid);
                }
            }
        }
        to_trace
    }

    pub(super) fn get(&self, id: EventId) -> Option<&Event> {
        self.kept.get(&id)
    }

    /// The `Exited` event of `pid`, if it died and is remembered.
    pub(super) fn death_of(&self, pid: Pid) -> Option<&Event> {
        self.deaths.get(&pid).and_then(|id| self.kept.get(id))
    }

    /// Kept events before `id`, newest first.
    pub(super) fn before(&self, id: EventId) -> impl Iterator<Item = &Event> {
        self.kept.range(..id).rev().map(|(_, event)| event)
    }

    /// Kept events after `id`, oldest first.
    pub(super) fn after(&self, id: EventId) -> impl Iterator<Item = &Event> {
        self.kept
            .range(id..)
            .skip_while(move |(k, _)| **k == id)
            .map(|(_, event)| event)
    }

    /// Every remembered death, newest first.
    pub(super) fn deaths_newest_first(&self) -> impl Iterator<Item = &Event> {
        self.kept
            .values()
            .rev()
            .filter(|event| matches!(event.kind, EventKind::Exited { .. }))
    }
}

/// The events a cause can point at, or a chain step needs.
fn worth_keeping(kind: &EventKind) -> bool {
    match kind {
        EventKind::Exited { .. }
        | EventKind::Command { .. }
        | EventKind::SentFor { .. }
        | EventKind::CodePurged { .. }
        | EventKind::HeapLimit { .. }
        | EventKind::Supervisor { .. } => true,
        EventKind::ExitSignal { outcome, .. } => *outcome != SignalOutcome::Ignored,
        _ => false,
    }
}
