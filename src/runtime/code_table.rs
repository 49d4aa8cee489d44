//! The code table: loaded modules by name, as the BEAM's code server keeps
//! them.
//!
//! The runtime does not know what a module *is* (the process language's
//! compiled bytecode lives in `code/`); it only keeps, per name, the
//! [`Versions`] Erlang keeps: the *current* version, which every new call
//! `m:f(...)` and every new spawn uses, and the *old* one, which processes
//! that were already running it may still be executing. Loading a module
//! makes the current version old and drops the previous old one; a process
//! keeps the version it runs alive by holding its `Arc` (its frames refer to
//! the module version they run), so nothing is pulled from under it.
//! Purging old code (killing the processes still in it, as
//! `code:purge/1` does) is the hot-reload issue's business, not this one's.
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

/// Erlang's two versions of a module.
#[derive(Clone)]
pub struct Versions {
    pub current: LoadedCode,
    pub old: Option<LoadedCode>,
}

#[derive(Default)]
pub struct CodeTable {
    modules: RwLock<BTreeMap<Atom, Versions>>,
}

impl CodeTable {
    /// Loads `code` as the current version of `name`; the version it
    /// replaces (if any) becomes the old one.
    pub fn load(&self, name: Atom, code: LoadedCode) {
        let mut modules = self.modules.write();
        let old = modules.remove(&name).map(|versions| versions.current);
        modules.insert(name, Versions { current: code, old });
    }

    /// The current version of `name`.
    pub fn current(&self, name: Atom) -> Option<LoadedCode> {
        self.modules.read().get(&name).map(|v| v.current.clone())
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
