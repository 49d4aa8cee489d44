//! The stage's side of a session: `stage on|off|status`, the audience
//! demo's `audience ...` commands, and what the session tells a running
//! stage after each statement.
//!
//! [`StageControl`] is the session's [`Observer`]: the front end installs it
//! ([`StageControl::install`]), the session tells it the root supervisors,
//! the `say` narration, the log level and a `reset`'s new runtime, and hands
//! it the two commands that are the stage's. The stage reaches the runtime
//! through its own host process and event subscription (see
//! [`crate::stage`]); the session never knows a stage exists.

use super::audience::{PARTITION_INTENSITY, PARTITIONS, STATE_TREE, TOP_INTENSITY};
use super::keeper::KeptTree;
use super::{AUDIENCE, Stage, StageOptions};
use crate::commands::ast::{AudienceCommand, Command, StageCommand};
use crate::runtime::{Atom, Pid, Runtime};
use crate::session::{EvalError, EvalResult, Line, Observer, Outcome, Session};
use crate::supervisor::SupervisorSpec;
use crate::view::{EventFeed, LogLevel};
use std::any::Any;
use std::sync::Arc;

/// The stage as the session's observer: the [`Stage`] while it is on, and
/// the audience tree's spec while that runs (for the stage to keep).
pub struct StageControl {
    stage: Option<Stage>,
    /// The session's feed: the REPL names the stage's host process and
    /// takes its 'DOWN's for bookkeeping.
    feed: Arc<EventFeed>,
    audience_spec: Option<SupervisorSpec>,
    roots: Vec<(String, Pid)>,
    level: Option<LogLevel>,
}

impl StageControl {
    /// Makes the stage `session`'s observer (the stage is off until
    /// `stage on`, [`start`] or `--serve`).
    pub fn install(session: &mut Session) {
        let control = StageControl {
            stage: None,
            feed: session.feed(),
            audience_spec: None,
            roots: Vec::new(),
            level: None,
        };
        session.set_observer(Box::new(control));
    }

    /// The control of `session`, if the stage is installed there.
    pub fn of(session: &Session) -> Option<&StageControl> {
        let observer: &dyn Any = session.observer()?;
        observer.downcast_ref()
    }

    /// The running stage, if any.
    pub fn stage(&self) -> Option<&Stage> {
        self.stage.as_ref()
    }

    /// Starts serving; returns the stage's URL.
    fn start(&mut self, options: &StageOptions, runtime: &Runtime) -> Result<String, String> {
        if let Some(stage) = &self.stage {
            return Ok(stage.url());
        }
        let stage = Stage::start(options, runtime)?;
        let url = stage.url();
        self.stage = Some(stage);
        self.attached(runtime);
        self.tell_stage();
        Ok(url)
    }

    /// A stage now follows the runtime: name its host process for the
    /// REPL's lines, and hand it the audience tree if one runs.
    fn attached(&mut self, runtime: &Runtime) {
        let Some(stage) = &self.stage else {
            return;
        };
        if let Some(host) = stage.host_pid() {
            self.feed.name(host, "stage");
            self.feed.hide_monitors_of(host);
        }
        if let Some(spec) = &self.audience_spec
            && let Some(pid) = runtime.whereis(Atom::new(AUDIENCE))
        {
            stage.keep_audience(KeptTree {
                name: Atom::new(AUDIENCE),
                spec: spec.clone(),
                pid,
            });
        }
    }

    fn tell_stage(&self) {
        if let Some(stage) = &self.stage {
            stage.set_roots(self.roots.clone());
            if let Some(level) = self.level {
                stage.set_level(level);
            }
        }
    }

    fn stage_command(&mut self, runtime: &Runtime, command: &StageCommand) -> EvalResult<Outcome> {
        match command {
            StageCommand::On(port) => {
                let options = StageOptions {
                    port: port.unwrap_or(StageOptions::default().port),
                    public: false,
                };
                let url = self.start(&options, runtime).map_err(EvalError::new)?;
                Ok(Outcome::line(Line::Notice(format!(
                    "stage: the projector page is {url}, phones join at {url}join"
                ))))
            }
            StageCommand::Off => Ok(Outcome::line(Line::Notice(match self.stage.take() {
                Some(_) => "stage off: every page is disconnected".to_owned(),
                None => "the stage is not on".to_owned(),
            }))),
            StageCommand::Status => Ok(Outcome::line(Line::Text(match &self.stage {
                Some(stage) => {
                    let (projectors, phones) = stage.streams();
                    format!(
                        "stage: {} ({}, {} following; {}; audience {}, partition intensity {})",
                        stage.url(),
                        crate::view::plural(projectors, "projector page", "projector pages"),
                        crate::view::plural(phones, "phone", "phones"),
                        crate::view::plural(stage.members(), "member", "members"),
                        if stage.is_open() { "open" } else { "closed" },
                        stage.intensity()
                    )
                }
                None => "the stage is off: `stage on` serves this session to browsers".to_owned(),
            }))),
        }
    }

    fn audience_command(
        &mut self,
        session: &mut Session,
        command: &AudienceCommand,
    ) -> EvalResult<Outcome> {
        let intensity = self
            .stage
            .as_ref()
            .map_or(PARTITION_INTENSITY, Stage::intensity);
        let mut lines = Vec::new();
        match command {
            AudienceCommand::Open => {
                if session.runtime().whereis(Atom::new(AUDIENCE)).is_none() {
                    lines.extend(self.build_audience(session, intensity)?);
                }
                if let Some(stage) = &self.stage {
                    stage.set_open(true);
                    lines.push(Line::Notice(format!(
                        "audience open: phones join at {}join",
                        stage.url()
                    )));
                } else {
                    lines.push(Line::Notice(
                        "audience tree started; `stage on` lets phones join".to_owned(),
                    ));
                }
            }
            AudienceCommand::Close => {
                if let Some(stage) = &self.stage {
                    stage.set_open(false);
                }
                lines.push(Line::Notice(
                    "audience closed: no new members; members can still crash".to_owned(),
                ));
            }
            AudienceCommand::Reset => {
                if let Some(stage) = &self.stage {
                    stage.forget_members();
                }
                self.stop_audience(session);
                // Forgotten members' counts go too: a new state server.
                session.stop_supervisor(Atom::new(STATE_TREE));
                lines.extend(self.build_audience(session, intensity)?);
                lines.push(Line::Notice(
                    "audience reset: every member is forgotten".to_owned(),
                ));
            }
            AudienceCommand::Intensity(n) => {
                if let Some(stage) = &self.stage {
                    stage.set_intensity(*n);
                }
                if session.runtime().whereis(Atom::new(AUDIENCE)).is_some() {
                    // A new tree with the new intensity; the state server
                    // stays, so every member rejoins with its count.
                    self.stop_audience(session);
                    lines.extend(self.build_audience(session, *n)?);
                }
                lines.push(Line::Notice(format!(
                    "each partition now allows {} in 5s",
                    crate::view::plural(*n as usize, "restart", "restarts")
                )));
            }
        }
        Ok(Outcome::lines(lines))
    }

    /// The talk's audience demo, as two trees started as `sup` would start
    /// them. The state server has a tree of its own (`audience_state`),
    /// apart from everything that crashes: "keep core state safe and
    /// simple". The audience tree is one supervisor per partition under a
    /// top supervisor, which the stage keeps: if the top gives up, the
    /// stage starts it again and the members rejoin with their counts.
    fn build_audience(&mut self, session: &mut Session, intensity: u32) -> EvalResult<Vec<Line>> {
        let mut lines = Vec::new();
        if session.runtime().whereis(Atom::new(STATE_TREE)).is_none() {
            let text = format!(
                "sup {STATE_TREE} one_for_one {{ worker store state_server(state_server) }}"
            );
            lines.extend(run_built_in(session, &text)?.lines);
        }
        let partitions: Vec<String> = PARTITIONS
            .iter()
            .map(|p| format!("sup '{p}' one_for_one intensity {intensity} period 5s {{ }}"))
            .collect();
        let text = format!(
            "sup {AUDIENCE} one_for_one intensity {TOP_INTENSITY} period 5s {{ {} }}",
            partitions.join("; ")
        );
        lines.extend(run_built_in(session, &text)?.lines);
        let Some(Command::Sup(ast)) = crate::commands::parse_line(&text)
            .ok()
            .flatten()
            .map(|stmt| stmt.command)
        else {
            unreachable!("the audience tree is a `sup` statement that parsed a moment ago");
        };
        let spec = session.supervisor_spec(&ast)?;
        self.audience_spec = Some(spec.clone());
        if let Some(stage) = &self.stage
            && let Some(pid) = session.runtime().whereis(Atom::new(AUDIENCE))
        {
            stage.keep_audience(KeptTree {
                name: Atom::new(AUDIENCE),
                spec,
                pid,
            });
        }
        Ok(lines)
    }

    /// Stops the audience tree, if it runs, and waits until it is gone;
    /// the stage lets it stay down.
    fn stop_audience(&mut self, session: &mut Session) {
        if let Some(stage) = &self.stage {
            stage.release_audience();
        }
        self.audience_spec = None;
        session.stop_supervisor(Atom::new(AUDIENCE));
    }
}

/// Runs one of the stage's own statements, as if typed.
fn run_built_in(session: &mut Session, text: &str) -> EvalResult<Outcome> {
    let stmt = crate::commands::parse_line(text)
        .map_err(|e| EvalError::new(format!("the audience tree does not parse: {e}")))?
        .ok_or_else(|| EvalError::new("the audience tree is empty"))?;
    let outcome = session.run_command(&stmt.command)?;
    session.settle();
    Ok(outcome)
}

impl Observer for StageControl {
    fn statement_done(&mut self, roots: Vec<(String, Pid)>, lines: &[Line]) {
        self.roots = roots;
        let Some(stage) = &self.stage else {
            return;
        };
        stage.set_roots(self.roots.clone());
        for line in lines {
            if let Line::Say(text) = line {
                stage.say(text);
            }
        }
    }

    fn level_changed(&mut self, level: LogLevel) {
        self.level = Some(level);
        if let Some(stage) = &self.stage {
            stage.set_level(level);
        }
    }

    fn runtime_replaced(&mut self, runtime: &Runtime) {
        self.audience_spec = None;
        self.roots.clear();
        if let Some(stage) = &mut self.stage {
            stage.attach(runtime);
        }
        self.attached(runtime);
    }

    fn command(&mut self, session: &mut Session, command: &Command) -> Option<EvalResult<Outcome>> {
        match command {
            Command::Stage(command) => Some(self.stage_command(session.runtime(), command)),
            Command::Audience(command) => Some(self.audience_command(session, command)),
            _ => None,
        }
    }
}

/// The address `session`'s stage listens on, if it is on.
pub fn address(session: &Session) -> Option<std::net::SocketAddr> {
    StageControl::of(session)?.stage().map(Stage::addr)
}

/// Starts serving `session` to browsers (`letitcrash --serve`, `serve`):
/// installs the stage if the front end has not, and returns the URL.
pub fn start(session: &mut Session, options: &StageOptions) -> Result<String, String> {
    if StageControl::of(session).is_none() {
        StageControl::install(session);
    }
    let mut result = Err("the stage is not installed".to_owned());
    session.with_observer(|observer, session| {
        let observer: &mut dyn Any = observer;
        if let Some(control) = observer.downcast_mut::<StageControl>() {
            result = control.start(options, session.runtime());
        }
    });
    result
}
