//! Crash reports: what OTP's logger prints when a process crashes.
//!
//! Under `log verbose` a crash (any exit but `normal` and `shutdown`)
//! gets a report after its event line, and `info` on a recently dead pid
//! shows the same: the pid and its name or path, the kind it ran, the
//! reason, the last message it took, the mailbox it left, its links, and
//! the supervisor that will act on the death. The layout follows OTP's
//! `=CRASH REPORT====` so that a reader meets the same words in Erlang.

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
            style.paint(&super::shown(&report.reason), Role::Crash),
        ),
        (
            "last_message",
            report
                .last_message
                .as_ref()
                .map_or_else(none, |m| style.paint(&super::shown(m), Role::Message)),
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
    let mut lines = vec![style.paint(
        &format!("=CRASH REPORT==== {} ===", seconds(report.at)),
        Role::Crash,
    )];
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
        };
        assert_eq!(
            crash_report(&report, &Style::PLAIN),
            "=CRASH REPORT==== 0.250s ===\n  crasher:\n    pid: <0.4.0> (app/alice)\n    \
             registered_name: []\n    initial_call: stateful\n    error_info: {bad_message,oops}\n    \
             last_message: oops\n    message_queue_len: 0\n    links: [<0.2.0> (app)]\n    \
             supervisor: <0.2.0> (app) will act"
        );
    }
}
