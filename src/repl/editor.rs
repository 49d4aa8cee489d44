//! The interactive loop: a rustyline editor over a live session, with the
//! runtime's events printed above the prompt as they happen.
//!
//! Events are the [`printer`](super::printer)'s: above the prompt while the
//! presenter types, and after the result of the command that caused them
//! (a command's result comes first, every time). `reset` re-attaches the
//! same feed to the new runtime, so one printer thread serves the whole
//! session.
//!
//! An entry is read a line at a time ([`Entry`]): Enter on a line that
//! leaves a block, a bracket or a string open asks for the next line after
//! the continuation prompt (`  ...> `, indented to follow the code), and a
//! complete entry runs, every statement in it in order (a paste may hold
//! several). An empty line or Ctrl-C abandons an open entry, saying what
//! was left open (it stays in the history, to be recalled and fixed).
//! Nothing the terminal sends ends the session but Ctrl-D on an empty
//! prompt or `quit`; bytes that are not UTF-8 are an error on that line.
//!
//! While a command runs the terminal is not raw, so Ctrl-C is SIGINT: the
//! REPL catches it and ends the command's wait (`call`, `receive`,
//! `sleep`, `wait`, an Erlang `receive`) at once, and what was typed
//! meanwhile is thrown away rather than run after it.

use super::editing::{EntrySoFar, reindent};
use super::entry::Entry;
use super::helper::{CrashHelper, Names, input_is_waiting};
use super::history;
use super::printer::{EventPrinter, Gate};
use super::sigint::{CatchSigint, discard_typed_ahead};
use crate::commands::ast::Command;
use crate::commands::highlight::highlight_from;
use crate::commands::parse_script;
use crate::frontend::{CONTINUATION, PROMPT, echo};
use crate::session::{Control, EventFeed, Session};
use crate::view::wrap::wrap_hanging;
use crate::view::{Role, Style};
use parking_lot::Mutex;
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor, ExternalPrinter};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::Ordering;

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
    let gate = Arc::new(Gate::default());
    let entry_so_far = EntrySoFar::default();
    let editor = new_editor(
        style,
        names.clone(),
        session.feed(),
        gate.clone(),
        &entry_so_far,
    );
    let mut editor = match editor {
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
    let printer = start_printer(&mut editor, gate.clone(), session.feed());
    let interrupt = session.interrupt_flag();
    let _sigint = CatchSigint::install(interrupt.clone());

    let end = loop {
        let width = terminal_width(&mut editor);
        printer.set_width(width);
        write_whole(&printer.pending_text());
        let (prompt, indent) = match editor.helper().map(CrashHelper::entry) {
            Some(entry) if !entry.is_empty() => (CONTINUATION, continuation_indent(entry)),
            _ => {
                // The entry ran or was dropped: a new one starts.
                entry_so_far.lock().clear();
                (PROMPT, String::new())
            }
        };
        printer.before_prompt();
        // A Ctrl-C from before this read (the terminal is cooked between
        // two reads) belongs to no command; one after it, to the entry's.
        interrupt.store(false, Ordering::Release);
        let read = editor.readline_with_initial(prompt, (&indent, ""));
        gate.loop_has_terminal();
        let entry = editor.helper_mut().expect("the helper is set").entry_mut();
        // The key handlers' copy of the entry's lines, kept a line at a
        // time (a copy of the whole entry per line would cost a long paste
        // dearly).
        let mut so_far = entry_so_far.lock();
        let line = match read {
            Ok(line) => line,
            // Ctrl-C abandons the entry being typed, never the session.
            Err(ReadlineError::Interrupted) => {
                let abandoned = abandon(entry, &style);
                remember(&mut editor, &abandoned, history.as_deref());
                continue;
            }
            Err(ReadlineError::Eof) if !entry.is_empty() => {
                let abandoned = abandon(entry, &style);
                remember(&mut editor, &abandoned, history.as_deref());
                write_whole(&format!(
                    "{}\n",
                    style.paint("(Ctrl-D again leaves)", Role::Quiet)
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
        let line = if input_is_waiting() {
            line
        } else {
            let fixed = reindent(&so_far, &line, &indent);
            if fixed != line && !fixed.contains('\n') {
                redraw_line(prompt, &line, &fixed, entry, &style, width);
            }
            fixed
        };
        // An empty line typed (not part of a paste, whose blank lines
        // belong to it) gives up on an open entry, as IEx's does.
        if !entry.is_empty() && line.trim().is_empty() && !input_is_waiting() {
            let abandoned = abandon(entry, &style);
            remember(&mut editor, &abandoned, history.as_deref());
            continue;
        }
        entry.push(&line);
        if !entry.is_complete() {
            so_far.push_str(&line);
            so_far.push('\n');
            continue;
        }
        drop(so_far);
        let text = entry.take();
        let text = text.trim_end_matches('\n');
        if text.trim().is_empty() {
            continue;
        }
        remember(&mut editor, text, history.as_deref());
        if run_entry(session, text, &names, &mut editor, width, &gate) == Control::Quit {
            break InteractEnd::Quit;
        }
    };
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    // The editor goes first: a printer thread blocked handing text to it
    // is released when its channel closes.
    drop(editor);
    printer.stop();
    end
}

/// Shows `fixed` in place of `typed`, the line the editor just left on
/// the row above (reindented on Enter), when each fits on that one row.
fn redraw_line(prompt: &str, typed: &str, fixed: &str, entry: &Entry, style: &Style, width: usize) {
    let role = if prompt == CONTINUATION {
        Role::Quiet
    } else {
        Role::Header
    };
    let longest = typed.chars().count().max(fixed.chars().count());
    if width == 0 || prompt.chars().count() + longest >= width {
        return;
    }
    let shown = highlight_from(entry.colours(), fixed, style);
    write_whole(&format!(
        "\x1b[1A\r\x1b[2K{}{shown}\n",
        style.paint(prompt, role)
    ));
}

/// Drops the open entry with a note saying what was left open; its text,
/// for the history.
fn abandon(entry: &mut Entry, style: &Style) -> String {
    if entry.is_empty() {
        return String::new();
    }
    let why = entry
        .what_is_open()
        .unwrap_or_else(|| "it is not finished".to_owned());
    let text = entry.take();
    write_whole(&format!(
        "{}\n",
        style.paint(&format!("(entry abandoned: {why})"), Role::Quiet)
    ));
    text.trim_end_matches('\n').to_owned()
}

/// Adds `text` to the history, and saves it as we go, so a killed
/// terminal keeps the talk's history (a read-only home must not stop the
/// show); not while a paste is still arriving, when each line would
/// rewrite the file.
fn remember(
    editor: &mut Editor<CrashHelper, DefaultHistory>,
    text: &str,
    history: Option<&std::path::Path>,
) {
    if text.trim().is_empty() {
        return;
    }
    let _ = editor.add_history_entry(text);
    if let Some(path) = history
        && !input_is_waiting()
    {
        let _ = editor.save_history(path);
    }
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
    width: usize,
    gate: &Gate,
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
        let waits = matches!(stmt.command, Command::Sleep(_) | Command::Wait { .. });
        if waits {
            gate.command_waits();
        }
        let evaluation = session.eval(&stmt);
        if waits {
            gate.loop_has_terminal();
        }
        // Cleared here, not as the next statement starts: a Ctrl-C pressed
        // between Enter and the start of a `sleep` is meant for it.
        let interrupted = session.interrupt_flag().swap(false, Ordering::AcqRel);
        if interrupted {
            // Keys typed while the command ran were meant for it, or were
            // impatience: none of them runs now. The terminal showed `^C`.
            discard_typed_ahead();
            write_whole("\n");
        }
        // The events it caused come after, from the loop (see `printer`).
        // Help is prose: it wraps at the terminal's edge; tables and terms
        // are printed as they are.
        let prose = matches!(stmt.command, Command::Help(_) | Command::Kinds);
        let output: String = evaluation
            .lines
            .iter()
            .map(|line| {
                let text = line.render(&style);
                let text = if prose {
                    let rows: Vec<String> = text
                        .split('\n')
                        .map(|row| wrap_hanging(row, width))
                        .collect();
                    rows.join("\n")
                } else {
                    text
                };
                text + "\n"
            })
            .collect();
        write_whole(&output);
        if interrupted {
            // The rest of a paste is typed-ahead input too.
            break;
        }
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

/// Writes `text` to stdout in one go (the printer is quiet meanwhile: the
/// loop has the terminal, see `printer`).
fn write_whole(text: &str) {
    if text.is_empty() {
        return;
    }
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn new_editor(
    style: Style,
    names: Arc<Mutex<Names>>,
    feed: Arc<EventFeed>,
    gate: Arc<Gate>,
    entry_so_far: &EntrySoFar,
) -> rustyline::Result<Editor<CrashHelper, DefaultHistory>> {
    let config = Config::builder()
        .auto_add_history(false)
        .history_ignore_dups(true)?
        .history_ignore_space(true)
        .completion_type(CompletionType::List)
        .build();
    let mut editor = Editor::with_config(config)?;
    editor.set_helper(Some(CrashHelper::new(style, names, feed, gate)));
    // Enter, and Ctrl-J (what a terminal sends for Enter in some setups,
    // and what a carriage return becomes while the terminal is not raw),
    // hand the line to the loop, which decides whether the entry goes on;
    // inside a recalled block they insert a line (see `editing`).
    for (key, handler) in super::editing::bindings(entry_so_far) {
        editor.bind_sequence(key, handler);
    }
    Ok(editor)
}

/// The width to wrap events and help at: the terminal's (asked before
/// each prompt, so a resized window is followed), else `COLUMNS`.
fn terminal_width(editor: &mut Editor<CrashHelper, DefaultHistory>) -> usize {
    editor
        .dimensions()
        .map(|(columns, _)| usize::from(columns))
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .unwrap_or(0)
}

/// The event printer, handing text to the editor when both sides are a
/// terminal (rustyline's external printer), writing it out otherwise.
fn start_printer(
    editor: &mut Editor<CrashHelper, DefaultHistory>,
    gate: Arc<Gate>,
    feed: Arc<EventFeed>,
) -> EventPrinter {
    match editor.create_external_printer() {
        Ok(mut external) => EventPrinter::start(
            gate,
            feed,
            Box::new(move |text| {
                let _ = external.print(text);
            }),
            true,
        ),
        Err(_) => EventPrinter::start(
            gate,
            feed,
            Box::new(|text: String| write_whole(&text)),
            false,
        ),
    }
}
