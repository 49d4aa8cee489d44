//! The virtual machine: the interpreter loop ([`interpreter`]), the
//! built-in functions ([`bifs`], those of the `maps` module in
//! [`bifs_maps`], those on binaries and integers in [`bifs_binary`], and
//! the process dictionary, clocks, tuples and `math` in [`bifs_system`],
//! `supervisor:start_link` with a callback module in [`bifs_supervisor`]),
//! Erlang's meaning of operations on terms ([`terms`]), pattern matching
//! and guards ([`matching`]), maps ([`maps`]), the bit syntax ([`bits`]),
//! and the exit reasons of runtime errors ([`errors`]).

pub mod bifs;
pub mod bifs_binary;
pub mod bifs_elixir;
pub mod bifs_maps;
pub mod bifs_supervisor;
pub mod bifs_system;
pub mod bits;
pub mod errors;
pub mod float_text;
pub mod format;
pub mod interpreter;
pub mod maps;
pub mod matching;
pub mod terms;
