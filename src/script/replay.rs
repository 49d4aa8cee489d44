//! Replay: a script played back as if the presenter typed it.
//!
//! Each command is echoed after the prompt (`crash> `, and `  ...> ` on the
//! continuation lines of a block), then come its result lines and the event
//! lines it caused, in order. `say` narration is not echoed: it appears in
//! its own colour, set off by blank lines. `pause` waits for a key in step
//! mode; otherwise it is ignored (`run`), or waits for a key or a fixed
//! delay as [`Pauses`] says (`serve --script`). `#` comments are shown
//! with `--comments`.
//!
//! Pacing, for a talk: `--step` waits for a key before each command (the
//! prompt is already on screen, so the command appears when the key is
//! pressed; after a `pause` the next command goes on without a second key),
//! `--typing` types each command out character by character, `--delay`
//! waits between commands (printing any events that happen meanwhile).
//!
//! A parse error anywhere stops the replay before it starts, naming
//! FILE:LINE:COL, so a typo is found at rehearsal, not on stage. A command
//! that fails (an error, or an `expect` that does not hold) stops it with
//! the same display; `--keep-going` goes on and reports failure at the end.
//!
//! `serve --script` replays through [`replay_in`], on the session it has
//! already put on the stage, so the browsers follow what the terminal
//! shows.

use super::keys::{Key, KeySource};
use super::{Pauses, RunOptions};
use crate::commands::ast::Command;
use crate::commands::{Stmt, parse_script};
use crate::diagnostics::Diagnostic;
use crate::frontend::{SessionOptions, open_session, typed};
use crate::session::{Control, Line, Session};
use crate::view::{Role, Style};
use std::io::Write;
use std::time::{Duration, Instant};

pub use crate::frontend::{CONTINUATION, PROMPT};

/// How long live mode keeps collecting events after a command, at most,
/// and how long a lull ends it sooner.
const LIVE_TAIL: Duration = Duration::from_millis(400);
const LIVE_LULL: Duration = Duration::from_millis(40);

/// How an interactive interlude (`i` in step mode) ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interact {
    /// Go back to the script where it was.
    Resume,
    /// Leave the replay.
    Quit,
}

/// Step mode's `i`: hand the session to the presenter, with everything the
/// script built so far, then resume the script where it stopped. This and
/// Ctrl-C during a step ([`crate::repl::sigint`]) are what the replay
/// takes from the REPL.
pub fn interact(session: &mut Session, out: &mut dyn Write) -> Interact {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        let _ = writeln!(
            out,
            "(interactive mode needs a terminal; resuming the script)"
        );
        return Interact::Resume;
    }
    let _ = writeln!(
        out,
        "interactive: the script waits; Ctrl-D resumes it, `quit` stops"
    );
    let _ = out.flush();
    match crate::repl::interact(session) {
        crate::repl::InteractEnd::Resume => {
            let _ = writeln!(out, "resuming the script");
            Interact::Resume
        }
        crate::repl::InteractEnd::Quit => Interact::Quit,
    }
}

/// Replays `src` (named `file` in messages) on `out`, reading step-mode
/// keys from `keys`. Returns whether everything went well.
pub fn replay(
    file: &str,
    src: &str,
    options: &RunOptions,
    style: Style,
    out: &mut dyn Write,
    keys: &mut dyn KeySource,
) -> bool {
    let config = SessionOptions {
        seed: options.seed,
        order: options.order,
        schedulers: options.schedulers,
        ..SessionOptions::default()
    }
    .config(style);
    let mut session = open_session(config);
    replay_in(&mut session, file, src, options, style, out, keys)
}

/// [`replay`] on a session the caller opened (`serve` has put it on the
/// stage first); the session outlives the replay, so the caller can go on
/// serving it. `options.seed`, `order` and `schedulers` are the caller's
/// business here: the session is already running.
pub fn replay_in(
    session: &mut Session,
    file: &str,
    src: &str,
    options: &RunOptions,
    style: Style,
    out: &mut dyn Write,
    keys: &mut dyn KeySource,
) -> bool {
    let statements = parse_script(src);
    if !options.keep_going {
        let errors: Vec<&Diagnostic> = statements.iter().filter_map(|s| s.as_ref().err()).collect();
        if !errors.is_empty() {
            for error in errors {
                let _ = write!(out, "{}", error.render_styled(Some(file), &style));
            }
            return false;
        }
    }
    session.set_source(file);
    let mut player = Player {
        file,
        options,
        style,
        out,
        keys,
        session,
        failed: false,
        narrating: false,
        waited: false,
        first: true,
    };
    for statement in statements {
        let flow = match statement {
            Ok(stmt) => player.statement(&stmt),
            Err(error) => {
                player.end_narration();
                let text = error.render_styled(Some(file), &style);
                player.print(&text);
                player.failed = true;
                Flow::Go
            }
        };
        if flow == Flow::Stop {
            break;
        }
    }
    // A line a process began and did not end is shown at the end.
    player.session.runtime().flush_output();
    for line in player.session.feed().drain() {
        player.println(&line);
    }
    let _ = player.out.flush();
    !player.failed
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Go,
    Stop,
}

struct Player<'a> {
    file: &'a str,
    options: &'a RunOptions,
    style: Style,
    out: &'a mut dyn Write,
    keys: &'a mut dyn KeySource,
    session: &'a mut Session,
    failed: bool,
    /// The last thing shown was narration (a blank line follows it).
    narrating: bool,
    /// A key was pressed since the last command (at a `pause`).
    waited: bool,
    first: bool,
}

impl Player<'_> {
    fn print(&mut self, text: &str) {
        let _ = self.out.write_all(text.as_bytes());
        let _ = self.out.flush();
    }

    fn println(&mut self, text: &str) {
        self.print(&format!("{text}\n"));
    }

    fn end_narration(&mut self) {
        if self.narrating {
            self.println("");
            self.narrating = false;
        }
    }

    fn statement(&mut self, stmt: &Stmt) -> Flow {
        if self.options.comments {
            for comment in &stmt.comments {
                let line = self.style.paint(&format!("# {comment}"), Role::Quiet);
                self.println(&line);
            }
        }
        match stmt.command {
            Command::Say(_) => {
                if !self.narrating {
                    self.println("");
                }
                self.narrating = true;
                let evaluation = self.session.eval(stmt);
                for line in &evaluation.lines {
                    let text = line.render(&self.style);
                    self.println(&text);
                }
                self.events();
                self.first = false;
                Flow::Go
            }
            Command::Pause => {
                let pauses = if self.options.step {
                    Pauses::Key
                } else {
                    self.options.pauses
                };
                match pauses {
                    Pauses::Ignore => Flow::Go,
                    Pauses::Key => {
                        self.waited = true;
                        match self.wait_key() {
                            Key::Quit => Flow::Stop,
                            _ => Flow::Go,
                        }
                    }
                    Pauses::Delay(delay) => {
                        self.idle(delay);
                        Flow::Go
                    }
                }
            }
            _ => self.command(stmt),
        }
    }

    /// Waits for a key in step mode, handling `i` until another key comes.
    fn wait_key(&mut self) -> Key {
        loop {
            match self.keys.key() {
                Key::Interact => {
                    self.println("");
                    if interact(self.session, self.out) == Interact::Quit {
                        return Key::Quit;
                    }
                }
                key => return key,
            }
        }
    }

    fn command(&mut self, stmt: &Stmt) -> Flow {
        // From the key that runs the step to its end, Ctrl-C interrupts
        // it (while a key is awaited the terminal is raw: Ctrl-C is `q`).
        let _catching = self.catch_ctrl_c();
        self.end_narration();
        let prompt = self.style.paint(PROMPT, Role::Quiet);
        if self.options.step && !self.waited {
            self.print(&prompt);
            loop {
                match self.keys.key() {
                    Key::Next => break,
                    Key::Quit => {
                        self.println("");
                        return Flow::Stop;
                    }
                    Key::Interact => {
                        self.println("");
                        if interact(self.session, self.out) == Interact::Quit {
                            return Flow::Stop;
                        }
                        self.print(&prompt);
                    }
                }
            }
        } else {
            // After a key at a `pause` the presenter asked for the next
            // command now: no delay on top of it.
            if let Some(delay) = self.options.delay
                && !self.first
                && !self.waited
            {
                self.idle(delay);
            }
            self.print(&prompt);
        }
        self.waited = false;
        self.first = false;
        self.echo(&stmt.source);

        let (evaluation, interrupted) = self.eval_interruptibly(stmt);
        if interrupted {
            // Ctrl-C during a step ends its wait, not the talk: the note,
            // and the next key goes on as usual.
            for line in &evaluation.lines {
                self.println(&line.render(&self.style));
            }
            self.events();
            return Flow::Go;
        }
        for line in &evaluation.lines {
            if matches!(line, Line::Error(_) | Line::Fail(_)) && !evaluation.ok {
                continue; // shown below, with where it happened
            }
            let text = line.render(&self.style);
            self.println(&text);
        }
        self.events();
        if !evaluation.ok {
            self.failed = true;
            let message = evaluation
                .lines
                .iter()
                .find_map(|line| match line {
                    Line::Error(text) => Some(text.strip_prefix("error: ").unwrap_or(text)),
                    Line::Fail(text) => Some(text.strip_prefix("FAIL: ").unwrap_or(text)),
                    _ => None,
                })
                .unwrap_or("this command failed");
            let text = located(stmt, message).render_styled(Some(self.file), &self.style);
            self.print(&text);
            if !self.options.keep_going {
                return Flow::Stop;
            }
        }
        match evaluation.control {
            Control::Quit => Flow::Stop,
            Control::Clear => {
                if self.style.colorize {
                    self.print("\x1b[2J\x1b[H");
                }
                Flow::Go
            }
            Control::Continue | Control::Pause => Flow::Go,
        }
    }

    /// In step mode on a terminal, Ctrl-C interrupts a step's wait
    /// (`sleep`, `call`, ...) as in the REPL while this lives.
    fn catch_ctrl_c(&self) -> Option<crate::repl::sigint::CatchSigint> {
        use std::io::IsTerminal;
        (self.options.step && std::io::stdin().is_terminal())
            .then(|| crate::repl::sigint::CatchSigint::install(self.session.interrupt_flag()))
    }

    /// Runs `stmt`; if Ctrl-C interrupted it, the keys typed meanwhile are
    /// dropped. True when it was interrupted.
    fn eval_interruptibly(&mut self, stmt: &Stmt) -> (crate::session::Evaluation, bool) {
        use std::sync::atomic::Ordering;
        let evaluation = self.session.eval(stmt);
        let interrupted = self.session.interrupt_flag().swap(false, Ordering::AcqRel);
        if interrupted {
            crate::repl::sigint::discard_typed_ahead();
            self.println("");
        }
        let failed = !evaluation.ok;
        (evaluation, interrupted && failed)
    }

    /// Writes the command after the prompt that is already on screen.
    fn echo(&mut self, source: &str) {
        let continuation = self.style.paint(CONTINUATION, Role::Quiet);
        match self.options.typing {
            Some(pace) => {
                for c in source.chars() {
                    if c == '\n' {
                        self.print(&format!("\n{continuation}"));
                    } else {
                        self.print(c.encode_utf8(&mut [0; 4]));
                    }
                    std::thread::sleep(pace);
                }
                self.println("");
            }
            None => {
                let text = typed(source, &self.style);
                self.println(&text);
            }
        }
    }

    /// Prints the events the last command caused; in live mode, also those
    /// that follow shortly after (a restart a moment later).
    fn events(&mut self) {
        let feed = self.session.feed();
        for line in feed.drain() {
            self.println(&line);
        }
        if self.options.seed.is_none() {
            let start = Instant::now();
            while start.elapsed() < LIVE_TAIL {
                let lines = feed.wait(LIVE_LULL);
                if lines.is_empty() {
                    break;
                }
                for line in lines {
                    self.println(&line);
                }
            }
        }
    }

    /// Lets `duration` pass between commands, printing events as they come
    /// (in deterministic mode the system is quiet between commands).
    fn idle(&mut self, duration: Duration) {
        let feed = self.session.feed();
        let end = Instant::now() + duration;
        loop {
            let now = Instant::now();
            if now >= end {
                break;
            }
            if self.options.seed.is_some() {
                std::thread::sleep(end - now);
                break;
            }
            for line in feed.wait(end - now) {
                self.println(&line);
            }
        }
    }
}

/// A failed command shown like a parse error: the message, FILE:LINE:COL,
/// the statement's first line with a caret under it, and the hint if the
/// message carries one.
fn located(stmt: &Stmt, message: &str) -> Diagnostic {
    let (message, hint) = match message.split_once(" (hint: ") {
        Some((message, hint)) => (message, hint.strip_suffix(')').map(str::to_owned)),
        None => (message, None),
    };
    let first = stmt.source.lines().next().unwrap_or("");
    Diagnostic {
        line: stmt.span.line,
        column: stmt.span.column,
        len: first.chars().count(),
        message: message.to_owned(),
        expected: Vec::new(),
        hint,
        source_line: format!("{}{first}", " ".repeat(stmt.span.column.saturating_sub(1))),
    }
}
