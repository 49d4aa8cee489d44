//! Host processes: real processes driven from outside the scheduler.
//!
//! The REPL's shell is a process, as in Erlang: it has a pid and a mailbox,
//! it can link, monitor, trap exits and receive, and a linked process's
//! crash can kill it. But its "code" is whatever the presenter types next.
//! A [`Host`] bridges the two: [`Host::run`] hands the process a job (an
//! async closure) through a channel and pokes it; the process runs the job
//! in its own time slice, as itself, and sends the result back. Tests use
//! hosts the same way to act as a process step by step.
//!
//! In live mode the caller blocks until the job is done. In deterministic
//! mode there are no worker threads, so the caller drives the scheduler
//! itself until the job is done, jumping the virtual clock to the next timer
//! whenever everything is idle.
//!
//! A job the caller gives up on (it would wait for ever, or past its time
//! limit) is abandoned: the host drops it at its next poll, unfinished, and
//! takes the next job. Otherwise a shell left in a `receive` nothing
//! answers would never run another.

use super::Runtime;
use super::node::Node;
use super::process::{Process, Signal};
use super::term::{Pid, Term};
use crossbeam_channel::{Receiver, Sender, TryRecvError};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

type JobFuture = Pin<Box<dyn Future<Output = ()> + Send>>;
type Job = Box<dyn FnOnce(Arc<Process>) -> JobFuture + Send>;

/// Why a job did not give a result.
#[derive(Clone, Debug, PartialEq)]
pub enum HostError {
    /// The host process is dead (for the shell: a linked process killed it).
    Died(Term),
    /// Deterministic mode: the job waits for something that can never
    /// happen (nothing runnable, no timer pending).
    Stuck,
    /// The job did not finish within the time limit.
    TimedOut,
    /// The caller stopped waiting (the presenter pressed Ctrl-C).
    Interrupted,
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostError::Died(reason) => write!(f, "the process exited: {reason}"),
            HostError::Stuck => f.write_str("it would wait for ever: nothing else can happen"),
            HostError::TimedOut => f.write_str("it did not finish in time"),
            HostError::Interrupted => f.write_str("the wait was interrupted"),
        }
    }
}

impl std::error::Error for HostError {}

/// A process whose steps are given from outside.
pub struct Host {
    process: Arc<Process>,
    jobs: Sender<Job>,
}

impl Host {
    pub(in crate::runtime) fn spawn(runtime: &Runtime, kind: &str) -> Host {
        let node = runtime.node();
        let (jobs, inbox) = crossbeam_channel::unbounded::<Job>();
        let pid = node.allocate_pid();
        let options = super::node::SpawnOptions {
            kind: super::term::Atom::new(kind),
            parent: None,
            link: false,
            max_heap_size: None,
        };
        node.start_native(pid, options, move |me| async move {
            loop {
                let job = NextJob {
                    process: &me,
                    inbox: &inbox,
                }
                .await;
                job(me.clone()).await;
            }
        });
        let process = node.lookup(pid).expect("just started");
        Host { process, jobs }
    }

    pub fn pid(&self) -> Pid {
        self.process.pid()
    }

    pub fn is_alive(&self) -> bool {
        self.process.state.lock().ending.is_none()
    }

    /// The exit reason, once the host process has ended.
    pub fn exit_reason(&self) -> Option<Term> {
        self.process.state.lock().ending.as_deref().cloned()
    }

    /// Runs `job` as the host process and returns its result, waiting at
    /// most `limit` (wall time in live mode, virtual time in deterministic
    /// mode).
    pub fn run_for<T, F, Fut>(&self, limit: Duration, job: F) -> Result<T, HostError>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Process>) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        self.run_interruptible(limit, &AtomicBool::new(false), job)
    }

    /// [`Host::run_for`], giving up as soon as `interrupt` is set (the
    /// REPL sets it on Ctrl-C): the job is abandoned as on a timeout, and
    /// the runtime goes on; only the caller stops waiting.
    pub fn run_interruptible<T, F, Fut>(
        &self,
        limit: Duration,
        interrupt: &AtomicBool,
        job: F,
    ) -> Result<T, HostError>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Process>) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        if let Some(reason) = self.exit_reason() {
            return Err(HostError::Died(reason));
        }
        let (result_tx, result_rx) = crossbeam_channel::bounded(1);
        let abandoned = Arc::new(AtomicBool::new(false));
        let flag = abandoned.clone();
        let job: Job = Box::new(move |me| {
            Box::pin(Abandonable {
                job: Box::pin(async move {
                    let _ = result_tx.send(job(me).await);
                }),
                abandoned: flag,
            })
        });
        if self.jobs.send(job).is_err() {
            return Err(self.died());
        }
        let node = &self.process.node;
        node.send_signal(self.pid(), Signal::Poke);
        let result = if node.is_deterministic() {
            self.wait_deterministic(node, &result_rx, limit, interrupt)
        } else {
            self.wait_live(node, &result_rx, limit, interrupt)
        };
        if matches!(
            result,
            Err(HostError::Stuck | HostError::TimedOut | HostError::Interrupted)
        ) {
            // Nobody waits for the job any more: the host drops it at its
            // next poll (the poke makes one) and is free for the next job,
            // instead of sitting in a receive nothing will ever answer.
            abandoned.store(true, Ordering::Release);
            node.send_signal(self.pid(), Signal::Poke);
        }
        result
    }

    /// Hands `job` to the host process and returns at once, live mode
    /// only: the job reports its result its own way (the stage's async
    /// server awaits a channel the job answers on, instead of blocking a
    /// thread in [`Host::run_for`]). Jobs still run one at a time, in the
    /// order they were handed over.
    pub fn submit<F, Fut>(&self, job: F) -> Result<(), HostError>
    where
        F: FnOnce(Arc<Process>) -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        debug_assert!(!self.process.node.is_deterministic());
        if let Some(reason) = self.exit_reason() {
            return Err(HostError::Died(reason));
        }
        let job: Job = Box::new(move |me| Box::pin(job(me)));
        if self.jobs.send(job).is_err() {
            return Err(self.died());
        }
        self.process.node.send_signal(self.pid(), Signal::Poke);
        Ok(())
    }

    /// [`Host::run_for`] with a limit of one minute.
    pub fn run<T, F, Fut>(&self, job: F) -> Result<T, HostError>
    where
        T: Send + 'static,
        F: FnOnce(Arc<Process>) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        self.run_for(Duration::from_secs(60), job)
    }

    fn died(&self) -> HostError {
        HostError::Died(
            self.exit_reason()
                .unwrap_or(Term::from_atom(super::term::Atom::NOPROC)),
        )
    }

    fn wait_live<T>(
        &self,
        node: &Node,
        result: &Receiver<T>,
        limit: Duration,
        interrupt: &AtomicBool,
    ) -> Result<T, HostError> {
        let deadline = Instant::now() + limit;
        loop {
            let slice = deadline
                .saturating_duration_since(Instant::now())
                .min(Duration::from_millis(20));
            match result.recv_timeout(slice) {
                Ok(value) => return Ok(value),
                Err(_) if !self.is_alive() => return result.try_recv().map_err(|_| self.died()),
                Err(_) if node.shut_down.load(Ordering::Acquire) => return Err(self.died()),
                Err(_) if interrupt.load(Ordering::Acquire) => return Err(HostError::Interrupted),
                Err(_) if Instant::now() >= deadline => return Err(HostError::TimedOut),
                Err(_) => {}
            }
        }
    }

    fn wait_deterministic<T>(
        &self,
        node: &Arc<Node>,
        result: &Receiver<T>,
        limit: Duration,
        interrupt: &AtomicBool,
    ) -> Result<T, HostError> {
        let interrupted = || interrupt.load(Ordering::Acquire);
        let outcome = super::drive::run_until(
            node,
            || !result.is_empty() || !self.is_alive() || interrupted(),
            limit,
        );
        match result.try_recv() {
            Ok(value) => Ok(value),
            Err(TryRecvError::Disconnected | TryRecvError::Empty) if !self.is_alive() => {
                Err(self.died())
            }
            Err(_) => Err(match outcome {
                _ if interrupted() => HostError::Interrupted,
                super::drive::Outcome::Stuck => HostError::Stuck,
                _ => HostError::TimedOut,
            }),
        }
    }
}

/// A job that [`Host::run_for`] may give up on: once `abandoned` is set,
/// its next poll drops it unfinished (whatever it was waiting for).
struct Abandonable {
    job: JobFuture,
    abandoned: Arc<AtomicBool>,
}

impl Future for Abandonable {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.abandoned.load(Ordering::Acquire) {
            return Poll::Ready(());
        }
        self.job.as_mut().poll(cx)
    }
}

/// Waits for the next job, handling signals like a receive does (so the
/// host can be killed while it waits).
struct NextJob<'a> {
    process: &'a Process,
    inbox: &'a Receiver<Job>,
}

impl Future for NextJob<'_> {
    type Output = Job;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Job> {
        let mut state = self.process.state.lock();
        self.process.handle_signals(&mut state);
        if state.ending.is_some() {
            return Poll::Pending;
        }
        match self.inbox.try_recv() {
            Ok(job) => Poll::Ready(job),
            Err(_) => Poll::Pending,
        }
    }
}
