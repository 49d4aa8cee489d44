//! The hall: the audience tree as data for the projector's audience mode.
//!
//! With hundreds of members a tree of boxes cannot be read from the back
//! row, so the projector page draws the audience itself: a panel per
//! partition with a cell per member. The watcher sends it this JSON (the
//! `hall` event) beside the tree's SVG, built from the same snapshot and
//! the same [`Marks`], so both views agree: which member crashed a moment
//! ago and why, which pid is new, how much of each partition's restart
//! budget is used, its crashes per slot and the latest names that crashed.
//! Names are JSON strings with `<`, `>` and `&` escaped; the page puts
//! them in as text, never as HTML.

use super::http::json_string;
use crate::view;
use crate::view::svg::Marks;
use crate::view::tree::{ChildState, ChildView, SupervisorView};
use std::fmt::Write;

/// The hall as JSON: `open` says whether phones may join now.
pub fn hall_json(audience: &SupervisorView, path: &str, marks: &Marks, open: bool) -> String {
    let mut partitions = Vec::new();
    let mut members = 0;
    for child in &audience.children {
        let Some(sup) = &child.supervisor else {
            continue;
        };
        if !super::audience::is_partition(&child.id) {
            continue;
        }
        let child_path = format!("{path}/{}", child.id);
        members += sup.children.len();
        partitions.push(partition_json(child, sup, &child_path, marks));
    }
    format!(
        "{{\"open\":{open},\"members\":{members},\"top\":{{\"pid\":{},\"status\":{},\"used\":{},\"intensity\":{},\"period\":{}}},\"partitions\":[{}]}}",
        json_string(&audience.pid.to_string()),
        json_string(status_of(path, None, marks)),
        audience.restarts_in_period,
        audience.intensity,
        json_string(&view::duration(audience.period)),
        partitions.join(",")
    )
}

fn partition_json(child: &ChildView, sup: &SupervisorView, path: &str, marks: &Marks) -> String {
    let summary = format!("{path}/*");
    let alive = sup
        .children
        .iter()
        .filter(|m| m.state == ChildState::Running)
        .count();
    let restarts: u32 = sup.children.iter().map(|m| m.restarts).sum();
    let trace = marks.sparklines.get(&summary).cloned().unwrap_or_default();
    let last = marks
        .last_crashes
        .get(&summary)
        .cloned()
        .unwrap_or_default();
    let mut cells = String::new();
    for (i, member) in sup.children.iter().enumerate() {
        let member_path = format!("{path}/{}", member.id);
        let pid = member.pid.map(|p| p.to_string()).unwrap_or_default();
        let _ = write!(
            cells,
            "{}{{\"id\":{},\"pid\":{},\"restarts\":{},\"status\":{},\"reason\":{}}}",
            if i == 0 { "" } else { "," },
            json_string(&member.id),
            json_string(&pid),
            member.restarts,
            json_string(status_of(&member_path, Some(member.state), marks)),
            json_string(marks.crashed.get(&member_path).map_or("", String::as_str)),
        );
    }
    let trace: Vec<String> = trace.iter().map(u32::to_string).collect();
    let last: Vec<String> = last.iter().map(|n| json_string(n)).collect();
    format!(
        "{{\"name\":{},\"pid\":{},\"status\":{},\"reason\":{},\"strategy\":{},\"used\":{},\"intensity\":{},\"period\":{},\"alive\":{alive},\"total\":{},\"restarts\":{restarts},\"trace\":[{}],\"last\":[{}],\"members\":[{cells}]}}",
        json_string(&child.id),
        json_string(&sup.pid.to_string()),
        json_string(status_of(path, Some(child.state), marks)),
        json_string(
            marks
                .gave_up
                .get(path)
                .or_else(|| marks.crashed.get(path))
                .map_or("", String::as_str)
        ),
        json_string(&sup.strategy),
        sup.restarts_in_period,
        sup.intensity,
        json_string(&view::duration(sup.period)),
        sup.children.len(),
        trace.join(","),
        last.join(","),
    )
}

/// One word for a node's status, as the tree's classes say it.
fn status_of(path: &str, state: Option<ChildState>, marks: &Marks) -> &'static str {
    if marks.gave_up.contains_key(path) {
        "gaveup"
    } else if marks.crashed.contains_key(path) {
        "crashed"
    } else {
        match state {
            Some(ChildState::Restarting) => "restarting",
            Some(ChildState::NotRunning) => "notrunning",
            _ if marks.fresh.contains(path) => "fresh",
            _ => "running",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tree::fixtures::{nested, supervisor, worker};

    fn member(id: &str, pid: u64, restarts: u32) -> ChildView {
        worker(id, pid, "stateful", restarts)
    }

    fn audience() -> SupervisorView {
        let members = vec![member("Erin", 12, 2), member("<b>Kim</b>", 13, 0)];
        let partition = nested("E-K", supervisor("E-K", 6, 1000, 2, members), 0);
        supervisor("audience", 3, 5, 0, vec![member("store", 4, 0), partition])
    }

    #[test]
    fn partitions_carry_their_members_budget_and_crashes() {
        let mut marks = Marks::default();
        marks
            .crashed
            .insert("audience/E-K/Erin".into(), "crash".into());
        marks
            .sparklines
            .insert("audience/E-K/*".into(), vec![0, 3, 1]);
        marks
            .last_crashes
            .insert("audience/E-K/*".into(), vec!["Erin".into()]);
        let json = hall_json(&audience(), "audience", &marks, true);
        let value: serde_json::Value = serde_json::from_str(&json).expect(&json);
        assert_eq!(value["members"], 2);
        let partitions = value["partitions"].as_array().unwrap();
        assert_eq!(partitions.len(), 1, "the store is no partition");
        let ek = &partitions[0];
        assert_eq!(ek["name"], "E-K");
        assert_eq!(
            (ek["used"].as_u64(), ek["intensity"].as_u64()),
            (Some(2), Some(1000))
        );
        assert_eq!(ek["trace"], serde_json::json!([0, 3, 1]));
        assert_eq!(ek["last"], serde_json::json!(["Erin"]));
        assert_eq!(ek["restarts"], 2);
        assert_eq!(ek["members"][0]["status"], "crashed");
        assert_eq!(ek["members"][0]["reason"], "crash");
        assert_eq!(ek["members"][1]["status"], "running");
        assert_eq!(ek["members"][1]["id"], "<b>Kim</b>");
        assert!(!json.contains("<b>"), "names are inert: {json}");
    }
}
