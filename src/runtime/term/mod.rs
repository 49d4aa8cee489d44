//! Erlang terms for letitcrash: shared immutable values, cons cells,
//! bignums, maps, binaries and funs, ordered, compared and printed exactly
//! as OTP 25 does, and never recursing on a term's depth.
//!
//! A [`Term`] is one 64-bit word: small integers, atoms, `[]`, pids and
//! references inside it, everything else behind a pointer to an immutable
//! node with an atomic reference count (`word.rs`; DESIGN.md has the
//! measurements that chose this layout). Cloning a term, binding it,
//! sending it to another process and keeping it in a mailbox cost O(1)
//! whatever its size.
//!
//! | module | what |
//! |---|---|
//! | `word` | the word, the nodes, `View`, clone and drop (the only `unsafe`) |
//! | `cons` | lists, improper lists, strings as lists of codes |
//! | `convert` | the runtime's helpers: tagged tuples, `ok`/`error`, iolists, text |
//! | `bignum` | integers of any size, floats, conversions |
//! | `arith` | `+ - * / div rem band bor bxor bnot bsl bsr` with Erlang's errors |
//! | `map` | flat maps up to 32 keys, a persistent hash trie above |
//! | `binary` | binaries and bitstrings, sub-binaries, appending in place |
//! | `fun` | funs that compare by code and captured values |
//! | `order` | `==`, `=:=` and the term order |
//! | `hash` | hashing consistent with `=:=` |
//! | `print` | `~p`, `~w`, `~P`, `~W` on one line |
//! | `elixir`, `elixir_text` | Elixir's `inspect/2`: `{:ok, 1}`, `%{a: 1}`, `#PID<0.5.0>` |
//! | `size` | the bytes a set of terms reaches: a process's heap, measured |
//! | `struct_layout` | a struct's fields in its module's order, for `inspect` |
//! | `atom`, `ids` | atoms, pids, references |

pub mod arith;
pub mod atom;
pub mod bignum;
pub mod binary;
pub mod cons;
pub mod convert;
pub mod elixir;
pub mod elixir_pretty;
pub mod elixir_text;
pub mod fun;
pub mod hash;
pub mod ids;
pub mod map;
pub mod order;
pub mod phash;
pub mod pretty;
pub mod print;
pub mod size;
pub mod struct_layout;
// `word.rs` holds the crate's only unsafe code (a tagged word is a
// pointer); `#![deny(unsafe_code)]` in lib.rs keeps it that way.
#[allow(unsafe_code)]
pub mod word;

#[cfg(test)]
mod tests;

pub use arith::ArithError;
pub use atom::{Atom, AtomError};
pub use bignum::Int;
pub use binary::Bitstring;
pub use dashu_int::IBig;
pub use fun::{Fun, FunKind};
pub use ids::{Pid, Ref};
pub use map::Map;
pub use pretty::Pretty;
pub use print::Style;
pub use word::{Term, Type, View};
