//! Registered names: `register(Name, Pid)`, `whereis(Name)`.
//!
//! N1: a name belongs to a live process; it is released when that process
//! ends (before its exit signals go out, L2), and registering a taken name,
//! a dead pid, or a process that already has a name is an error value, never
//! a panic.

use super::term::{Atom, Pid};
use parking_lot::RwLock;
use std::collections::HashMap;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegisterError {
    /// The name already belongs to this process.
    NameTaken { name: Atom, owner: Pid },
    /// The process is not alive.
    NotAlive(Pid),
    /// The process already has another name.
    AlreadyNamed { pid: Pid, name: Atom },
    /// Nothing is registered under this name (for `unregister`).
    NotRegistered(Atom),
}

impl fmt::Display for RegisterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterError::NameTaken { name, owner } => {
                write!(f, "the name {name} is already registered to {owner}")
            }
            RegisterError::NotAlive(pid) => write!(f, "{pid} is not alive"),
            RegisterError::AlreadyNamed { pid, name } => {
                write!(f, "{pid} is already registered as {name}")
            }
            RegisterError::NotRegistered(name) => write!(f, "no process is registered as {name}"),
        }
    }
}

impl std::error::Error for RegisterError {}

#[derive(Default)]
struct Names {
    by_name: HashMap<Atom, Pid>,
    by_pid: HashMap<Pid, Atom>,
}

pub(in crate::runtime) struct Registry {
    names: RwLock<Names>,
}

impl Registry {
    pub(in crate::runtime) fn new() -> Registry {
        Registry {
            names: RwLock::new(Names::default()),
        }
    }

    /// Registers `name` for `pid`. `is_alive` is asked under the registry
    /// lock, and a dying process unregisters under the same lock after it
    /// stops being alive, so a name can never outlive its process.
    pub(in crate::runtime) fn register(
        &self,
        name: Atom,
        pid: Pid,
        is_alive: impl FnOnce() -> bool,
    ) -> Result<(), RegisterError> {
        let mut names = self.names.write();
        if let Some(&owner) = names.by_name.get(&name) {
            return Err(RegisterError::NameTaken { name, owner });
        }
        if let Some(&existing) = names.by_pid.get(&pid) {
            return Err(RegisterError::AlreadyNamed {
                pid,
                name: existing,
            });
        }
        if !is_alive() {
            return Err(RegisterError::NotAlive(pid));
        }
        names.by_name.insert(name, pid);
        names.by_pid.insert(pid, name);
        Ok(())
    }

    pub(in crate::runtime) fn unregister(&self, name: Atom) -> Result<Pid, RegisterError> {
        let mut names = self.names.write();
        let pid = names
            .by_name
            .remove(&name)
            .ok_or(RegisterError::NotRegistered(name))?;
        names.by_pid.remove(&pid);
        Ok(pid)
    }

    /// Releases whatever name `pid` had (it is ending).
    pub(in crate::runtime) fn release(&self, pid: Pid) -> Option<Atom> {
        let mut names = self.names.write();
        let name = names.by_pid.remove(&pid)?;
        names.by_name.remove(&name);
        Some(name)
    }

    pub(in crate::runtime) fn whereis(&self, name: Atom) -> Option<Pid> {
        self.names.read().by_name.get(&name).copied()
    }

    pub(in crate::runtime) fn name_of(&self, pid: Pid) -> Option<Atom> {
        self.names.read().by_pid.get(&pid).copied()
    }

    /// Every registration, sorted by name.
    pub(in crate::runtime) fn all(&self) -> Vec<(Atom, Pid)> {
        let mut all: Vec<(Atom, Pid)> = self
            .names
            .read()
            .by_name
            .iter()
            .map(|(&n, &p)| (n, p))
            .collect();
        all.sort_by_key(|&(name, _)| name.name());
        all
    }
}
