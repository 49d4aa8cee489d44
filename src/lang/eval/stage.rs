//! The session's side of the stage: `stage on|off|status`, the audience
//! demo's `audience ...` commands, `tree --svg`, and what the session tells
//! a running stage after each statement.
//!
//! The [`Stage`] lives here, in the session, so the presenter's commands
//! reach it directly; it reaches the runtime through its own host process
//! and event subscription (see `crate::stage`). Only what the session
//! alone knows crosses over: the root supervisors started with `sup`, the
//! `say` narration, the log level, and a `reset`'s new runtime.

use super::error::{EvalError, EvalResult};
use super::{Line, Outcome, Session};
use crate::lang::ast::{AudienceCommand, StageCommand, Target};
use crate::runtime::{Atom, Runtime, Term};
use crate::stage::audience::PARTITIONS;
use crate::stage::{Stage, StageOptions};
use crate::view;
use std::time::Duration;

/// The audience tree's name, and how hard its top supervisor tries.
const AUDIENCE: &str = "audience";
const TOP_INTENSITY: u32 = 3;

impl Session {
    /// Starts serving this session to browsers; returns the stage's URL.
    pub fn start_stage(&mut self, options: &StageOptions) -> Result<String, String> {
        if let Some(stage) = &self.stage {
            return Ok(stage.url());
        }
        let stage = Stage::start(options, &self.runtime)?;
        let url = stage.url();
        self.stage = Some(stage);
        self.update_stage(&[]);
        Ok(url)
    }

    /// The running stage, if any.
    pub fn stage(&self) -> Option<&Stage> {
        self.stage.as_ref()
    }

    /// After each statement: the roots to draw and the latest narration.
    pub(super) fn update_stage(&self, lines: &[Line]) {
        let Some(stage) = &self.stage else {
            return;
        };
        let roots = self
            .live_supervisors()
            .into_iter()
            .map(|pid| {
                (
                    self.display_name(pid).unwrap_or_else(|| pid.to_string()),
                    pid,
                )
            })
            .collect();
        stage.set_roots(roots);
        for line in lines {
            if let Line::Say(text) = line {
                stage.say(text);
            }
        }
    }

    /// `reset` made `runtime`: the stage follows it.
    pub(super) fn stage_follow(&mut self, runtime: &Runtime) {
        if let Some(stage) = &mut self.stage {
            stage.attach(runtime);
        }
    }

    pub(super) fn stage_level(&self, level: view::LogLevel) {
        if let Some(stage) = &self.stage {
            stage.set_level(level);
        }
    }

    pub(super) fn stage_command(&mut self, command: &StageCommand) -> EvalResult<Outcome> {
        match command {
            StageCommand::On(port) => {
                let options = StageOptions {
                    port: port.unwrap_or(StageOptions::default().port),
                    public: false,
                };
                let url = self.start_stage(&options).map_err(EvalError::new)?;
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
                        "stage: {} ({projectors} projector page(s), {phones} phone(s) following; {} member(s); audience {}, partition intensity {})",
                        stage.url(),
                        stage.members(),
                        if stage.is_open() { "open" } else { "closed" },
                        stage.intensity()
                    )
                }
                None => "the stage is off: `stage on` serves this session to browsers".to_owned(),
            }))),
        }
    }

    pub(super) fn audience_command(&mut self, command: &AudienceCommand) -> EvalResult<Outcome> {
        let intensity = self.stage.as_ref().map_or(1, Stage::intensity);
        let mut lines = Vec::new();
        match command {
            AudienceCommand::Open => {
                if self.runtime.whereis(Atom::new(AUDIENCE)).is_none() {
                    lines.extend(self.build_audience(intensity)?);
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
                self.stop_audience();
                lines.extend(self.build_audience(intensity)?);
                lines.push(Line::Notice(
                    "audience reset: every member is forgotten".to_owned(),
                ));
            }
            AudienceCommand::Intensity(n) => {
                if let Some(stage) = &self.stage {
                    stage.set_intensity(*n);
                }
                if self.runtime.whereis(Atom::new(AUDIENCE)).is_some() {
                    self.stop_audience();
                    lines.extend(self.build_audience(*n)?);
                    if let Some(stage) = &self.stage {
                        stage.rejoin_all();
                    }
                }
                lines.push(Line::Notice(format!(
                    "each partition now allows {n} restart(s) in 5s"
                )));
            }
        }
        Ok(Outcome {
            lines,
            value: None,
            ok: true,
        })
    }

    /// The talk's audience tree: the state server and one supervisor per
    /// partition under one top supervisor, started as `sup` would.
    fn build_audience(&mut self, intensity: u32) -> EvalResult<Vec<Line>> {
        let partitions: Vec<String> = PARTITIONS
            .iter()
            .map(|p| format!("sup '{p}' one_for_one intensity {intensity} period 5s {{ }}"))
            .collect();
        let text = format!(
            "sup {AUDIENCE} one_for_one intensity {TOP_INTENSITY} period 5s {{ worker store state_server(state_server); {} }}",
            partitions.join("; ")
        );
        let stmt = crate::lang::parse_line(&text)
            .map_err(|e| EvalError::new(format!("the audience tree does not parse: {e:?}")))?
            .ok_or_else(|| EvalError::new("the audience tree is empty"))?;
        let mut control = super::Control::Continue;
        let outcome = self.run(&stmt.command, &mut control)?;
        self.settle();
        Ok(outcome.lines)
    }

    /// Stops the audience tree, if it runs, and waits until it is gone.
    fn stop_audience(&mut self) {
        let Some(top) = self.runtime.whereis(Atom::new(AUDIENCE)) else {
            return;
        };
        self.runtime.exit(top, Term::atom("shutdown"));
        let runtime = &self.runtime;
        runtime.run_until(|| !runtime.is_alive(top), Duration::from_secs(10));
    }

    /// `tree --svg FILE [SUP]`: the projector's picture, written to FILE.
    pub(super) fn tree_svg(&mut self, file: &str, sup: Option<&Target>) -> EvalResult<Outcome> {
        let views = self.tree_views(sup)?;
        if views.is_empty() {
            return Err(EvalError::new("no supervisors yet")
                .with_hint("start one with `sup NAME { worker ID KIND ... }`"));
        }
        let svg = view::svg::tree_svg(&view::layout::layout(&views), &Default::default());
        std::fs::write(file, svg + "\n")
            .map_err(|e| EvalError::new(format!("cannot write {file}: {e}")))?;
        Ok(Outcome::line(Line::Notice(format!(
            "tree written to {file}"
        ))))
    }
}
