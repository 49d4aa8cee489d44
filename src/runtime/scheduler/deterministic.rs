//! The deterministic scheduler: one thread, seeded order, virtual time.
//!
//! There are no worker threads. Whoever drives the runtime (a test, or the
//! check-mode script runner after each command) calls
//! [`Node::run_until_quiet`](crate::runtime::node::Node) and friends, which
//! take processes from this queue one slice at a time. Where the order is
//! free (which runnable process goes next), a seeded xorshift generator
//! chooses, so one seed always gives one interleaving, and another seed
//! explores another.

use crate::runtime::process::Process;
use crate::runtime::rng::XorShift;
use parking_lot::Mutex;
use std::sync::Arc;

pub(in crate::runtime) struct DeterministicQueue {
    state: Mutex<QueueState>,
}

struct QueueState {
    runnable: Vec<Arc<Process>>,
    rng: XorShift,
}

impl DeterministicQueue {
    pub(in crate::runtime) fn new(seed: u64) -> DeterministicQueue {
        DeterministicQueue {
            state: Mutex::new(QueueState {
                runnable: Vec::new(),
                rng: XorShift::new(seed),
            }),
        }
    }

    pub(in crate::runtime) fn enqueue(&self, process: Arc<Process>) {
        self.state.lock().runnable.push(process);
    }

    /// Takes a runnable process, chosen by the seeded generator.
    pub(in crate::runtime) fn next(&self) -> Option<Arc<Process>> {
        let mut state = self.state.lock();
        if state.runnable.is_empty() {
            return None;
        }
        let count = state.runnable.len();
        let index = state.rng.below(count);
        Some(state.runnable.swap_remove(index))
    }

    /// True when no process is waiting to run.
    pub(in crate::runtime) fn is_empty(&self) -> bool {
        self.state.lock().runnable.is_empty()
    }

    pub(in crate::runtime) fn clear(&self) {
        self.state.lock().runnable.clear();
    }
}
