//! The interactive loop: a rustyline editor over a live session, with the
//! runtime's events printed above the prompt as they happen.
//!
//! Two threads share the terminal. The loop reads a line, evaluates it and
//! prints its output; a printer thread waits on the session's event feed
//! and hands each batch of event lines to rustyline's `ExternalPrinter`,
//! which, while a line is being edited, clears the prompt, prints the
//! events and redraws the half-typed line, so nothing the presenter types
//! is garbled. While a command runs (`sleep 5s`) the terminal is not in raw
//! mode and the printer writes straight through, so events still appear.
//! `reset` re-attaches the same feed to the new runtime, so one printer
//! thread serves the whole session.
//!
//! An entry is read a line at a time ([`Entry`]): Enter on a line that
//! leaves a block, a bracket or a string open asks for the next line after
//! the continuation prompt (`   ..> `, indented to follow the code), and a
//! complete entry runs, every statement in it in order (a paste may hold
//! several). Nothing the terminal sends ends the session but Ctrl-D on an
//! empty prompt or `quit`: Ctrl-C drops the entry, and bytes that are not
//! UTF-8 are an error on that line.

use super::entry::Entry;
use super::helper::{CrashHelper, Names, input_is_waiting};
use super::history;
use crate::commands::parse_script;
use crate::frontend::{CONTINUATION, PROMPT, echo};
use crate::session::{Control, EventFeed, Session};
use crate::view::{Role, Style};
use parking_lot::Mutex;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Cmd, CompletionType, Config, Editor, ExternalPrinter, KeyEvent};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How the presenter left [`interact`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InteractEnd {
    /// Ctrl-D: go back to whatever was running (the script, or exit).
    Resume,
    /// `quit`: stop altogether.
    Quit,
}

/// The interactive loop on an existing session, until Ctrl-D or `quit`.
///
/// Everything the session holds (processes, variables, log level) is used
/// as it is and left as the presenter leaves it, so a script runner can
/// drop into the REPL between two commands and resume afterwards.
pub fn interact(session: &mut Session) -> InteractEnd {
    let style = session.style();
    let names = Arc::new(Mutex::new(Names::of(session)));
    let mut editor = match new_editor(style, names.clone(), session.feed()) {
        Ok(editor) => editor,
        Err(error) => {
            eprintln!("letitcrash: cannot start the line editor: {error}");
            return InteractEnd::Resume;
        }
    };
    let history = history::path();
    if let Some(path) = &history {
        // A first run has no history yet: nothing to report.
        let _ = editor.load_history(path);
    }
    let printer = EventPrinter::start(&mut editor, session.feed());
    let _sigint = IgnoreSigint::install();

    let end = loop {
        let (prompt, indent) = match editor.helper().map(CrashHelper::entry) {
            Some(entry) if !entry.is_empty() => (CONTINUATION, continuation_indent(entry)),
            _ => (PROMPT, String::new()),
        };
        let read = editor.readline_with_initial(prompt, (&indent, ""));
        let entry = editor.helper_mut().expect("the helper is set").entry_mut();
        let line = match read {
            Ok(line) => line,
            // Ctrl-C abandons the entry being typed, never the session.
            Err(ReadlineError::Interrupted) => {
                entry.clear();
                continue;
            }
            Err(ReadlineError::Eof) if !entry.is_empty() => {
                entry.clear();
                write_whole(&format!(
                    "{}\n",
                    style.paint(
                        "(the unfinished entry is dropped; Ctrl-D again leaves)",
                        Role::Quiet
                    )
                ));
                continue;
            }
            Err(ReadlineError::Eof) => break InteractEnd::Resume,
            Err(ReadlineError::Io(error)) if error.kind() == std::io::ErrorKind::InvalidData => {
                entry.clear();
                write_whole(&not_utf8(&style));
                continue;
            }
            Err(error) => {
                // The terminal is gone (or worse): nothing more to read.
                let _ = writeln!(std::io::stderr(), "letitcrash: {error}");
                break InteractEnd::Resume;
            }
        };
        entry.push(&line);
        if !entry.is_complete() {
            continue;
        }
        let text = entry.take();
        let text = text.trim_end_matches('\n');
        if text.trim().is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(text);
        // Saved as we go, so a killed terminal keeps the talk's history
        // (a read-only home must not stop the show); not while a paste is
        // still arriving, when each line would rewrite the file.
        if let Some(path) = &history
            && !input_is_waiting()
        {
            let _ = editor.save_history(path);
        }
        if run_entry(session, text, &names, &mut editor) == Control::Quit {
            break InteractEnd::Quit;
        }
    };
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    // The editor goes first: a printer thread blocked handing text to it
    // (see `write_whole`) is released when its channel closes.
    drop(editor);
    printer.stop();
    end
}

/// Runs every statement of a complete entry, in order; `Quit` if one was
/// `quit`. An entry of several statements (a paste) echoes each after the
/// prompt before its output, as a transcript does, so every result stands
/// under the command it answers; a statement that does not parse is its
/// error, and the others still run.
fn run_entry(
    session: &mut Session,
    text: &str,
    names: &Mutex<Names>,
    editor: &mut Editor<CrashHelper, DefaultHistory>,
) -> Control {
    let style = session.style();
    let statements = parse_script(text);
    let several = statements.len() > 1;
    for parsed in statements {
        let stmt = match parsed {
            Ok(stmt) => stmt,
            Err(error) => {
                write_whole(&error.render_styled(None, &style));
                continue;
            }
        };
        if several {
            write_whole(&format!("{}\n", echo(&stmt.source, &style)));
        }
        let evaluation = session.eval(&stmt);
        // Events are the printer's alone, even those this command caused:
        // they appear as they happen, during a long command too.
        let output: String = evaluation
            .lines
            .iter()
            .map(|line| line.render(&style) + "\n")
            .collect();
        write_whole(&output);
        match evaluation.control {
            Control::Quit => return Control::Quit,
            Control::Clear => {
                let _ = editor.clear_screen();
            }
            Control::Continue | Control::Pause => {}
        }
    }
    // The names are for Tab, which no one presses in the middle of an
    // entry or a paste; taking them after each statement of one would cost
    // as much as the session has names, every statement.
    if !input_is_waiting() {
        *names.lock() = Names::of(session);
    }
    Control::Continue
}

/// The indentation a continuation line starts with: the code's, unless
/// more input is already waiting (a paste without bracketed paste brings
/// its own indentation, and ours would double it).
fn continuation_indent(entry: &Entry) -> String {
    if input_is_waiting() {
        String::new()
    } else {
        entry.next_indent()
    }
}

/// The error for a line the terminal sent in another encoding than UTF-8
/// (a stray byte, a Latin-1 terminal): the line is lost, the session is not.
fn not_utf8(style: &Style) -> String {
    format!(
        "\n{} the terminal sent bytes that are not UTF-8; that line is dropped\n  = hint: type it again (and check that the terminal's encoding is UTF-8)\n",
        style.paint("error:", Role::Crash)
    )
}

/// Writes `text` to stdout in one go, so that event lines the printer
/// writes meanwhile land between whole outputs, not inside one.
///
/// There is deliberately no lock shared with the printer: while a line is
/// edited, rustyline's printer hands text to the editor through a channel
/// of one slot and can block until the next `readline`; holding a lock then
/// would stop this thread from ever getting there.
fn write_whole(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn new_editor(
    style: Style,
    names: Arc<Mutex<Names>>,
    feed: Arc<EventFeed>,
) -> rustyline::Result<Editor<CrashHelper, DefaultHistory>> {
    let config = Config::builder()
        .auto_add_history(false)
        .history_ignore_dups(true)?
        .history_ignore_space(true)
        .completion_type(CompletionType::List)
        .build();
    let mut editor = Editor::with_config(config)?;
    editor.set_helper(Some(CrashHelper::new(style, names, feed)));
    // Enter, and Ctrl-J (what a terminal sends for Enter in some setups,
    // and what a carriage return becomes while the terminal is not raw),
    // hand the line to the loop; the entry decides whether it goes on.
    for key in ['\r', '\n'] {
        editor.bind_sequence(KeyEvent::from(key), Cmd::AcceptLine);
    }
    Ok(editor)
}

/// The thread that prints live events above the prompt.
struct EventPrinter {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl EventPrinter {
    fn start(
        editor: &mut Editor<CrashHelper, DefaultHistory>,
        feed: Arc<EventFeed>,
    ) -> EventPrinter {
        // Without a terminal on both sides rustyline has no external
        // printer; plain writes to stdout are then just as good.
        let mut print: Box<dyn FnMut(String) + Send> = match editor.create_external_printer() {
            Ok(mut printer) => Box::new(move |text| {
                let _ = printer.print(text);
            }),
            Err(_) => Box::new(|text: String| {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(text.as_bytes());
                let _ = out.flush();
            }),
        };
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::Builder::new()
            .name("event-printer".into())
            .spawn(move || {
                let mut emit = |lines: Vec<String>| {
                    if !lines.is_empty() {
                        print(lines.join("\n") + "\n");
                    }
                };
                while !stopping.load(Ordering::Relaxed) {
                    emit(feed.wait(Duration::from_millis(50)));
                }
                // Whatever the last command caused is shown before leaving.
                emit(feed.drain());
            })
            .ok();
        EventPrinter { stop, thread }
    }

    fn stop(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Ignores SIGINT while the REPL runs: in the editor Ctrl-C arrives as a
/// key (raw mode), but during a command (`sleep 5s`) the terminal would
/// turn it into a signal and end the whole demo. Outside the REPL (a script
/// runner that called [`interact`] and resumed), Ctrl-C ends the program
/// as usual: the handler performs the default action only while
/// `SIGINT_ENDS_PROGRAM` is true.
struct IgnoreSigint;

static SIGINT_ENDS_PROGRAM: std::sync::LazyLock<Arc<AtomicBool>> = std::sync::LazyLock::new(|| {
    let flag = Arc::new(AtomicBool::new(true));
    // Registered once; if it cannot be, Ctrl-C simply keeps its default.
    let _ =
        signal_hook::flag::register_conditional_default(signal_hook::consts::SIGINT, flag.clone());
    flag
});

impl IgnoreSigint {
    fn install() -> IgnoreSigint {
        SIGINT_ENDS_PROGRAM.store(false, Ordering::SeqCst);
        IgnoreSigint
    }
}

impl Drop for IgnoreSigint {
    fn drop(&mut self) {
        SIGINT_ENDS_PROGRAM.store(true, Ordering::SeqCst);
    }
}
