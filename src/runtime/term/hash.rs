//! Hashing consistent with `=:=`: equal terms hash alike. It keys the large
//! maps (`map.rs`) and gives `Term` its `Hash` for Rust collections.
//!
//! One running 64-bit state fed with a type tag and the contents of each
//! term met on an explicit stack, depth first, then a final mix so that
//! every bit of the result depends on every input (the map indexes on five
//! bits at a time). Integers have one form (`bignum.rs`), atoms one index,
//! and a map one layout for one set of keys (`map.rs`), so walking in
//! storage order is canonical. `0.0` and `-0.0` hash alike because they are
//! `=:=` in OTP 25.
//!
//! This is not erts's `make_internal_hash`; that is why maps of more than
//! 32 keys do not iterate (and print) in the BEAM's order (DESIGN.md).

use crate::runtime::term::fun::FunKind;
use crate::runtime::term::word::{Term, View};
use std::hash::{Hash, Hasher};

struct State(u64);

impl State {
    #[inline]
    fn word(&mut self, w: u64) {
        // FxHash's step: cheap, and the final mix makes up for its weakness.
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            self.word(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(last));
    }

    /// MurmurHash3's finaliser.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The hash of a term.
pub fn hash_term(t: &Term) -> u64 {
    let mut state = State(0x9e37_79b9_7f4a_7c15);
    let mut stack: Vec<&Term> = Vec::new();
    let mut next = Some(t);
    while let Some(t) = next.take().or_else(|| stack.pop()) {
        match t.view() {
            View::Int(n) => {
                state.word(1);
                state.word(n as u64);
            }
            View::Big(b) => {
                let (sign, words) = b.as_sign_words();
                state.word(2 + sign as u64);
                for w in words {
                    state.word(*w);
                }
            }
            View::Float(x) => {
                state.word(4);
                state.word(if x == 0.0 { 0 } else { x.to_bits() });
            }
            View::Atom(a) => {
                state.word(5);
                state.word(u64::from(a.index()));
            }
            View::Nil => state.word(6),
            View::Cons(h, tail) => {
                state.word(7);
                stack.push(tail);
                next = Some(h);
            }
            View::Tuple(items) => {
                state.word(8);
                state.word(items.len() as u64);
                stack.extend(items.iter().rev());
            }
            View::Map(m) => {
                state.word(9);
                state.word(m.len() as u64);
                let entries: Vec<(&Term, &Term)> = m.iter().collect();
                for (k, v) in entries.into_iter().rev() {
                    stack.push(v);
                    stack.push(k);
                }
            }
            View::Bits(b) => {
                state.word(10);
                state.word(b.bit_len() as u64);
                state.bytes(&b.to_padded_bytes());
            }
            View::Fun(f) => {
                state.word(11);
                state.word(u64::from(f.module().index()));
                match f.kind() {
                    FunKind::Local {
                        index, uniq, env, ..
                    } => {
                        state.word(u64::from(*index));
                        state.word(u64::from(*uniq));
                        state.word(env.len() as u64);
                        stack.extend(env.iter().rev());
                    }
                    FunKind::External { function, arity } => {
                        state.word(u64::from(function.index()) | (u64::from(*arity) << 32));
                    }
                }
            }
            View::Pid(p) => {
                state.word(12);
                state.word(p.number());
            }
            View::Ref(r) => {
                state.word(13);
                state.word(r.number());
            }
        }
    }
    state.finish()
}

impl Hash for Term {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u64(hash_term(self));
    }
}
