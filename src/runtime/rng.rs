//! The one small random number generator of the playground: xorshift64*.
//!
//! Wherever letitcrash chooses at random it must choose the same way again
//! from the same seed: the deterministic scheduler's order (a script and a
//! seed give byte-identical output), a `crasher(0.3)`'s dice (seeded by
//! its pid), and the fuzz and property tests (a failure reproduces from its
//! seed). None of it needs cryptographic quality; all of it needs to be
//! tiny, fast and the same on every machine.

/// xorshift64* (Vigna): a 64-bit state, three shifts and a multiply.
#[derive(Clone, Debug)]
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> XorShift {
        // Zero is a fixed point of xorshift; any other start will do.
        XorShift(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One of `items`, which must not be empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
