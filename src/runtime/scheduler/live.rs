//! The live scheduler: N worker threads with work stealing.
//!
//! Each worker owns a FIFO run queue. A process woken by a process running
//! on that worker goes to the worker's own queue (it is likely to run soon,
//! on a warm cache); a process woken from anywhere else (the timer thread,
//! the REPL) goes to the shared injector. A worker with nothing to do takes
//! from the injector, then steals from the others, then sleeps. The sleep
//! protocol, and why no wake-up is ever lost, is in README.md beside this
//! file. A worker that ran something sleeps at most
//! [`memory::IDLE_RELEASE`] first, and gives its freed memory back to the
//! operating system if nothing came (`runtime/memory.rs`).

use super::run_slice;
use crate::runtime::memory;
use crate::runtime::node::Node;
use crate::runtime::process::Process;
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use parking_lot::{Condvar, Mutex};
use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering, fence};
use std::time::{Duration, Instant};

/// Every pool gets an id, so a worker thread knows its local queue belongs
/// to this pool (several runtimes can live in one program, as in tests).
static NEXT_POOL_ID: AtomicUsize = AtomicUsize::new(1);

/// How often a worker looks at the injector before its own queue, so that
/// processes woken from outside are not starved by a busy local queue.
const INJECTOR_CHECK_INTERVAL: u32 = 61;

thread_local! {
    static LOCAL_QUEUE: RefCell<Option<LocalQueue>> = const { RefCell::new(None) };
}

struct LocalQueue {
    pool_id: usize,
    queue: Worker<Arc<Process>>,
    /// The process most recently woken by this worker: it runs next,
    /// without a trip through the deque (tokio's "LIFO slot"). A message
    /// passed along a chain of processes then costs no queue operations.
    next: Option<Arc<Process>>,
    /// How many slices in a row came from `next`; capped so that two
    /// processes messaging each other cannot starve the queue.
    next_streak: u32,
}

/// Looks for work an idle worker makes, spinning, before it yields its
/// core, and then yielding, before it sleeps (tens of microseconds in all).
const SPIN_ROUNDS: u32 = 64;
const YIELD_ROUNDS: u32 = 16;

/// Consecutive slices from the `next` slot before the queue gets a turn.
const NEXT_SLOT_LIMIT: u32 = 16;

pub(in crate::runtime) struct LivePool {
    id: usize,
    workers: usize,
    injector: Injector<Arc<Process>>,
    stealers: Vec<Stealer<Arc<Process>>>,
    sleep: Sleep,
    /// Bumped when every worker should give its freed memory back
    /// (`runtime/memory.rs`): each releases when it sees a number it has
    /// not released for.
    release_epoch: AtomicU64,
}

impl LivePool {
    /// Creates the pool and the local queues its workers will own.
    pub(in crate::runtime) fn new(workers: usize) -> (LivePool, Vec<Worker<Arc<Process>>>) {
        let queues: Vec<Worker<Arc<Process>>> = (0..workers).map(|_| Worker::new_fifo()).collect();
        let pool = LivePool {
            id: NEXT_POOL_ID.fetch_add(1, Ordering::Relaxed),
            workers,
            injector: Injector::new(),
            stealers: queues.iter().map(Worker::stealer).collect(),
            sleep: Sleep::new(),
            release_epoch: AtomicU64::new(0),
        };
        (pool, queues)
    }

    /// A woken process: into this worker's `next` slot when woken from a
    /// worker of this pool, else into the injector.
    #[inline]
    pub(in crate::runtime) fn enqueue(&self, process: Arc<Process>) {
        let outside = LOCAL_QUEUE.with(|local| match &mut *local.borrow_mut() {
            Some(local) if local.pool_id == self.id => {
                // The worker that pushes is awake and will get to this
                // process itself; wake another only if the push put work
                // in its deque, where a thief can see it (README.md).
                if let Some(displaced) = local.next.replace(process) {
                    local.queue.push(displaced);
                    self.sleep.wake_one();
                }
                None
            }
            _ => Some(process),
        });
        if let Some(process) = outside {
            self.injector.push(process);
            self.sleep.wake_one();
        }
    }

    /// A process that used up its slice: to the back of the queue, so that
    /// everything queued before it runs first.
    pub(in crate::runtime) fn requeue(&self, process: Arc<Process>) {
        let pushed_locally = LOCAL_QUEUE.with(|local| match &*local.borrow() {
            Some(local) if local.pool_id == self.id => {
                let surplus = !local.queue.is_empty() || local.next.is_some();
                local.queue.push(process);
                Ok(surplus)
            }
            _ => Err(process),
        });
        self.after_push(pushed_locally);
    }

    fn after_push(&self, pushed_locally: Result<bool, Arc<Process>>) {
        match pushed_locally {
            Ok(false) => {}
            Ok(true) => self.sleep.wake_one(),
            Err(process) => {
                self.injector.push(process);
                self.sleep.wake_one();
            }
        }
    }

    fn has_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.iter().any(|s| !s.is_empty())
    }

    fn find_work(&self, local: &mut LocalQueue, index: usize, tick: u32) -> Option<Arc<Process>> {
        if let Some(next) = local.next.take() {
            if local.next_streak < NEXT_SLOT_LIMIT || local.queue.is_empty() {
                local.next_streak += 1;
                return Some(next);
            }
            local.queue.push(next);
        }
        local.next_streak = 0;
        let local = &local.queue;
        if tick.is_multiple_of(INJECTOR_CHECK_INTERVAL)
            && let Some(process) = self.steal_from_injector(local)
        {
            return Some(process);
        }
        local
            .pop()
            .or_else(|| self.steal_from_injector(local))
            .or_else(|| self.steal_from_others(index))
    }

    fn steal_from_injector(&self, local: &Worker<Arc<Process>>) -> Option<Arc<Process>> {
        loop {
            match self.injector.steal_batch_and_pop(local) {
                Steal::Success(process) => return Some(process),
                Steal::Empty => return None,
                Steal::Retry => continue,
            }
        }
    }

    fn steal_from_others(&self, index: usize) -> Option<Arc<Process>> {
        let count = self.stealers.len();
        (1..count)
            .map(|offset| &self.stealers[(index + offset) % count])
            .find_map(|stealer| {
                loop {
                    match stealer.steal() {
                        Steal::Success(process) => return Some(process),
                        Steal::Empty => return None,
                        Steal::Retry => continue,
                    }
                }
            })
    }

    /// Whether every worker waits for work and no queue holds any: then no
    /// process is running or runnable. (A worker counts as waiting only
    /// inside the wait, under the sleep lock, so a worker that announced
    /// sleep but found work is never mistaken for idle.)
    pub(in crate::runtime) fn is_quiet(&self) -> bool {
        let waiting = self.sleep.lock.lock();
        *waiting == self.workers && !self.has_work()
    }

    /// Asks every worker to give its freed memory back to the operating
    /// system (a sleeping one is woken for it); returns the new epoch.
    pub(in crate::runtime) fn request_release(&self) -> u64 {
        let epoch = self.release_epoch.fetch_add(1, Ordering::Relaxed) + 1;
        self.sleep.wake_all();
        epoch
    }

    /// Stops the workers (they finish their current slice first).
    pub(in crate::runtime) fn shutdown(&self) {
        self.sleep.shutdown();
        while self.injector.steal().is_success() {}
    }
}

/// The body of worker thread `index`.
pub(in crate::runtime) fn worker_main(node: Arc<Node>, index: usize, queue: Worker<Arc<Process>>) {
    let crate::runtime::scheduler::Scheduler::Live(pool) = &node.scheduler else {
        unreachable!("live workers run only in a live pool");
    };
    super::crash::mark_worker_thread();
    LOCAL_QUEUE.with(|local| {
        *local.borrow_mut() = Some(LocalQueue {
            pool_id: pool.id,
            queue,
            next: None,
            next_streak: 0,
        })
    });
    let mut tick: u32 = 0;
    let mut idle_rounds: u32 = 0;
    // Whether this worker ran something since it last gave memory back,
    // when it did, and the last release request it answered.
    let mut worked = false;
    let mut released_at = Instant::now();
    let mut released_for = pool.release_epoch.load(Ordering::Relaxed);
    let release = |released_for: &mut u64, released_at: &mut Instant| {
        memory::release_here();
        *released_at = Instant::now();
        *released_for = pool.request_release();
    };
    while !pool.sleep.is_shut_down() {
        tick = tick.wrapping_add(1);
        let next = LOCAL_QUEUE.with(|local| {
            let mut local = local.borrow_mut();
            let local = local.as_mut().expect("installed above");
            pool.find_work(local, index, tick)
        });
        match next {
            Some(process) => {
                if idle_rounds > 0 {
                    pool.sleep.stop_searching();
                }
                idle_rounds = 0;
                worked = true;
                run_slice(&node, process);
                // A worker that never goes idle (a spinner keeps it busy)
                // gives memory back every so often all the same.
                if tick.is_multiple_of(memory::BUSY_CHECK_SLICES)
                    && released_at.elapsed() >= memory::RELEASE_PERIOD
                {
                    release(&mut released_for, &mut released_at);
                }
            }
            // Work often arrives within microseconds (a spawner, a reply on
            // its way): look again a few times before paying for a futex
            // sleep and, worse, for the futex wake the next push would need.
            // While it looks, it counts as searching, and pushes wake nobody.
            None if idle_rounds < SPIN_ROUNDS => {
                if idle_rounds == 0 {
                    pool.sleep.start_searching();
                }
                idle_rounds += 1;
                std::hint::spin_loop();
            }
            None if idle_rounds < SPIN_ROUNDS + YIELD_ROUNDS => {
                idle_rounds += 1;
                std::thread::yield_now();
            }
            None => {
                idle_rounds = 0;
                pool.sleep.stop_searching();
                let asked = pool.release_epoch.load(Ordering::Relaxed);
                if worked && released_at.elapsed() >= memory::RELEASE_PERIOD {
                    // Work that comes in bursts (a ticker) never leaves the
                    // worker idle for long: at most every period.
                    release(&mut released_for, &mut released_at);
                    worked = false;
                } else if worked {
                    // Memory is given back once the work is over, not
                    // between two bursts of it.
                    if pool
                        .sleep
                        .sleep_unless_for(|| pool.has_work(), memory::IDLE_RELEASE)
                    {
                        release(&mut released_for, &mut released_at);
                        worked = false;
                    }
                } else if asked != released_for {
                    memory::release_here();
                    released_for = asked;
                } else {
                    pool.sleep.sleep_unless(|| pool.has_work());
                }
            }
        }
    }
    // Drop the queue (and the processes in it) before the thread ends.
    LOCAL_QUEUE.with(|local| local.borrow_mut().take());
}

/// Idle workers sleep here. See README.md: "Sleeping without lost wake-ups".
struct Sleep {
    /// Workers that have announced they are about to sleep, or sleep.
    sleepy: AtomicUsize,
    /// Workers looking for work (spinning) before they sleep: a push while
    /// one searches needs no wake-up (README.md, "Searching workers").
    searching: AtomicUsize,
    /// Workers inside the wait: guarded by the lock it is.
    lock: Mutex<usize>,
    wake: Condvar,
    shut_down: AtomicBool,
}

impl Sleep {
    fn new() -> Sleep {
        Sleep {
            sleepy: AtomicUsize::new(0),
            searching: AtomicUsize::new(0),
            lock: Mutex::new(0),
            wake: Condvar::new(),
            shut_down: AtomicBool::new(false),
        }
    }

    /// Called after work was pushed: wakes one sleeping worker, if any.
    fn wake_one(&self) {
        // Pairs with the fence in `sleep_unless`: either we see the
        // sleeper's announcement, or it sees our push.
        fence(Ordering::SeqCst);
        if self.searching.load(Ordering::SeqCst) > 0 {
            // A searcher sees the push: it looks at every queue before it
            // stops searching, or re-checks them after it stopped.
            return;
        }
        if self.sleepy.load(Ordering::SeqCst) > 0 {
            let _guard = self.lock.lock();
            self.wake.notify_one();
        }
    }

    fn start_searching(&self) {
        self.searching.fetch_add(1, Ordering::SeqCst);
    }

    /// Called before a searcher runs what it found or goes to sleep: in
    /// both cases it looks at the queues again afterwards.
    fn stop_searching(&self) {
        self.searching.fetch_sub(1, Ordering::SeqCst);
    }

    /// Sleeps until woken, unless `has_work` says there is work after the
    /// announcement.
    fn sleep_unless(&self, has_work: impl Fn() -> bool) {
        self.sleepy.fetch_add(1, Ordering::SeqCst);
        fence(Ordering::SeqCst);
        let mut waiting = self.lock.lock();
        if !has_work() && !self.is_shut_down() {
            *waiting += 1;
            self.wake.wait(&mut waiting);
            *waiting -= 1;
        }
        drop(waiting);
        self.sleepy.fetch_sub(1, Ordering::SeqCst);
    }

    /// [`Sleep::sleep_unless`], for at most `timeout`: true if it slept
    /// that long without being woken. (A wake-up it misses by timing out
    /// is not lost: the worker looks at every queue before it sleeps
    /// again.)
    fn sleep_unless_for(&self, has_work: impl Fn() -> bool, timeout: Duration) -> bool {
        self.sleepy.fetch_add(1, Ordering::SeqCst);
        fence(Ordering::SeqCst);
        let mut waiting = self.lock.lock();
        let mut timed_out = false;
        if !has_work() && !self.is_shut_down() {
            *waiting += 1;
            timed_out = self.wake.wait_for(&mut waiting, timeout).timed_out();
            *waiting -= 1;
        }
        drop(waiting);
        self.sleepy.fetch_sub(1, Ordering::SeqCst);
        timed_out
    }

    /// Wakes every sleeping worker (to give memory back).
    fn wake_all(&self) {
        let _guard = self.lock.lock();
        self.wake.notify_all();
    }

    fn is_shut_down(&self) -> bool {
        self.shut_down.load(Ordering::Acquire)
    }

    fn shutdown(&self) {
        self.shut_down.store(true, Ordering::Release);
        let _guard = self.lock.lock();
        self.wake.notify_all();
    }
}
