//! The virtual machine: the interpreter loop ([`interpreter`]), the
//! built-in functions ([`bifs`]), Erlang's meaning of operations on terms
//! ([`terms`]), pattern matching and guards ([`matching`]), and the exit
//! reasons of runtime errors ([`errors`]); maps ([`maps`], and the
//! `maps` module's BIFs in [`bifs_maps`]).

pub mod bifs;
pub mod bifs_maps;
pub mod errors;
pub mod interpreter;
pub mod maps;
pub mod matching;
pub mod terms;
