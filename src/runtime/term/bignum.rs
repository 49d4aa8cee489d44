//! Numbers: integers of any size and floats, and the conversions between
//! them that Erlang defines.
//!
//! An integer has exactly one form: in the word when it fits in 63 bits
//! (`Term::small`), a bignum node (dashu's `IBig`, chosen by the benchmark
//! in DESIGN.md) otherwise. Every constructor here goes through
//! [`Term::from_big`], which gives a result that fits back its small form,
//! so `=:=` and hashing never meet two forms of one number.
//!
//! Floats are boxed (8 bytes of payload after the header), as on the BEAM.
//! Erlang has no infinities and no NaN: arithmetic that would make one
//! raises `badarith` instead (`arith.rs`), so a float term is finite.
//!
//! Comparing an integer with a float is exact, as on the BEAM (erts
//! compares through the float's exact integer value when the float is
//! beyond 2^53): `(1 bsl 53) + 1 > 9007199254740992.0` is true. Converting
//! a bignum to a float (mixed arithmetic, `float/1`) follows erts's
//! `big_to_double`: the 64-bit digits from the most significant, `d = d *
//! 2^64 + digit`, so even the last bit agrees with the BEAM.

use crate::runtime::term::word::{SMALL_MAX, SMALL_MIN, Term, View};
use dashu_int::{IBig, Sign};
use std::cmp::Ordering;

/// An integer term, borrowed: the two forms as one type for the arithmetic.
#[derive(Clone, Copy, Debug)]
pub enum Int<'a> {
    Small(i64),
    Big(&'a IBig),
}

impl Int<'_> {
    pub fn to_ibig(self) -> IBig {
        match self {
            Int::Small(n) => IBig::from(n),
            Int::Big(b) => b.clone(),
        }
    }

    /// The value as a float, as erts converts it; `None` if it is beyond
    /// the largest float (Erlang's `badarith` / `badarg`).
    pub fn to_f64(self) -> Option<f64> {
        match self {
            Int::Small(n) => Some(n as f64),
            Int::Big(b) => big_to_f64(b),
        }
    }
}

impl Term {
    /// The integer `n`, in its canonical form (small when it fits).
    pub fn from_big(n: IBig) -> Term {
        match i64::try_from(&n) {
            Ok(small) if (SMALL_MIN..=SMALL_MAX).contains(&small) => Term::int(small),
            _ => Term::new_big(n),
        }
    }

    pub fn from_i128(n: i128) -> Term {
        match i64::try_from(n) {
            Ok(n) => Term::int(n),
            Err(_) => Term::new_big(IBig::from(n)),
        }
    }

    pub fn from_u64(n: u64) -> Term {
        Term::from_i128(i128::from(n))
    }

    /// A float. It must be finite: Erlang has no infinities or NaN.
    pub fn float(x: f64) -> Term {
        debug_assert!(x.is_finite(), "Erlang floats are finite");
        Term::new_float(x)
    }

    /// The integer this term is, if it is one.
    #[inline]
    pub fn as_integer(&self) -> Option<Int<'_>> {
        match self.as_small() {
            Some(n) => Some(Int::Small(n)),
            None => self.as_big().map(Int::Big),
        }
    }

    /// The integer as an `i64`, if it is one that fits (what the runtime
    /// reads: counts, milliseconds, child keys).
    pub fn as_int(&self) -> Option<i64> {
        self.as_i64()
    }

    /// The integer as an `i64`, if it is one that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self.as_integer()? {
            Int::Small(n) => Some(n),
            Int::Big(b) => i64::try_from(b).ok(),
        }
    }

    pub fn to_ibig(&self) -> Option<IBig> {
        self.as_integer().map(Int::to_ibig)
    }

    pub fn is_integer(&self) -> bool {
        self.as_small().is_some() || self.as_big().is_some()
    }

    pub fn is_float(&self) -> bool {
        self.as_float().is_some()
    }

    pub fn is_number(&self) -> bool {
        self.is_integer() || self.is_float()
    }

    /// The value as a float (`float/1`): `None` for a non-number or an
    /// integer beyond the float range.
    pub fn to_f64(&self) -> Option<f64> {
        match self.view() {
            View::Float(x) => Some(x),
            View::Int(n) => Some(n as f64),
            View::Big(b) => big_to_f64(b),
            _ => None,
        }
    }

    /// `trunc/1` of a float: the integer part, exactly.
    pub fn from_float_trunc(x: f64) -> Term {
        Term::from_big(float_to_big_trunc(x))
    }
}

/// erts's `big_to_double`: most significant 64-bit digit first, `d = d *
/// 2^64 + digit`. `None` when the result is not finite.
pub fn big_to_f64(b: &IBig) -> Option<f64> {
    let (sign, words) = b.as_sign_words();
    let base = 18_446_744_073_709_551_616.0_f64; // 2^64
    let mut d = 0.0_f64;
    for &w in words.iter().rev() {
        d = d * base + w as f64;
        if !d.is_finite() {
            return None;
        }
    }
    Some(if sign == Sign::Negative { -d } else { d })
}

/// The integer part of a finite float, exactly (a float beyond 2^53 is an
/// integer already; its value may need many digits: 1.0e300).
pub fn float_to_big_trunc(x: f64) -> IBig {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    if exponent == 0 {
        return IBig::ZERO; // zero or subnormal: |x| < 1
    }
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let shift = exponent - 1075; // x = mantissa * 2^shift
    let magnitude = if shift >= 0 {
        IBig::from(mantissa) << shift as usize
    } else if shift > -64 {
        IBig::from(mantissa >> (-shift) as u32)
    } else {
        IBig::ZERO
    };
    if negative { -magnitude } else { magnitude }
}

/// Exactly how an integer compares with a float.
pub fn cmp_int_float(i: Int<'_>, f: f64) -> Ordering {
    let t = f.trunc();
    let int_part = match i {
        Int::Small(n) => {
            // 2^63 and beyond, or below -2^63: outside every i64.
            if t >= 9_223_372_036_854_775_808.0 {
                return Ordering::Less;
            }
            if t < -9_223_372_036_854_775_808.0 {
                return Ordering::Greater;
            }
            n.cmp(&(t as i64))
        }
        Int::Big(b) => b.cmp(&float_to_big_trunc(t)),
    };
    // Equal integer parts: the fraction decides.
    int_part.then(0.0_f64.partial_cmp(&(f - t)).unwrap_or(Ordering::Equal))
}

/// `integer_to_list(N, Base)`: digits in upper case, as Erlang prints them.
pub fn int_to_string_radix(i: Int<'_>, radix: u32) -> String {
    assert!((2..=36).contains(&radix), "radix 2..36");
    match i {
        Int::Small(n) => {
            if radix == 10 {
                return n.to_string();
            }
            let mut magnitude = n.unsigned_abs();
            let mut digits = Vec::new();
            loop {
                digits.push(
                    char::from_digit((magnitude % u64::from(radix)) as u32, radix)
                        .expect("digit")
                        .to_ascii_uppercase(),
                );
                magnitude /= u64::from(radix);
                if magnitude == 0 {
                    break;
                }
            }
            if n < 0 {
                digits.push('-');
            }
            digits.iter().rev().collect()
        }
        Int::Big(b) => {
            if radix == 10 {
                b.to_string()
            } else {
                b.in_radix(radix as u8).to_string().to_ascii_uppercase()
            }
        }
    }
}

/// `list_to_integer(Text, Base)`: an optional sign then digits; `None`
/// for anything else (`badarg`).
pub fn parse_int_radix(text: &str, radix: u32) -> Option<Term> {
    if !(2..=36).contains(&radix) {
        return None;
    }
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = IBig::from_str_radix(digits, radix).ok()?;
    Some(Term::from_big(if negative {
        -magnitude
    } else {
        magnitude
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> Term {
        parse_int_radix(text, 10).unwrap()
    }

    #[test]
    fn integers_have_one_form() {
        assert!(Term::int(SMALL_MAX).as_small().is_some());
        assert!(Term::int(SMALL_MAX + 1).as_small().is_none());
        assert!(Term::int(SMALL_MAX + 1).as_big().is_some());
        assert_eq!(Term::from_big(IBig::from(5)), Term::int(5));
        assert!(Term::from_big(IBig::from(5)).as_small().is_some());
        assert_eq!(Term::int(i64::MIN).as_i64(), Some(i64::MIN));
        assert_eq!(Term::from_u64(u64::MAX).to_string(), "18446744073709551615");
    }

    #[test]
    fn exact_int_float_comparison() {
        let two53 = 9_007_199_254_740_992.0;
        assert_eq!(
            cmp_int_float(Int::Small((1 << 53) + 1), two53),
            Ordering::Greater
        );
        assert_eq!(cmp_int_float(Int::Small(1 << 53), two53), Ordering::Equal);
        assert_eq!(cmp_int_float(Int::Small(1), 1.5), Ordering::Less);
        assert_eq!(cmp_int_float(Int::Small(-1), -1.5), Ordering::Greater);
        assert_eq!(cmp_int_float(Int::Small(i64::MAX), 9.3e18), Ordering::Less);
        let b = big("18446744073709551616");
        assert_eq!(
            cmp_int_float(b.as_integer().unwrap(), 18_446_744_073_709_551_616.0),
            Ordering::Equal
        );
        let b1 = big("18446744073709551617");
        assert_eq!(
            cmp_int_float(b1.as_integer().unwrap(), 18_446_744_073_709_551_616.0),
            Ordering::Greater
        );
        assert_eq!(
            cmp_int_float(b.as_integer().unwrap(), 1.0e300),
            Ordering::Less
        );
        assert_eq!(
            cmp_int_float(b.as_integer().unwrap(), -1.0e300),
            Ordering::Greater
        );
    }

    #[test]
    fn conversions() {
        assert_eq!(
            big("1267650600228229401496703205376").to_f64(),
            Some(1.2676506002282294e30)
        );
        let huge = Term::from_big(IBig::from(1) << 1100);
        assert_eq!(huge.to_f64(), None);
        assert_eq!(
            Term::from_float_trunc(1.0e20).to_string(),
            "100000000000000000000"
        );
        assert_eq!(Term::from_float_trunc(-2.7), Term::int(-2));
        assert_eq!(int_to_string_radix(Int::Small(255), 16), "FF");
        assert_eq!(int_to_string_radix(Int::Small(-255), 2), "-11111111");
        assert_eq!(
            int_to_string_radix(
                big("-340282366920938463463374607431768211455")
                    .as_integer()
                    .unwrap(),
                16
            ),
            "-FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
        );
        assert_eq!(parse_int_radix("-ff", 16), Some(Term::int(-255)));
        assert_eq!(parse_int_radix("12a", 10), None);
        assert_eq!(parse_int_radix("", 10), None);
    }
}
