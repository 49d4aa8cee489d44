//! The event printer: live events above the prompt, and never before the
//! result of the command that caused them.
//!
//! Two threads share the terminal. The REPL loop reads a line, runs it and
//! prints its result; a printer thread waits on the session's event feed
//! and hands each batch of event lines to rustyline's `ExternalPrinter`,
//! which, while a line is being edited, clears the prompt, prints the
//! events and redraws the half-typed line.
//!
//! Which of the two prints an event is decided by a [`Gate`]:
//!
//! - while the editor shows a prompt (it has drawn it, in raw mode: the
//!   helper's `highlight_prompt` says so), the printer prints;
//! - from the moment the loop has a line until its next prompt is drawn,
//!   the printer only holds what it gets, and the loop prints the held
//!   lines and the feed's rest itself, after the command's result.
//!
//! So a command's result always comes before the events it caused (as in
//! a transcript), events never land on a prompt line half drawn, and a
//! batch the printer had in hand when Enter was pressed (events that
//! happened before the command) is printed before the command runs. A
//! command that only waits (`sleep 5s`, to watch the restarts) causes no
//! event: the printer prints throughout it, as the events happen.

use crate::session::EventFeed;
use parking_lot::{Condvar, Mutex};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long the printer waits for events (or for a prompt) before looking
/// again whether it should stop.
const LOOK_AGAIN: Duration = Duration::from_millis(20);

/// How long the loop waits for a batch the printer is handing to the
/// editor. Bounded: rustyline's printer hands text over through a channel
/// of one slot, which can stay full until the next `readline` if Enter
/// came just after a batch; the loop must not wait for that.
const PRINT_IN_HAND: Duration = Duration::from_millis(500);

/// Who may print events now: see the module's comment.
#[derive(Default)]
pub struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
}

#[derive(Default)]
struct GateState {
    /// The editor has drawn a prompt and is reading.
    editing: bool,
    /// The printer has a batch in hand, or is printing it.
    printing: bool,
    /// Lines the printer got while the loop had the terminal; the loop
    /// prints them first, in order, before what is still in the feed.
    held: Vec<String>,
}

impl Gate {
    /// The editor is reading, its prompt drawn: events go above it.
    pub fn prompt_drawn(&self) {
        let mut state = self.state.lock();
        if !state.editing {
            state.editing = true;
            self.changed.notify_all();
        }
    }

    /// A command that only waits (`sleep`, `wait`) runs: events are
    /// printed as they happen meanwhile (the terminal is not raw, so they
    /// are written straight out), since the wait causes none of them and
    /// its result means "the wait is over".
    pub fn command_waits(&self) {
        self.prompt_drawn();
    }

    /// The loop has the terminal (a line was read): from now on the
    /// printer holds events, and a batch it is printing is let finish.
    pub fn loop_has_terminal(&self) {
        let mut state = self.state.lock();
        state.editing = false;
        let deadline = std::time::Instant::now() + PRINT_IN_HAND;
        while state.printing {
            if self.changed.wait_until(&mut state, deadline).timed_out() {
                break;
            }
        }
    }

    /// The lines held for the loop, oldest first.
    fn take_held(&self) -> Vec<String> {
        std::mem::take(&mut self.state.lock().held)
    }

    /// For the printer: waits up to [`LOOK_AGAIN`] for a prompt; true if
    /// there is one.
    fn wait_for_prompt(&self) -> bool {
        let mut state = self.state.lock();
        if !state.editing {
            self.changed.wait_for(&mut state, LOOK_AGAIN);
        }
        state.editing
    }

    /// For the printer with `lines` in hand: true if it may print them
    /// (it must then call [`Gate::printed`]); otherwise they are held.
    fn may_print(&self, lines: Vec<String>) -> Result<Vec<String>, ()> {
        let mut state = self.state.lock();
        if state.editing {
            let mut all = std::mem::take(&mut state.held);
            all.extend(lines);
            state.printing = true;
            Ok(all)
        } else {
            state.held.extend(lines);
            Err(())
        }
    }

    fn printed(&self) {
        self.state.lock().printing = false;
        self.changed.notify_all();
    }
}

/// The printer thread.
pub struct EventPrinter {
    gate: Arc<Gate>,
    /// The terminal's width, to wrap event lines at (0: do not wrap).
    width: Arc<AtomicUsize>,
    feed: Arc<EventFeed>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// Whether `print` goes through the editor (a terminal on both sides).
    /// Without one, nobody reports a drawn prompt: the loop does.
    through_editor: bool,
}

impl EventPrinter {
    /// Starts the thread; `print` hands text to the editor (rustyline's
    /// external printer) or, with `through_editor` false, writes it out.
    pub fn start(
        gate: Arc<Gate>,
        feed: Arc<EventFeed>,
        mut print: Box<dyn FnMut(String) + Send>,
        through_editor: bool,
    ) -> EventPrinter {
        let stop = Arc::new(AtomicBool::new(false));
        let width = Arc::new(AtomicUsize::new(0));
        let (stopping, thread_gate, thread_feed) = (stop.clone(), gate.clone(), feed.clone());
        let thread_width = width.clone();
        let thread = std::thread::Builder::new()
            .name("event-printer".into())
            .spawn(move || {
                while !stopping.load(Ordering::Relaxed) {
                    if !thread_gate.wait_for_prompt() {
                        continue;
                    }
                    let lines = thread_feed.wait(LOOK_AGAIN);
                    let held_before = !thread_gate.state.lock().held.is_empty();
                    if lines.is_empty() && !held_before {
                        continue;
                    }
                    if let Ok(all) = thread_gate.may_print(lines) {
                        if !all.is_empty() {
                            print(as_text(&all, thread_width.load(Ordering::Relaxed)));
                        }
                        thread_gate.printed();
                    }
                }
            })
            .ok();
        EventPrinter {
            gate,
            width,
            feed,
            stop,
            thread,
            through_editor,
        }
    }

    /// Before each prompt: the events the loop is to print (those held
    /// while it had the terminal, then the rest of the feed), as text.
    pub fn pending_text(&self) -> String {
        let mut lines = self.gate.take_held();
        lines.extend(self.feed.drain());
        as_text(&lines, self.width.load(Ordering::Relaxed))
    }

    /// Event lines wrap at `columns` from now on (0: they do not).
    pub fn set_width(&self, columns: usize) {
        self.width.store(columns, Ordering::Relaxed);
    }

    /// Just before `readline`: without an editor to report its prompt,
    /// events may be printed from now on.
    pub fn before_prompt(&self) {
        if !self.through_editor {
            self.gate.prompt_drawn();
        }
    }

    /// Stops the thread and prints whatever is left.
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.gate.loop_has_terminal();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        let rest = self.pending_text();
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(rest.as_bytes());
        let _ = out.flush();
    }
}

/// Event lines as printed: each wrapped at `width`, its continuation
/// under the text after the timestamp.
fn as_text(lines: &[String], width: usize) -> String {
    lines
        .iter()
        .map(|line| crate::view::wrap::wrap_hanging(line, width) + "\n")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_got_while_the_loop_has_the_terminal_are_held_for_it() {
        let gate = Gate::default();
        assert!(gate.may_print(vec!["a".into()]).is_err());
        gate.prompt_drawn();
        // Held lines go first, before the new batch.
        assert_eq!(
            gate.may_print(vec!["b".into()]),
            Ok(vec!["a".to_owned(), "b".to_owned()])
        );
        gate.printed();
        gate.loop_has_terminal();
        assert!(gate.may_print(vec!["c".into()]).is_err());
        assert_eq!(gate.take_held(), ["c"]);
        assert!(gate.take_held().is_empty());
    }
}
