//! The code table: loaded modules by name, as the BEAM's code server keeps
//! them.
//!
//! The runtime does not know what a module *is* (the process language's
//! compiled bytecode lives in `code/`); it only keeps, per name, the
//! [`Versions`] Erlang keeps: the *current* version, which every new call
//! `m:f(...)` and every new spawn uses, and the *old* one, which processes
//! that were already running it may still be executing. Loading a module
//! makes the current version old; a process keeps the version it runs
//! alive by holding its `Arc` (its frames refer to the module version they
//! run), so nothing is pulled from under it.
//!
//! Versions are numbered per name, 1, 2, 3, ... in load order (`counter@2`),
//! and the numbers are never reused, so a view can always tell which
//! version a process runs. Erlang has no such number (it has the module's
//! MD5); a playground needs something a presenter can read aloud.
//!
//! At most two versions live at once, as in Erlang: before loading a third
//! the old one must be purged ([`CodeTable::take_old`]; the runtime's
//! [`crate::runtime::Runtime::purge`] kills the processes still in it first,
//! as `code:purge/1` does, and `c:c/1` purges before it loads).
//!
//! A `BTreeMap`, not a `HashMap`: `names` is listed by views, and iteration
//! order must not depend on a hash seed (deterministic mode).

use super::term::Atom;
use parking_lot::RwLock;
use std::any::Any;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A loaded module, opaque to the runtime.
pub type LoadedCode = Arc<dyn Any + Send + Sync>;

/// One version of a module: its number and its code.
#[derive(Clone)]
pub struct Loaded {
    pub version: u32,
    pub code: LoadedCode,
}

/// Erlang's two versions of a module.
#[derive(Clone)]
pub struct Versions {
    pub current: Loaded,
    pub old: Option<Loaded>,
}

#[derive(Default)]
pub struct CodeTable {
    modules: RwLock<BTreeMap<Atom, Versions>>,
}

impl CodeTable {
    /// The number the next version of `name` will get.
    pub fn next_version(&self, name: Atom) -> u32 {
        self.modules
            .read()
            .get(&name)
            .map_or(1, |v| v.current.version + 1)
    }

    /// Loads `code` as the current version of `name`, numbered `version`
    /// (see [`CodeTable::next_version`]); the version it replaces (if any)
    /// becomes the old one. An old version still there is dropped: callers
    /// that keep Erlang's rule purge it first (see the module docs).
    pub fn load(&self, name: Atom, version: u32, code: LoadedCode) {
        let mut modules = self.modules.write();
        let old = modules.remove(&name).map(|versions| versions.current);
        let current = Loaded { version, code };
        modules.insert(name, Versions { current, old });
    }

    /// Removes the old version of `name` (the last step of `code:purge/1`,
    /// once nobody runs it), returning it.
    pub fn take_old(&self, name: Atom) -> Option<Loaded> {
        self.modules.write().get_mut(&name)?.old.take()
    }

    /// The current version of `name`.
    pub fn current(&self, name: Atom) -> Option<LoadedCode> {
        self.modules
            .read()
            .get(&name)
            .map(|v| v.current.code.clone())
    }

    /// The number of the current version of `name`.
    pub fn current_version(&self, name: Atom) -> Option<u32> {
        self.modules.read().get(&name).map(|v| v.current.version)
    }

    /// Both versions of `name`.
    pub fn versions(&self, name: Atom) -> Option<Versions> {
        self.modules.read().get(&name).cloned()
    }

    /// Every loaded module's name, in atom order.
    pub fn names(&self) -> Vec<Atom> {
        self.modules.read().keys().copied().collect()
    }
}
