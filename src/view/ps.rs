//! `ps`: the process table, one row per live process, like Erlang's `i()`.
//!
//! Columns: pid, name (registered name or supervisor path), kind (with the
//! function process code is in: `counter:loop/1`), status,
//! msgs (mailbox length), reductions and links. A non-empty mailbox is
//! highlighted, because a queue that only grows is the classic way an
//! Erlang system falls over. Rows come in the order given (the runtime
//! lists pids in order, which is spawn order).
//!
//! A spawn loop makes a quarter of a million processes before the process
//! limit stops it, and a row each would take a screen for ever (and, with
//! 1.9 million, 14 s to gather and 20 s to print). Past [`PS_ALL_UP_TO`]
//! processes `ps` shows [`ps_summary`]: a few lines about all of them (by
//! status, by kind, the messages waiting and where most wait), the first
//! [`PS_FIRST_ROWS`] rows, and how to see more (`ps all`, `ps N`).

use super::table::{Align, Cell, render};
use super::{Names, grouped, painted_pid, plural};
use crate::runtime::{Pid, ProcessInfo, ProcessSummary, Status};
use crate::style::{Role, Style};

/// At most this many links are listed per row; the rest are counted, so a
/// supervisor with a hundred children does not wrap the table.
const LINKS_SHOWN: usize = 3;

/// `ps` lists every process up to this many; past it, a summary.
pub const PS_ALL_UP_TO: usize = 100;

/// The rows `ps` shows under its summary.
pub const PS_FIRST_ROWS: usize = 50;

/// The kinds named in the summary; the others are counted together.
const KINDS_SHOWN: usize = 5;

/// The table for `rows`, with a header line and a total line.
pub fn ps_table(rows: &[ProcessInfo], names: Names, style: &Style) -> String {
    let mut lines = table_lines(rows, names, style);
    lines.push(plural(rows.len(), "process", "processes"));
    lines.join("\n")
}

/// Many processes: the summary of them all, the table of the first
/// (`rows`, from `summary.first`), and how to see the rest.
pub fn ps_summary(
    summary: &ProcessSummary,
    rows: &[ProcessInfo],
    names: Names,
    style: &Style,
) -> String {
    let count = |n: usize| grouped(n as u64);
    let statuses: Vec<String> = summary
        .by_status
        .iter()
        .map(|(status, n)| style.paint(&format!("{} {status}", count(*n)), status_role(*status)))
        .collect();
    let noun = if summary.count == 1 {
        "process"
    } else {
        "processes"
    };
    let mut lines = vec![format!(
        "{} {noun}: {}",
        style.paint(&count(summary.count), Role::Header),
        statuses.join(", ")
    )];
    let mut kinds: Vec<String> = summary
        .by_kind
        .iter()
        .take(KINDS_SHOWN)
        .map(|(kind, n)| format!("{kind} {}", count(*n)))
        .collect();
    let others: usize = summary
        .by_kind
        .iter()
        .skip(KINDS_SHOWN)
        .map(|(_, n)| n)
        .sum();
    if others > 0 {
        let more = summary.by_kind.len() - KINDS_SHOWN;
        kinds.push(format!("{} of {} other kinds", count(others), count(more)));
    }
    lines.push(format!("kinds: {}", kinds.join(", ")));
    lines.push(match summary.longest_mailbox {
        None => "messages waiting: none".to_owned(),
        Some((pid, most)) => format!(
            "messages waiting: {}, the most in {} ({})",
            style.paint(&count(summary.messages), Role::Warning),
            painted_pid(pid, names(pid).as_deref(), style),
            count(most)
        ),
    });
    lines.extend(table_lines(rows, names, style));
    let hidden = summary.count.saturating_sub(rows.len());
    if hidden > 0 {
        lines.push(style.paint(
            &format!(
                "… and {} more: `ps all` lists every process, `ps N` the first N",
                count(hidden)
            ),
            Role::Quiet,
        ));
    }
    lines.join("\n")
}

/// The header and one line per row.
fn table_lines(rows: &[ProcessInfo], names: Names, style: &Style) -> Vec<String> {
    let header = [
        ("pid", Align::Left),
        ("name", Align::Left),
        ("kind", Align::Left),
        ("status", Align::Left),
        ("msgs", Align::Right),
        ("reductions", Align::Right),
        ("links", Align::Left),
    ];
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|info| {
            let name = names(info.pid)
                .or_else(|| info.name.map(|n| n.to_string()))
                .unwrap_or_default();
            let msgs_role = if info.message_queue_len > 0 {
                Role::Warning
            } else {
                Role::Quiet
            };
            vec![
                Cell::new(info.pid.to_string(), Role::Pid),
                Cell::new(style.syntax.label(&name), Role::Name),
                Cell::plain(style.syntax.names_in(&super::kind_and_function(
                    info.kind.name(),
                    info.current_function,
                    info.code_version,
                ))),
                Cell::new(info.status.to_string(), status_role(info.status)),
                Cell::new(info.message_queue_len.to_string(), msgs_role),
                Cell::plain(info.reductions.to_string()),
                Cell::new(links(&info.links), Role::Quiet),
            ]
        })
        .collect();
    render(&header, &cells, style)
}

/// The colour of a process status, shared with `info` and `tree`.
pub(crate) fn status_role(status: Status) -> Role {
    match status {
        Status::Running | Status::Runnable | Status::Waiting => Role::Alive,
        Status::Exiting => Role::Crash,
    }
}

fn links(links: &[Pid]) -> String {
    let mut text = links
        .iter()
        .take(LINKS_SHOWN)
        .map(|pid| pid.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    if links.len() > LINKS_SHOWN {
        text.push_str(&format!(" +{}", links.len() - LINKS_SHOWN));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Atom;
    use crate::view::strip_ansi;

    fn info(n: u64, kind: &str, status: Status, links: &[u64]) -> ProcessInfo {
        ProcessInfo {
            pid: Pid::from_number(n),
            name: None,
            kind: Atom::new(kind),
            parent: None,
            status,
            links: links.iter().map(|&l| Pid::from_number(l)).collect(),
            monitors: vec![],
            monitored_by: vec![],
            trap_exit: false,
            message_queue_len: 0,
            reductions: 0,
            traced: false,
            current_function: None,
            code_version: None,
        }
    }

    fn sample() -> Vec<ProcessInfo> {
        let shell = ProcessInfo {
            name: Some(Atom::new("shell")),
            reductions: 12,
            ..info(30, "shell", Status::Running, &[])
        };
        let sup = ProcessInfo {
            reductions: 1234,
            ..info(40, "supervisor", Status::Waiting, &[41, 42, 43, 44, 45])
        };
        let w1 = ProcessInfo {
            message_queue_len: 3,
            reductions: 56,
            ..info(41, "counter", Status::Runnable, &[40])
        };
        let w2 = info(42, "echo", Status::Exiting, &[40]);
        vec![shell, sup, w1, w2]
    }

    fn names(pid: Pid) -> Option<String> {
        match pid.number() {
            40 => Some("demo".into()),
            41 => Some("demo/w1".into()),
            _ => None,
        }
    }

    #[test]
    fn table_is_aligned_with_header_and_total() {
        let expected = "\
pid       name     kind        status    msgs  reductions  links
<0.30.0>  shell    shell       running      0          12
<0.40.0>  demo     supervisor  waiting      0        1234  <0.41.0> <0.42.0> <0.43.0> +2
<0.41.0>  demo/w1  counter     runnable     3          56  <0.40.0>
<0.42.0>           echo        exiting      0           0  <0.40.0>
4 processes";
        assert_eq!(ps_table(&sample(), &names, &Style::PLAIN), expected);
    }

    #[test]
    fn colour_changes_nothing_but_escapes() {
        let plain = ps_table(&sample(), &names, &Style::PLAIN);
        let coloured = ps_table(&sample(), &names, &Style::COLOR);
        assert!(coloured.contains('\x1b'));
        assert_eq!(strip_ansi(&coloured), plain);
    }

    #[test]
    fn one_process_and_none() {
        let one = [info(7, "echo", Status::Waiting, &[])];
        assert!(ps_table(&one, &|_| None, &Style::PLAIN).ends_with("\n1 process"));
        assert_eq!(
            ps_table(&[], &|_| None, &Style::PLAIN),
            "pid  name  kind  status  msgs  reductions  links\n0 processes"
        );
    }

    #[test]
    fn many_processes_are_summed_up_with_the_first_rows_and_a_way_to_see_more() {
        let summary = ProcessSummary {
            count: 262_146,
            by_status: vec![(Status::Running, 1), (Status::Waiting, 262_145)],
            by_kind: vec![
                (Atom::new("spawner"), 262_140),
                (Atom::new("shell"), 1),
                (Atom::new("a"), 1),
                (Atom::new("b"), 1),
                (Atom::new("c"), 1),
                (Atom::new("d"), 1),
                (Atom::new("e"), 1),
            ],
            messages: 12_000,
            longest_mailbox: Some((Pid::from_number(41), 11_990)),
            first: vec![Pid::from_number(30), Pid::from_number(40)],
        };
        let rows = &sample()[..2];
        let text = ps_summary(&summary, rows, &names, &Style::PLAIN);
        let expected = "\
262,146 processes: 1 running, 262,145 waiting
kinds: spawner 262,140, shell 1, a 1, b 1, c 1, 2 of 2 other kinds
messages waiting: 12,000, the most in <0.41.0> (demo/w1) (11,990)
pid       name   kind        status   msgs  reductions  links
<0.30.0>  shell  shell       running     0          12
<0.40.0>  demo   supervisor  waiting     0        1234  <0.41.0> <0.42.0> <0.43.0> +2
… and 262,144 more: `ps all` lists every process, `ps N` the first N";
        assert_eq!(text, expected);
        let coloured = ps_summary(&summary, rows, &names, &Style::COLOR);
        assert_eq!(strip_ansi(&coloured), text);
    }
}
