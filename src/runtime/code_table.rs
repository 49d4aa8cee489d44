//! The code table: loaded modules by name, as the BEAM's code server keeps
//! them.
//!
//! It is the one registry of what can be spawned. A module is either
//! process code the `erlang` layer compiled, or a native module: a
//! built-in kind of the `behavior` layer, loaded at start as the BEAM's
//! preloaded modules are compiled into the emulator. The runtime does not
//! know what either *is*: it only asks a [`Module`] to start a process, and
//! keeps, per name, the [`Versions`] Erlang keeps: the *current* version,
//! which every new call
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

use super::Runtime;
use super::process::Process;
use super::term::{Atom, Pid, Term};
use parking_lot::RwLock;
use std::any::Any;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A loaded module: opaque to the runtime but for how to start a process.
pub type LoadedCode = Arc<dyn Module>;

/// Why a process could not be started from a module: the module's own
/// error (a built-in kind's wrong argument, process code without the
/// `start/N` asked for), shown to the presenter as it displays.
pub type SpawnError = Box<dyn std::error::Error + Send + Sync>;

/// A spawn refused by the process limit (OTP's `+P`): `system_limit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProcessLimitReached {
    pub limit: usize,
}

impl std::fmt::Display for ProcessLimitReached {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "system_limit: {} processes are alive, the most this runtime allows (`--process-limit` sets it, as `erl +P` does)",
            self.limit
        )
    }
}

impl std::error::Error for ProcessLimitReached {}

impl Spawner<'_> {
    /// Whether the process limit lets this spawner start another
    /// process: a presenter's or a supervisor's spawn is refused at the
    /// limit like a program's.
    pub fn check_process_limit(&self) -> Result<(), ProcessLimitReached> {
        let node = match self {
            Spawner::Process { parent, .. } => &parent.node,
            Spawner::Top(runtime) => runtime.node(),
        };
        if node.at_process_limit() {
            return Err(ProcessLimitReached {
                limit: node.config.process_limit,
            });
        }
        Ok(())
    }
}

/// Who starts a process, and how.
pub enum Spawner<'a> {
    /// A process, its parent (linked to it if `link`).
    Process { parent: &'a Process, link: bool },
    /// Nobody: a process with no parent (tests and tools).
    Top(&'a Runtime),
}

/// Who is starting a process, as far as the process may care.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartContext {
    /// The supervisor's child id, when a supervisor starts it. `stateful`
    /// uses it as its key in the state server, so the restarted child finds
    /// what the crashed one saved. (The shell may pass the `as NAME` here
    /// too: then the key is known before the name is registered.)
    pub id: Option<Atom>,
}

impl StartContext {
    /// Started by hand, not as a supervisor's child.
    pub fn none() -> StartContext {
        StartContext { id: None }
    }

    /// Started as the child `id`.
    pub fn child(id: Atom) -> StartContext {
        StartContext { id: Some(id) }
    }
}

/// A module in the table, as spawning sees it.
pub trait Module: Any + Send + Sync {
    /// Native code (a built-in kind), not loaded process code.
    fn is_native(&self) -> bool;

    /// Checks that `function(args)` can start a process, spawning nothing:
    /// a typo is an error message, never a process that dies at once.
    /// `whereis` answers for names the arguments use.
    fn check_start(
        &self,
        function: Atom,
        args: &[Term],
        context: &StartContext,
        whereis: &dyn Fn(Atom) -> Option<Pid>,
    ) -> Result<(), SpawnError>;

    /// Starts a process running `function(args)`.
    fn start(
        &self,
        spawner: Spawner<'_>,
        function: Atom,
        args: &[Term],
        context: &StartContext,
    ) -> Result<Pid, SpawnError>;

    /// The fields of the struct this module defines, in its order (an
    /// Elixir `defstruct`), if it defines one. Loading the module tells
    /// the printer ([`struct_layout`](super::term::struct_layout)).
    fn struct_fields(&self) -> Option<&[Atom]> {
        None
    }
}

/// `code` as the module type `T` it is, if it is one.
pub fn downcast<T: Module>(code: LoadedCode) -> Option<Arc<T>> {
    let any: Arc<dyn Any + Send + Sync> = code;
    any.downcast().ok()
}

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
    /// Native modules (the built-in kinds), preloaded: under a loaded
    /// module of the same name, which shadows one while it is loaded, and
    /// outside Erlang's two versions (nothing purges them).
    natives: RwLock<BTreeMap<Atom, LoadedCode>>,
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
        register_struct(name, &code);
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

    /// The current version of `name`: the loaded one, else the native
    /// module of that name.
    pub fn current(&self, name: Atom) -> Option<LoadedCode> {
        let loaded = self
            .modules
            .read()
            .get(&name)
            .map(|v| v.current.code.clone());
        loaded.or_else(|| self.natives.read().get(&name).cloned())
    }

    /// Whether `name` is a native module (loaded code may shadow it).
    pub fn is_native(&self, name: Atom) -> bool {
        self.natives.read().contains_key(&name)
    }

    /// The number of the current version of `name`.
    pub fn current_version(&self, name: Atom) -> Option<u32> {
        self.modules.read().get(&name).map(|v| v.current.version)
    }

    /// Both versions of `name`.
    pub fn versions(&self, name: Atom) -> Option<Versions> {
        self.modules.read().get(&name).cloned()
    }

    /// Preloads the native module `code` as `name` (see the field).
    pub fn preload(&self, name: Atom, code: LoadedCode) {
        register_struct(name, &code);
        self.natives.write().insert(name, code);
    }

    /// Every loaded module's name, in atom order.
    pub fn names(&self) -> Vec<Atom> {
        self.modules.read().keys().copied().collect()
    }
}

/// Tells the printer the field order of the struct `code` defines.
fn register_struct(name: Atom, code: &LoadedCode) {
    if let Some(fields) = code.struct_fields() {
        super::term::struct_layout::register(name, fields);
    }
}
