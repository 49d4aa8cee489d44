//! `info`, `mailbox` and `regs`: one process up close, its queue, and the
//! registered names.
//!
//! `info` uses the keys of `erlang:process_info/2` (`trap_exit`,
//! `monitored_by`, `message_queue_len`, ...) so that what the playground
//! shows is what a reader will meet in a real Erlang shell. A pid that has
//! died gets [`dead_process`] instead: the runtime remembers recent deaths,
//! so the presenter can ask about the process that just crashed.

use super::table::{Align, Cell, render};
use super::{Names, painted_pid, plural, ps::status_role, seconds};
use crate::runtime::{Atom, Death, Pid, ProcessInfo, Term};
use crate::style::{Role, Style};

/// The `info` view of a live process: a title line, then one `key value`
/// line per property.
pub fn process_info(info: &ProcessInfo, names: Names, style: &Style) -> String {
    let who = |pid: Pid| painted_pid(pid, names(pid).as_deref(), style);
    let list = |pids: Vec<String>| {
        if pids.is_empty() {
            style.paint("none", Role::Quiet)
        } else {
            pids.join(", ")
        }
    };
    let mut rows: Vec<(&str, String)> = vec![
        (
            "registered_name",
            match info.name {
                Some(name) => style.paint(&name.to_string(), Role::Name),
                None => style.paint("none", Role::Quiet),
            },
        ),
        ("kind", info.kind.to_string()),
    ];
    // `erlang:process_info(P, current_function)`, for processes running
    // the process language.
    // With the version once there is more than one (`counter@2`), and
    // `(old)` when a newer one has been loaded since.
    if let Some((module, function, arity)) = info.current_function {
        let (version, newest) = info
            .code_version
            .map_or((None, 0), |v| (Some(v.running), v.newest));
        let shown = if newest > 1 {
            format!("{module}@{}", version.unwrap_or(1))
        } else {
            module.to_string()
        };
        let old = if info.code_version.is_some_and(|v| v.is_old()) {
            " (old)"
        } else {
            ""
        };
        rows.push((
            "current_function",
            format!("{shown}:{function}/{arity}{old}"),
        ));
    }
    rows.extend([
        (
            "parent",
            match info.parent {
                Some(parent) => who(parent),
                None => style.paint("none", Role::Quiet),
            },
        ),
        (
            "status",
            style.paint(&info.status.to_string(), status_role(info.status)),
        ),
        (
            "trap_exit",
            if info.trap_exit {
                style.paint("true", Role::Trapped)
            } else {
                "false".to_string()
            },
        ),
        ("links", list(info.links.iter().map(|&p| who(p)).collect())),
        (
            "monitors",
            list(
                info.monitors
                    .iter()
                    .map(|&(reference, pid)| format!("{} {reference}", who(pid)))
                    .collect(),
            ),
        ),
        (
            "monitored_by",
            list(info.monitored_by.iter().map(|&p| who(p)).collect()),
        ),
        (
            "message_queue_len",
            if info.message_queue_len > 0 {
                style.paint(&info.message_queue_len.to_string(), Role::Warning)
            } else {
                "0".to_string()
            },
        ),
        ("reductions", info.reductions.to_string()),
    ]);
    if info.traced {
        rows.push(("traced", style.paint("true", Role::Message)));
    }
    let key_width = rows.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    let mut lines = vec![who(info.pid)];
    for (key, value) in rows {
        let pad = " ".repeat(key_width - key.len());
        lines.push(format!("  {}{pad}  {value}", style.paint(key, Role::Quiet)));
    }
    lines.join("\n")
}

/// The `info` view of a process that has died: `<0.42.0> (w1) is dead:
/// exited with boom at 3.120s`.
pub fn dead_process(death: &Death, style: &Style) -> String {
    let name = death.name.map(|n| n.to_string());
    let role = if death.reason.is_normal_exit() {
        Role::ExitNormal
    } else {
        Role::Crash
    };
    format!(
        "{} is {}: exited with {} at {}",
        painted_pid(death.pid, name.as_deref(), style),
        style.paint("dead", role),
        style.paint(&super::shown_in(&death.reason, style), role),
        seconds(death.at)
    )
}

/// The `mailbox` view: the messages waiting in `pid`'s queue, oldest
/// (the next `receive` looks at it first) numbered 1.
pub fn mailbox(pid: Pid, messages: &[Term], style: &Style) -> String {
    let title = format!("mailbox of {}", style.paint(&pid.to_string(), Role::Pid));
    if messages.is_empty() {
        return format!("{title}: {}", style.paint("(empty)", Role::Quiet));
    }
    let number_width = messages.len().to_string().len();
    let mut lines = vec![format!(
        "{title}: {}",
        plural(messages.len(), "message", "messages")
    )];
    for (i, message) in messages.iter().enumerate() {
        let number = format!("{:>number_width$}.", i + 1);
        lines.push(format!(
            "  {} {}",
            style.paint(&number, Role::Quiet),
            style.paint(&super::shown_in(message, style), Role::Message)
        ));
    }
    lines.join("\n")
}

/// The `regs` view: registered names and their pids, in the order given
/// (the runtime sorts them by name).
pub fn registered(regs: &[(Atom, Pid)], style: &Style) -> String {
    if regs.is_empty() {
        return style.paint("(no registered names)", Role::Quiet);
    }
    let rows: Vec<Vec<Cell>> = regs
        .iter()
        .map(|(name, pid)| {
            vec![
                Cell::new(name.to_string(), Role::Name),
                Cell::new(pid.to_string(), Role::Pid),
            ]
        })
        .collect();
    let mut lines = render(&[("name", Align::Left), ("pid", Align::Left)], &rows, style);
    lines.push(plural(regs.len(), "registered name", "registered names"));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{Ref, Status};
    use crate::view::strip_ansi;
    use std::time::Duration;

    fn names(pid: Pid) -> Option<String> {
        match pid.number() {
            30 => Some("shell".into()),
            40 => Some("demo".into()),
            42 => Some("demo/w1".into()),
            _ => None,
        }
    }

    fn sample() -> ProcessInfo {
        ProcessInfo {
            pid: Pid::from_number(42),
            name: Some(Atom::new("w1")),
            kind: Atom::new("counter"),
            parent: Some(Pid::from_number(40)),
            status: Status::Waiting,
            links: vec![Pid::from_number(40), Pid::from_number(43)],
            monitors: vec![(Ref::from_number(7), Pid::from_number(43))],
            monitored_by: vec![Pid::from_number(30)],
            trap_exit: true,
            message_queue_len: 2,
            reductions: 1234,
            traced: true,
            current_function: None,
            code_version: None,
        }
    }

    #[test]
    fn info_lists_every_property() {
        let expected = "\
<0.42.0> (demo/w1)
  registered_name    w1
  kind               counter
  parent             <0.40.0> (demo)
  status             waiting
  trap_exit          true
  links              <0.40.0> (demo), <0.43.0>
  monitors           <0.43.0> #Ref<0.7>
  monitored_by       <0.30.0> (shell)
  message_queue_len  2
  reductions         1234
  traced             true";
        assert_eq!(process_info(&sample(), &names, &Style::PLAIN), expected);
    }

    #[test]
    fn info_of_a_lonely_process_says_none() {
        let info = ProcessInfo {
            name: None,
            parent: None,
            links: vec![],
            monitors: vec![],
            monitored_by: vec![],
            trap_exit: false,
            message_queue_len: 0,
            traced: false,
            ..sample()
        };
        let expected = "\
<0.42.0> (demo/w1)
  registered_name    none
  kind               counter
  parent             none
  status             waiting
  trap_exit          false
  links              none
  monitors           none
  monitored_by       none
  message_queue_len  0
  reductions         1234";
        assert_eq!(process_info(&info, &names, &Style::PLAIN), expected);
    }

    #[test]
    fn info_in_colour_is_the_same_text() {
        let coloured = process_info(&sample(), &names, &Style::COLOR);
        assert!(coloured.contains('\x1b'));
        assert_eq!(
            strip_ansi(&coloured),
            process_info(&sample(), &names, &Style::PLAIN)
        );
    }

    #[test]
    fn dead_processes_say_how_and_when() {
        let death = Death {
            pid: Pid::from_number(42),
            name: Some(Atom::new("w1")),
            kind: Atom::new("counter"),
            reason: Term::atom("boom"),
            at: Duration::from_millis(3120),
        };
        assert_eq!(
            dead_process(&death, &Style::PLAIN),
            "<0.42.0> (w1) is dead: exited with boom at 3.120s"
        );
        let coloured = dead_process(&death, &Style::COLOR);
        assert!(coloured.contains("\x1b[1;31mboom\x1b[0m"));
        assert_eq!(strip_ansi(&coloured), dead_process(&death, &Style::PLAIN));
        let quiet = Death {
            name: None,
            reason: Term::normal(),
            ..death
        };
        assert_eq!(
            dead_process(&quiet, &Style::PLAIN),
            "<0.42.0> is dead: exited with normal at 3.120s"
        );
    }

    #[test]
    fn mailbox_numbers_messages_oldest_first() {
        let messages: Vec<Term> = (1..=10)
            .map(|n| Term::tuple([Term::atom("add"), Term::int(n)]))
            .collect();
        let text = mailbox(Pid::from_number(42), &messages[..2], &Style::PLAIN);
        assert_eq!(
            text,
            "mailbox of <0.42.0>: 2 messages\n  1. {add,1}\n  2. {add,2}"
        );
        let ten = mailbox(Pid::from_number(42), &messages, &Style::PLAIN);
        assert!(ten.contains("\n   1. {add,1}\n"), "{ten}");
        assert!(ten.ends_with("\n  10. {add,10}"), "{ten}");
        assert_eq!(
            mailbox(Pid::from_number(42), &[Term::string("hi")], &Style::PLAIN),
            "mailbox of <0.42.0>: 1 message\n  1. \"hi\""
        );
        assert_eq!(
            mailbox(Pid::from_number(42), &[], &Style::PLAIN),
            "mailbox of <0.42.0>: (empty)"
        );
        let coloured = mailbox(Pid::from_number(42), &messages, &Style::COLOR);
        assert!(coloured.contains('\x1b'));
        assert_eq!(strip_ansi(&coloured), ten);
    }

    #[test]
    fn regs_is_a_table() {
        let regs = [
            (Atom::new("demo"), Pid::from_number(40)),
            (Atom::new("state_server"), Pid::from_number(41)),
            (Atom::new("Quoted-Name"), Pid::from_number(5)),
        ];
        let expected = "\
name           pid
demo           <0.40.0>
state_server   <0.41.0>
'Quoted-Name'  <0.5.0>
3 registered names";
        assert_eq!(registered(&regs, &Style::PLAIN), expected);
        let coloured = registered(&regs, &Style::COLOR);
        assert!(coloured.contains('\x1b'));
        assert_eq!(strip_ansi(&coloured), expected);
        assert_eq!(registered(&[], &Style::PLAIN), "(no registered names)");
    }
}
