//! `versions NAME`: a definition's versions, newest first, each with its
//! state (current, old, purged) and the processes that still run it, as
//! OTP 25's `erlang:check_process_code/2` decides (a frame of their stack
//! in it; a fun of it that a process only holds does not count).
//!
//! ```text
//! version    state    processes
//! counter@3  current  <0.9.0> (demo/w)
//! counter@2  old      <0.7.0>
//! counter@1  purged
//! ```

use super::table::{Align, Cell, render};
use super::{Names, pid_with_name};
use crate::runtime::Pid;
use crate::style::{Role, Style};

/// Where a version stands in the code table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionState {
    Current,
    Old,
    Purged,
}

/// One version of a definition.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionRow {
    /// `counter@2`.
    pub label: String,
    pub state: VersionState,
    /// Processes running it.
    pub users: Vec<Pid>,
}

/// The table of `rows` (given newest first).
pub fn versions_table(rows: &[VersionRow], names: Names, style: &Style) -> String {
    let header = [
        ("version", Align::Left),
        ("state", Align::Left),
        ("processes", Align::Left),
    ];
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| {
            let (state, role) = match row.state {
                VersionState::Current => ("current", Role::Alive),
                VersionState::Old => ("old", Role::Warning),
                VersionState::Purged => ("purged", Role::Quiet),
            };
            let users: Vec<String> = row
                .users
                .iter()
                .map(|&pid| pid_with_name(pid, names))
                .collect();
            let users = match (row.state, users.is_empty()) {
                (VersionState::Purged, _) => String::new(),
                (_, true) => "none".to_owned(),
                (_, false) => users.join(", "),
            };
            vec![
                Cell::plain(style.syntax.names_in(&row.label)),
                Cell::new(state, role),
                Cell::plain(users),
            ]
        })
        .collect();
    render(&header, &cells, style).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_list_newest_first_with_their_processes() {
        let names = |pid: Pid| (pid.number() == 9).then(|| "demo/w".to_owned());
        let rows = [
            VersionRow {
                label: "counter@3".into(),
                state: VersionState::Current,
                users: vec![Pid::from_number(9)],
            },
            VersionRow {
                label: "counter@2".into(),
                state: VersionState::Old,
                users: vec![Pid::from_number(7), Pid::from_number(8)],
            },
            VersionRow {
                label: "counter@1".into(),
                state: VersionState::Purged,
                users: vec![],
            },
        ];
        let text = versions_table(&rows, &names, &Style::PLAIN);
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        assert_eq!(
            lines,
            [
                "version    state    processes",
                "counter@3  current  <0.9.0> (demo/w)",
                "counter@2  old      <0.7.0>, <0.8.0>",
                "counter@1  purged",
            ]
        );
    }
}
