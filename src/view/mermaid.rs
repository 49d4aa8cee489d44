//! Mermaid: the supervision tree as a flowchart, and the text escaping
//! every Mermaid picture here needs.
//!
//! `tree --mermaid` prints a `flowchart TD` that GitHub and Livebook
//! render: supervisors and workers are styled apart (`classDef`), the
//! supervision edges are solid arrows and the other links between
//! processes in the tree are dotted lines. Message sequence charts in
//! Mermaid are drawn by [`super::seq::mermaid`]. The [`check`] module is
//! a small checker of the syntax emitted here, which the tests run.

use super::tree::{ChildState, ChildView, SupervisorView};
use crate::runtime::Pid;

/// Text for a Mermaid label: `#`, `;`, `<`, `>` and `"` as Mermaid's entity
/// codes, so that pids and tuples stay text (a raw `<0.5.0>` would be read
/// as HTML, a raw `;` would end the statement).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            ';' => out.push_str("#59;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '"' => out.push_str("#quot;"),
            c => out.push(c),
        }
    }
    out
}

fn node_id(pid: Pid) -> String {
    format!("p{}", pid.number())
}

/// The tree as a Mermaid flowchart; `links` are links between processes
/// (any pairs: those that are not supervision edges are drawn dotted).
pub fn tree_flowchart(root: &SupervisorView, links: &[(Pid, Pid)]) -> String {
    let mut lines = vec!["flowchart TD".to_owned()];
    let mut edges = Vec::new();
    let mut supervised = Vec::new();
    lines.push(format!(
        "    {}[\"{} {}<br/>{}\"]:::supervisor",
        node_id(root.pid),
        escape(&root.name),
        escape(&root.pid.to_string()),
        root.strategy
    ));
    let mut next_missing = 0;
    add_children(
        root,
        &mut lines,
        &mut edges,
        &mut supervised,
        &mut next_missing,
    );
    lines.extend(edges);
    let mut dotted: Vec<(Pid, Pid)> = links
        .iter()
        .map(|&(a, b)| (a.min(b), a.max(b)))
        .filter(|pair| !supervised.contains(pair))
        .collect();
    dotted.sort();
    dotted.dedup();
    let in_tree = |pid: Pid| {
        lines
            .iter()
            .any(|l| l.starts_with(&format!("    {}[", node_id(pid))))
    };
    let dotted: Vec<String> = dotted
        .into_iter()
        .filter(|&(a, b)| in_tree(a) && in_tree(b))
        .map(|(a, b)| format!("    {} -.- {}", node_id(a), node_id(b)))
        .collect();
    lines.extend(dotted);
    lines.push("    classDef supervisor fill:#dde8ff,stroke:#335,stroke-width:2px".to_owned());
    lines.push("    classDef worker fill:#f4f4f4,stroke:#777".to_owned());
    lines.push("    classDef down fill:#fdd,stroke:#c33,stroke-dasharray:4".to_owned());
    lines.join("\n")
}

fn add_children(
    sup: &SupervisorView,
    lines: &mut Vec<String>,
    edges: &mut Vec<String>,
    supervised: &mut Vec<(Pid, Pid)>,
    next_missing: &mut usize,
) {
    for child in &sup.children {
        let id = match child.pid {
            Some(pid) => node_id(pid),
            None => {
                *next_missing += 1;
                format!("down{next_missing}")
            }
        };
        lines.push(format!(
            "    {id}[\"{}\"]:::{}",
            child_label(child),
            class(child)
        ));
        edges.push(format!("    {} --> {id}", node_id(sup.pid)));
        if let Some(pid) = child.pid {
            supervised.push((sup.pid.min(pid), sup.pid.max(pid)));
        }
        if let Some(nested) = &child.supervisor {
            add_children(nested, lines, edges, supervised, next_missing);
        }
    }
}

fn child_label(child: &ChildView) -> String {
    let pid = match (child.pid, child.state) {
        (Some(pid), _) => pid.to_string(),
        (None, ChildState::Restarting) => "restarting".to_owned(),
        (None, _) => "undefined".to_owned(),
    };
    let second = match &child.supervisor {
        Some(nested) => nested.strategy.clone(),
        None => child.kind.clone(),
    };
    let restarts = if child.restarts > 0 {
        format!(" ↻{}", child.restarts)
    } else {
        String::new()
    };
    escape(&format!("{} {pid}", child.id)) + &format!("<br/>{}{restarts}", escape(&second))
}

fn class(child: &ChildView) -> &'static str {
    match (child.supervisor.is_some(), child.pid.is_some()) {
        (_, false) => "down",
        (true, true) => "supervisor",
        (false, true) => "worker",
    }
}

/// A small checker of the Mermaid syntax this crate emits: enough to
/// catch a malformed line, an undeclared participant, or a raw character
/// that Mermaid would misread. Not a Mermaid parser.
#[cfg(test)]
pub(crate) mod check {
    use std::collections::HashSet;

    /// A label: no raw `<`, `>`, `;` or `"` (but `<br/>`), and every `#`
    /// starts an entity code such as `#35;` or `#lt;`.
    fn label_ok(text: &str) -> Result<(), String> {
        let text_without_breaks = text.replace("<br/>", "");
        let mut rest = text_without_breaks.as_str();
        while let Some(c) = rest.chars().next() {
            if c == '#' {
                let after = &rest[1..];
                let end = after
                    .find(';')
                    .ok_or(format!("unterminated entity in `{text}`"))?;
                if end == 0 || !after[..end].chars().all(|c| c.is_ascii_alphanumeric()) {
                    return Err(format!("bad entity in `{text}`"));
                }
                rest = &after[end + 1..];
                continue;
            }
            if matches!(c, '<' | '>' | ';' | '"') {
                return Err(format!("raw `{c}` in label `{text}`"));
            }
            rest = &rest[c.len_utf8()..];
        }
        Ok(())
    }

    fn ident(text: &str) -> bool {
        !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    }

    /// A `sequenceDiagram`: participants, then messages and notes between
    /// declared participants.
    pub(crate) fn sequence(source: &str) -> Result<(), String> {
        let mut lines = source.lines();
        if lines.next() != Some("sequenceDiagram") {
            return Err("must start with `sequenceDiagram`".into());
        }
        let mut declared = HashSet::new();
        for line in lines {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("participant ") {
                let (id, alias) = rest
                    .split_once(" as ")
                    .ok_or(format!("`{line}`: no alias"))?;
                if !ident(id) {
                    return Err(format!("`{line}`: bad participant id"));
                }
                label_ok(alias)?;
                declared.insert(id.to_owned());
            } else if let Some(rest) = line.strip_prefix("Note over ") {
                let (ids, text) = rest.split_once(": ").ok_or(format!("`{line}`: no text"))?;
                for id in ids.split(',') {
                    if !declared.contains(id.trim()) {
                        return Err(format!("`{line}`: undeclared {id}"));
                    }
                }
                label_ok(text)?;
            } else {
                let (arrow_part, text) = line
                    .split_once(": ")
                    .ok_or(format!("`{line}`: not a statement"))?;
                let arrow = ["-->>", "->>", "--)", "-x", "--x", "-->", "->"]
                    .into_iter()
                    .find(|arrow| arrow_part.contains(arrow))
                    .ok_or(format!("`{line}`: no arrow"))?;
                let (from, to) = arrow_part.split_once(arrow).expect("found");
                for id in [from, to] {
                    if !declared.contains(id) {
                        return Err(format!("`{line}`: undeclared participant `{id}`"));
                    }
                }
                label_ok(text)?;
            }
        }
        Ok(())
    }

    /// A `flowchart TD`: nodes `id["label"]:::class`, edges `a --> b` and
    /// `a -.- b` between declared nodes, `classDef` for every class used.
    pub(crate) fn flowchart(source: &str) -> Result<(), String> {
        let mut lines = source.lines();
        if lines.next() != Some("flowchart TD") {
            return Err("must start with `flowchart TD`".into());
        }
        let mut nodes = HashSet::new();
        let mut used = HashSet::new();
        let mut defined = HashSet::new();
        for line in lines {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("classDef ") {
                let (name, _) = rest.split_once(' ').ok_or(format!("`{line}`"))?;
                defined.insert(name.to_owned());
            } else if let Some((id, rest)) = line.split_once("[\"") {
                let (label, class) = rest.split_once("\"]").ok_or(format!("`{line}`"))?;
                if !ident(id) {
                    return Err(format!("`{line}`: bad node id"));
                }
                label_ok(label)?;
                let class = class
                    .strip_prefix(":::")
                    .ok_or(format!("`{line}`: no class"))?;
                used.insert(class.to_owned());
                nodes.insert(id.to_owned());
            } else {
                let (a, b) = line
                    .split_once(" --> ")
                    .or_else(|| line.split_once(" -.- "))
                    .ok_or(format!("`{line}`: not a node or edge"))?;
                for id in [a, b] {
                    if !nodes.contains(id) {
                        return Err(format!("`{line}`: undeclared node `{id}`"));
                    }
                }
            }
        }
        match used.difference(&defined).next() {
            Some(class) => Err(format!("class `{class}` has no classDef")),
            None => Ok(()),
        }
    }

    #[test]
    fn the_checker_catches_mistakes() {
        assert!(sequence("sequenceDiagram\n    participant p1 as a\n    p1->>p1: hi").is_ok());
        assert!(sequence("sequenceDiagram\n    p1->>p2: hi").is_err());
        assert!(
            sequence("sequenceDiagram\n    participant p1 as a\n    p1->>p1: <0.1.0>").is_err()
        );
        assert!(flowchart("flowchart TD\n    a[\"x\"]:::w\n    classDef w fill:#fff").is_ok());
        assert!(flowchart("flowchart TD\n    a[\"x\"]:::w").is_err());
        assert!(flowchart("flowchart TD\n    a --> b").is_err());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Status;
    use std::time::Duration;

    fn worker(id: &str, pid: u64, restarts: u32) -> ChildView {
        ChildView {
            id: id.into(),
            pid: Some(Pid::from_number(pid)),
            state: ChildState::Running,
            kind: "counter".into(),
            restart_type: "permanent".into(),
            restarts,
            status: Some(Status::Waiting),
            supervisor: None,
        }
    }

    #[test]
    fn tree_flowchart_golden() {
        let inner = SupervisorView {
            name: "demo/inner".into(),
            pid: Pid::from_number(4),
            strategy: "one_for_all".into(),
            intensity: 1,
            period: Duration::from_secs(5),
            restarts_in_period: 0,
            children: vec![worker("c", 5, 0)],
        };
        let root = SupervisorView {
            name: "demo".into(),
            pid: Pid::from_number(2),
            strategy: "one_for_one".into(),
            intensity: 1,
            period: Duration::from_secs(5),
            restarts_in_period: 0,
            children: vec![
                worker("w1", 3, 2),
                ChildView {
                    supervisor: Some(inner),
                    kind: "supervisor".into(),
                    ..worker("inner", 4, 0)
                },
            ],
        };
        let links = [
            (Pid::from_number(2), Pid::from_number(3)),
            (Pid::from_number(3), Pid::from_number(5)),
        ];
        let chart = tree_flowchart(&root, &links);
        assert_eq!(
            chart,
            "flowchart TD
    p2[\"demo #lt;0.2.0#gt;<br/>one_for_one\"]:::supervisor
    p3[\"w1 #lt;0.3.0#gt;<br/>counter ↻2\"]:::worker
    p4[\"inner #lt;0.4.0#gt;<br/>one_for_all\"]:::supervisor
    p5[\"c #lt;0.5.0#gt;<br/>counter\"]:::worker
    p2 --> p3
    p2 --> p4
    p4 --> p5
    p3 -.- p5
    classDef supervisor fill:#dde8ff,stroke:#335,stroke-width:2px
    classDef worker fill:#f4f4f4,stroke:#777
    classDef down fill:#fdd,stroke:#c33,stroke-dasharray:4"
        );
        check::flowchart(&chart).unwrap();
    }
}
