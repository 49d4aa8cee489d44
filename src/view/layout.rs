//! The tidy-tree layout of supervision trees, for the SVG drawing.
//!
//! Trees grow left to right: one column per depth, one row per leaf, each
//! supervisor centred on its children. A node's place depends only on the
//! shape of the tree (which children, in start order), never on pids or
//! statuses, so a restart never moves a node: the projector shows the same
//! picture with a new pid in the same spot. Nodes are keyed by their child
//! path (`audience/E-K/erin`), the key the browser uses to follow a node
//! from one drawing to the next.
//!
//! A supervisor with many workers (an audience partition with 500 members)
//! is laid out as one summary node instead of a row per member.

use super::tree::{ChildState, ChildView, SupervisorView};
use crate::runtime::Pid;
use std::time::Duration;

/// A supervisor with more workers than this is drawn as one summary node.
pub const COLLAPSE_OVER: usize = 12;

/// Horizontal distance between depths, in SVG units.
pub const COLUMN: f64 = 410.0;
/// Vertical distance between rows, in SVG units.
pub const ROW: f64 = 104.0;

/// Where everything goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// In drawing order: a parent before its children.
    pub nodes: Vec<Node>,
    /// Parent path to child path.
    pub edges: Vec<(String, String)>,
    pub columns: usize,
    pub rows: usize,
}

/// One placed node.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The child path from the root supervisor's name: the node's key.
    pub path: String,
    /// The child id (or the root's name).
    pub label: String,
    pub depth: usize,
    /// The row the node is centred on (a supervisor: between its children).
    pub row: f64,
    pub item: Item,
}

/// What a node stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Supervisor {
        pid: Option<Pid>,
        state: ChildState,
        strategy: String,
        intensity: u32,
        period: Duration,
        restarts_in_period: u32,
        /// Restarts of this supervisor by its own parent.
        restarts: u32,
    },
    Worker {
        pid: Option<Pid>,
        state: ChildState,
        kind: String,
        restarts: u32,
    },
    /// The workers of a big supervisor, counted.
    Summary {
        alive: usize,
        total: usize,
        restarts: u32,
    },
}

impl Node {
    pub fn x(&self) -> f64 {
        self.depth as f64 * COLUMN
    }

    pub fn y(&self) -> f64 {
        self.row * ROW
    }
}

/// Lays out `roots` one under the other.
pub fn layout(roots: &[SupervisorView]) -> Layout {
    let mut layout = Layout {
        nodes: Vec::new(),
        edges: Vec::new(),
        columns: 0,
        rows: 0,
    };
    for root in roots {
        let item = supervisor_item(root, None, ChildState::Running, 0);
        place(&mut layout, root, &root.name, &root.name, 0, item);
    }
    layout
}

fn supervisor_item(
    sup: &SupervisorView,
    pid: Option<Pid>,
    state: ChildState,
    restarts: u32,
) -> Item {
    Item::Supervisor {
        pid: pid.or(Some(sup.pid)),
        state,
        strategy: sup.strategy.clone(),
        intensity: sup.intensity,
        period: sup.period,
        restarts_in_period: sup.restarts_in_period,
        restarts,
    }
}

/// Places `sup` and its subtree; returns the row it is centred on.
fn place(
    layout: &mut Layout,
    sup: &SupervisorView,
    path: &str,
    label: &str,
    depth: usize,
    item: Item,
) -> f64 {
    layout.columns = layout.columns.max(depth + 1);
    let index = layout.nodes.len();
    layout.nodes.push(Node {
        path: path.to_owned(),
        label: label.to_owned(),
        depth,
        row: 0.0,
        item,
    });
    let mut child_rows = Vec::new();
    let workers = sup
        .children
        .iter()
        .filter(|c| c.supervisor.is_none())
        .count();
    if workers > COLLAPSE_OVER {
        child_rows.push(summary(layout, sup, path, depth + 1));
    }
    for child in &sup.children {
        if workers > COLLAPSE_OVER && child.supervisor.is_none() {
            continue;
        }
        let child_path = format!("{path}/{}", child.id);
        layout.edges.push((path.to_owned(), child_path.clone()));
        child_rows.push(place_child(layout, child, &child_path, depth + 1));
    }
    let row = match (child_rows.first(), child_rows.last()) {
        (Some(first), Some(last)) => (first + last) / 2.0,
        // A supervisor without children still takes a row.
        _ => next_row(layout),
    };
    layout.nodes[index].row = row;
    row
}

fn place_child(layout: &mut Layout, child: &ChildView, path: &str, depth: usize) -> f64 {
    match &child.supervisor {
        Some(sup) => {
            let item = supervisor_item(sup, child.pid, child.state, child.restarts);
            place(layout, sup, path, &child.id, depth, item)
        }
        None => {
            let row = next_row(layout);
            layout.columns = layout.columns.max(depth + 1);
            layout.nodes.push(Node {
                path: path.to_owned(),
                label: child.id.clone(),
                depth,
                row,
                item: Item::Worker {
                    pid: child.pid,
                    state: child.state,
                    kind: child.kind.clone(),
                    restarts: child.restarts,
                },
            });
            row
        }
    }
}

/// The summary node of a big supervisor's workers, keyed `PATH/*`.
fn summary(layout: &mut Layout, sup: &SupervisorView, path: &str, depth: usize) -> f64 {
    let workers = sup.children.iter().filter(|c| c.supervisor.is_none());
    let (mut alive, mut total, mut restarts) = (0, 0, 0);
    for worker in workers {
        total += 1;
        alive += usize::from(worker.state == ChildState::Running);
        restarts += worker.restarts;
    }
    let row = next_row(layout);
    let summary_path = format!("{path}/*");
    layout.edges.push((path.to_owned(), summary_path.clone()));
    layout.columns = layout.columns.max(depth + 1);
    layout.nodes.push(Node {
        path: summary_path,
        label: format!("{total} members"),
        depth,
        row,
        item: Item::Summary {
            alive,
            total,
            restarts,
        },
    });
    row
}

fn next_row(layout: &mut Layout) -> f64 {
    let row = layout.rows as f64;
    layout.rows += 1;
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tree::fixtures;

    fn worker(id: &str, pid: u64) -> ChildView {
        fixtures::worker(id, pid, "counter", 0)
    }

    fn sup(name: &str, pid: u64, children: Vec<ChildView>) -> SupervisorView {
        fixtures::supervisor(name, pid, 3, 0, children)
    }

    fn positions(layout: &Layout) -> Vec<(String, usize, f64)> {
        let nodes = layout.nodes.iter();
        nodes.map(|n| (n.path.clone(), n.depth, n.row)).collect()
    }

    #[test]
    fn a_supervisor_is_centred_on_its_children() {
        let tree = sup(
            "demo",
            40,
            vec![worker("a", 41), worker("b", 42), worker("c", 43)],
        );
        let layout = layout(&[tree]);
        assert_eq!(
            positions(&layout),
            vec![
                ("demo".into(), 0, 1.0),
                ("demo/a".into(), 1, 0.0),
                ("demo/b".into(), 1, 1.0),
                ("demo/c".into(), 1, 2.0),
            ]
        );
        assert_eq!((layout.columns, layout.rows), (2, 3));
    }

    #[test]
    fn a_restart_does_not_move_any_node() {
        let before = sup("demo", 40, vec![worker("a", 41), worker("b", 42)]);
        let mut after = before.clone();
        after.children[0].pid = Some(Pid::from_number(77));
        after.children[0].restarts = 1;
        after.restarts_in_period = 1;
        assert_eq!(positions(&layout(&[before])), positions(&layout(&[after])));
    }

    #[test]
    fn many_workers_collapse_into_one_summary() {
        let members = (0..30).map(|i| worker(&format!("m{i}"), 100 + i)).collect();
        let partition = ChildView {
            supervisor: Some(sup("E-K", 50, members)),
            ..worker("E-K", 50)
        };
        let layout = layout(&[sup("audience", 40, vec![partition])]);
        let paths: Vec<&str> = layout.nodes.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(paths, ["audience", "audience/E-K", "audience/E-K/*"]);
        let Item::Summary { alive, total, .. } = &layout.nodes[2].item else {
            panic!("{:?}", layout.nodes[2]);
        };
        assert_eq!((*alive, *total), (30, 30));
    }
}
