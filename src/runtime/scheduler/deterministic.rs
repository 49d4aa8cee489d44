//! The deterministic scheduler: one thread, a fixed order, virtual time.
//!
//! There are no worker threads. Whoever drives the runtime (a test, or the
//! check-mode script runner after each command) calls
//! [`Node::run_until_quiet`](crate::runtime::node::Node) and friends, which
//! take processes from this queue one slice at a time. Which runnable
//! process goes next is the [`Order`]: by default a single BEAM
//! scheduler's run queue (first in, first out: a process joins at the back
//! when it is spawned, woken by a message or a signal, or has used up its
//! slice, and a process runs on until it waits or its reductions are
//! spent), so order-dependent programs print what `erl +S 1` prints; or a
//! seeded xorshift generator's choice, so one seed gives one interleaving
//! and another seed explores another.

use crate::runtime::config::Order;
use crate::runtime::process::Process;
use crate::runtime::rng::XorShift;
use parking_lot::Mutex;
use std::collections::VecDeque;
use std::sync::Arc;

pub(in crate::runtime) struct DeterministicQueue {
    state: Mutex<QueueState>,
}

struct QueueState {
    runnable: VecDeque<Arc<Process>>,
    order: Order,
    rng: XorShift,
}

impl DeterministicQueue {
    pub(in crate::runtime) fn new(seed: u64, order: Order) -> DeterministicQueue {
        DeterministicQueue {
            state: Mutex::new(QueueState {
                runnable: VecDeque::new(),
                order,
                rng: XorShift::new(seed),
            }),
        }
    }

    pub(in crate::runtime) fn enqueue(&self, process: Arc<Process>) {
        self.state.lock().runnable.push_back(process);
    }

    /// Takes the runnable process that goes next (see [`Order`]).
    pub(in crate::runtime) fn next(&self) -> Option<Arc<Process>> {
        let mut state = self.state.lock();
        match state.order {
            Order::Beam => state.runnable.pop_front(),
            Order::Random => {
                if state.runnable.is_empty() {
                    return None;
                }
                let count = state.runnable.len();
                let index = state.rng.below(count);
                state.runnable.swap_remove_back(index)
            }
        }
    }

    /// True when no process is waiting to run.
    pub(in crate::runtime) fn is_empty(&self) -> bool {
        self.state.lock().runnable.is_empty()
    }

    pub(in crate::runtime) fn clear(&self) {
        self.state.lock().runnable.clear();
    }
}
