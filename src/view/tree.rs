//! `tree`: the supervision tree, drawn with box-drawing characters.
//!
//! ```text
//! demo <0.40.0>  one_for_one  1/3 restarts in 5s
//! ├── state_server <0.41.0>      state_server  running
//! ├── a_d          <0.42.0>      one_for_one   0/3 restarts in 5s
//! │   ├── alice <0.45.0>  stateful  running  ↻2
//! │   └── bob   <0.46.0>  stateful  waiting
//! └── w3           (restarting)  counter       ↻1
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

use super::table::width;
use super::{duration, ps::status_role};
use crate::runtime::{Pid, ProcessInfo, Status};
use crate::style::{Role, Style};
use crate::supervisor::{ChildState as SnapshotState, SupervisorSnapshot};
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

/// A supervisor's snapshot as the tree views take it: `tree` in the
/// terminal, `tree --mermaid`, and the stage's SVG. `info` looks up a live
/// child's process, for its status and the function its code is in; a
/// view that shows neither passes `&|_| None`.
pub fn supervisor_view(
    name: &str,
    snapshot: &SupervisorSnapshot,
    lookup: &dyn Fn(Pid) -> Option<ProcessInfo>,
) -> SupervisorView {
    SupervisorView {
        name: name.to_owned(),
        pid: snapshot.pid,
        strategy: snapshot.strategy.name().to_owned(),
        intensity: snapshot.intensity,
        period: snapshot.period,
        restarts_in_period: snapshot.restarts_in_period,
        children: snapshot
            .children
            .iter()
            .map(|child| {
                let info = child.pid().and_then(lookup);
                ChildView {
                    id: child.id.name().to_owned(),
                    pid: child.pid(),
                    state: match child.state {
                        SnapshotState::Running(_) => ChildState::Running,
                        SnapshotState::Restarting => ChildState::Restarting,
                        SnapshotState::NotRunning => ChildState::NotRunning,
                    },
                    kind: super::kind_and_function(
                        child.kind.name(),
                        info.as_ref().and_then(|i| i.current_function),
                        info.as_ref().and_then(|i| i.code_version),
                    ),
                    restart_type: child.restart.name().to_owned(),
                    restarts: child.restarts,
                    status: info.as_ref().map(|info| info.status),
                    supervisor: child
                        .nested
                        .as_ref()
                        .map(|nested| supervisor_view(child.id.name(), nested, lookup)),
                }
            })
            .collect(),
    }
}

/// The drawing of `root` and everything under it, one line per node.
pub fn tree(root: &SupervisorView, style: &Style) -> String {
    let mut lines = vec![join(
        &[
            vec![
                (style.syntax.label(&root.name), Some(Role::Name)),
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
fn child_cells(child: &ChildView, syntax: super::Syntax) -> Cells {
    let pid = match (child.state, child.pid) {
        (ChildState::Running, Some(pid)) => (pid.to_string(), Some(Role::Pid)),
        (ChildState::Running, None) => ("(no pid)".to_string(), Some(Role::Quiet)),
        (ChildState::Restarting, _) => ("(restarting)".to_string(), Some(Role::Restart)),
        (ChildState::NotRunning, _) => ("(not running)".to_string(), Some(Role::Quiet)),
    };
    let mut cells = vec![(syntax.label(&child.id), Some(Role::Name)), pid];
    let kind = syntax.names_in(&child.kind);
    match (&child.supervisor, child.state) {
        (Some(sup), ChildState::Running) => cells.extend(budget(sup)),
        (_, ChildState::Running) => {
            cells.push((kind, None));
            let status = match child.status {
                Some(status) => (status.to_string(), Some(status_role(status))),
                None => ("alive".to_string(), Some(Role::Alive)),
            };
            cells.push(status);
        }
        // No process, so no status: the pid column already says why.
        _ => {
            cells.push((kind, None));
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
    let rows: Vec<Cells> = sup
        .children
        .iter()
        .map(|child| child_cells(child, style.syntax))
        .collect();
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
/// given, outside the paint, with no trailing spaces. Empty cells are
/// skipped.
fn join(cells: &[(String, Option<Role>)], widths: &[usize], style: &Style) -> String {
    let mut out = String::new();
    for (i, (text, role)) in cells.iter().enumerate() {
        // An empty cell (no status for a child without a process) takes no
        // room: what follows it closes up rather than leave a hole.
        if text.is_empty() {
            continue;
        }
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

/// Trees for tests of the views that draw them (the terminal tree, the
/// layout, the SVG, the stage's hall): one way to build a worker and a
/// supervisor, so each test says only what it is about.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// A running `permanent` worker of `kind`, restarted `restarts` times.
    pub fn worker(id: &str, pid: u64, kind: &str, restarts: u32) -> ChildView {
        ChildView {
            id: id.into(),
            pid: Some(Pid::from_number(pid)),
            state: ChildState::Running,
            kind: kind.into(),
            restart_type: "permanent".into(),
            restarts,
            status: None,
            supervisor: None,
        }
    }

    /// A `one_for_one` supervisor allowing `intensity` restarts in 5 s,
    /// `used` of them used.
    pub fn supervisor(
        name: &str,
        pid: u64,
        intensity: u32,
        used: u32,
        children: Vec<ChildView>,
    ) -> SupervisorView {
        SupervisorView {
            name: name.into(),
            pid: Pid::from_number(pid),
            strategy: "one_for_one".into(),
            intensity,
            period: Duration::from_secs(5),
            restarts_in_period: used,
            children,
        }
    }

    /// `view` as the child `id` of the supervisor above it.
    pub fn nested(id: &str, view: SupervisorView, restarts: u32) -> ChildView {
        let pid = view.pid.number();
        ChildView {
            supervisor: Some(view),
            ..worker(id, pid, "supervisor", restarts)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::strip_ansi;
    use crate::view::tree::fixtures;

    fn worker(id: &str, pid: u64, kind: &str, status: Status, restarts: u32) -> ChildView {
        ChildView {
            status: Some(status),
            ..fixtures::worker(id, pid, kind, restarts)
        }
    }

    fn sup(name: &str, pid: u64, used: u32, children: Vec<ChildView>) -> SupervisorView {
        fixtures::supervisor(name, pid, 3, used, children)
    }

    fn nested(id: &str, view: SupervisorView, restarts: u32) -> ChildView {
        ChildView {
            status: Some(Status::Waiting),
            ..fixtures::nested(id, view, restarts)
        }
    }

    /// The demo from the design: a state server, a nested supervisor and a
    /// worker between lives.
    fn demo() -> SupervisorView {
        let a_d = sup(
            "a_d",
            42,
            0,
            vec![
                worker("alice", 45, "stateful", Status::Running, 2),
                worker("bob", 46, "stateful", Status::Waiting, 0),
            ],
        );
        let w3 = ChildView {
            pid: None,
            state: ChildState::Restarting,
            status: None,
            ..worker("w3", 0, "counter", Status::Waiting, 1)
        };
        sup(
            "demo",
            40,
            1,
            vec![
                worker("state_server", 41, "state_server", Status::Running, 0),
                nested("a_d", a_d, 0),
                w3,
            ],
        )
    }

    #[test]
    fn draws_the_demo_tree() {
        let expected = "\
demo <0.40.0>  one_for_one  1/3 restarts in 5s
├── state_server <0.41.0>      state_server  running
├── a_d          <0.42.0>      one_for_one   0/3 restarts in 5s
│   ├── alice <0.45.0>  stateful  running  ↻2
│   └── bob   <0.46.0>  stateful  waiting
└── w3           (restarting)  counter       ↻1";
        assert_eq!(tree(&demo(), &Style::PLAIN), expected);
    }

    #[test]
    fn nesting_three_levels_deep_keeps_the_rails() {
        let level3 = sup(
            "inner",
            50,
            3,
            vec![
                worker("x", 51, "echo", Status::Waiting, 0),
                worker("y", 52, "echo", Status::Exiting, 4),
            ],
        );
        let level2 = sup(
            "middle",
            48,
            0,
            vec![
                nested("inner", level3, 1),
                ChildView {
                    pid: None,
                    state: ChildState::NotRunning,
                    status: None,
                    restart_type: "transient".into(),
                    ..worker("done", 0, "counter", Status::Waiting, 0)
                },
            ],
        );
        let root = SupervisorView {
            strategy: "rest_for_one".into(),
            intensity: 10,
            period: Duration::from_millis(1500),
            ..sup(
                "top",
                40,
                0,
                vec![
                    nested("middle", level2, 0),
                    worker("z", 60, "echo", Status::Running, 0),
                ],
            )
        };
        let expected = "\
top <0.40.0>  rest_for_one  0/10 restarts in 1.5s
├── middle <0.48.0>  one_for_one  0/3 restarts in 5s
│   ├── inner <0.50.0>       one_for_one  3/3 restarts in 5s  ↻1
│   │   ├── x <0.51.0>  echo  waiting
│   │   └── y <0.52.0>  echo  exiting  ↻4
│   └── done  (not running)  counter      transient
└── z      <0.60.0>  echo         running";
        assert_eq!(tree(&root, &Style::PLAIN), expected);
        let coloured = tree(&root, &Style::COLOR);
        assert!(coloured.contains('\x1b'));
        assert_eq!(strip_ansi(&coloured), expected);
    }

    #[test]
    fn colour_marks_status_and_restarts() {
        let coloured = tree(&demo(), &Style::COLOR);
        assert_eq!(strip_ansi(&coloured), tree(&demo(), &Style::PLAIN));
        assert!(coloured.contains("\x1b[1;96m↻2\x1b[0m"), "{coloured:?}");
        assert!(coloured.contains("\x1b[32mrunning\x1b[0m"), "{coloured:?}");
        assert!(
            coloured.contains("\x1b[1;96m(restarting)\x1b[0m"),
            "{coloured:?}"
        );
    }

    #[test]
    fn a_supervisor_without_children_says_so() {
        let empty = SupervisorView {
            strategy: "simple_one_for_one".into(),
            ..sup("pool", 70, 0, vec![])
        };
        assert_eq!(
            tree(&empty, &Style::PLAIN),
            "pool <0.70.0>  simple_one_for_one  0/3 restarts in 5s\n└── (no children)"
        );
    }
}
