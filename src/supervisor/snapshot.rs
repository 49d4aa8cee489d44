//! A supervisor's view of itself, for `tree` and for tests.

use super::spec::{ChildStart, ChildType, RestartType, Shutdown, Strategy};
use crate::runtime::{Atom, Pid, Term};
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub struct SupervisorSnapshot {
    pub pid: Pid,
    pub strategy: Strategy,
    pub intensity: u32,
    pub period: Duration,
    /// Restarts counted against the intensity right now.
    pub restarts_in_period: u32,
    /// In start order.
    pub children: Vec<ChildSnapshot>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChildSnapshot {
    /// `undefined` for the instances of a `simple_one_for_one` supervisor.
    pub id: Atom,
    pub state: ChildState,
    pub child_type: ChildType,
    pub kind: Atom,
    pub restart: RestartType,
    pub shutdown: Shutdown,
    /// The start function `{M, F, A}` of a child spec written in Erlang
    /// or Elixir (`supervisor:start_link/3`'s, `start_child/2`'s); `None`
    /// for one made in Rust (a built-in kind, a `sup` block's nested
    /// supervisor).
    pub start: Option<(Atom, Atom, Term)>,
    /// How many times the supervisor restarted this child.
    pub restarts: u32,
    /// For a child supervisor that is running: its own snapshot (filled in
    /// by [`super::api::snapshot`], which asks each child supervisor).
    pub nested: Option<Box<SupervisorSnapshot>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildState {
    Running(Pid),
    /// Between its death and its restart (a restart delay, or a retry).
    Restarting,
    /// Not running and not about to be (terminated, or a transient child
    /// that finished normally).
    NotRunning,
}

impl ChildSnapshot {
    pub fn pid(&self) -> Option<Pid> {
        match self.state {
            ChildState::Running(pid) => Some(pid),
            _ => None,
        }
    }
}

/// The `{M, F, A}` a child spec's start names, if it was written as one.
pub(super) fn start_function(start: &ChildStart) -> Option<(Atom, Atom, Term)> {
    match start {
        ChildStart::Call { mfa, .. } => Some(mfa.clone()),
        ChildStart::Spawn(_) | ChildStart::Supervisor(_) => None,
    }
}
