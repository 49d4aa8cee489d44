//! Someone who follows the session from outside: the stage.
//!
//! The session is the layer below the stage: it must not know about HTTP,
//! pages or phones. But the stage needs what only the session knows (the
//! root supervisors started with `sup`, the `say` narration, the log level,
//! a `reset`'s new runtime), and two commands of the command language are
//! the stage's own (`stage ...` and `audience ...`). So the session keeps
//! one [`Observer`], installed by the front end (`frontend::open_session`),
//! tells it what happened after each statement, and hands it the commands
//! that are its. Without one, those two commands say so, and nothing else
//! changes.

use super::error::EvalResult;
use super::{Line, Outcome, Session};
use crate::commands::Command;
use crate::runtime::{Pid, Runtime};
use crate::view::LogLevel;
use std::any::Any;

/// What the session tells its observer, and what it hands over. An
/// observer is `Any`, so a front end can have its own type back (the
/// stage's address, in tests and benchmarks).
pub trait Observer: Any {
    /// After each statement: the root supervisors alive now (display
    /// name and pid) and the statement's lines (its `say` among them).
    fn statement_done(&mut self, roots: Vec<(String, Pid)>, lines: &[Line]);

    /// The presenter changed the log level (`log verbose`).
    fn level_changed(&mut self, level: LogLevel);

    /// `reset` made `runtime`, which the session uses from now on.
    fn runtime_replaced(&mut self, runtime: &Runtime);

    /// Evaluates `command` if it is the observer's (`stage`, `audience`),
    /// with the session at hand (it may run statements of its own);
    /// `None` when it is not.
    fn command(&mut self, session: &mut Session, command: &Command) -> Option<EvalResult<Outcome>>;
}
