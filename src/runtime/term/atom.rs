//! Atoms: interned names, as in the BEAM's atom table.
//!
//! An atom is a small integer index into a global table of names. Comparing
//! and copying atoms is therefore as cheap as comparing integers, which
//! matters because exit reasons (`normal`, `kill`, `shutdown`) and message
//! tags are atoms and are compared on every signal. Like the BEAM, we never
//! free atoms: the table only grows, so an `Atom` stays valid for ever.

use parking_lot::RwLock;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// An interned atom such as `normal`, `'EXIT'` or `'A-D'`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Atom(u32);

struct AtomTable {
    index: HashMap<&'static str, u32, BuildHasherDefault<Fnv>>,
    names: Vec<&'static str>,
}

/// FNV-1a: atoms are short names looked up on hot paths (a behavior
/// matching `{add, N}` interns `add`), where SipHash's protection against
/// crafted keys buys nothing and costs a hundred instructions.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// Atoms the runtime itself uses, interned first so that they have fixed
/// indices and can be `const`s.
const WELL_KNOWN: &[&str] = &[
    "normal",
    "kill",
    "killed",
    "noproc",
    "shutdown",
    "EXIT",
    "DOWN",
    "process",
    "timeout",
    "panic",
    "true",
    "false",
    "undefined",
    "ok",
    "error",
    "$gen_call",
    "badarg",
    "crash",
    "nonode@nohost",
];

impl Atom {
    pub const NORMAL: Atom = Atom(0);
    pub const KILL: Atom = Atom(1);
    pub const KILLED: Atom = Atom(2);
    pub const NOPROC: Atom = Atom(3);
    pub const SHUTDOWN: Atom = Atom(4);
    pub const EXIT: Atom = Atom(5);
    pub const DOWN: Atom = Atom(6);
    pub const PROCESS: Atom = Atom(7);
    pub const TIMEOUT: Atom = Atom(8);
    pub const PANIC: Atom = Atom(9);
    pub const TRUE: Atom = Atom(10);
    pub const FALSE: Atom = Atom(11);
    pub const UNDEFINED: Atom = Atom(12);
    pub const OK: Atom = Atom(13);
    pub const ERROR: Atom = Atom(14);
    pub const GEN_CALL: Atom = Atom(15);
    pub const BADARG: Atom = Atom(16);
    pub const CRASH: Atom = Atom(17);
    /// The name of the one node there is (`node()` on a BEAM not started
    /// as a distributed node).
    pub const NODE: Atom = Atom(18);

    /// Interns `name`, returning the same atom for the same text every time.
    pub fn new(name: &str) -> Atom {
        if let Some(&index) = TABLE.read().index.get(name) {
            return Atom(index);
        }
        let mut table = TABLE.write();
        // Another thread may have interned it between the two locks.
        if let Some(&index) = table.index.get(name) {
            return Atom(index);
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let index = table.names.len() as u32;
        table.names.push(leaked);
        table.index.insert(leaked, index);
        Atom(index)
    }

    /// The atom's index in the table (stable for the program's life).
    pub(in crate::runtime) fn index(self) -> u32 {
        self.0
    }

    /// The atom at `index`, which an earlier [`Atom::index`] returned.
    pub(in crate::runtime) fn from_index(index: u32) -> Atom {
        Atom(index)
    }

    /// The atom's text, without quotes.
    pub fn name(self) -> &'static str {
        TABLE.read().names[self.0 as usize]
    }

    /// Whether Erlang would print this atom without quotes: it starts with a
    /// lowercase letter and continues with letters, digits, `_` or `@`, and
    /// it is not a reserved word (`'div'`, `'and'`, `'receive'`).
    pub fn is_bare(name: &str) -> bool {
        let mut chars = name.chars();
        matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@')
            && !RESERVED_WORDS.contains(&name)
    }
}

/// Erlang's reserved words (`erl_scan:reserved_word/1`, as in
/// `code::names`, which the runtime does not depend on).
const RESERVED_WORDS: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "else", "end", "fun", "if", "let", "maybe", "not", "of", "or",
    "orelse", "receive", "rem", "try", "when", "xor",
];

static TABLE: LazyLock<RwLock<AtomTable>> = LazyLock::new(|| {
    let mut table = AtomTable {
        index: HashMap::default(),
        names: Vec::new(),
    };
    for (i, name) in WELL_KNOWN.iter().enumerate() {
        table.index.insert(name, i as u32);
        table.names.push(name);
    }
    RwLock::new(table)
});

impl fmt::Display for Atom {
    /// Prints like Erlang: `normal`, `'EXIT'`, `'A-D'`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.name();
        if Atom::is_bare(name) {
            f.write_str(name)
        } else {
            f.write_str("'")?;
            for c in name.chars() {
                match c {
                    '\'' => f.write_str("\\'")?,
                    '\\' => f.write_str("\\\\")?,
                    c => write!(f, "{c}")?,
                }
            }
            f.write_str("'")
        }
    }
}

impl fmt::Debug for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_atoms_have_their_fixed_indices() {
        assert_eq!(Atom::new("normal"), Atom::NORMAL);
        assert_eq!(Atom::new("EXIT"), Atom::EXIT);
        assert_eq!(Atom::new("crash"), Atom::CRASH);
        assert_eq!(Atom::KILLED.name(), "killed");
    }

    #[test]
    fn interning_is_stable() {
        let a = Atom::new("some_new_atom");
        assert_eq!(a, Atom::new("some_new_atom"));
        assert_ne!(a, Atom::new("another_atom"));
    }

    #[test]
    fn atoms_print_quoted_when_erlang_would() {
        assert_eq!(Atom::NORMAL.to_string(), "normal");
        assert_eq!(Atom::EXIT.to_string(), "'EXIT'");
        assert_eq!(Atom::new("A-D").to_string(), "'A-D'");
        assert_eq!(Atom::new("it's").to_string(), "'it\\'s'");
        assert_eq!(Atom::new("node@host").to_string(), "node@host");
        // Reserved words are atoms only in quotes: `'div'`, `'and'`.
        assert_eq!(Atom::new("div").to_string(), "'div'");
        assert_eq!(Atom::new("and").to_string(), "'and'");
    }
}
