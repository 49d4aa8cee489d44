//! The virtual machine: the interpreter loop ([`interpreter`]), the
//! built-in functions ([`bifs`], those of the `maps` module in
//! [`bifs_maps`], and those on binaries and integers in [`bifs_binary`]),
//! Erlang's meaning of operations on terms ([`terms`]), pattern matching
//! and guards ([`matching`]), maps ([`maps`]), the bit syntax ([`bits`]),
//! and the exit reasons of runtime errors ([`errors`]).

pub mod bifs;
pub mod bifs_binary;
pub mod bifs_maps;
pub mod bits;
pub mod errors;
pub mod format;
pub mod interpreter;
pub mod maps;
pub mod matching;
pub mod terms;
