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
use crate::commands::ast::{AudienceCommand, Command, StageCommand, Target};
use crate::runtime::{Atom, Runtime, Term};
use crate::stage::audience::{PARTITIONS, STATE_TREE, TOP_INTENSITY};
use crate::stage::keeper::KeptTree;
use crate::stage::{AUDIENCE, Stage, StageOptions};
use crate::supervisor;
use crate::view;
use std::time::Duration;

/// The longest a stop of the audience's trees may take.
const STOP_LIMIT: Duration = Duration::from_secs(10);

impl Session {
    /// Starts serving this session to browsers; returns the stage's URL.
    pub fn start_stage(&mut self, options: &StageOptions) -> Result<String, String> {
        if let Some(stage) = &self.stage {
            return Ok(stage.url());
        }
        let stage = Stage::start(options, &self.runtime)?;
        let url = stage.url();
        self.stage = Some(stage);
        self.stage_attached();
        self.update_stage(&[]);
        Ok(url)
    }

    /// A stage now follows this session's runtime: name its host process
    /// for the REPL's lines, and hand it the audience tree if one runs.
    fn stage_attached(&mut self) {
        let Some(stage) = &self.stage else {
            return;
        };
        if let Some(host) = stage.host_pid() {
            self.feed.name(host, "stage");
            self.feed.hide_monitors_of(host);
        }
        if let Some(spec) = &self.audience_spec
            && let Some(pid) = self.runtime.whereis(Atom::new(AUDIENCE))
        {
            stage.keep_audience(KeptTree {
                name: Atom::new(AUDIENCE),
                spec: spec.clone(),
                pid,
            });
        }
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
        self.stage_attached();
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
        let intensity = self.stage.as_ref().map_or(
            crate::stage::audience::PARTITION_INTENSITY,
            Stage::intensity,
        );
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
                // Forgotten members' counts go too: a new state server.
                self.stop_root(Atom::new(STATE_TREE));
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
                    // A new tree with the new intensity; the state server
                    // stays, so every member rejoins with its count.
                    self.stop_audience();
                    lines.extend(self.build_audience(*n)?);
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

    /// The talk's audience demo, as two trees started as `sup` would start
    /// them. The state server has a tree of its own (`audience_state`),
    /// apart from everything that crashes: "keep core state safe and
    /// simple". The audience tree is one supervisor per partition under a
    /// top supervisor, which the stage keeps: if the top gives up, the
    /// stage starts it again and the members rejoin with their counts.
    fn build_audience(&mut self, intensity: u32) -> EvalResult<Vec<Line>> {
        let mut lines = Vec::new();
        if self.runtime.whereis(Atom::new(STATE_TREE)).is_none() {
            let text = format!(
                "sup {STATE_TREE} one_for_one {{ worker store state_server(state_server) }}"
            );
            lines.extend(self.run_built_in(&text)?);
        }
        let partitions: Vec<String> = PARTITIONS
            .iter()
            .map(|p| format!("sup '{p}' one_for_one intensity {intensity} period 5s {{ }}"))
            .collect();
        let text = format!(
            "sup {AUDIENCE} one_for_one intensity {TOP_INTENSITY} period 5s {{ {} }}",
            partitions.join("; ")
        );
        lines.extend(self.run_built_in(&text)?);
        let stmt = crate::commands::parse_line(&text)
            .ok()
            .flatten()
            .expect("the audience tree parsed a moment ago");
        let Command::Sup(ast) = &stmt.command else {
            unreachable!("the audience tree is a `sup` statement");
        };
        let spec = self.supervisor_spec(ast)?;
        self.audience_spec = Some(spec.clone());
        if let Some(stage) = &self.stage
            && let Some(pid) = self.runtime.whereis(Atom::new(AUDIENCE))
        {
            stage.keep_audience(KeptTree {
                name: Atom::new(AUDIENCE),
                spec,
                pid,
            });
        }
        Ok(lines)
    }

    /// Runs one of the stage's own statements, as if typed.
    fn run_built_in(&mut self, text: &str) -> EvalResult<Vec<Line>> {
        let stmt = crate::commands::parse_line(text)
            .map_err(|e| EvalError::new(format!("the audience tree does not parse: {e:?}")))?
            .ok_or_else(|| EvalError::new("the audience tree is empty"))?;
        let mut control = super::Control::Continue;
        let outcome = self.run(&stmt.command, &mut control)?;
        self.settle();
        Ok(outcome.lines)
    }

    /// Stops the audience tree, if it runs, and waits until it is gone;
    /// the stage lets it stay down.
    fn stop_audience(&mut self) {
        if let Some(stage) = &self.stage {
            stage.release_audience();
        }
        self.audience_spec = None;
        self.stop_root(Atom::new(AUDIENCE));
    }

    /// Stops the root supervisor registered as `name`, if it runs, as
    /// `gen_server:stop(Name, shutdown, infinity)` would (its parent may be
    /// the stage, which restarted it), and waits until it is gone.
    fn stop_root(&mut self, name: Atom) {
        let Some(top) = self.runtime.whereis(name) else {
            return;
        };
        let stopped = self.shell.run(move |me| async move {
            let _ = supervisor::api::stop(&me, top, Term::atom("shutdown")).await;
        });
        if stopped.is_err() {
            // The shell died under it: make sure.
            self.runtime.exit(top, Term::atom("kill"));
        }
        let runtime = &self.runtime;
        runtime.run_until(|| !runtime.is_alive(top), STOP_LIMIT);
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
