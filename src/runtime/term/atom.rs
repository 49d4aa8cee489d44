//! Atoms: interned names, as in the BEAM's atom table.
//!
//! An atom is a small index into a global table of names, so copying and
//! comparing atoms for equality costs what it costs for integers (exit
//! reasons and message tags are atoms compared on every signal), and an atom
//! fits in a term's word as an immediate (`word.rs`). Like the BEAM we never
//! free atoms: the table only grows, so an `Atom` stays valid for ever.
//!
//! This is `letitcrash::runtime::term::Atom` with two changes: the table
//! lock is `std`'s (the crate has no other dependency for it), and an atom
//! is printed bare or quoted by OTP 25's own rule (`io_lib:quote_atom/2`),
//! which accepts Latin-1 letters (`ß`, `aé`) and does not reserve `maybe`
//! and `else` (they are reserved words only with the `maybe_expr` feature,
//! off in OTP 25).
//!
//! **The limit.** Since atoms are never freed, `list_to_atom` in a loop
//! grows the table for ever (807 MB in 10 s before it had a limit). The
//! table holds at most [`atom_limit`] atoms, OTP's 1,048,576 by default
//! (`+t`), and an atom has at most 255 characters; the atoms a program
//! makes from data ([`Atom::try_new`]: `list_to_atom/1`, the presenter's
//! typed atoms) are refused past either with `system_limit`. Where the
//! BEAM refuses a long atom with `system_limit` too, it *dies* when its
//! table is full ("no more index entries in atom_tab", checked on OTP 25
//! with `erl +t 8192`): a stage cannot, so here only the call fails. The
//! runtime's own atoms ([`Atom::new`]: exit reasons, module and function
//! names, the kinds) are never refused, even in a full table: there are a
//! few hundred of them, and the tool must keep working.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, RwLock};

/// An interned atom such as `normal`, `'EXIT'` or `'A-D'`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Atom(u32);

struct AtomTable {
    index: HashMap<&'static str, u32, BuildHasherDefault<Fnv>>,
    names: Vec<&'static str>,
}

/// FNV-1a: atoms are short names looked up on hot paths, where SipHash's
/// protection against crafted keys buys nothing.
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
/// indices and can be `const`s (the same list, in the same order, as
/// letitcrash's, so the constants keep their values).
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
    "badarith",
    "system_limit",
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
    /// The name of the one node there is.
    pub const NODE: Atom = Atom(18);
    pub const BADARITH: Atom = Atom(19);
    pub const SYSTEM_LIMIT: Atom = Atom(20);

    /// Interns `name`, returning the same atom for the same text every
    /// time. For the runtime's own atoms: never refused (see the module
    /// docs); atoms made from a program's data go through
    /// [`Atom::try_new`].
    pub fn new(name: &str) -> Atom {
        if let Some(&index) = TABLE.read().expect("atom table").index.get(name) {
            return Atom(index);
        }
        let mut table = TABLE.write().expect("atom table");
        // Another thread may have interned it between the two locks.
        Atom(table.intern(name, None).expect("no limit to exceed"))
    }

    /// Interns `name` made from a program's data (`list_to_atom/1`, an
    /// atom the presenter typed): refused, for `system_limit`, if it has
    /// more than [`MAX_ATOM_CHARACTERS`] characters or the table is full
    /// ([`atom_limit`]). An atom that exists already is always found.
    pub fn try_new(name: &str) -> Result<Atom, AtomError> {
        if name.chars().count() > MAX_ATOM_CHARACTERS {
            return Err(AtomError::TooLong);
        }
        if let Some(&index) = TABLE.read().expect("atom table").index.get(name) {
            return Ok(Atom(index));
        }
        let limit = atom_limit();
        let mut table = TABLE.write().expect("atom table");
        table.intern(name, Some(limit)).map(Atom)
    }

    /// The atom's index in the table (stable for the program's life).
    pub const fn index(self) -> u32 {
        self.0
    }

    /// The atom at `index`, which an earlier [`Atom::index`] returned.
    pub(crate) const fn from_index(index: u32) -> Atom {
        Atom(index)
    }

    /// The atom's text, without quotes.
    pub fn name(self) -> &'static str {
        TABLE.read().expect("atom table").names[self.0 as usize]
    }

    /// Whether Erlang prints this atom without quotes (`io_lib:quote_atom`):
    /// it starts with a lowercase letter (ASCII or Latin-1, `ß`..`ÿ` but
    /// not `÷`), continues with letters, digits, `_` or `@`, and is not a
    /// reserved word (`'div'`, `'receive'`).
    pub fn is_bare(name: &str) -> bool {
        let mut chars = name.chars();
        let lower_start =
            |c: char| c.is_ascii_lowercase() || (('ß'..='ÿ').contains(&c) && c != '÷');
        let name_char = |c: char| {
            lower_start(c)
                || c.is_ascii_uppercase()
                || (('À'..='Þ').contains(&c) && c != '×')
                || c.is_ascii_digit()
                || c == '_'
                || c == '@'
        };
        matches!(chars.next(), Some(c) if lower_start(c))
            && chars.all(name_char)
            && !RESERVED_WORDS.contains(&name)
    }
}

/// `erl_scan:reserved_word/1` in OTP 25 (without the experimental
/// `maybe_expr` feature, so `maybe` and `else` are ordinary atoms).
const RESERVED_WORDS: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
    "rem", "try", "when", "xor",
];

static TABLE: LazyLock<RwLock<AtomTable>> = LazyLock::new(|| RwLock::new(AtomTable::new()));

/// The most characters an atom may have, as on the BEAM.
pub const MAX_ATOM_CHARACTERS: usize = 255;

/// OTP's default atom table size (`erlang:system_info(atom_limit)`).
/// An atom costs this table about 50 bytes besides its text, so a full
/// table takes some 60 MB.
pub const DEFAULT_ATOM_LIMIT: usize = 1_048_576;

/// OTP refuses a `+t` below this.
pub const MIN_ATOM_LIMIT: usize = 8192;

static ATOM_LIMIT: AtomicUsize = AtomicUsize::new(DEFAULT_ATOM_LIMIT);

/// How many atoms the table may hold (see the module docs).
pub fn atom_limit() -> usize {
    ATOM_LIMIT.load(Ordering::Relaxed)
}

/// Sets [`atom_limit`] (the command line's `--atom-limit`, OTP's `+t`);
/// at least [`MIN_ATOM_LIMIT`].
pub fn set_atom_limit(limit: usize) {
    ATOM_LIMIT.store(limit.max(MIN_ATOM_LIMIT), Ordering::Relaxed);
}

/// How many atoms the table holds (`erlang:system_info(atom_count)`).
pub fn atom_count() -> usize {
    TABLE.read().expect("atom table").names.len()
}

/// Why [`Atom::try_new`] refused an atom: either way it is `system_limit`
/// to the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomError {
    /// More than [`MAX_ATOM_CHARACTERS`] characters.
    TooLong,
    /// The table holds [`atom_limit`] atoms already.
    TableFull,
}

impl fmt::Display for AtomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AtomError::TooLong => write!(
                f,
                "system_limit: an atom has at most {MAX_ATOM_CHARACTERS} characters"
            ),
            AtomError::TableFull => write!(
                f,
                "system_limit: the atom table is full ({} atoms; atoms are never freed)",
                atom_limit()
            ),
        }
    }
}

impl std::error::Error for AtomError {}

impl AtomTable {
    fn new() -> AtomTable {
        let mut table = AtomTable {
            index: HashMap::default(),
            names: Vec::new(),
        };
        for (i, name) in WELL_KNOWN.iter().enumerate() {
            table.index.insert(name, i as u32);
            table.names.push(name);
        }
        table
    }

    /// The index of `name`, added if it is new and the table holds fewer
    /// than `limit` atoms (no limit: `None`).
    fn intern(&mut self, name: &str, limit: Option<usize>) -> Result<u32, AtomError> {
        if let Some(&index) = self.index.get(name) {
            return Ok(index);
        }
        if limit.is_some_and(|limit| self.names.len() >= limit) {
            return Err(AtomError::TableFull);
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let index = self.names.len() as u32;
        self.names.push(leaked);
        self.index.insert(leaked, index);
        Ok(index)
    }
}

impl fmt::Display for Atom {
    /// Prints like Erlang: `normal`, `'EXIT'`, `'A-D'`, `'it\'s'`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        crate::runtime::term::print::write_atom(&mut out, *self);
        f.write_str(&out)
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
        assert_eq!(Atom::new("system_limit"), Atom::SYSTEM_LIMIT);
        assert_eq!(Atom::KILLED.name(), "killed");
    }

    #[test]
    fn a_full_table_refuses_new_atoms_but_finds_old_ones() {
        // A table of its own: the global one is shared by every test.
        let mut table = AtomTable::new();
        let base = table.names.len();
        let limit = base + 2;
        assert!(table.intern("first", Some(limit)).is_ok());
        let second = table.intern("second", Some(limit)).unwrap();
        assert_eq!(
            table.intern("third", Some(limit)),
            Err(AtomError::TableFull)
        );
        assert_eq!(table.intern("second", Some(limit)), Ok(second));
        assert_eq!(table.intern("normal", Some(limit)), Ok(0));
        // The runtime's own atoms are never refused.
        assert!(table.intern("third", None).is_ok());
        assert_eq!(table.names.len(), base + 3);
    }

    #[test]
    fn an_atom_has_at_most_255_characters() {
        let long = "é".repeat(MAX_ATOM_CHARACTERS + 1);
        assert_eq!(Atom::try_new(&long), Err(AtomError::TooLong));
        let longest = "é".repeat(MAX_ATOM_CHARACTERS);
        assert_eq!(Atom::try_new(&longest), Ok(Atom::new(&longest)));
        assert_eq!(Atom::try_new("normal"), Ok(Atom::NORMAL));
    }

    #[test]
    fn interning_is_stable() {
        let a = Atom::new("some_new_atom");
        assert_eq!(a, Atom::new("some_new_atom"));
        assert_ne!(a, Atom::new("another_atom"));
    }

    #[test]
    fn atoms_print_quoted_when_erlang_would() {
        for (name, printed) in [
            ("normal", "normal"),
            ("EXIT", "'EXIT'"),
            ("A-D", "'A-D'"),
            ("it's", "'it\\'s'"),
            ("node@host", "node@host"),
            ("div", "'div'"),
            ("and", "'and'"),
            ("maybe", "maybe"),
            ("else", "else"),
            ("cond", "'cond'"),
            ("ß", "ß"),
            ("aé", "aé"),
            ("a÷", "'a÷'"),
            ("λ", "'λ'"),
            ("", "''"),
            ("\n", "'\\n'"),
            ("a b", "'a b'"),
        ] {
            assert_eq!(Atom::new(name).to_string(), printed, "{name:?}");
        }
    }
}
