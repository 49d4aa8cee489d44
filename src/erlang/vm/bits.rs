//! The bit syntax at run time: building a binary (OTP 25's
//! `bs_create_bin`) and matching one (`bs_start_match4`, `bs_get_integer2`,
//! `bs_get_float2`, `bs_get_binary2`, `bs_get_utf8`/`16`/`32`,
//! `bs_skip_bits2`, `bs_match_string`, `bs_test_tail2`, `bs_test_unit`,
//! `bs_get_tail`), over the term core's bitstrings
//! (`runtime/term/binary.rs`: a window in bits on a shared byte buffer).
//!
//! **Building.** The compiler puts every segment's value and size in
//! registers and hands the instruction a list of [`BsSegment`]s; each is
//! encoded in order into one bitstring: integers in two's complement,
//! truncated to the segment's size, big- or little-endian (a
//! little-endian field of 12 bits is its low byte, then its top 4 bits,
//! as the BEAM lays it out); floats of 16, 32 or 64 bits (IEEE 754, a
//! value past the format's range is an infinity, as the BEAM writes it);
//! bitstrings as they are, or their first `Size * Unit` bits; characters
//! as UTF-8, UTF-16 or UTF-32. A failure is `badarg` (`system_limit` for
//! a size past any memory), with the failing segment in the stack frame's
//! `error_info`, exactly as erts reports it: `#{cause => {2, integer,
//! type, a}, function => format_bs_fail, module => erl_erts_errors}`.
//!
//! A first segment `Acc/binary` whose variable dies there is
//! [`BsValue::Take`]n from its register: when that binary is held once
//! (and its buffer by no other binary) the rest is appended to it in
//! place, as erts's `bs_append` appends to a writable binary, so
//! `<<Acc/binary, X>>` in a loop is amortised O(1) per step.
//!
//! **Matching.** A match position is a small integer in a register (the
//! bits read so far); each instruction reads at it and moves it on. The
//! rest of a binary (`Rest/binary` at the end) is a window on the same
//! buffer, and when the matched binary dies with the match
//! ([`bs_get_tail`]'s `take`) the binary's own window is moved forward
//! instead: walking `<<B, Rest/binary>>` in a loop allocates nothing,
//! as the BEAM's reused match context. Binary patterns nested in other
//! patterns (and in `receive`) are matched by [`match_segments`], the
//! same reads without the instructions.

use super::errors::Raise;
use super::matching::{self, match_pat};
use crate::erlang::bitsyntax::{Resolved, SegType};
use crate::erlang::module::{GExpr, Pat};
use crate::erlang::opcodes::Reg;
use crate::runtime::term::arith;
use crate::runtime::term::{Bitstring, IBig, Int};
use crate::runtime::{Process, Term};

/// The largest binary the playground builds, in bits (1 GiB): past it a
/// construction is `system_limit`. (The BEAM would try to allocate it and
/// stop the node when it cannot.)
pub const MAX_BITS: u64 = 1 << 33;

/// A segment's value in a construction.
#[derive(Clone, Debug, PartialEq)]
pub enum BsValue {
    Reg(Reg),
    /// `Acc/binary` first, whose register dies here: taken, not cloned,
    /// so that a binary held once is appended to in place.
    Take(Reg),
    Lit(Term),
    /// A string literal: each character a segment of this type and size.
    Str(Box<[u32]>),
}

/// A segment's size.
#[derive(Clone, Debug, PartialEq)]
pub enum BsSize {
    /// None written: the type's own (8, 64, the whole binary, a
    /// character's).
    Default,
    /// A literal (any term: `X:a` is a run-time error, as on the BEAM).
    Lit(Term),
    Reg(Reg),
    /// A pattern's size expression (`X:(N * 8)`), a guard expression.
    Expr(Box<GExpr>),
}

/// One segment of `<<...>>` being built.
#[derive(Clone, Debug, PartialEq)]
pub struct BsSegment {
    pub value: BsValue,
    pub size: BsSize,
    pub spec: Resolved,
    /// Its number in the source (from 1), for the error's cause.
    pub number: u16,
}

/// One segment of a pattern read: its size and type, and the pattern its
/// value must match (`Bind`, `Same`, a literal, or `Any` to skip it).
#[derive(Clone, Debug, PartialEq)]
pub struct BsGet {
    pub size: BsSize,
    pub spec: Resolved,
    pub to: Pat,
}

/// A segment of a binary pattern matched by [`match_segments`].
#[derive(Clone, Debug, PartialEq)]
pub enum BsPatSeg {
    Get(BsGet),
    /// Exactly these bits, a bitstring constant (a string or a literal).
    String(Term),
}

// ---------------------------------------------------------------------
// Building.

/// Why a segment cannot be built, as erts's `format_bs_fail` names it.
struct Fail {
    what: &'static str,
    value: Term,
    limit: bool,
}

fn fail(what: &'static str, value: &Term) -> Fail {
    Fail {
        what,
        value: value.clone(),
        limit: false,
    }
}

/// `badarg` (or `system_limit`) for segment `number`, with the cause in
/// the frame's `error_info`, as OTP 25 reports a failed construction.
fn construction_error(number: u16, ty: SegType, f: Fail) -> Raise {
    let reason = if f.limit { "system_limit" } else { "badarg" };
    let mut raise = Raise::error(Term::atom(reason));
    raise.error_info = Some(Term::map([
        (
            Term::atom("cause"),
            Term::tuple([
                Term::int(i64::from(number)),
                Term::atom(ty.name()),
                Term::atom(f.what),
                f.value,
            ]),
        ),
        (Term::atom("function"), Term::atom("format_bs_fail")),
        (Term::atom("module"), Term::atom("erl_erts_errors")),
    ]));
    raise
}

/// The bitstring being built: nothing yet, a fresh one, or a taken `Acc`
/// appended to in place while it is held once.
enum Builder {
    Empty,
    Fresh(Bitstring),
    Taken(Term),
}

impl Builder {
    /// `Acc`, taken from its register: appended to in place if it is held
    /// once (it stays so while it is built: nobody else can see it);
    /// otherwise its window is cloned, and the first push copies the bytes
    /// once, into a buffer with room to grow.
    fn taken(acc: Term) -> Builder {
        if acc.is_unique() {
            Builder::Taken(acc)
        } else {
            Builder::Fresh(acc.as_bits().expect("a bitstring").clone())
        }
    }

    fn target(&mut self) -> &mut Bitstring {
        if let Builder::Empty = self {
            *self = Builder::Fresh(Bitstring::default());
        }
        match self {
            Builder::Fresh(b) => b,
            Builder::Taken(t) => t.bits_mut().expect("held once"),
            Builder::Empty => unreachable!("made above"),
        }
    }

    fn finish(self) -> Term {
        match self {
            Builder::Empty => Term::binary(&[]),
            Builder::Fresh(b) => Term::bits(b),
            Builder::Taken(t) => t,
        }
    }
}

/// `bs_create_bin`: the binary of `segments`, whose values and sizes are
/// in `regs` (the current window).
pub fn create(segments: &[BsSegment], regs: &mut [Term], process: &Process) -> Result<Term, Raise> {
    let mut builder = Builder::Empty;
    for (i, segment) in segments.iter().enumerate() {
        let spec = segment.spec;
        // OTP's compiler spreads a string with a size known only at run
        // time into a segment per character, and names those segment 0.
        let number = match segment.value {
            BsValue::Str(_) => 0,
            _ => segment.number,
        };
        let error = |f: Fail| construction_error(number, spec.ty, f);
        if let (0, BsValue::Take(r)) = (i, &segment.value) {
            let acc = std::mem::take(&mut regs[usize::from(*r)]);
            match acc.as_bits() {
                Some(b) if multiple_of(b.bit_len(), spec.unit) => {}
                Some(_) => return Err(error(fail("unit", &acc))),
                None => return Err(error(fail("type", &acc))),
            }
            builder = Builder::taken(acc);
            continue;
        }
        let bits = match segment_bits(segment, regs, process) {
            Ok(bits) => bits,
            Err(f) => return Err(error(f)),
        };
        // The usual segment, a byte (`<<Acc/binary, X>>`): straight in.
        if let (BsValue::Reg(r), SegType::Integer, Some(8)) = (&segment.value, spec.ty, bits)
            && let Some(byte) = regs[usize::from(*r)].as_small()
        {
            builder.target().push_bits(byte as u64 & 0xff, 8);
            continue;
        }
        let value = match &segment.value {
            BsValue::Reg(r) | BsValue::Take(r) => regs[usize::from(*r)].clone(),
            BsValue::Lit(t) => t.clone(),
            BsValue::Str(chars) => {
                for &c in chars.iter() {
                    encode(builder.target(), &Term::int(i64::from(c)), spec, bits)
                        .map_err(error)?;
                }
                continue;
            }
        };
        encode(builder.target(), &value, spec, bits).map_err(error)?;
    }
    Ok(builder.finish())
}

/// A construction segment's size in bits: `None` for "all of the value"
/// and for a character.
fn segment_bits(
    segment: &BsSegment,
    regs: &[Term],
    process: &Process,
) -> Result<Option<u64>, Fail> {
    let size = match &segment.size {
        BsSize::Default => return Ok(segment.spec.default_size.map(u64::from)),
        BsSize::Lit(t) => t.clone(),
        BsSize::Reg(r) => regs[usize::from(*r)].clone(),
        BsSize::Expr(e) => matching::eval_size(e, regs, Some(process))
            .ok_or_else(|| fail("size", &Term::atom("badarg")))?,
    };
    let too_big = |size: &Term| Fail {
        what: "size",
        value: size.clone(),
        limit: true,
    };
    match size.as_integer() {
        Some(Int::Small(n)) if n >= 0 => {
            let bits = (n as u64)
                .checked_mul(u64::from(segment.spec.unit))
                .filter(|b| *b <= MAX_BITS)
                .ok_or_else(|| too_big(&size))?;
            Ok(Some(bits))
        }
        Some(Int::Big(b)) if b.sign() == dashu_int::Sign::Positive => Err(too_big(&size)),
        _ => Err(fail("size", &size)),
    }
}

/// Appends `value` as one segment of `spec`, `bits` long (`None`: all of
/// a bitstring, or a character's own length).
fn encode(
    out: &mut Bitstring,
    value: &Term,
    spec: Resolved,
    bits: Option<u64>,
) -> Result<(), Fail> {
    match spec.ty {
        SegType::Integer => {
            let n = bits.expect("an integer has a size") as usize;
            let i = value.as_integer().ok_or_else(|| fail("type", value))?;
            push_int(out, i, n, spec.little);
        }
        SegType::Float => {
            let n = bits.expect("a float has a size");
            if !matches!(n, 16 | 32 | 64) {
                return Err(fail("invalid", &Term::int(n as i64)));
            }
            let x = match value.as_integer() {
                Some(i) => i.to_f64().ok_or_else(|| fail("no_float", value))?,
                None => value.as_float().ok_or_else(|| fail("type", value))?,
            };
            let (word, n) = match n {
                64 => (x.to_bits(), 64),
                // `as f32` rounds to nearest and overflows to infinity, as
                // erts writes a float too large for 32 bits.
                32 => (u64::from((x as f32).to_bits()), 32),
                _ => (u64::from(f64_to_f16(x)), 16),
            };
            push_word(out, word, n, spec.little);
        }
        SegType::Binary => {
            let b = value.as_bits().ok_or_else(|| fail("type", value))?;
            match bits {
                None => {
                    if !multiple_of(b.bit_len(), spec.unit) {
                        return Err(fail("unit", value));
                    }
                    out.push_bitstring(b);
                }
                Some(n) => {
                    let n = n as usize;
                    if n > b.bit_len() {
                        return Err(fail("short", value));
                    }
                    match b.slice(0, n) {
                        Some(part) => out.push_bitstring(&part),
                        None => return Err(fail("short", value)),
                    }
                }
            }
        }
        SegType::Utf8 | SegType::Utf16 | SegType::Utf32 => {
            let c = value
                .as_small()
                .and_then(|c| u32::try_from(c).ok())
                .and_then(char::from_u32)
                .ok_or_else(|| fail("type", value))?;
            match spec.ty {
                SegType::Utf8 => {
                    let mut buf = [0u8; 4];
                    out.push_bytes(c.encode_utf8(&mut buf).as_bytes());
                }
                SegType::Utf16 => {
                    let mut buf = [0u16; 2];
                    for &unit in c.encode_utf16(&mut buf).iter() {
                        push_word(out, u64::from(unit), 16, spec.little);
                    }
                }
                _ => push_word(out, u64::from(c), 32, spec.little),
            }
        }
    }
    Ok(())
}

/// The low `n` bits (n ≤ 64) of `word`, big- or little-endian.
fn push_word(out: &mut Bitstring, word: u64, n: usize, little: bool) {
    if !little || n <= 8 {
        out.push_bits(word, n);
        return;
    }
    // Little-endian: the low bytes first, then the top `n % 8` bits.
    let bytes = word.to_le_bytes();
    out.push_bytes(&bytes[..n / 8]);
    if !n.is_multiple_of(8) {
        out.push_bits(u64::from(bytes[n / 8]), n % 8);
    }
}

/// An integer in `n` bits, two's complement, truncated.
fn push_int(out: &mut Bitstring, i: Int<'_>, n: usize, little: bool) {
    if n == 0 {
        return;
    }
    if let (Int::Small(v), true) = (i, n <= 64) {
        // The low 64 bits of an i64 are its two's complement at any width.
        let word = if n == 64 {
            v as u64
        } else {
            (v as u64) & ((1u64 << n) - 1)
        };
        return push_word(out, word, n, little);
    }
    // Any size: the little-endian two's complement bytes, sign-extended
    // or cut to the field.
    let big = i.to_ibig();
    let mut le = big.to_le_bytes().into_vec();
    let fill = if big.sign() == dashu_int::Sign::Negative {
        0xff
    } else {
        0
    };
    le.resize(n.div_ceil(8), fill);
    let partial = n % 8;
    if partial != 0 {
        let last = le.len() - 1;
        le[last] &= (1u8 << partial) - 1;
    }
    if little {
        out.push_bytes(&le[..n / 8]);
        if partial != 0 {
            out.push_bits(u64::from(le[n / 8]), partial);
        }
    } else {
        le.reverse();
        if partial != 0 {
            out.push_bits(u64::from(le[0]), partial);
            out.push_bytes(&le[1..]);
        } else {
            out.push_bytes(&le);
        }
    }
}

/// An `f64` as IEEE 754 half precision, rounded to nearest (ties to even),
/// an infinity past 65504, as erts writes a 16-bit float.
pub fn f64_to_f16(x: f64) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1 << 52) - 1);
    let round = |m: u64, shift: u32| -> u64 {
        if shift >= 64 {
            return 0;
        }
        let q = m >> shift;
        let r = m & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if r > half || (r == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    let e = exponent - 1023 + 15;
    if exponent == 0 {
        return sign; // zero or an f64 subnormal: far below f16's range
    }
    if e >= 31 {
        return sign | 0x7c00;
    }
    if e <= 0 {
        // Subnormal in f16: the value is m · 2^(exponent − 1075), and an
        // f16 subnormal is k · 2^−24.
        let m = mantissa | (1 << 52);
        let shift = (1051 - exponent) as u32;
        return sign | round(m, shift) as u16;
    }
    let mut m = round(mantissa, 42);
    let mut e = e as u64;
    if m == 0x400 {
        m = 0;
        e += 1;
    }
    if e >= 31 {
        return sign | 0x7c00;
    }
    sign | (e << 10) as u16 | m as u16
}

/// A half-precision float's value; `None` for an infinity or a NaN.
pub fn f16_to_f64(h: u16) -> Option<f64> {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let m = f64::from(h & 0x3ff);
    match e {
        0 => Some(sign * m * 2f64.powi(-24)),
        31 => None,
        _ => Some(sign * (1024.0 + m) * 2f64.powi(e - 25)),
    }
}

// ---------------------------------------------------------------------
// Matching.

/// The bitstring in `x[src]` and the match position in `x[pos]`.
fn at(regs: &[Term], src: Reg, pos: Reg) -> (&Bitstring, usize) {
    let b = regs[usize::from(src)]
        .as_bits()
        .expect("bs_start_match checked it");
    let p = regs[usize::from(pos)].as_small().unwrap_or(0) as usize;
    (b, p)
}

/// `bs_start_match4`: whether `x[src]` is a bitstring; the position starts
/// at 0.
pub fn start(regs: &mut [Term], src: Reg, pos: Reg) -> bool {
    if regs[usize::from(src)].as_bits().is_none() {
        return false;
    }
    regs[usize::from(pos)] = small(0);
    true
}

/// `bs_get_*`, `bs_skip_bits2`: reads one segment at the position and
/// matches it against `get.to`. `start`: this is the pattern's first
/// segment, and the instruction is `bs_start_match4` too (whether `x[src]`
/// is a bitstring; the position is 0).
pub fn get(
    get: &BsGet,
    regs: &mut [Term],
    src: Reg,
    pos: Reg,
    start: bool,
    process: Option<&Process>,
) -> bool {
    let (b, p) = if start {
        match regs[usize::from(src)].as_bits() {
            Some(b) => (b, 0),
            None => return false,
        }
    } else {
        at(regs, src, pos)
    };
    let Some(bits) = pattern_bits(get, regs, process) else {
        return false;
    };
    let spec = get.spec;
    if let (SegType::Integer, false, false, Some(n), Pat::Bind(dst)) =
        (spec.ty, spec.signed, spec.little, bits, &get.to)
        && n <= 56
        && (p | n).is_multiple_of(8)
        && let Some(bytes) = b.as_bytes()
    {
        // The usual read, whole bytes at a byte boundary (`<<B, ...>>`,
        // `<<Len:16, ...>>`): straight from the bytes, a small integer.
        let Some(field) = bytes.get(p / 8..(p + n) / 8) else {
            return false;
        };
        let value = field.iter().fold(0i64, |w, &x| (w << 8) | i64::from(x));
        regs[usize::from(pos)] = small(p + n);
        regs[usize::from(*dst)] = Term::from_small_word((value << 1) | 1);
        return true;
    }
    let Some((value, used)) = read(b, p, spec, bits, &get.to) else {
        return false;
    };
    regs[usize::from(pos)] = small(p + used);
    match (&get.to, value) {
        (Pat::Any, _) => true,
        (Pat::Bind(r), Some(v)) => {
            regs[usize::from(*r)] = v;
            true
        }
        (to, Some(v)) => match_pat(to, &v, regs),
        (_, None) => false,
    }
}

/// `bs_match_string`: the next bits are exactly `expected`.
pub fn match_string(regs: &mut [Term], src: Reg, pos: Reg, expected: &Term) -> bool {
    let expected = expected.as_bits().expect("a bitstring constant");
    let (b, p) = at(regs, src, pos);
    let n = expected.bit_len();
    let same = b
        .slice(p, n)
        .is_some_and(|here| here.cmp_bits(expected).is_eq());
    if same {
        regs[usize::from(pos)] = small(p + n);
    }
    same
}

/// `bs_test_tail2`: nothing is left.
pub fn test_tail(regs: &[Term], src: Reg, pos: Reg) -> bool {
    let (b, p) = at(regs, src, pos);
    b.bit_len() == p
}

/// Whether `n` bits are a whole number of `unit`s (a mask, not a
/// division, for the units that are powers of two: all the usual ones).
#[inline]
fn multiple_of(n: usize, unit: u32) -> bool {
    if unit.is_power_of_two() {
        n & (unit as usize - 1) == 0
    } else {
        n.is_multiple_of(unit as usize)
    }
}

/// `bs_get_tail` (with `bs_test_unit` before it): the rest of `x[src]`
/// from the position, into `x[dst]`, if it is a whole number of `unit`s.
/// With `take` (the matched binary dies here), the binary itself is moved
/// forward: in place when it is held once, so a loop walking
/// `<<B, Rest/binary>>` allocates nothing.
pub fn get_tail(regs: &mut [Term], src: Reg, pos: Reg, dst: Reg, unit: u16, take: bool) -> bool {
    let (b, p) = at(regs, src, pos);
    if !multiple_of(b.bit_len() - p, u32::from(unit)) {
        return false;
    }
    let rest = if take {
        std::mem::take(&mut regs[usize::from(src)])
            .bits_advance(p)
            .expect("the position is within the binary")
    } else {
        Term::bits(b.slice(p, b.bit_len() - p).expect("within the binary"))
    };
    regs[usize::from(dst)] = rest;
    true
}

/// Matches the segments of a binary pattern nested in another pattern
/// (or in a `receive`): the reads of the instructions above, in a row,
/// then nothing may be left.
pub fn match_segments(segments: &[BsPatSeg], value: &Term, regs: &mut [Term]) -> bool {
    let Some(b) = value.as_bits() else {
        return false;
    };
    let mut p = 0;
    for segment in segments {
        match segment {
            BsPatSeg::String(expected) => {
                let expected = expected.as_bits().expect("a bitstring constant");
                let n = expected.bit_len();
                if !b.slice(p, n).is_some_and(|h| h.cmp_bits(expected).is_eq()) {
                    return false;
                }
                p += n;
            }
            BsPatSeg::Get(get) => {
                let Some(bits) = pattern_bits(get, regs, None) else {
                    return false;
                };
                let Some((v, used)) = read(b, p, get.spec, bits, &get.to) else {
                    return false;
                };
                p += used;
                let matched = match (&get.to, v) {
                    (Pat::Any, _) => true,
                    (to, Some(v)) => match_pat(to, &v, regs),
                    (_, None) => false,
                };
                if !matched {
                    return false;
                }
            }
        }
    }
    p == b.bit_len()
}

/// A position in bits as a term: always a small integer (a binary has at
/// most `MAX_BITS` bits), made without the general `Term::int`.
#[inline]
fn small(bits: usize) -> Term {
    debug_assert!(bits as u64 <= MAX_BITS);
    Term::from_small_word(((bits as i64) << 1) | 1)
}

/// What a pattern segment's size asks for: `Some(Some(bits))`, or
/// `Some(None)` for "the rest" (a binary) or a character; `None` when the
/// size is no non-negative integer (the match fails, no error).
#[inline]
fn pattern_bits(get: &BsGet, regs: &[Term], process: Option<&Process>) -> Option<Option<usize>> {
    let size = match &get.size {
        BsSize::Default => return Some(get.spec.default_size.map(|n| n as usize)),
        BsSize::Lit(t) => t.as_small(),
        BsSize::Reg(r) => regs[usize::from(*r)].as_small(),
        BsSize::Expr(e) => matching::eval_size(e, regs, process)?.as_small(),
    };
    let size = usize::try_from(size?).ok()?;
    Some(Some(size.checked_mul(get.spec.unit as usize)?))
}

/// Reads a segment at bit `p` of `b`: its value (`None` when the pattern
/// skips it) and how many bits it took; `None` if it is not there.
fn read(
    b: &Bitstring,
    p: usize,
    spec: Resolved,
    bits: Option<usize>,
    to: &Pat,
) -> Option<(Option<Term>, usize)> {
    let left = b.bit_len() - p;
    let skip = matches!(to, Pat::Any);
    match spec.ty {
        SegType::Integer => {
            let n = bits?;
            if n > left {
                return None;
            }
            Some((
                (!skip).then(|| read_int(b, p, n, spec.signed, spec.little)),
                n,
            ))
        }
        SegType::Float => {
            let n = bits?;
            if n > left || !matches!(n, 16 | 32 | 64) {
                return None;
            }
            let word = read_word(b, p, n, spec.little);
            let x = match n {
                64 => f64::from_bits(word),
                32 => f64::from(f32::from_bits(word as u32)),
                _ => f16_to_f64(word as u16)?,
            };
            x.is_finite().then(|| (Some(Term::float(x)), n))
        }
        SegType::Binary => {
            let n = match bits {
                Some(n) => n,
                None if multiple_of(left, spec.unit) => left,
                None => return None,
            };
            if n > left {
                return None;
            }
            let value = (!skip).then(|| Term::bits(b.slice(p, n).expect("within")));
            Some((value, n))
        }
        SegType::Utf8 => {
            let (c, n) = read_utf8(b, p)?;
            Some((Some(Term::int(i64::from(c))), n))
        }
        SegType::Utf16 => {
            if left < 16 {
                return None;
            }
            let first = read_word(b, p, 16, spec.little) as u32;
            let (c, n) = match first {
                0xd800..=0xdbff => {
                    if left < 32 {
                        return None;
                    }
                    let second = read_word(b, p + 16, 16, spec.little) as u32;
                    if !(0xdc00..=0xdfff).contains(&second) {
                        return None;
                    }
                    (0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00), 32)
                }
                0xdc00..=0xdfff => return None,
                c => (c, 16),
            };
            Some((Some(Term::int(i64::from(c))), n))
        }
        SegType::Utf32 => {
            if left < 32 {
                return None;
            }
            let c = read_word(b, p, 32, spec.little) as u32;
            char::from_u32(c)?;
            Some((Some(Term::int(i64::from(c))), 32))
        }
    }
}

/// `n` bits (n ≤ 64) as an unsigned word, big- or little-endian.
#[inline]
fn read_word(b: &Bitstring, p: usize, n: usize, little: bool) -> u64 {
    // Whole bytes at a byte boundary (`<<B, Rest/binary>>` walking a
    // binary): straight from the bytes.
    if (p | n).is_multiple_of(8)
        && let Some(bytes) = b.as_bytes()
    {
        let field = &bytes[p / 8..(p + n) / 8];
        return if little {
            field.iter().rev().fold(0, |w, &x| (w << 8) | u64::from(x))
        } else {
            field.iter().fold(0, |w, &x| (w << 8) | u64::from(x))
        };
    }
    if !little || n <= 8 {
        return b.read(p, n);
    }
    let mut word = 0u64;
    let full = n / 8;
    for i in 0..full {
        word |= b.read(p + 8 * i, 8) << (8 * i);
    }
    if !n.is_multiple_of(8) {
        word |= b.read(p + 8 * full, n % 8) << (8 * full);
    }
    word
}

/// An integer of `n` bits at `p`.
fn read_int(b: &Bitstring, p: usize, n: usize, signed: bool, little: bool) -> Term {
    if n <= 64 {
        let word = read_word(b, p, n, little);
        if n < 63 && !signed {
            return Term::int(word as i64);
        }
        if signed && n > 0 && word >> (n - 1) & 1 == 1 {
            return Term::from_i128(i128::from(word) - (1i128 << n));
        }
        return Term::from_u64(word);
    }
    // Any size: gather the field's bytes, least significant first.
    let full = n / 8;
    let partial = n % 8;
    let mut le = Vec::with_capacity(full + 2);
    let byte = |i: usize| b.read(p + i, 8) as u8;
    if little {
        le.extend((0..full).map(|i| byte(8 * i)));
        if partial != 0 {
            le.push(b.read(p + 8 * full, partial) as u8);
        }
    } else {
        let start = p + partial;
        le.extend((0..full).rev().map(|i| b.read(start + 8 * i, 8) as u8));
        if partial != 0 {
            le.push(b.read(p, partial) as u8);
        }
    }
    if partial != 0 {
        let last = le.len() - 1;
        let top = le[last];
        // Sign-extend the top partial byte, or keep it positive.
        if signed && (top >> (partial - 1)) & 1 == 1 {
            le[last] = top | !((1u8 << partial) - 1);
        }
    }
    if !signed || le.last().is_some_and(|top| top & 0x80 == 0) {
        le.push(0);
    }
    Term::from_big(IBig::from_le_bytes(&le))
}

/// A UTF-8 character at `p`, as erts decodes it: no overlong forms, no
/// surrogates, nothing past U+10FFFF.
fn read_utf8(b: &Bitstring, p: usize) -> Option<(u32, usize)> {
    let left = b.bit_len() - p;
    if left < 8 {
        return None;
    }
    let first = b.read(p, 8) as u32;
    let (len, init, min) = match first {
        0x00..=0x7f => return Some((first, 8)),
        0xc0..=0xdf => (2, first & 0x1f, 0x80),
        0xe0..=0xef => (3, first & 0x0f, 0x800),
        0xf0..=0xf7 => (4, first & 0x07, 0x10000),
        _ => return None,
    };
    if left < 8 * len {
        return None;
    }
    let mut c = init;
    for i in 1..len {
        let next = b.read(p + 8 * i, 8) as u32;
        if next & 0xc0 != 0x80 {
            return None;
        }
        c = (c << 6) | (next & 0x3f);
    }
    if c < min || c > 0x10ffff || (0xd800..=0xdfff).contains(&c) {
        return None;
    }
    Some((c, 8 * len))
}

/// The bits of a pattern literal of `spec` (a string's characters, or an
/// integer that fits its field), for `bs_match_string`; `None` if it is
/// not a constant this way (a float, a variable size, an integer that
/// does not fit: that one never matches, and is left to the read).
pub fn literal_bits(values: &[Term], spec: Resolved, bits: Option<u64>) -> Option<Bitstring> {
    let mut out = Bitstring::default();
    for value in values {
        if spec.ty == SegType::Float {
            return None;
        }
        encode(&mut out, value, spec, bits).ok()?;
    }
    // An integer must read back as itself (`<<256:8>>` never matches).
    if spec.ty == SegType::Integer {
        let n = bits? as usize;
        let mut at = 0;
        for value in values {
            if &read_int(&out, at, n, spec.signed, spec.little) != value {
                return None;
            }
            at += n;
        }
    }
    Some(out)
}

/// Builds a constant binary at compile time, if every segment is a
/// literal that builds (a failing one is left to run time, where it
/// raises as on the BEAM).
pub fn constant(segments: &[(Vec<Term>, Option<Term>, Resolved)]) -> Option<Term> {
    let mut out = Bitstring::default();
    for (values, size, spec) in segments {
        let bits = match size {
            None => spec.default_size.map(u64::from),
            Some(size) => {
                let n = size.as_small().filter(|n| *n >= 0)? as u64;
                Some(
                    n.checked_mul(u64::from(spec.unit))
                        .filter(|b| *b <= 1 << 20)?,
                )
            }
        };
        for value in values {
            encode(&mut out, value, *spec, bits).ok()?;
        }
    }
    Some(Term::bits(out))
}

/// `bnot A`, the BIF `erlang:'bnot'/1`: `badarith` for a non-integer.
pub fn bnot(a: &Term) -> Result<Term, Raise> {
    arith::bnot(a).map_err(|e| {
        Raise::error(Term::atom(match e {
            arith::ArithError::Badarith => "badarith",
            arith::ArithError::SystemLimit => "system_limit",
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::erlang::bitsyntax::{Spec, resolve};

    fn spec(specs: &[Spec]) -> Resolved {
        resolve(specs, true).unwrap()
    }

    fn built(value: Term, specs: &[Spec], bits: u64) -> String {
        let mut out = Bitstring::default();
        encode(&mut out, &value, spec(specs), Some(bits))
            .map_err(|f| f.what)
            .unwrap();
        Term::bits(out).to_string()
    }

    #[test]
    fn integers_are_laid_out_as_the_beam_does() {
        // Each expected value printed by OTP 25 for the same segment.
        assert_eq!(built(Term::int(0x123), &[Spec::Little], 12), "<<35,1:4>>");
        assert_eq!(
            built(Term::int(0x12345), &[Spec::Little], 20),
            "<<69,35,1:4>>"
        );
        assert_eq!(built(Term::int(-1), &[], 12), "<<255,15:4>>");
        let big = arith::add(
            &arith::bsl(&Term::int(1), &Term::int(70)).unwrap(),
            &Term::int(5),
        )
        .unwrap();
        assert_eq!(built(big, &[], 16), "<<0,5>>");
        assert_eq!(
            built(Term::int(-1), &[Spec::Little], 70),
            "<<255,255,255,255,255,255,255,255,63:6>>"
        );
        let n = crate::runtime::term::bignum::parse_int_radix("0102030405060708090A", 16).unwrap();
        assert_eq!(
            built(n.clone(), &[Spec::Little], 80),
            "<<10,9,8,7,6,5,4,3,2,1>>"
        );
        assert_eq!(built(n, &[], 80), "<<1,2,3,4,5,6,7,8,9,10>>");
    }

    #[test]
    fn integers_read_back_signed_and_unsigned() {
        let b = |bytes: &[u8], bits: usize| Bitstring::from_bits(bytes.to_vec(), bits);
        assert_eq!(
            read_int(&b(&[35, 0x10], 12), 0, 12, false, true),
            Term::int(291)
        );
        assert_eq!(
            read_int(&b(&[35, 0xf1], 16), 0, 12, false, true),
            Term::int(3875)
        );
        assert_eq!(
            read_int(&b(&[35, 0xf0], 12), 0, 12, true, true),
            Term::int(-221)
        );
        let ones = b(&[0xff, 0, 0, 0, 0, 0, 0, 0, 0], 70);
        assert_eq!(
            read_int(&ones, 0, 70, true, false).to_string(),
            "-4611686018427387904"
        );
        let one = b(&[0, 0, 0, 0, 0, 0, 0, 0, 0b0000_0100], 70);
        assert_eq!(read_int(&one, 0, 70, true, false), Term::int(1));
        let wide = Bitstring::from_bytes(&[0x80; 12]);
        assert_eq!(
            read_int(&wide, 0, 96, false, false).to_string(),
            "39769430595395432203818139776"
        );
        assert_eq!(
            read_int(&wide, 0, 96, true, false).to_string(),
            "-39458731918868905389725810560"
        );
    }

    #[test]
    fn half_floats_round_as_the_beam() {
        assert_eq!(f64_to_f16(1.5), 0x3e00);
        assert_eq!(f64_to_f16(65504.0), 0x7bff);
        assert_eq!(f64_to_f16(65520.0), 0x7c00, "rounds up to infinity");
        assert_eq!(f64_to_f16(1.0e300), 0x7c00);
        assert_eq!(f64_to_f16(1.0e-10), 0);
        assert_eq!(f64_to_f16(-0.0), 0x8000);
        assert_eq!(f64_to_f16(2f64.powi(-24)), 1, "the smallest subnormal");
        assert_eq!(f64_to_f16(2f64.powi(-14)), 0x0400, "the smallest normal");
        assert_eq!(f16_to_f64(0x3e00), Some(1.5));
        assert_eq!(f16_to_f64(0x8000), Some(-0.0));
        assert_eq!(f16_to_f64(0x7c00), None);
        assert_eq!(f16_to_f64(1), Some(2f64.powi(-24)));
        for h in (0..0x7c00u16).step_by(7) {
            assert_eq!(f64_to_f16(f16_to_f64(h).unwrap()), h, "{h:#x} round-trips");
        }
    }

    #[test]
    fn utf8_is_decoded_strictly() {
        let d = |bytes: &[u8]| read_utf8(&Bitstring::from_bytes(bytes), 0).map(|(c, _)| c);
        assert_eq!(d(&[240, 159, 152, 128]), Some(0x1f600));
        assert_eq!(d(&[0xc0, 0x80]), None, "overlong");
        assert_eq!(d(&[0xed, 0xa0, 0x80]), None, "a surrogate");
        assert_eq!(d(&[0xf4, 0x90, 0x80, 0x80]), None, "past U+10FFFF");
        assert_eq!(d(&[0xc3]), None, "cut short");
        assert_eq!(d(&[0x80]), None, "a continuation byte first");
    }

    #[test]
    fn literals_fold_only_when_they_read_back() {
        let int8 = spec(&[]);
        assert!(literal_bits(&[Term::int(1)], int8, Some(8)).is_some());
        assert!(literal_bits(&[Term::int(256)], int8, Some(8)).is_none());
        let signed = spec(&[Spec::Signed]);
        assert!(literal_bits(&[Term::int(-1)], signed, Some(8)).is_some());
        assert!(literal_bits(&[Term::int(255)], signed, Some(8)).is_none());
        assert!(literal_bits(&[Term::float(1.0)], spec(&[Spec::Float]), Some(64)).is_none());
    }
}
