//! The process table: from pid to live process.
//!
//! Every `send` looks its target up here, so the table is split into shards
//! with a lock each: two workers sending to different processes rarely
//! touch the same lock. Pids are handed out in sequence, so the pid number
//! itself spreads processes evenly over the shards and serves as the hash.

use super::process::Process;
use super::term::Pid;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

const SHARDS: usize = 64;

/// Pid numbers are already well spread; hashing them again is wasted work.
/// The shard takes the low bits, so the map gets the rest, mixed once.
#[derive(Default)]
struct PidHasher(u64);

impl Hasher for PidHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (n / SHARDS as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Shard = HashMap<Pid, Arc<Process>, BuildHasherDefault<PidHasher>>;

pub(in crate::runtime) struct ProcessTable {
    shards: Box<[Mutex<Shard>]>,
}

impl ProcessTable {
    pub(in crate::runtime) fn new() -> ProcessTable {
        ProcessTable {
            shards: (0..SHARDS).map(|_| Mutex::new(Shard::default())).collect(),
        }
    }

    fn shard(&self, pid: Pid) -> &Mutex<Shard> {
        &self.shards[pid.0 as usize % SHARDS]
    }

    pub(in crate::runtime) fn insert(&self, process: Arc<Process>) {
        self.shard(process.pid())
            .lock()
            .insert(process.pid(), process);
    }

    pub(in crate::runtime) fn get(&self, pid: Pid) -> Option<Arc<Process>> {
        self.shard(pid).lock().get(&pid).cloned()
    }

    /// Runs `f` on the process `pid` (or on `None`) with its shard locked.
    pub(in crate::runtime) fn with<T>(
        &self,
        pid: Pid,
        f: impl FnOnce(Option<&Arc<Process>>) -> T,
    ) -> T {
        f(self.shard(pid).lock().get(&pid))
    }

    pub(in crate::runtime) fn remove(&self, pid: Pid) -> Option<Arc<Process>> {
        self.shard(pid).lock().remove(&pid)
    }

    /// All live pids, in order.
    pub(in crate::runtime) fn pids(&self) -> Vec<Pid> {
        let mut pids: Vec<Pid> = self
            .shards
            .iter()
            .flat_map(|s| s.lock().keys().copied().collect::<Vec<_>>())
            .collect();
        pids.sort();
        pids
    }

    /// Calls `f` on every live process, a shard at a time, in no order:
    /// a look at a million processes without a million handles. `f` may
    /// take a process's lock (the order is shard, then process) but must
    /// not take a shard's.
    pub(in crate::runtime) fn for_each(&self, mut f: impl FnMut(&Arc<Process>)) {
        for shard in self.shards.iter() {
            for process in shard.lock().values() {
                f(process);
            }
        }
    }

    /// Empties the table, handing back every process (used at shutdown).
    pub(in crate::runtime) fn drain(&self) -> Vec<Arc<Process>> {
        self.shards
            .iter()
            .flat_map(|s| s.lock().drain().map(|(_, p)| p).collect::<Vec<_>>())
            .collect()
    }
}
