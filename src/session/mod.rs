//! The evaluator: commands become runtime and supervisor calls.
//!
//! A [`Session`] is one presenter's (or one script's) world: a runtime, the
//! shell process acting for the presenter, the shell's variables, and the
//! presenting settings (log level, slow motion). [`Session::eval`] carries
//! out one parsed statement and returns what to show: result lines, errors,
//! narration, expectation results, and whether to pause, clear or quit.
//! The REPL and the script runner drive a session; neither knows how a
//! command is carried out, and the session knows nothing of terminals.
//!
//! Commands are grouped by topic: [`processes`] (spawn, send, links,
//! monitors, names, the shell's mailbox), [`supervision`] (`sup` blocks and
//! the supervisor API), [`views`] (tree, ps, info, mailbox, regs), [`time`]
//! (sleep, wait), [`expect`] (checks for scripts) and [`definitions`]
//! (process code: def, show, load); Erlang typed at the prompt is
//! [`erlang_eval`], with erl's shell functions in [`shell_functions`];
//! explaining what happened is
//! [`explain`] (`why`, `tree --mermaid`, crash reports, with the session's
//! [`history`] and [`chain`]) and [`seq`] (charts). Someone following the
//! session from outside (the stage) is its [`Observer`].
//!
//! Imports: the command language, the process language, supervisors, the
//! built-in kinds, the views and the runtime; never the stage, a front end or
//! a terminal.

mod chain;
mod definitions;
mod elixir_eval;
mod erlang_branches;
mod erlang_eval;
mod error;
mod expect;
mod explain;
mod export;
mod history;
mod observer;
mod processes;
mod seq;
mod shell;
mod shell_functions;
mod supervision;
mod targets;
mod time;
mod values;
mod views;

#[cfg(test)]
mod tests;

pub use crate::view::{EventFeed, LogLevel};
pub use definitions::{Definition, Definitions};
pub use error::{EvalError, EvalResult};
pub use observer::Observer;
pub use values::Bindings;

use crate::commands::ast::{self, Command, Stmt};
use crate::runtime::{Config, Pid, Runtime, Term};
use crate::supervisor::RestartDelay;
use crate::view::{Style, Syntax};
use shell::Shell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// One line of a command's output, by what it means (the REPL colours it).
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// The value of a command, printed like the Erlang shell prints values.
    Value(String),
    /// Text from a view (tree, ps, help), possibly several lines.
    Text(String),
    Error(String),
    /// `say "..."`: the presenter's narration.
    Say(String),
    Pass(String),
    Fail(String),
    /// Something the shell itself reports (a new shell process, a reset).
    Notice(String),
}

impl Line {
    /// The line as the terminal shows it, coloured by what it means.
    pub fn render(&self, style: &Style) -> String {
        use crate::view::Role;
        match self {
            Line::Value(text) | Line::Text(text) => text.clone(),
            Line::Error(text) | Line::Fail(text) => style.paint(text, Role::Crash),
            Line::Say(text) => style.paint(text, Role::Header),
            Line::Pass(text) => style.paint(text, Role::Alive),
            Line::Notice(text) => style.paint(text, Role::Warning),
        }
    }
}

/// What the driver should do after a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Continue,
    /// `pause`: in step mode, wait for a key.
    Pause,
    Clear,
    Quit,
}

/// The result of one statement.
#[derive(Debug)]
pub struct Evaluation {
    pub lines: Vec<Line>,
    pub control: Control,
    /// False when the command failed or an expectation did not hold.
    pub ok: bool,
}

/// How a session is set up.
#[derive(Clone, Debug)]
pub struct SessionConfig {
    pub runtime: Config,
    pub style: Style,
    /// How terms and errors are written: Erlang's way or Elixir's.
    pub syntax: Syntax,
    pub log: LogLevel,
    /// How long to let the system run after each command before the next
    /// (deterministic mode: virtual time; live mode: at most this long).
    pub settle: Duration,
}

impl SessionConfig {
    pub fn live(style: Style) -> SessionConfig {
        SessionConfig {
            runtime: Config::live(),
            style,
            syntax: Syntax::Erlang,
            log: LogLevel::Normal,
            settle: Duration::from_millis(100),
        }
    }

    pub fn deterministic(seed: u64, style: Style) -> SessionConfig {
        SessionConfig {
            runtime: Config::deterministic(seed),
            ..SessionConfig::live(style)
        }
    }
}

pub struct Session {
    config: SessionConfig,
    runtime: Runtime,
    shell: Shell,
    vars: Bindings,
    feed: Arc<EventFeed>,
    slowmo: RestartDelay,
    /// Supervisors started with `sup`, for `tree` without arguments.
    supervisors: Vec<crate::runtime::Atom>,
    /// The `sup` blocks as written, with the children `start_child` added,
    /// for `export sup` (the running tree says which children exist now).
    sup_specs: Vec<crate::commands::ast::SupSpec>,
    /// Process code defined with `def` or `load`, by name.
    definitions: Definitions,
    /// What happened, for `why`, `info` on the dead and `seq` charts.
    history: history::History,
    /// The script file statements come from (`FILE:LINE` in `why`,
    /// FILE:LINE:COL in compile errors).
    source: Option<String>,
    /// The `Command` event of the statement running now.
    command: Option<crate::runtime::EventId>,
    /// Who follows the session from outside (the stage), if anyone.
    observer: Option<Box<dyn Observer>>,
    /// Set from outside (the REPL's SIGINT handler) to end the statement's
    /// blocking wait (`call`, `receive`, `sleep`, `wait`, an Erlang
    /// `receive`). Whoever sets it clears it once the statement is over:
    /// a Ctrl-C pressed just before a statement began is still meant for
    /// it.
    interrupt: Arc<AtomicBool>,
}

/// A session's runtime: the built-in kinds, and the standard library
/// already there (loading process code would bring it too, but a `def`
/// is checked for calls into it before it loads).
fn fresh_runtime(config: &crate::runtime::Config) -> Runtime {
    let runtime = crate::behavior::runtime(config.clone());
    crate::erlang::stdlib::preload(runtime.code());
    runtime
}

impl Session {
    pub fn new(config: SessionConfig) -> Session {
        let runtime = fresh_runtime(&config.runtime);
        runtime.set_elixir_reports(config.syntax == Syntax::Elixir);
        let feed = Arc::new(EventFeed::new(
            &runtime,
            config.log,
            Style {
                syntax: config.syntax,
                ..config.style
            },
        ));
        let history = history::History::new(&runtime);
        let interrupt = Arc::new(AtomicBool::new(false));
        let shell = Shell::start(&runtime, interrupt.clone());
        let mut session = Session {
            config,
            runtime,
            shell,
            vars: Bindings::new(),
            feed,
            slowmo: RestartDelay::default(),
            supervisors: Vec::new(),
            sup_specs: Vec::new(),
            definitions: Definitions::new(),
            history,
            source: None,
            command: None,
            observer: None,
            interrupt,
        };
        session.name_shell();
        session.settle();
        session.feed.drain();
        session.absorb_history();
        session
    }

    /// The shell is `shell` in every view.
    fn name_shell(&mut self) {
        self.feed.name(self.shell.pid(), "shell");
        self.history.labels.name(self.shell.pid(), "shell");
    }

    /// The flag that interrupts the running statement's wait: whoever sets
    /// it (a SIGINT handler) makes the statement end at once with an
    /// error, and the runtime goes on; and clears it afterwards.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.interrupt.clone()
    }

    /// True once the running statement was interrupted.
    fn interrupted(&self) -> bool {
        self.interrupt.load(Ordering::Acquire)
    }

    /// The event feed, for a printer thread.
    pub fn feed(&self) -> Arc<EventFeed> {
        self.feed.clone()
    }

    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    pub fn shell_pid(&self) -> Pid {
        self.shell.pid()
    }

    /// How views render for this session: its colour, and its syntax.
    pub fn style(&self) -> Style {
        Style {
            syntax: self.config.syntax,
            ..self.config.style
        }
    }

    /// How this session writes terms and errors (`syntax elixir`).
    pub fn syntax(&self) -> Syntax {
        self.config.syntax
    }

    pub fn set_syntax(&mut self, syntax: Syntax) {
        self.config.syntax = syntax;
        self.feed.set_syntax(syntax);
        self.runtime.set_elixir_reports(syntax == Syntax::Elixir);
    }

    pub fn variables(&self) -> &Bindings {
        &self.vars
    }

    /// Targets worth completing: registered names and the supervision paths
    /// of live processes (`demo`, `demo/w1`, ...), sorted.
    pub fn target_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .runtime
            .registered()
            .into_iter()
            .map(|(name, _)| name.name().to_owned())
            .chain(
                self.feed
                    .labels()
                    .into_iter()
                    .filter(|(pid, _)| self.runtime.is_alive(*pid))
                    .map(|(_, label)| label),
            )
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Lets the system run after a command so its effects (and events) are
    /// complete before the next one.
    pub fn settle(&self) {
        self.runtime.run_until_quiet(self.config.settle);
    }

    /// Carries out one statement.
    pub fn eval(&mut self, stmt: &Stmt) -> Evaluation {
        let mut lines = Vec::new();
        self.revive_shell(&mut lines);
        let mut control = Control::Continue;
        self.announce(stmt);
        let result = match &stmt.command {
            // A definition's compile errors point into the statement.
            Command::Def { .. } => self.define_statement(stmt),
            Command::Defmodule(_) => self.defmodule_statement(stmt),
            Command::Elixir(text) => self.elixir_statement(stmt, text, &mut control),
            Command::Erlang(text) if self.elixir_reads(text) => {
                self.elixir_statement(stmt, text, &mut control)
            }
            Command::Erlang(_) => self.erlang_statement(stmt, &mut control),
            // A term typed alone (`"abc"`, `[1, 2]`) is Elixir's where the
            // session speaks Elixir: its string is a binary, not a charlist.
            Command::Eval(_) if self.elixir_reads(&stmt.source) => {
                self.elixir_statement(stmt, &stmt.source, &mut control)
            }
            command => self.run(command, &mut control),
        };
        let ok = match result {
            Ok(mut outcome) => {
                // A value is written in the session's syntax.
                if self.syntax() == Syntax::Elixir
                    && let Some(value) = &outcome.value
                {
                    let shown = crate::view::shown_in(value, &self.style());
                    for line in &mut outcome.lines {
                        if let Line::Value(text) = line {
                            *text = shown.clone();
                        }
                    }
                }
                lines.extend(outcome.lines);
                outcome.ok
            }
            Err(error) => {
                lines.push(Line::Error(format!("error: {error}")));
                false
            }
        };
        if !matches!(stmt.command, Command::Reset | Command::Quit) {
            self.settle();
            self.runtime.act_for(self.shell.pid(), None);
            self.revive_shell(&mut lines);
            self.absorb_history();
        }
        self.tell_observer(&lines);
        // What the statement freed on this thread (a view's rows, the
        // events the history let go of) goes back to the system before
        // the presenter types the next one (`runtime/memory.rs`).
        self.runtime.release_memory();
        Evaluation { lines, control, ok }
    }

    /// Makes `observer` the one who follows this session (see
    /// [`Observer`]).
    pub fn set_observer(&mut self, observer: Box<dyn Observer>) {
        self.observer = Some(observer);
        self.tell_observer(&[]);
    }

    pub fn observer(&self) -> Option<&dyn Observer> {
        self.observer.as_deref()
    }

    /// Runs `f` with the observer and the session both at hand (the
    /// observer is out of the session meanwhile).
    pub fn with_observer(&mut self, f: impl FnOnce(&mut dyn Observer, &mut Session)) {
        if let Some(mut observer) = self.observer.take() {
            f(observer.as_mut(), self);
            if self.observer.is_none() {
                self.observer = Some(observer);
            }
        }
    }

    /// After each statement: the observer hears the roots and the lines.
    fn tell_observer(&mut self, lines: &[Line]) {
        let roots = self.root_supervisors();
        if let Some(observer) = &mut self.observer {
            observer.statement_done(roots, lines);
        }
    }

    /// A command that is the observer's (`stage`, `audience`).
    fn observer_command(&mut self, command: &Command) -> EvalResult<Outcome> {
        let mut result = None;
        self.with_observer(|observer, session| result = observer.command(session, command));
        result.unwrap_or_else(|| {
            Err(EvalError::new("there is no stage in this session")
                .with_hint("the REPL, `letitcrash run` and `letitcrash serve` have one"))
        })
    }

    /// Runs `command` as if typed, without a statement around it (no
    /// `Command` event, no settling): for the stage's own `sup` trees.
    pub fn run_command(&mut self, command: &Command) -> EvalResult<Outcome> {
        let mut control = Control::Continue;
        self.run(command, &mut control)
    }

    /// If a link killed the shell process, starts a new one and says so.
    fn revive_shell(&mut self, lines: &mut Vec<Line>) {
        let style = self.style();
        let show = |reason: &Term| match style.syntax {
            Syntax::Erlang => reason.to_string(),
            Syntax::Elixir => crate::view::shown_in(reason, &style),
        };
        if let Some(notice) = self.shell.revive(&self.runtime, show) {
            self.name_shell();
            lines.push(Line::Notice(notice));
        }
    }

    /// Runs a command for its value (the right-hand side of `X = ...`).
    fn value_of(&mut self, command: &Command) -> EvalResult<Term> {
        let mut control = Control::Continue;
        let outcome = self.run(command, &mut control)?;
        outcome.value.ok_or_else(|| {
            EvalError::new("this command has no value to bind").with_hint(
                "bind a spawn, whereis, monitor, call, receive, sup, a supervisor API call or a term",
            )
        })
    }

    fn run(&mut self, command: &Command, control: &mut Control) -> EvalResult<Outcome> {
        use Command as C;
        match command {
            C::Spawn {
                kind,
                name,
                link_or_monitor,
            } => self.spawn(kind, name.as_deref(), *link_or_monitor),
            C::Send { target, message } => self.send(target, message),
            C::Call {
                target,
                request,
                timeout,
            } => self.call(target, request, *timeout),
            C::Exit { target, reason } => self.exit(target, reason),
            C::Kill { target } => self.exit(target, &ast::TermExpr::Atom("kill".into())),
            C::Crash { target, reason } => self.crash(target, reason.as_ref()),
            C::Trap { target, on } => self.trap(target, *on),
            C::Link { a, b } => self.link(a, b.as_ref(), true),
            C::Unlink { a, b } => self.link(a, b.as_ref(), false),
            C::Monitor { a, b } => self.monitor(a, b.as_ref()),
            C::Demonitor { reference } => self.demonitor(reference),
            C::Register { name, target } => self.register(name, target),
            C::Unregister { name } => self.unregister(name),
            C::Whereis { target } => self.whereis(target),
            C::Flush => self.flush(),
            C::Receive { pattern, timeout } => self.receive(pattern.as_ref(), *timeout),
            C::Sup(spec) => self.start_supervisor(spec),
            C::StartChild { sup, child } => self.start_child(sup, child),
            C::TerminateChild { sup, child } => self.terminate_child(sup, child),
            C::RestartChild { sup, id } => self.restart_child(sup, id),
            C::DeleteChild { sup, id } => self.delete_child(sup, id),
            C::WhichChildren { sup } => self.which_children(sup),
            C::CountChildren { sup } => self.count_children(sup),
            C::Tree { sup } => self.tree(sup.as_ref()),
            C::TreeMermaid { sup } => self.tree_mermaid(sup.as_ref()),
            C::TreeSvg { file, sup, theme } => self.tree_svg(file, sup.as_ref(), *theme),
            C::Stage(_) | C::Audience(_) => self.observer_command(command),
            C::Why { target } => self.why(target),
            C::Seq(command) => self.seq(command),
            C::Ps(rows) => self.ps(*rows),
            C::Info { target } => self.info(target),
            C::Mailbox { target } => self.mailbox(target),
            C::Regs => self.regs(),
            C::Sleep(duration) => self.sleep(*duration),
            C::Wait {
                target,
                until,
                timeout,
            } => self.wait(target, *until, *timeout),
            C::Expect(expectation) => self.expect(expectation),
            C::Say(text) => Ok(Outcome::line(Line::Say(text.clone()))),
            C::Pause => {
                *control = Control::Pause;
                Ok(Outcome::none())
            }
            C::Clear => {
                *control = Control::Clear;
                Ok(Outcome::none())
            }
            C::Quit => {
                *control = Control::Quit;
                Ok(Outcome::none())
            }
            C::Reset => Ok(self.reset()),
            C::Slowmo(delay) => Ok(self.slowmo(*delay)),
            C::Log(level) => Ok(self.log(*level)),
            C::Syntax(syntax) => {
                self.set_syntax(*syntax);
                Ok(Outcome::line(Line::Notice(format!(
                    "syntax: {}",
                    syntax.name()
                ))))
            }
            C::Trace { target, on } => self.trace(target, *on),
            // Only reached without its statement (`eval` places errors
            // better): errors count from a statement rebuilt here.
            C::Def { name, source, .. } => {
                let head = format!("def {name} {{");
                let statement = format!("{head}{source}}}");
                let file = self.source.clone();
                let origin = definitions::Origin {
                    file: file.as_deref(),
                    span: ast::Span {
                        line: 1,
                        column: 1,
                        ..ast::Span::default()
                    },
                    statement: &statement,
                    line_offset: 0,
                    column_offset: head.chars().count(),
                };
                self.define(name, source, &origin)
            }
            C::Show(name) => self.show(&self.definition_name(name)),
            C::Versions(name) => self.versions(&self.definition_name(name)),
            C::Purge(name) => self.purge(&self.definition_name(name)),
            C::Load(path) => self.load(path),
            C::Export { what, file } => self.export(what, file.as_deref()),
            C::Help(topic) => self.help(topic.as_deref()),
            C::Kinds => Ok(self.kinds()),
            C::Assign { var, value } => self.assign(var, value),
            C::Match { pattern, value } => self.match_value(pattern, value),
            C::Erlang(text) => self.erlang(text, None, control),
            C::Defmodule(text) | C::Elixir(text) => {
                let stmt = ast::Stmt {
                    command: command.clone(),
                    span: ast::Span {
                        line: 1,
                        column: 1,
                        ..ast::Span::default()
                    },
                    source: text.clone(),
                    expected_output: Vec::new(),
                    comments: Vec::new(),
                };
                match command {
                    C::Defmodule(_) => self.defmodule_statement(&stmt),
                    _ => self.elixir_statement(&stmt, text, control),
                }
            }
            C::Eval(expr) => {
                let value = values::to_term(expr, &self.vars, self.shell.pid())?;
                Ok(Outcome::value(value))
            }
        }
    }

    fn assign(&mut self, var: &str, command: &Command) -> EvalResult<Outcome> {
        let value = self.value_of(command)?;
        if let Some(existing) = self.vars.get(var)
            && existing != &value
        {
            // Erlang's variables are single assignment: erl's shell says
            // so as a failed match, and so does this one.
            return Err(EvalError::new(format!(
                "** exception error: no match of right hand side value {value}"
            ))
            .with_hint(format!(
                "{var} is already bound to {existing}: variables are single assignment, as in Erlang (`f({var}).` forgets it)"
            )));
        }
        self.vars.insert(var.to_owned(), value.clone());
        Ok(Outcome::value(value))
    }

    /// `PATTERN = COMMAND`: binds the pattern's new variables, or fails as
    /// Erlang's shell does, naming the value that did not match.
    fn match_value(&mut self, pattern: &ast::TermExpr, command: &Command) -> EvalResult<Outcome> {
        let value = self.value_of(command)?;
        match values::match_pattern(pattern, &value, &self.vars, self.shell.pid()) {
            Some(new) => {
                self.vars.extend(new);
                Ok(Outcome::value(value))
            }
            None => Err(EvalError::new(format!(
                "** exception error: no match of right hand side value {value}"
            ))
            .with_hint("the pattern on the left does not fit the value on the right")),
        }
    }

    /// `reset`: a fresh runtime and shell, as if the tool had just started.
    fn reset(&mut self) -> Outcome {
        let runtime = fresh_runtime(&self.config.runtime);
        runtime.set_elixir_reports(self.config.syntax == Syntax::Elixir);
        self.feed.attach(&runtime);
        if let Some(observer) = &mut self.observer {
            observer.runtime_replaced(&runtime);
        }
        self.history = history::History::new(&runtime);
        let old = std::mem::replace(&mut self.runtime, runtime);
        drop(old);
        self.shell = Shell::start(&self.runtime, self.interrupt.clone());
        self.name_shell();
        self.vars.clear();
        self.supervisors.clear();
        self.sup_specs.clear();
        self.slowmo = RestartDelay::default();
        // Definitions are code, not processes: they stay, loaded afresh.
        let mut kept = Vec::new();
        for (name, definition) in self.definitions.clone() {
            if self.load_definition(&definition.module).is_ok() {
                kept.push(name);
            } else {
                self.definitions.remove(&name);
            }
        }
        self.settle();
        self.feed.drain();
        let kept = if kept.is_empty() {
            String::new()
        } else {
            let kept: Vec<&str> = kept
                .iter()
                .map(|name| self.syntax().module_name(name))
                .collect();
            format!("; definitions kept: {}", kept.join(", "))
        };
        self.absorb_history();
        Outcome::line(Line::Notice(format!(
            "reset: a fresh runtime; the shell is {}{kept}",
            self.shell.pid()
        )))
    }

    fn slowmo(&mut self, delay: Option<Duration>) -> Outcome {
        self.slowmo.set(delay.unwrap_or(Duration::ZERO));
        Outcome::line(Line::Notice(match delay {
            Some(d) => format!(
                "slow motion: supervisors wait {} before each restart",
                crate::view::duration(d)
            ),
            None => "slow motion off".to_owned(),
        }))
    }

    fn log(&mut self, level: ast::LogLevel) -> Outcome {
        let level = match level {
            ast::LogLevel::Quiet => LogLevel::Quiet,
            ast::LogLevel::Normal => LogLevel::Normal,
            ast::LogLevel::Verbose => LogLevel::Verbose,
        };
        self.feed.set_level(level);
        if let Some(observer) = &mut self.observer {
            observer.level_changed(level);
        }
        Outcome::line(Line::Notice(format!(
            "log level: {}",
            format!("{level:?}").to_lowercase()
        )))
    }

    fn help(&self, topic: Option<&str>) -> EvalResult<Outcome> {
        let text = match topic {
            None => crate::commands::help::help_overview(),
            Some(name)
                if crate::commands::help::lookup(name).is_none()
                    && self.definitions.contains_key(name) =>
            {
                return self.show(name);
            }
            // A built-in kind: what it does, how to write it, an example.
            Some(name) if crate::commands::help::lookup(name).is_none() => {
                match crate::behavior::find(name.trim()) {
                    Some(kind) => format!(
                        "{}

  {}

example:
  spawn {}
",
                        kind.usage, kind.help, kind.example
                    ),
                    None => return self.help_not_found(name),
                }
            }
            Some(name) => match crate::commands::help::help_for(name) {
                Some(text) => text,
                None => return self.help_not_found(name),
            },
        };
        Ok(Outcome::line(Line::Text(text)))
    }

    /// `help NAME` for a name that is no command, kind or definition.
    fn help_not_found(&self, name: &str) -> EvalResult<Outcome> {
        let kinds = crate::behavior::kinds().iter().map(|kind| kind.name);
        let names: Vec<&str> = crate::commands::help::command_names()
            .into_iter()
            .chain(kinds)
            .collect();
        let error = EvalError::new(format!("no help for `{name}`"));
        Err(match crate::commands::suggest::closest(name, names) {
            Some(close) => error.with_hint(format!("did you mean `help {close}`?")),
            None => error.with_hint("`help` lists every command, `kinds` every kind"),
        })
    }

    /// The built-in kinds, then the definitions.
    fn kinds(&self) -> Outcome {
        let rows: Vec<(String, String)> = crate::behavior::kinds()
            .iter()
            .map(|kind| (kind.usage.to_string(), kind.help.to_string()))
            .chain(self.definition_kinds())
            .collect();
        // A long usage (a definition's start with many arguments) goes on
        // a line of its own rather than pushing every description right.
        const WIDTH_AT_MOST: usize = 24;
        let width = rows
            .iter()
            .map(|(usage, _)| usage.len())
            .filter(|&len| len <= WIDTH_AT_MOST)
            .max()
            .unwrap_or(0);
        let text = rows
            .iter()
            .map(|(usage, help)| {
                if usage.len() <= width {
                    format!("{usage:width$}  {help}")
                } else {
                    format!("{usage}\n{:width$}  {help}", "")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        Outcome::line(Line::Text(text))
    }
}

/// What a command produced.
pub struct Outcome {
    pub lines: Vec<Line>,
    /// The value to bind (`X = spawn ...`), if the command has one.
    pub value: Option<Term>,
    pub ok: bool,
}

impl Outcome {
    pub fn none() -> Outcome {
        Outcome {
            lines: Vec::new(),
            value: None,
            ok: true,
        }
    }

    pub fn line(line: Line) -> Outcome {
        Outcome {
            lines: vec![line],
            ..Outcome::none()
        }
    }

    pub fn lines(lines: Vec<Line>) -> Outcome {
        Outcome {
            lines,
            ..Outcome::none()
        }
    }

    /// A value, shown as the Erlang shell shows values.
    pub fn value(value: Term) -> Outcome {
        Outcome {
            lines: vec![Line::Value(crate::view::shown(&value))],
            value: Some(value),
            ok: true,
        }
    }
}
