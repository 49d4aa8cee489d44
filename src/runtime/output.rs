//! What processes print, as a stream: text becomes an output event a line
//! at a time.
//!
//! `io:format("a"), io:format("b~n")` prints one line, `ab`, as on the
//! BEAM. A process's text up to its last newline goes out as one
//! [`EventKind::Output`](super::event::EventKind::Output) per line; what
//! follows is held, per printing process, and joined with what that
//! process prints next. It goes out as a line of its own when the process
//! ends (before its exit) or when the runtime is asked to flush (the end
//! of a script). Per process, not per node as the BEAM's one standard
//! output is: a line is shown as one process's, so text another process
//! prints meanwhile does not join it.

use super::term::Pid;
use parking_lot::Mutex;
use std::collections::BTreeMap;

/// The line each process has begun and not ended.
#[derive(Default)]
pub(in crate::runtime) struct PartialLines {
    held: Mutex<BTreeMap<Pid, String>>,
}

impl PartialLines {
    /// Appends `text` to `pid`'s line; returns the lines it completes.
    pub fn write(&self, pid: Pid, text: &str) -> Vec<String> {
        let mut held = self.held.lock();
        let Some(last_newline) = text.rfind('\n') else {
            if !text.is_empty() {
                held.entry(pid).or_default().push_str(text);
            }
            return Vec::new();
        };
        let (complete, rest) = (&text[..last_newline], &text[last_newline + 1..]);
        let mut first = held.remove(&pid).unwrap_or_default();
        let mut lines = complete.split('\n');
        first.push_str(lines.next().unwrap_or(""));
        let lines: Vec<String> = std::iter::once(first)
            .chain(lines.map(str::to_owned))
            .collect();
        if !rest.is_empty() {
            held.insert(pid, rest.to_owned());
        }
        lines
    }

    /// `pid`'s unfinished line, taken.
    pub fn take(&self, pid: Pid) -> Option<String> {
        self.held.lock().remove(&pid)
    }

    /// Every unfinished line, taken, in pid order.
    pub fn take_all(&self) -> Vec<(Pid, String)> {
        std::mem::take(&mut *self.held.lock()).into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::PartialLines;
    use crate::runtime::term::Pid;

    #[test]
    fn text_without_a_newline_waits_for_the_rest_of_its_line() {
        let lines = PartialLines::default();
        assert!(lines.write(Pid(1), "a").is_empty());
        assert!(lines.write(Pid(1), "b").is_empty());
        assert_eq!(lines.write(Pid(1), "c\nd\n\ne"), vec!["abc", "d", ""]);
        assert_eq!(lines.take(Pid(1)), Some("e".to_owned()));
        assert_eq!(lines.take(Pid(1)), None);
    }

    #[test]
    fn each_process_has_a_line_of_its_own() {
        let lines = PartialLines::default();
        lines.write(Pid(1), "one ");
        lines.write(Pid(2), "two ");
        assert_eq!(lines.write(Pid(1), "done\n"), vec!["one done"]);
        assert_eq!(lines.take_all(), vec![(Pid(2), "two ".to_owned())]);
        assert!(lines.take_all().is_empty());
    }
}
