//! Process identifiers and references.
//!
//! Unchanged from letitcrash: a pid or a reference is a number handed out
//! in increasing order by one runtime. In a term both are immediates
//! (`word.rs`): they are compared, hashed and copied as integers. The word
//! keeps 58 bits of payload, far beyond what a run can hand out.

use std::fmt;

/// A process identifier, printed `<0.N.0>` like a local Erlang pid.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pid(pub(crate) u64);

impl Pid {
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

/// A unique reference, printed `#Ref<0.N>`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ref(pub(crate) u64);

impl Ref {
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
