//! The `Program` contract: how the scheduler runs a process.
//!
//! A scheduler worker gives a process a time slice by calling
//! [`Program::run`] once. The program runs until one of three things
//! happens, and says which with a [`Step`]:
//!
//! - it needs a message that is not there: [`Step::Wait`], optionally with a
//!   deadline (a `receive ... after`). The process sleeps until a signal
//!   arrives or the deadline passes.
//! - it has used its budget of reductions (4000 by default, like the BEAM):
//!   [`Step::Yield`]. The process goes to the back of the run queue, so a
//!   busy process cannot starve the others.
//! - it is finished: [`Step::Exit`] with its exit reason.
//!
//! Two kinds of program fit this contract. Native behaviors are Rust
//! `async` blocks, adapted by [`NativeProgram`]: every `.await` on a receive
//! is a point where the slice can end. A bytecode interpreter for processes
//! written in the playground's own language will implement `run` directly:
//! execute instructions, charging one reduction each, until the budget is
//! spent or a `receive` finds nothing.

use super::code_table::LoadedCode;
use super::process::Process;
use super::term::size::Reach;
use super::term::{Atom, Term};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// Why a time slice ended.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// Blocked in a receive. `until` is the deadline on the runtime clock
    /// (see [`Process::now`]) after which the process is woken anyway and
    /// [`Process::take_timed_out`] reports true.
    Wait { until: Option<Duration> },
    /// Budget used up; run again later.
    Yield,
    /// Finished, with this exit reason.
    Exit(Term),
}

/// Something a process runs. See the module docs for the contract.
pub trait Program: Send + 'static {
    /// Runs one time slice of `process`. The process's budget of reductions
    /// for this slice is [`Process::budget_left`].
    fn run(&mut self, process: &Process) -> Step;

    /// `erlang:check_process_code(Pid, Module)` for one version of a
    /// module, as OTP 25 decides it: whether this program still runs
    /// `code` (the function it is in, or a frame of its stack waiting for a
    /// return). A fun of `code` that it only holds does not count: OTP 25
    /// no longer looks at funs, and calling one after the purge fails with
    /// `badfun`. The code server asks before it purges a version, and kills
    /// the processes that run it (see [`crate::runtime::Runtime::purge`]).
    /// Called between time slices, never during one. Native behaviors run
    /// no loaded code.
    fn check_code(&self, _code: &LoadedCode) -> bool {
        false
    }

    /// Where the program's code starts, before its first slice: the spawn
    /// event names the version a process starts in from this.
    fn location(&self) -> Option<Location> {
        None
    }

    /// Adds what the program holds to a measurement of the process's heap
    /// (`max_heap_size`, see `process/heap.rs`): every term it can reach
    /// ([`Reach::add`]) and the bytes of its own storage, registers and
    /// stack ([`Reach::add_bytes`]). Called between time slices, never
    /// during one. A native behavior's state is Rust data the runtime
    /// cannot see: for it only the mailbox counts.
    fn measure<'a>(&'a self, _reach: &mut Reach<'a>) {}
}

/// The function a process's code is in, and the version of its module
/// (`counter@2:loop/1`), as `erlang:process_info(P, current_function)`
/// says, plus the version the playground numbers (see `code_table`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub module: Atom,
    pub version: u32,
    pub function: Atom,
    pub arity: u32,
}

/// The body of a native behavior: an `async` block returning the exit
/// reason.
pub type NativeBody = Pin<Box<dyn Future<Output = Term> + Send>>;

/// Runs a native behavior: an `async` block whose `.await`s are the
/// process's receives.
pub struct NativeProgram {
    body: NativeBody,
}

impl NativeProgram {
    pub fn new(body: impl Future<Output = Term> + Send + 'static) -> NativeProgram {
        NativeProgram {
            body: Box::pin(body),
        }
    }
}

impl Program for NativeProgram {
    fn run(&mut self, process: &Process) -> Step {
        run_native(&mut self.body, process)
    }
}

/// One time slice of a native body.
pub(in crate::runtime) fn run_native(body: &mut NativeBody, process: &Process) -> Step {
    // Nothing is woken through the waker: a process is woken by the
    // signals that reach it (see `receive`), so a no-op waker will do.
    let mut context = Context::from_waker(Waker::noop());
    match body.as_mut().poll(&mut context) {
        Poll::Ready(reason) => Step::Exit(reason),
        Poll::Pending if process.slice.take_yield_request() => Step::Yield,
        Poll::Pending => Step::Wait {
            until: process.slice.take_wait_until(),
        },
    }
}

/// Runs `program` inside a native body, as the process that runs the
/// body, until it exits; its exit reason is the future's output. The
/// program's steps become the body's: a [`Step::Wait`] waits (with its
/// deadline) and a [`Step::Yield`] yields, exactly as they would had the
/// scheduler run the program itself. The shell uses it to run an
/// expression typed at the prompt as the shell process (`self()` is the
/// shell, `receive` reads its mailbox), without the program ending the
/// process: its "exit" is only the program's result. A native supervisor
/// runs a callback module's `init/1` and its children's start functions
/// this way, *in the supervisor*, as OTP's does (a child started with
/// `start_link` links to it).
///
/// The program is under the process's `max_heap_size` as if the worker
/// ran it: what it allocates is counted and, past its own budget, the
/// process is measured with the program's terms, and killed over the
/// limit (`Process::check_heap_within`).
pub fn run_within<'a>(process: &'a Process, program: &'a mut dyn Program) -> RunWithin<'a> {
    RunWithin {
        process,
        program,
        heap_budget: super::process::MIN_HEAP_BUDGET,
    }
}

/// The future [`run_within`] returns.
pub struct RunWithin<'a> {
    process: &'a Process,
    program: &'a mut dyn Program,
    /// Bytes the program may allocate before the heap is measured.
    heap_budget: i64,
}

impl Future for RunWithin<'_> {
    type Output = Term;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Term> {
        let this = self.get_mut();
        let before = super::term::word::allocated_bytes();
        let step = this.program.run(this.process);
        if matches!(step, Step::Wait { .. } | Step::Yield) {
            let allocated = super::term::word::allocated_bytes().wrapping_sub(before);
            this.process
                .check_heap_within(&*this.program, &mut this.heap_budget, allocated);
        }
        match step {
            Step::Exit(reason) => Poll::Ready(reason),
            // `run_native` turns these two back into the same steps.
            Step::Yield => {
                this.process.slice.request_yield();
                Poll::Pending
            }
            Step::Wait { until } => {
                this.process.slice.wait_until(until);
                Poll::Pending
            }
        }
    }
}

impl Drop for RunWithin<'_> {
    /// Done or given up on, the program is no longer where the process
    /// is: `ps` shows the process as itself again, not in the program's
    /// last function.
    fn drop(&mut self) {
        self.process.clear_location();
    }
}

/// What a process runs, as the runtime stores it: a native body directly
/// (one allocation per process, which matters at a million processes), or
/// any other [`Program`].
pub(in crate::runtime) enum Running {
    Native(NativeBody),
    Program(Box<dyn Program>),
}

impl Running {
    pub(in crate::runtime) fn run(&mut self, process: &Process) -> Step {
        match self {
            Running::Native(body) => run_native(body, process),
            Running::Program(program) => program.run(process),
        }
    }

    pub(in crate::runtime) fn check_code(&self, code: &LoadedCode) -> bool {
        match self {
            Running::Native(_) => false,
            Running::Program(program) => program.check_code(code),
        }
    }

    pub(in crate::runtime) fn location(&self) -> Option<Location> {
        match self {
            Running::Native(_) => None,
            Running::Program(program) => program.location(),
        }
    }

    pub(in crate::runtime) fn measure<'a>(&'a self, reach: &mut Reach<'a>) {
        if let Running::Program(program) = self {
            program.measure(reach);
        }
    }
}
