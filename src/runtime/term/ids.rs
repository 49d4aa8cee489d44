//! Process identifiers and references.
//!
//! A pid names a process for its whole life and after it: sending to the pid
//! of a dead process is allowed and silently does nothing, exactly as on the
//! BEAM. Pids and references are plain numbers handed out in increasing
//! order by one runtime, so a deterministic run hands out the same ones.

use std::fmt;

/// A process identifier, printed `<0.N.0>` like a local Erlang pid.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pid(pub(in crate::runtime) u64);

impl Pid {
    /// The pid `<0.N.0>`. Pids are normally handed out by the runtime; this is
    /// for parsing a pid literal typed by a user.
    pub const fn from_number(n: u64) -> Pid {
        Pid(n)
    }

    /// The N in `<0.N.0>`.
    pub const fn number(self) -> u64 {
        self.0
    }
}

impl fmt::Display for Pid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<0.{}.0>", self.0)
    }
}

impl fmt::Debug for Pid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// A unique reference, as made by `make_ref()` or `monitor/2`, printed
/// `#Ref<0.N>`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ref(pub(in crate::runtime) u64);

impl Ref {
    /// The reference `#Ref<0.N>`, for parsing a literal typed by a user.
    pub const fn from_number(n: u64) -> Ref {
        Ref(n)
    }

    pub const fn number(self) -> u64 {
        self.0
    }
}

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#Ref<0.{}>", self.0)
    }
}

impl fmt::Debug for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
