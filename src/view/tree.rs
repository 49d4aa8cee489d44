//! `tree`: the supervision tree, drawn with box-drawing characters.
//!
//! ```text
//! demo <0.40.0>  one_for_one  1/3 restarts in 5s
//! ├── state_server <0.41.0>  state_server  running
//! ├── a_d          <0.42.0>  one_for_one   0/3 restarts in 5s
//! │   ├── alice <0.45.0>  stateful  running  ↻2
//! │   └── bob   <0.46.0>  stateful  waiting
//! └── w3           (restarting)  counter  ↻1
//! ```
//!
//! Each supervisor shows its strategy and how much of its restart budget
//! the current period has used (the number that decides whether it gives
//! up); each child shows its pid (or that it has none right now), its kind,
//! its status and how often it has been restarted. Siblings are aligned as
//! a small table, so a restart count or a changed pid jumps out when the
//! tree is drawn again after a crash.
//!
//! The input types are the tree's own, not the supervisor layer's: the view
//! needs a snapshot, and the supervisor layer converts its state into one.

use super::style::{Role, Style};
use super::table::width;
use super::{duration, ps::status_role};
use crate::runtime::{Pid, Status};
use std::time::Duration;

/// A supervisor and its children, as `tree` draws them.
#[derive(Clone, Debug, PartialEq)]
pub struct SupervisorView {
    pub name: String,
    pub pid: Pid,
    pub strategy: String,
    pub intensity: u32,
    pub period: Duration,
    /// Restarts within the current period: the budget used so far.
    pub restarts_in_period: u32,
    /// In start order.
    pub children: Vec<ChildView>,
}

/// One child of a supervisor.
#[derive(Clone, Debug, PartialEq)]
pub struct ChildView {
    pub id: String,
    pub pid: Option<Pid>,
    pub state: ChildState,
    pub kind: String,
    /// `permanent`, `transient` or `temporary`.
    pub restart_type: String,
    /// How often this child has been restarted so far.
    pub restarts: u32,
    /// The process status, if running.
    pub status: Option<Status>,
    /// The child's own tree, if it is a supervisor.
    pub supervisor: Option<SupervisorView>,
}

/// Whether a child has a process, as `which_children` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildState {
    Running,
    /// Between its death and its new start.
    Restarting,
    /// Not running and not about to be (`undefined` in `which_children`):
    /// terminated, or a transient child that finished normally.
    NotRunning,
}

/// The drawing of `root` and everything under it, one line per node.
pub fn tree(root: &SupervisorView, style: &Style) -> String {
    let mut lines = vec![join(
        &[
            vec![
                (root.name.clone(), Some(Role::Name)),
                (root.pid.to_string(), Some(Role::Pid)),
            ],
            budget(root),
        ]
        .concat(),
        &[],
        style,
    )];
    draw_children(root, "", style, &mut lines);
    lines.join("\n")
}

type Cells = Vec<(String, Option<Role>)>;

/// `one_for_one  1/3 restarts in 5s`: the strategy and the budget used.
fn budget(sup: &SupervisorView) -> Cells {
    let role = if sup.restarts_in_period == 0 {
        Role::Quiet
    } else if sup.restarts_in_period >= sup.intensity {
        // One more crash and the supervisor gives up.
        Role::Warning
    } else {
        Role::Restart
    };
    vec![
        (sup.strategy.clone(), None),
        (
            format!(
                "{}/{} restarts in {}",
                sup.restarts_in_period,
                sup.intensity,
                duration(sup.period)
            ),
            Some(role),
        ),
    ]
}

/// The cells of a child's line: id, pid, kind (or strategy), status (or
/// budget), then what is unusual about it.
fn child_cells(child: &ChildView) -> Cells {
    let pid = match (child.state, child.pid) {
        (ChildState::Running, Some(pid)) => (pid.to_string(), Some(Role::Pid)),
        (ChildState::Running, None) => ("(no pid)".to_string(), Some(Role::Quiet)),
        (ChildState::Restarting, _) => ("(restarting)".to_string(), Some(Role::Restart)),
        (ChildState::NotRunning, _) => ("(not running)".to_string(), Some(Role::Quiet)),
    };
    let mut cells = vec![(child.id.clone(), Some(Role::Name)), pid];
    match (&child.supervisor, child.state) {
        (Some(sup), ChildState::Running) => cells.extend(budget(sup)),
        (_, ChildState::Running) => {
            cells.push((child.kind.clone(), None));
            let status = match child.status {
                Some(status) => (status.to_string(), Some(status_role(status))),
                None => ("alive".to_string(), Some(Role::Alive)),
            };
            cells.push(status);
        }
        // No process, so no status: the pid column already says why.
        _ => {
            cells.push((child.kind.clone(), None));
            cells.push((String::new(), None));
        }
    }
    if child.restart_type != "permanent" {
        cells.push((child.restart_type.clone(), Some(Role::Quiet)));
    }
    if child.restarts > 0 {
        cells.push((format!("↻{}", child.restarts), Some(Role::Restart)));
    }
    cells
}

fn draw_children(sup: &SupervisorView, prefix: &str, style: &Style, lines: &mut Vec<String>) {
    if sup.children.is_empty() {
        lines.push(format!(
            "{prefix}{} {}",
            style.paint("└──", Role::Quiet),
            style.paint("(no children)", Role::Quiet)
        ));
        return;
    }
    let rows: Vec<Cells> = sup.children.iter().map(child_cells).collect();
    // Align the fixed columns (id, pid, kind, status) across siblings; the
    // optional ones after them are short and left ragged.
    let mut widths = [0usize; 4];
    for row in &rows {
        for (w, (text, _)) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(text));
        }
    }
    let last = sup.children.len() - 1;
    for (i, (child, row)) in sup.children.iter().zip(&rows).enumerate() {
        let (corner, more) = if i == last {
            ("└── ", "    ")
        } else {
            ("├── ", "│   ")
        };
        lines.push(format!(
            "{prefix}{}{}",
            style.paint(corner.trim_end(), Role::Quiet) + " ",
            join(row, &widths, style)
        ));
        if let (Some(nested), ChildState::Running) = (&child.supervisor, child.state) {
            let deeper = format!("{prefix}{}", style.paint(more.trim_end(), Role::Quiet))
                + &" ".repeat(more.len() - more.trim_end().len());
            draw_children(nested, &deeper, style, lines);
        }
    }
}

/// Cells joined into a line: one space after the id (it names what
/// follows), two between the other columns; each padded to `widths` where
/// given, outside the paint, with no trailing spaces.
fn join(cells: &[(String, Option<Role>)], widths: &[usize], style: &Style) -> String {
    let mut out = String::new();
    for (i, (text, role)) in cells.iter().enumerate() {
        match i {
            0 => {}
            1 => out.push(' '),
            _ => out.push_str("  "),
        }
        out.push_str(&match role {
            Some(role) => style.paint(text, *role),
            None => text.clone(),
        });
        if let Some(&w) = widths.get(i) {
            out.push_str(&" ".repeat(w.saturating_sub(width(text))));
        }
    }
    out.trim_end().to_string()
}
