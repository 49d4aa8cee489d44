//! Binaries and bitstrings: shared bytes, sub-binaries that are slices of
//! them, and appending in place when nobody else can see.
//!
//! A [`Bitstring`] is a window `[start, start + len)`, in bits, on a shared
//! byte buffer (`Arc<Vec<u8>>`, bits numbered from the most significant bit
//! of byte 0, as Erlang's bit syntax numbers them). So:
//!
//! * `<<B:8, Rest/binary>>` makes `Rest` a window on the same buffer: O(1),
//!   no copy (the BEAM's sub-binary). A VM that owns the matched binary
//!   alone can even move its window forward in place ([`Term::bits_advance`]),
//!   as the BEAM's match context does.
//! * `<<Acc/binary, X>>` with `Acc` held once (and its buffer seen by no
//!   other binary) writes `X` at the end of the buffer: amortised O(1), as
//!   the BEAM's writable binaries. Otherwise it copies into a new buffer
//!   with room to grow, so a loop that appends pays the copy once.
//! * A binary is a bitstring whose length is a multiple of 8.
//!
//! Comparison is bit by bit, a proper prefix first (`<<1>> < <<1,0>>`).

use crate::runtime::term::word::Term;
use std::cmp::Ordering;
// triomphe's Arc has no weak count: `get_mut`/`make_mut` are one load,
// where std's take two atomic read-modify-writes (measured: DESIGN.md).
use triomphe::Arc;

#[derive(Clone)]
pub struct Bitstring {
    buf: Arc<Vec<u8>>,
    /// Offset of the first bit in `buf`.
    start: usize,
    /// Length in bits.
    len: usize,
}

impl Default for Bitstring {
    fn default() -> Bitstring {
        Bitstring::from_vec(Vec::new())
    }
}

impl Bitstring {
    pub fn from_bytes(bytes: &[u8]) -> Bitstring {
        Bitstring::from_vec(bytes.to_vec())
    }

    pub fn from_vec(bytes: Vec<u8>) -> Bitstring {
        let len = bytes.len() * 8;
        Bitstring {
            buf: Arc::new(bytes),
            start: 0,
            len,
        }
    }

    /// The first `bits` bits of `bytes` (`bits <= 8 * bytes.len()`).
    pub fn from_bits(bytes: Vec<u8>, bits: usize) -> Bitstring {
        assert!(bits <= bytes.len() * 8);
        Bitstring {
            buf: Arc::new(bytes),
            start: 0,
            len: bits,
        }
    }

    pub fn bit_len(&self) -> usize {
        self.len
    }

    /// `byte_size/1`: whole bytes, rounded up for a bitstring.
    pub fn byte_len(&self) -> usize {
        self.len.div_ceil(8)
    }

    /// Whether it is a binary (a whole number of bytes).
    pub fn is_binary(&self) -> bool {
        self.len.is_multiple_of(8)
    }

    /// The bytes, without a copy, when the window is byte-aligned and a
    /// whole number of bytes (always, for binaries built by appending
    /// bytes and matched byte by byte).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        (self.start.is_multiple_of(8) && self.len.is_multiple_of(8))
            .then(|| &self.buf[self.start / 8..(self.start + self.len) / 8])
    }

    /// The bits as bytes, the last one padded with zero bits.
    pub fn to_padded_bytes(&self) -> Vec<u8> {
        if let Some(bytes) = self.as_bytes() {
            return bytes.to_vec();
        }
        let mut out = Vec::with_capacity(self.byte_len());
        let mut at = 0;
        while at < self.len {
            let n = (self.len - at).min(8);
            out.push((self.read(at, n) << (8 - n)) as u8);
            at += n;
        }
        out
    }

    /// The `n` bits (n ≤ 64) at bit offset `at` of this window, as an
    /// unsigned big-endian number.
    pub fn read(&self, at: usize, n: usize) -> u64 {
        assert!(n <= 64 && at + n <= self.len, "read within the window");
        let mut value: u64 = 0;
        let mut pos = self.start + at;
        let mut left = n;
        while left > 0 {
            let byte = self.buf[pos / 8];
            let offset = pos % 8;
            let take = (8 - offset).min(left);
            let bits = (byte >> (8 - offset - take)) & ((1u16 << take) - 1) as u8;
            value = (value << take) | u64::from(bits);
            pos += take;
            left -= take;
        }
        value
    }

    /// The window `[at, at + n)` of this one: O(1), sharing the buffer.
    pub fn slice(&self, at: usize, n: usize) -> Option<Bitstring> {
        (at + n <= self.len).then(|| Bitstring {
            buf: self.buf.clone(),
            start: self.start + at,
            len: n,
        })
    }

    /// The buffer's address and the bytes it holds (its capacity): what a
    /// heap measurement counts, once per buffer however many bitstrings
    /// share it (`size.rs`).
    pub(crate) fn buffer(&self) -> (usize, usize) {
        (Arc::as_ptr(&self.buf) as usize, self.buf.capacity())
    }

    /// Whether no other bitstring shares this one's buffer.
    pub(crate) fn owns_buffer(&self) -> bool {
        self.buf.is_unique()
    }

    /// Drops the first `n` bits from the window, in place.
    pub fn advance(&mut self, n: usize) -> bool {
        if n > self.len {
            return false;
        }
        self.start += n;
        self.len -= n;
        true
    }

    /// Makes the buffer ours to append to, with its bit length exactly this
    /// window's end: the shared buffer itself when no other bitstring holds
    /// it (the bytes past our end belong to no one), else a copy of the
    /// window with room to grow.
    fn make_writable(&mut self) {
        let end = self.start + self.len;
        match Arc::get_mut(&mut self.buf) {
            Some(buf) => {
                buf.truncate(end.div_ceil(8));
                if !end.is_multiple_of(8) {
                    let last = buf.last_mut().expect("a partial byte");
                    *last &= !(0xffu8 >> (end % 8));
                }
            }
            None => {
                let mut copy = Vec::with_capacity((self.byte_len() * 2).max(64));
                copy.extend_from_slice(&self.to_padded_bytes());
                self.buf = Arc::new(copy);
                self.start = 0;
            }
        }
    }

    /// Appends the low `n` bits of `value` (n ≤ 64), big-endian.
    pub fn push_bits(&mut self, value: u64, n: usize) {
        assert!(n <= 64);
        if n == 0 {
            return;
        }
        self.make_writable();
        let mut end = self.start + self.len;
        let buf = Arc::get_mut(&mut self.buf).expect("made writable");
        if n.is_multiple_of(8) && end.is_multiple_of(8) {
            // Whole bytes at a byte boundary (`<<Acc/binary, X>>`).
            buf.extend_from_slice(&value.to_be_bytes()[8 - n / 8..]);
            self.len += n;
            return;
        }
        let mut left = n;
        while left > 0 {
            let offset = end % 8;
            if offset == 0 {
                buf.push(0);
            }
            let room = 8 - offset;
            let take = room.min(left);
            let bits = ((value >> (left - take)) & ((1u16 << take) - 1) as u64) as u8;
            let last = buf.last_mut().expect("a byte to write in");
            *last |= bits << (room - take);
            end += take;
            left -= take;
        }
        self.len += n;
    }

    /// Appends bytes.
    pub fn push_bytes(&mut self, bytes: &[u8]) {
        if (self.start + self.len).is_multiple_of(8) {
            self.make_writable();
            Arc::get_mut(&mut self.buf)
                .expect("made writable")
                .extend_from_slice(bytes);
            self.len += bytes.len() * 8;
        } else {
            for &b in bytes {
                self.push_bits(u64::from(b), 8);
            }
        }
    }

    /// Appends another bitstring.
    pub fn push_bitstring(&mut self, other: &Bitstring) {
        if let Some(bytes) = other.as_bytes() {
            self.push_bytes(bytes);
            return;
        }
        let mut at = 0;
        while at < other.len {
            let n = (other.len - at).min(64);
            self.push_bits(other.read(at, n), n);
            at += n;
        }
    }

    /// Erlang's order on bitstrings: bit by bit, a proper prefix first.
    pub fn cmp_bits(&self, other: &Bitstring) -> Ordering {
        if let (Some(a), Some(b)) = (self.as_bytes(), other.as_bytes()) {
            return a.cmp(b);
        }
        let common = self.len.min(other.len);
        let mut at = 0;
        while at < common {
            let n = (common - at).min(64);
            match self.read(at, n).cmp(&other.read(at, n)) {
                Ordering::Equal => at += n,
                order => return order,
            }
        }
        self.len.cmp(&other.len)
    }
}

/// Counts what an append in place allocated (see "Counting" in
/// `word.rs`): the growth of the buffer, or all of a new one.
fn note_growth(before: (usize, usize), after: (usize, usize)) {
    let grown = if before.0 == after.0 {
        after.1.saturating_sub(before.1)
    } else {
        after.1
    };
    if grown > 0 {
        crate::runtime::term::word::note_allocated(grown);
    }
}

impl std::fmt::Debug for Bitstring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Term::bits(self.clone()).to_string())
    }
}

impl Term {
    /// The binary of these bytes.
    pub fn binary(bytes: &[u8]) -> Term {
        Term::new_bits(Bitstring::from_bytes(bytes))
    }

    /// A binary or bitstring.
    pub fn bits(b: Bitstring) -> Term {
        Term::new_bits(b)
    }

    /// `<<Self/bits, Tail/bits>>`: in place when this term holds the
    /// binary's only reference (and its buffer is not shared), else a copy
    /// with room to grow. `Err` gives back a term that is not a bitstring.
    pub fn bits_append(mut self, tail: &Bitstring) -> Result<Term, Term> {
        if let Some(b) = self.bits_mut() {
            let before = b.buffer();
            b.push_bitstring(tail);
            note_growth(before, b.buffer());
            return Ok(self);
        }
        let Some(b) = self.as_bits() else {
            return Err(self);
        };
        let mut b = b.clone();
        b.push_bitstring(tail);
        Ok(Term::new_bits(b))
    }

    /// `<<Self/bits, Value:N>>` (an integer segment), as [`Term::bits_append`].
    pub fn bits_push(mut self, value: u64, n: usize) -> Result<Term, Term> {
        if let Some(b) = self.bits_mut() {
            let before = b.buffer();
            b.push_bits(value, n);
            note_growth(before, b.buffer());
            return Ok(self);
        }
        let Some(b) = self.as_bits() else {
            return Err(self);
        };
        let mut b = b.clone();
        b.push_bits(value, n);
        Ok(Term::new_bits(b))
    }

    /// The rest of a bitstring after its first `n` bits (`<<_:N, Rest/bits>>`):
    /// the same node moved forward when held once, a new window on the same
    /// buffer otherwise. `None` if it is not a bitstring of at least `n` bits.
    pub fn bits_advance(mut self, n: usize) -> Option<Term> {
        if let Some(b) = self.bits_mut() {
            return b.advance(n).then_some(self);
        }
        let b = self.as_bits()?;
        Some(Term::new_bits(b.slice(n, b.bit_len().checked_sub(n)?)?))
    }

    /// The bytes of a binary, if this is one whose bytes can be borrowed.
    pub fn as_binary_bytes(&self) -> Option<&[u8]> {
        self.as_bits()?.as_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_are_read_and_written_big_endian() {
        let mut b = Bitstring::default();
        b.push_bits(0b101, 3);
        b.push_bits(0xff, 8);
        b.push_bits(1, 1);
        assert_eq!(b.bit_len(), 12);
        assert_eq!(b.read(0, 3), 0b101);
        assert_eq!(b.read(3, 8), 0xff);
        assert_eq!(b.read(11, 1), 1);
        assert_eq!(b.to_padded_bytes(), vec![0b1011_1111, 0b1111_0000]);
        let s = b.slice(3, 8).unwrap();
        assert_eq!(s.to_padded_bytes(), vec![0xff]);
        assert!(s.as_bytes().is_none(), "not byte-aligned in the buffer");
        assert_eq!(Term::bits(s), Term::binary(&[0xff]));
    }

    #[test]
    fn appending_to_a_binary_held_once_does_not_copy() {
        let mut acc = Term::binary(&[]);
        for i in 0..10_000u64 {
            acc = acc.bits_push(i & 0xff, 8).unwrap();
        }
        let bytes = acc.as_binary_bytes().unwrap();
        assert_eq!(bytes.len(), 10_000);
        assert_eq!(bytes[258], 2);
        // A shared accumulator is copied, and the old value stays as it was.
        let keep = acc.clone();
        let grown = acc.bits_push(7, 8).unwrap();
        assert_eq!(keep.as_binary_bytes().unwrap().len(), 10_000);
        assert_eq!(grown.as_binary_bytes().unwrap().len(), 10_001);
        // A sub-binary of a shared buffer, appended to, leaves the buffer alone.
        let sub = Term::bits(keep.as_bits().unwrap().slice(0, 16).unwrap());
        let sub2 = sub.bits_push(9, 8).unwrap();
        assert_eq!(sub2.as_binary_bytes().unwrap(), &[0, 1, 9]);
        assert_eq!(keep.as_binary_bytes().unwrap()[2], 2);
    }

    #[test]
    fn walking_a_binary_held_once_moves_its_window() {
        let mut b = Term::binary(&[1, 2, 3]);
        let mut sum = 0;
        while let Some(bits) = b.as_bits().filter(|b| b.bit_len() >= 8) {
            sum += bits.read(0, 8);
            b = b.bits_advance(8).unwrap();
        }
        assert_eq!(sum, 6);
        assert_eq!(b, Term::binary(&[]));
    }

    #[test]
    fn bitstrings_compare_bit_by_bit() {
        let b = |bytes: &[u8]| Bitstring::from_bytes(bytes);
        assert_eq!(b(&[1]).cmp_bits(&b(&[1, 0])), Ordering::Less);
        assert_eq!(b(&[2]).cmp_bits(&b(&[1, 0])), Ordering::Greater);
        let three = Bitstring::from_bits(vec![0b1110_0000], 3);
        assert_eq!(three.cmp_bits(&b(&[0xe0])), Ordering::Less);
        assert_eq!(three.cmp_bits(&b(&[0xc0])), Ordering::Greater);
    }
}
