//! The scheduler: a few OS threads taking turns running many processes.
//!
//! A process is runnable when it has a signal to handle or work left in its
//! slice; it sits in a run queue until a worker takes it and calls
//! [`run_slice`]. A slice ends when the process waits for a message, spends
//! its budget of reductions, or exits.
//!
//! Two schedulers share this slice logic:
//!
//! - [`live`]: N worker threads (one per core by default), each with its own
//!   FIFO run queue, plus a shared injector for processes woken from outside
//!   the workers. Idle workers steal from the others, and sleep without
//!   missing a wake-up: README.md beside this file states the protocol and
//!   its invariants.
//! - [`deterministic`]: no threads; the caller drives the system one slice
//!   at a time, choosing the next runnable process with a seeded random
//!   number generator, on a virtual clock. Same seed, same run.

pub(in crate::runtime) mod crash;
pub(in crate::runtime) mod deterministic;
pub(in crate::runtime) mod live;
mod run_state;

pub(in crate::runtime) use run_state::{RunPhase, RunState};

use super::node::Node;
use super::process::Process;
use super::program::Step;
use super::term::word::allocated_bytes;
use std::sync::Arc;

pub(in crate::runtime) enum Scheduler {
    Live(Box<live::LivePool>),
    Deterministic(deterministic::DeterministicQueue),
}

impl Scheduler {
    /// Puts a process that was just woken in a run queue.
    #[inline]
    pub(in crate::runtime) fn enqueue(&self, process: Arc<Process>) {
        match self {
            Scheduler::Live(pool) => pool.enqueue(process),
            Scheduler::Deterministic(queue) => queue.enqueue(process),
        }
    }

    /// Puts a process that used up its slice at the back of a run queue.
    pub(in crate::runtime) fn requeue(&self, process: Arc<Process>) {
        match self {
            Scheduler::Live(pool) => pool.requeue(process),
            Scheduler::Deterministic(queue) => queue.enqueue(process),
        }
    }
}

/// Runs one time slice of `process` on the current thread, then decides
/// where the process goes next: back to a run queue, to sleep, or out.
pub(in crate::runtime) fn run_slice(node: &Arc<Node>, process: Arc<Process>) {
    process.run_state.start_running();
    let budget = node.config.reductions_per_slice as i32;
    process.slice.start(budget);
    // Exit signals and other control signals are handled at every slice
    // boundary, so even a process that never receives (a spinner) can be
    // killed. Messages wait for the program's receives.
    if process.slice.has_control_signals() {
        let mut state = process.state.lock();
        process.handle_signals(&mut state);
    }
    let step = if process.slice.is_ending() {
        None
    } else {
        Some(run_program(&process))
    };
    let used = budget - process.slice.budget();
    node.charge_virtual_time(used.max(1) as u32);
    let exit_reason = match step {
        // Killed (an exit signal handled during the slice or before it):
        // that reason wins over whatever the program said.
        _ if process.slice.is_ending() => process
            .state
            .lock()
            .ending
            .as_deref()
            .cloned()
            .expect("a process marked ending has its reason"),
        Some(Ok(Step::Wait { until })) => {
            if let Some(deadline) = until {
                node.arm_receive_timeout(&process, deadline);
            }
            if !process.run_state.try_idle() {
                node.scheduler.requeue(process);
            }
            return;
        }
        Some(Ok(Step::Yield)) => {
            process.run_state.reschedule();
            node.scheduler.requeue(process);
            return;
        }
        Some(Ok(Step::Exit(reason))) => reason,
        Some(Err(panic_reason)) => panic_reason,
        None => unreachable!("a process not killed before running has run"),
    };
    node.finish(&process, exit_reason);
}

/// Runs the program's slice, then charges what it allocated to its heap
/// account, which may measure the heap and kill the process for its
/// `max_heap_size` (`process/heap.rs`): the kill is seen by `run_slice`
/// as any other, through `slice.is_ending()`.
fn run_program(process: &Process) -> Result<Step, super::term::Term> {
    let mut program = process.program.lock();
    let program = program.as_mut().expect("a runnable process has a program");
    let before = allocated_bytes();
    let step = crash::isolate(|| program.run(process));
    if matches!(step, Ok(Step::Wait { .. } | Step::Yield)) {
        process.check_heap(program, allocated_bytes().wrapping_sub(before));
    }
    step
}
