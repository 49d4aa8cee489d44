//! Views: how things look on the presenter's screen.
//!
//! Views are pure functions from data to text. They take runtime snapshots
//! ([`Event`](crate::runtime::Event), [`ProcessInfo`](crate::runtime::ProcessInfo),
//! [`Death`](crate::runtime::Death), terms) or the small input types of
//! [`tree`](mod@tree), and return `String`s; they never print, never read the
//! terminal and never call the runtime. That keeps them trivially testable
//! (exact strings) and lets the REPL, the script player and check mode show
//! the same thing.
//!
//! - the palette by meaning and the colour switch (`NO_COLOR`,
//!   `CLICOLOR_FORCE`, tty) are [`crate::style`], re-exported here.
//! - [`event`]: one line per event, filtered by [`LogLevel`];
//!   [`feed`]: the event stream turned into those lines as events arrive,
//!   learning display names on the way (the REPL, scripts and the stage's
//!   ticker read one).
//! - [`term`](mod@term): a term on a screen, in full when it fits, cut as
//!   `~P` cuts when it would flood it.
//! - [`ps`]: the process table, like Erlang's `i()`.
//! - [`info`]: `info` on a live or dead process, `mailbox`, `regs`.
//! - [`tree`](mod@tree): the supervision tree with box-drawing characters.
//! - [`why`](mod@why), [`crash_report`](mod@crash_report): what caused a
//!   death, and OTP's crash report for it.
//! - [`seq`]: message sequence charts (terminal, Mermaid, SVG);
//!   [`mermaid`]: the tree as a Mermaid flowchart.
//! - [`versions`]: a definition's loaded versions and who runs each.
//! - [`wrap`](mod@wrap): long lines wrapped at a terminal's width with a
//!   hanging indent (the REPL's events and `help`).
//! - [`layout`], [`svg`]: the tree as a picture (the projector page and
//!   `tree --svg`); [`html`]: terminal lines for a web page.
//!
//! Names beside pids (`<0.42.0> (demo/w1)`) come from a `names` callback
//! the caller supplies, because only the layers above know supervisor
//! paths; the views just ask.
//!
//! Imports: the runtime (events, snapshots, terms), supervisor snapshots and
//! the palette ([`crate::style`]); never the session or anything above it.

pub mod crash_report;
pub mod event;
pub mod feed;
pub mod html;
pub mod info;
pub mod layout;
pub mod mermaid;
pub mod ps;
pub mod reason;
pub mod seq;
pub mod svg;
pub mod syntax;
mod table;
pub mod term;
pub mod theme;
pub mod tree;
pub mod versions;
pub mod why;
pub mod wrap;

pub use crate::style::{Role, Style, paint, strip_ansi, style_from_env};
pub use event::{LogLevel, Narrator, event_line, min_level};
pub use feed::{EventFeed, Labels};
pub use info::{dead_process, mailbox, process_info, registered};
pub use ps::{PS_ALL_UP_TO, PS_FIRST_ROWS, ps_summary, ps_table};
pub use syntax::Syntax;
pub use term::shown;
pub use tree::{ChildState, ChildView, SupervisorView, supervisor_view, tree};
pub use versions::{VersionRow, VersionState, versions_table};

use crate::runtime::{CodeVersion, Pid};
use std::time::Duration;

/// The display name of a pid, if it has one: a registered name or a
/// supervisor path like `demo/w1`.
pub type Names<'a> = &'a dyn Fn(Pid) -> Option<String>;

/// A `names` callback that knows no names.
pub fn no_names(_: Pid) -> Option<String> {
    None
}

/// A duration as the command language writes it: `250ms`, `5s`, `1m`, and
/// `1.5s` where no whole unit fits (milliseconds precision, trailing zeros
/// dropped). Under a millisecond, `µs`.
pub fn duration(d: Duration) -> String {
    let micros = d.as_micros();
    if micros == 0 {
        return "0s".into();
    }
    if micros < 1000 {
        return format!("{micros}µs");
    }
    let ms = d.as_millis();
    if ms.is_multiple_of(60_000) {
        format!("{}m", ms / 60_000)
    } else if ms.is_multiple_of(1000) {
        format!("{}s", ms / 1000)
    } else if ms < 1000 {
        format!("{ms}ms")
    } else {
        let fraction = format!("{:03}", ms % 1000);
        format!("{}.{}s", ms / 1000, fraction.trim_end_matches('0'))
    }
}

/// A point in time since start as `3.120s`: seconds with milliseconds, the
/// form event timestamps and deaths use.
pub fn seconds(at: Duration) -> String {
    let ms = at.as_millis();
    format!("{}.{:03}s", ms / 1000, ms % 1000)
}

/// `<0.42.0> (demo/w1)`, or just `<0.42.0>` when `names` knows none.
pub fn pid_with_name(pid: Pid, names: Names) -> String {
    match names(pid) {
        Some(name) => format!("{pid} ({name})"),
        None => pid.to_string(),
    }
}

/// [`pid_with_name`], painted: the pid in the pid colour, the name in the
/// name colour.
pub(crate) fn painted_pid(pid: Pid, name: Option<&str>, style: &Style) -> String {
    let text = style.paint(&pid.to_string(), Role::Pid);
    match name {
        Some(name) => format!("{text} ({})", style.paint(name, Role::Name)),
        None => text,
    }
}

/// A count with its thousands grouped, as a reader takes it in at a
/// glance: `262,144`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A heap size, in OTP's unit (words of 8 bytes) and in bytes:
/// `33,554,432 words (256.0 MiB)`.
pub fn heap_words(words: u64) -> String {
    let bytes = words as f64 * 8.0;
    let size = if bytes >= (1u64 << 30) as f64 {
        format!("{:.1} GiB", bytes / (1u64 << 30) as f64)
    } else if bytes >= (1u64 << 20) as f64 {
        format!("{:.1} MiB", bytes / (1u64 << 20) as f64)
    } else {
        format!("{:.1} KiB", bytes / 1024.0)
    };
    format!("{} words ({size})", grouped(words))
}

/// `s` when `n` is not 1: `1 process`, `2 processes` need their own words.
pub(crate) fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A process's kind as `ps` and `tree` show it: for process code, with the
/// function it is in (`counter:loop/1`, or `counter (other:wait/0)` after a
/// call into another definition), as `erlang:process_info(P,
/// current_function)` would say; a built-in kind is just its name. Once a
/// definition has been loaded again, the version shows (`counter@2:loop/1`),
/// and a process still in an older one is marked `(old)`.
pub fn kind_and_function(
    kind: &str,
    current: Option<(crate::runtime::Atom, crate::runtime::Atom, u32)>,
    version: Option<CodeVersion>,
) -> String {
    let module_label = |module: &str| match version {
        Some(v) if v.newest > 1 => format!("{module}@{}", v.running),
        _ => module.to_owned(),
    };
    let old = if version.is_some_and(|v| v.is_old()) {
        " (old)"
    } else {
        ""
    };
    match current {
        Some((module, function, arity)) if module.name() == kind => {
            format!("{}:{function}/{arity}{old}", module_label(module.name()))
        }
        Some((module, function, arity)) => format!(
            "{kind} ({}:{function}/{arity}){old}",
            module_label(module.name())
        ),
        None => kind.to_owned(),
    }
}

/// `counter@2` for a process code's version, `counter` for the first one
/// (numbers only show once there is more than one) and for built-in kinds.
pub fn versioned(name: &str, version: Option<u32>) -> String {
    match version {
        Some(n) if n > 1 => format!("{name}@{n}"),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_the_command_language() {
        let ms = Duration::from_millis;
        assert_eq!(duration(ms(250)), "250ms");
        assert_eq!(duration(ms(5000)), "5s");
        assert_eq!(duration(ms(60_000)), "1m");
        assert_eq!(duration(ms(120_000)), "2m");
        assert_eq!(duration(ms(1500)), "1.5s");
        assert_eq!(duration(ms(1250)), "1.25s");
        assert_eq!(duration(ms(90_000)), "90s");
        assert_eq!(duration(ms(1)), "1ms");
        assert_eq!(duration(Duration::ZERO), "0s");
        assert_eq!(duration(Duration::from_micros(500)), "500µs");
    }

    #[test]
    fn seconds_have_millisecond_precision() {
        assert_eq!(seconds(Duration::from_millis(3120)), "3.120s");
        assert_eq!(seconds(Duration::from_micros(1_999)), "0.001s");
        assert_eq!(seconds(Duration::ZERO), "0.000s");
    }

    #[test]
    fn pids_carry_their_names() {
        let names = |pid: Pid| (pid.number() == 42).then(|| "demo/w1".to_string());
        assert_eq!(
            pid_with_name(Pid::from_number(42), &names),
            "<0.42.0> (demo/w1)"
        );
        assert_eq!(pid_with_name(Pid::from_number(7), &names), "<0.7.0>");
        assert_eq!(pid_with_name(Pid::from_number(7), &no_names), "<0.7.0>");
    }
}
