//! Crash reports: what OTP's logger prints when a process crashes.
//!
//! Under `log verbose` a crash (any exit but `normal` and `shutdown`)
//! gets a report after its event line, and `info` on a recently dead pid
//! shows the same: the pid and its name or path, the kind it ran, the
//! reason, the last message it took, the mailbox it left, its links, and
//! the supervisor that will act on the death. The layout follows OTP's
//! `=CRASH REPORT====` so that a reader meets the same words in Erlang.
//!
//! A process killed at its `max_heap_size` gets, before that, the report
//! OTP 25's logger prints for it (checked on `erl`: `=ERROR REPORT====`,
//! then `Process`, `Context: maximum heap size reached`, `Max Heap
//! Size`, `Total Heap Size` in words, `Kill`, `Error Logger`, `Message
//! Queue Len`), shown as soon as it happens, whatever the log level but
//! quiet ([`heap_limit_report`]).

use super::{painted_pid, seconds};
use crate::runtime::{Atom, Pid, Term};
use crate::style::{Role, Style};
use std::time::Duration;

/// The facts a crash report shows, names already looked up.
#[derive(Clone, Debug, PartialEq)]
pub struct CrashReport {
    pub pid: Pid,
    pub label: Option<String>,
    pub registered_name: Option<Atom>,
    pub kind: Atom,
    pub reason: Term,
    pub at: Duration,
    pub last_message: Option<Term>,
    pub message_queue_len: usize,
    pub links: Vec<(Pid, Option<String>)>,
    /// The supervisor that will act on the death, if it has one.
    pub supervisor: Option<(Pid, Option<String>)>,
    /// Killed at its `max_heap_size`: what OTP's report says about it.
    pub heap_limit: Option<HeapLimitReport>,
}

/// OTP's "maximum heap size reached" report: sizes in words.
#[derive(Clone, Debug, PartialEq)]
pub struct HeapLimitReport {
    pub pid: Pid,
    pub label: Option<String>,
    pub at: Duration,
    pub max_heap_size: u64,
    pub total_heap_size: u64,
    pub kill: bool,
    pub message_queue_len: usize,
}

/// The report, laid out as OTP 25's logger lays it out.
pub fn heap_limit_report(report: &HeapLimitReport, style: &Style) -> String {
    let rows = [
        (
            "Process",
            painted_pid(report.pid, report.label.as_deref(), style),
        ),
        (
            "Context",
            style.paint("maximum heap size reached", Role::Crash),
        ),
        ("Max Heap Size", report.max_heap_size.to_string()),
        (
            "Total Heap Size",
            style.paint(&report.total_heap_size.to_string(), Role::Crash),
        ),
        ("Kill", report.kill.to_string()),
        ("Error Logger", "true".to_owned()),
        ("Message Queue Len", report.message_queue_len.to_string()),
    ];
    let mut lines = vec![style.paint(
        &format!("=ERROR REPORT==== {} ===", seconds(report.at)),
        Role::Crash,
    )];
    lines.extend(
        rows.iter()
            .map(|(key, value)| format!("     {:<19} {value}", format!("{key}:"))),
    );
    lines.join("\n")
}

/// The report, one `key: value` per line under a header.
pub fn crash_report(report: &CrashReport, style: &Style) -> String {
    let none = || style.paint("none", Role::Quiet);
    let links = if report.links.is_empty() {
        "[]".to_owned()
    } else {
        let each: Vec<String> = report
            .links
            .iter()
            .map(|(pid, name)| painted_pid(*pid, name.as_deref(), style))
            .collect();
        format!("[{}]", each.join(", "))
    };
    let rows = [
        (
            "pid",
            painted_pid(report.pid, report.label.as_deref(), style),
        ),
        (
            "registered_name",
            report
                .registered_name
                .map_or_else(|| "[]".to_owned(), |name| name.to_string()),
        ),
        ("initial_call", report.kind.to_string()),
        (
            "error_info",
            style.paint(&super::shown_in(&report.reason, style), Role::Crash),
        ),
        (
            "last_message",
            report.last_message.as_ref().map_or_else(none, |m| {
                style.paint(&super::shown_in(m, style), Role::Message)
            }),
        ),
        ("message_queue_len", report.message_queue_len.to_string()),
        ("links", links),
        (
            "supervisor",
            match &report.supervisor {
                Some((pid, name)) => {
                    format!("{} will act", painted_pid(*pid, name.as_deref(), style))
                }
                None => "none: nobody restarts it".to_owned(),
            },
        ),
    ];
    let mut lines = Vec::new();
    if let Some(heap) = &report.heap_limit {
        lines.push(heap_limit_report(heap, style));
    }
    lines.push(style.paint(
        &format!("=CRASH REPORT==== {} ===", seconds(report.at)),
        Role::Crash,
    ));
    lines.push("  crasher:".to_owned());
    lines.extend(
        rows.iter()
            .map(|(key, value)| format!("    {key}: {value}")),
    );
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_otp() {
        let report = CrashReport {
            pid: Pid::from_number(4),
            label: Some("app/alice".into()),
            registered_name: None,
            kind: Atom::new("stateful"),
            reason: Term::tuple([Term::atom("bad_message"), Term::atom("oops")]),
            at: Duration::from_millis(250),
            last_message: Some(Term::atom("oops")),
            message_queue_len: 0,
            links: vec![(Pid::from_number(2), Some("app".into()))],
            supervisor: Some((Pid::from_number(2), Some("app".into()))),
            heap_limit: None,
        };
        assert_eq!(
            crash_report(&report, &Style::PLAIN),
            "=CRASH REPORT==== 0.250s ===\n  crasher:\n    pid: <0.4.0> (app/alice)\n    \
             registered_name: []\n    initial_call: stateful\n    error_info: {bad_message,oops}\n    \
             last_message: oops\n    message_queue_len: 0\n    links: [<0.2.0> (app)]\n    \
             supervisor: <0.2.0> (app) will act"
        );
    }

    #[test]
    fn the_heap_limit_report_reads_like_otps() {
        let heap = HeapLimitReport {
            pid: Pid::from_number(5),
            label: Some("hog".into()),
            at: Duration::from_millis(1500),
            max_heap_size: 33_554_432,
            total_heap_size: 35_000_000,
            kill: true,
            message_queue_len: 0,
        };
        assert_eq!(
            heap_limit_report(&heap, &Style::PLAIN),
            "=ERROR REPORT==== 1.500s ===\n     \
             Process:            <0.5.0> (hog)\n     \
             Context:            maximum heap size reached\n     \
             Max Heap Size:      33554432\n     \
             Total Heap Size:    35000000\n     \
             Kill:               true\n     \
             Error Logger:       true\n     \
             Message Queue Len:  0"
        );
    }
}
