//! The shell process: the REPL's own process, as in Erlang's shell.
//!
//! Everything the presenter does "from the shell" (send, link, monitor,
//! call, receive) is done by this process, so it has a pid, a mailbox, and
//! can be killed by a linked process that crashes. When that happens the
//! shell says so and starts a fresh shell process; the variables survive,
//! as Erlang's shell keeps its bindings when its evaluator dies.

use super::error::{EvalError, EvalResult};
use crate::runtime::{Host, HostError, Pid, Process, Runtime};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

pub struct Shell {
    host: Host,
}

/// How long a shell job may wait: a `call`/`receive` has its own timeout;
/// this only guards against waiting for ever.
const JOB_LIMIT: Duration = Duration::from_secs(600);

impl Shell {
    pub fn start(runtime: &Runtime) -> Shell {
        Shell {
            host: runtime.spawn_host("shell"),
        }
    }

    pub fn pid(&self) -> Pid {
        self.host.pid()
    }

    /// If the shell process has died, starts a new one and says what
    /// happened, like `** shell <0.7.0> exited: boom — started a new shell
    /// <0.31.0>`.
    pub fn revive(&mut self, runtime: &Runtime) -> Option<String> {
        let reason = self.host.exit_reason()?;
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
            .run_for(JOB_LIMIT, job)
            .map_err(|error| match error {
                HostError::Died(reason) => EvalError::new(format!(
                    "** exception exit: {reason} (the shell process died)"
                )),
                HostError::Stuck => {
                    EvalError::new("this would wait for ever: nothing else can happen")
                        .with_hint("give it a timeout, e.g. receive timeout 1s")
                }
                HostError::TimedOut => EvalError::new("gave up waiting"),
            })
    }
}
