//! The shell process: the REPL's own process, as in Erlang's shell.
//!
//! Everything the presenter does "from the shell" (send, link, monitor,
//! call, receive) is done by this process, so it has a pid, a mailbox, and
//! can be killed by a linked process that crashes. When that happens the
//! shell says so and starts a fresh shell process; the variables survive,
//! as Erlang's shell keeps its bindings when its evaluator dies.

use super::error::{EvalError, EvalResult};
use crate::runtime::{Host, HostError, Pid, Process, Program, Runtime, Term};
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

pub struct Shell {
    host: Host,
    /// Set (by the REPL's Ctrl-C) to stop waiting for the running job.
    interrupt: Arc<AtomicBool>,
}

/// How long a shell job may wait: a `call`/`receive` has its own timeout;
/// this only guards against waiting for ever.
const JOB_LIMIT: Duration = Duration::from_secs(600);

impl Shell {
    pub fn start(runtime: &Runtime, interrupt: Arc<AtomicBool>) -> Shell {
        Shell {
            host: runtime.spawn_host("shell"),
            interrupt,
        }
    }

    pub fn pid(&self) -> Pid {
        self.host.pid()
    }

    /// If the shell process has died, starts a new one and says what
    /// happened, like `** shell <0.7.0> exited: boom — started a new shell
    /// <0.31.0>`, the reason written as `show` writes a term (in the
    /// session's syntax).
    pub fn revive(&mut self, runtime: &Runtime, show: impl Fn(&Term) -> String) -> Option<String> {
        let reason = show(&self.host.exit_reason()?);
        let old = self.host.pid();
        self.host = runtime.spawn_host("shell");
        Some(format!(
            "** shell {old} exited: {reason} — started a new shell {}",
            self.host.pid()
        ))
    }

    /// Runs `job` as the shell process.
    pub fn run<T, F, Fut>(&self, job: F) -> EvalResult<T>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Process>) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        self.host
            .run_interruptible(JOB_LIMIT, &self.interrupt, job)
            .map_err(|error| match error {
                HostError::Stuck => {
                    EvalError::new("this would wait for ever: nothing else can happen")
                        .with_hint("give it a timeout, e.g. receive timeout 1s")
                }
                other => job_error(other),
            })
    }

    /// Runs `program` (an expression typed at the prompt, compiled) as
    /// the shell process until it ends, and returns how it ended. It may
    /// wait, in a `receive` or `timer:sleep`, at most [`EXPRESSION_LIMIT`]:
    /// then, or at once when nothing else can ever happen (deterministic
    /// mode), it is abandoned and the shell is free again.
    pub fn run_program(&self, program: impl Program) -> EvalResult<Term> {
        let mut program = program;
        self.host
            .run_interruptible(EXPRESSION_LIMIT, &self.interrupt, move |me| async move {
                crate::runtime::run_within(&me, &mut program).await
            })
            .map_err(|error| match error {
                HostError::Stuck => EvalError::new(
                    "this would wait for ever: nothing else can happen",
                )
                .with_hint(
                    "give the receive an `after`, e.g. receive X -> X after 1000 -> timeout end",
                ),
                // erl's shell, told to stop an evaluation (^G, i), says
                // its evaluator was killed; here the processes it talked
                // to run on, and so does the shell.
                HostError::Interrupted => EvalError::new("** exception exit: interrupted (Ctrl-C)"),
                HostError::TimedOut => EvalError::new(format!(
                    "gave up after {}: the expression was still running or waiting",
                    crate::view::duration(EXPRESSION_LIMIT)
                ))
                .with_hint(
                    "give a receive an `after`; a loop at the prompt belongs in a spawned process",
                ),
                other => job_error(other),
            })
    }
}

/// How long an expression typed at the prompt may run or wait (wall time
/// live, virtual time in deterministic mode) before the shell gives up
/// on it, instead of freezing the REPL as erl's shell would until ^G.
pub const EXPRESSION_LIMIT: Duration = Duration::from_secs(60);

fn job_error(error: HostError) -> EvalError {
    match error {
        HostError::Died(reason) => EvalError::new(format!(
            "** exception exit: {reason} (the shell process died)"
        )),
        HostError::Stuck => EvalError::new("this would wait for ever: nothing else can happen"),
        HostError::TimedOut => EvalError::new("gave up waiting"),
        HostError::Interrupted => interrupted(),
    }
}

/// The error of a wait the presenter interrupted with Ctrl-C.
pub fn interrupted() -> EvalError {
    EvalError::new("interrupted (Ctrl-C): the shell stopped waiting; every process runs on")
}
