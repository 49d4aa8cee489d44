//! Arithmetic as the VM needs it: Erlang's operators on terms, with small
//! integers inline and overflow into bignums and back.
//!
//! Each operator is a small `#[inline]` fast path for two small integers
//! (for `+` and `-` on the tagged words themselves: `(2x+1) + (2y+1) - 1 =
//! 2(x+y)+1`, and the machine's overflow flag is exactly the 63-bit
//! overflow) and an out-of-line general case: bignums (dashu), floats
//! (mixed operands convert the integer as erts does), and the errors.
//!
//! Errors are values, never panics: `badarith` for a non-number, a
//! division by zero, a float result that would be infinite or an integer
//! too large to convert to a float; `system_limit` for an integer beyond
//! the BEAM's largest (2^25 − 64 bits, `1 bsl 33554368` fails on OTP 25).

use crate::runtime::term::bignum::Int;
use crate::runtime::term::word::Term;
use dashu_int::IBig;

/// Why an operation raised.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ArithError {
    Badarith,
    SystemLimit,
}

pub type Result<T> = std::result::Result<T, ArithError>;

/// The most bits an integer may have (erts: 2^19 − 1 digits of 64 bits).
pub const MAX_INT_BITS: usize = (1 << 25) - 64;

enum Num<'a> {
    I(Int<'a>),
    F(f64),
}

fn num(t: &Term) -> Result<Num<'_>> {
    if let Some(i) = t.as_integer() {
        return Ok(Num::I(i));
    }
    t.as_float().map(Num::F).ok_or(ArithError::Badarith)
}

fn int(t: &Term) -> Result<Int<'_>> {
    t.as_integer().ok_or(ArithError::Badarith)
}

fn float_of(n: Num<'_>) -> Result<f64> {
    match n {
        Num::F(x) => Ok(x),
        Num::I(i) => i.to_f64().ok_or(ArithError::Badarith),
    }
}

fn float_result(x: f64) -> Result<Term> {
    if x.is_finite() {
        Ok(Term::float(x))
    } else {
        Err(ArithError::Badarith)
    }
}

/// A bignum result, within the BEAM's limit.
fn big_result(n: IBig) -> Result<Term> {
    if n.as_sign_words().1.len() * 64 > MAX_INT_BITS {
        return Err(ArithError::SystemLimit);
    }
    Ok(Term::from_big(n))
}

/// `A + B`.
#[inline]
pub fn add(a: &Term, b: &Term) -> Result<Term> {
    if let Some((x, y)) = Term::small_words(a, b)
        && let Some(w) = x.checked_add(y - 1)
    {
        return Ok(Term::from_small_word(w));
    }
    add_slow(a, b)
}

#[inline(never)]
fn add_slow(a: &Term, b: &Term) -> Result<Term> {
    match (num(a)?, num(b)?) {
        (Num::I(Int::Small(x)), Num::I(Int::Small(y))) => {
            Ok(Term::from_i128(i128::from(x) + i128::from(y)))
        }
        (Num::I(x), Num::I(y)) => big_result(x.to_ibig() + y.to_ibig()),
        (x, y) => float_result(float_of(x)? + float_of(y)?),
    }
}

/// `A - B`.
#[inline]
pub fn sub(a: &Term, b: &Term) -> Result<Term> {
    if let Some((x, y)) = Term::small_words(a, b)
        && let Some(w) = x.checked_sub(y - 1)
    {
        return Ok(Term::from_small_word(w));
    }
    sub_slow(a, b)
}

#[inline(never)]
fn sub_slow(a: &Term, b: &Term) -> Result<Term> {
    match (num(a)?, num(b)?) {
        (Num::I(Int::Small(x)), Num::I(Int::Small(y))) => {
            Ok(Term::from_i128(i128::from(x) - i128::from(y)))
        }
        (Num::I(x), Num::I(y)) => big_result(x.to_ibig() - y.to_ibig()),
        (x, y) => float_result(float_of(x)? - float_of(y)?),
    }
}

/// `A * B`.
#[inline]
pub fn mul(a: &Term, b: &Term) -> Result<Term> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small())
        && let Some(p) = x.checked_mul(y)
    {
        return Ok(Term::int(p));
    }
    mul_slow(a, b)
}

#[inline(never)]
fn mul_slow(a: &Term, b: &Term) -> Result<Term> {
    match (num(a)?, num(b)?) {
        (Num::I(Int::Small(x)), Num::I(Int::Small(y))) => {
            Ok(Term::from_i128(i128::from(x) * i128::from(y)))
        }
        (Num::I(x), Num::I(y)) => {
            let bits = |i: Int<'_>| match i {
                Int::Small(_) => 64,
                Int::Big(b) => b.as_sign_words().1.len() * 64,
            };
            if bits(x) + bits(y) > MAX_INT_BITS + 128 {
                return Err(ArithError::SystemLimit);
            }
            big_result(x.to_ibig() * y.to_ibig())
        }
        (x, y) => float_result(float_of(x)? * float_of(y)?),
    }
}

/// `A / B`: always a float; `badarith` on a zero divisor.
pub fn fdiv(a: &Term, b: &Term) -> Result<Term> {
    let (x, y) = (float_of(num(a)?)?, float_of(num(b)?)?);
    if y == 0.0 {
        return Err(ArithError::Badarith);
    }
    float_result(x / y)
}

/// `A div B`: integers, truncating toward zero.
#[inline]
pub fn int_div(a: &Term, b: &Term) -> Result<Term> {
    match (int(a)?, int(b)?) {
        (_, Int::Small(0)) => Err(ArithError::Badarith),
        (Int::Small(x), Int::Small(y)) => Ok(Term::from_i128(i128::from(x) / i128::from(y))),
        (x, y) => big_result(x.to_ibig() / y.to_ibig()),
    }
}

/// `A rem B`: integers, the sign of the dividend.
#[inline]
pub fn rem(a: &Term, b: &Term) -> Result<Term> {
    match (int(a)?, int(b)?) {
        (_, Int::Small(0)) => Err(ArithError::Badarith),
        (Int::Small(x), Int::Small(y)) => Ok(Term::int(x % y)),
        (x, y) => big_result(x.to_ibig() % y.to_ibig()),
    }
}

/// `-A`.
pub fn neg(a: &Term) -> Result<Term> {
    match num(a)? {
        Num::I(Int::Small(x)) => Ok(Term::from_i128(-i128::from(x))),
        Num::I(Int::Big(x)) => Ok(Term::from_big(-x.clone())),
        Num::F(x) => Ok(Term::float(-x)),
    }
}

/// `+A`: the number itself.
pub fn plus(a: &Term) -> Result<Term> {
    num(a)?;
    Ok(a.clone())
}

/// `abs/1`.
pub fn abs(a: &Term) -> Result<Term> {
    match num(a)? {
        Num::I(Int::Small(x)) => Ok(Term::from_i128(i128::from(x).abs())),
        Num::I(Int::Big(x)) => Ok(Term::from_big(dashu_int::ops::Abs::abs(x.clone()))),
        Num::F(x) => Ok(Term::float(x.abs())),
    }
}

/// `A band B`, `A bor B`, `A bxor B`: two's complement, any size.
pub fn band(a: &Term, b: &Term) -> Result<Term> {
    bitwise(a, b, |x, y| x & y, |x, y| x & y)
}

pub fn bor(a: &Term, b: &Term) -> Result<Term> {
    bitwise(a, b, |x, y| x | y, |x, y| x | y)
}

pub fn bxor(a: &Term, b: &Term) -> Result<Term> {
    bitwise(a, b, |x, y| x ^ y, |x, y| x ^ y)
}

fn bitwise(
    a: &Term,
    b: &Term,
    small: impl Fn(i64, i64) -> i64,
    big: impl Fn(IBig, IBig) -> IBig,
) -> Result<Term> {
    match (int(a)?, int(b)?) {
        (Int::Small(x), Int::Small(y)) => Ok(Term::int(small(x, y))),
        (x, y) => big_result(big(x.to_ibig(), y.to_ibig())),
    }
}

/// `bnot A` = `-A - 1`.
pub fn bnot(a: &Term) -> Result<Term> {
    match int(a)? {
        Int::Small(x) => Ok(Term::int(!x)),
        Int::Big(x) => big_result(!x.clone()),
    }
}

/// `A bsl B`; a negative B shifts right.
pub fn bsl(a: &Term, b: &Term) -> Result<Term> {
    let x = int(a)?;
    match int(b)? {
        Int::Small(s) if s >= 0 => shift_left(x, s as u64),
        Int::Small(s) => Ok(shift_right(x, s.unsigned_abs())),
        Int::Big(s) if s.sign() == dashu_int::Sign::Positive => shift_left(x, u64::MAX),
        Int::Big(_) => Ok(shift_right(x, u64::MAX)),
    }
}

/// `A bsr B`: arithmetic (rounds toward negative infinity); a negative B
/// shifts left.
pub fn bsr(a: &Term, b: &Term) -> Result<Term> {
    let x = int(a)?;
    match int(b)? {
        Int::Small(s) if s >= 0 => Ok(shift_right(x, s as u64)),
        Int::Small(s) => shift_left(x, s.unsigned_abs()),
        Int::Big(s) if s.sign() == dashu_int::Sign::Positive => Ok(shift_right(x, u64::MAX)),
        Int::Big(_) => shift_left(x, u64::MAX),
    }
}

fn shift_left(x: Int<'_>, s: u64) -> Result<Term> {
    let bits = match x {
        Int::Small(0) => return Ok(Term::int(0)),
        Int::Small(n) => 64 - n.unsigned_abs().leading_zeros() as u64,
        Int::Big(b) => b.as_sign_words().1.len() as u64 * 64,
    };
    if bits.saturating_add(s) > MAX_INT_BITS as u64 + 64 {
        return Err(ArithError::SystemLimit);
    }
    if let Int::Small(n) = x
        && s < 64
    {
        return Ok(Term::from_i128(i128::from(n) << s));
    }
    big_result(x.to_ibig() << s as usize)
}

fn shift_right(x: Int<'_>, s: u64) -> Term {
    match x {
        Int::Small(n) => Term::int(n >> s.min(63)),
        Int::Big(b) => {
            if s >= b.as_sign_words().1.len() as u64 * 64 {
                Term::int(if b.sign() == dashu_int::Sign::Negative {
                    -1
                } else {
                    0
                })
            } else {
                Term::from_big(b.clone() >> s as usize)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::term::bignum::parse_int_radix;
    use crate::runtime::term::word::{SMALL_MAX, SMALL_MIN};

    fn i(n: i64) -> Term {
        Term::int(n)
    }

    fn big(text: &str) -> Term {
        parse_int_radix(text, 10).unwrap()
    }

    #[test]
    fn small_integers_overflow_into_bignums_and_back() {
        let max = i(SMALL_MAX);
        let over = add(&max, &i(1)).unwrap();
        assert!(over.as_big().is_some());
        assert_eq!(over.to_string(), (SMALL_MAX as i128 + 1).to_string());
        let back = sub(&over, &i(1)).unwrap();
        assert!(back.as_small().is_some());
        assert_eq!(back, max);
        assert!(sub(&i(SMALL_MIN), &i(1)).unwrap().as_big().is_some());
        assert_eq!(add(&i(2), &i(3)), Ok(i(5)));
        assert_eq!(sub(&i(2), &i(3)), Ok(i(-1)));
        assert_eq!(mul(&i(-4), &i(3)), Ok(i(-12)));
        // fact(30), the first program of every Erlang book.
        let fact = (1..=30).fold(i(1), |acc, n| mul(&acc, &i(n)).unwrap());
        assert_eq!(fact.to_string(), "265252859812191058636308480000000");
        // grains: square(64).
        assert_eq!(
            bsl(&i(1), &i(63)).unwrap().to_string(),
            "9223372036854775808"
        );
        assert_eq!(
            mul(&big("18446744073709551616"), &big("18446744073709551616"))
                .unwrap()
                .to_string(),
            "340282366920938463463374607431768211456"
        );
    }

    #[test]
    fn division_and_remainder_as_erlang() {
        assert_eq!(int_div(&i(-7), &i(2)), Ok(i(-3)));
        assert_eq!(rem(&i(-7), &i(2)), Ok(i(-1)));
        assert_eq!(rem(&i(7), &i(-2)), Ok(i(1)));
        assert_eq!(int_div(&i(1), &i(0)), Err(ArithError::Badarith));
        assert_eq!(rem(&i(1), &i(0)), Err(ArithError::Badarith));
        assert_eq!(
            int_div(&i(SMALL_MIN), &i(-1)).unwrap().to_string(),
            (-(SMALL_MIN as i128)).to_string()
        );
        let b = big("-100000000000000000000007");
        assert_eq!(
            int_div(&b, &i(10)).unwrap().to_string(),
            "-10000000000000000000000"
        );
        assert_eq!(rem(&b, &i(10)).unwrap(), i(-7));
        assert_eq!(
            rem(&big("100000000000000000000007"), &i(-10)).unwrap(),
            i(7)
        );
        assert_eq!(int_div(&i(1), &Term::float(1.0)), Err(ArithError::Badarith));
        assert_eq!(fdiv(&i(1), &i(2)), Ok(Term::float(0.5)));
        assert_eq!(fdiv(&i(1), &Term::float(0.0)), Err(ArithError::Badarith));
        assert_eq!(fdiv(&i(1), &Term::float(-0.0)), Err(ArithError::Badarith));
    }

    #[test]
    fn floats_and_errors() {
        assert_eq!(add(&i(1), &Term::float(0.5)), Ok(Term::float(1.5)));
        assert_eq!(
            mul(&Term::float(1.0e308), &i(10)),
            Err(ArithError::Badarith)
        );
        assert_eq!(add(&Term::atom("a"), &i(1)), Err(ArithError::Badarith));
        assert_eq!(add(&i(1), &Term::NIL), Err(ArithError::Badarith));
        let huge = bsl(&i(1), &i(1100)).unwrap();
        assert_eq!(add(&huge, &Term::float(1.0)), Err(ArithError::Badarith));
        assert_eq!(
            neg(&i(SMALL_MIN)).unwrap().to_string(),
            (-(SMALL_MIN as i128)).to_string()
        );
        assert_eq!(neg(&Term::float(0.0)).unwrap().to_string(), "-0.0");
        assert_eq!(plus(&Term::atom("a")), Err(ArithError::Badarith));
        assert_eq!(abs(&i(-3)), Ok(i(3)));
    }

    #[test]
    fn bitwise_as_erlang() {
        assert_eq!(bsr(&i(-1), &i(1)), Ok(i(-1)));
        assert_eq!(bsr(&i(-5), &i(1)), Ok(i(-3)));
        assert_eq!(band(&i(-5), &i(3)), Ok(i(3)));
        assert_eq!(bor(&i(-5), &i(0xf0)), Ok(i(-5)));
        assert_eq!(bxor(&i(-5), &i(3)), Ok(i(-8)));
        assert_eq!(bnot(&i(5)), Ok(i(-6)));
        assert_eq!(bnot(&i(-1)), Ok(i(0)));
        assert_eq!(bsl(&i(3), &i(-1)), Ok(i(1)));
        assert_eq!(bsr(&i(-3), &i(-2)), Ok(i(-12)));
        let two70 = bsl(&i(1), &i(70)).unwrap();
        assert_eq!(bsr(&i(1), &two70), Ok(i(0)));
        assert_eq!(bsr(&i(-1), &two70), Ok(i(-1)));
        assert_eq!(bsl(&i(0), &two70), Ok(i(0)));
        assert_eq!(bsl(&i(1), &neg(&two70).unwrap()), Ok(i(0)));
        assert_eq!(bsl(&i(1), &two70).err(), Some(ArithError::SystemLimit));
        assert!(bsl(&i(1), &i(33_554_367)).is_ok());
        assert_eq!(
            bsl(&i(1), &i(33_554_368)).err(),
            Some(ArithError::SystemLimit)
        );
        let b = big("-340282366920938463463374607431768211457"); // -(2^128) - 1
        assert_eq!(band(&b, &i(0xff)).unwrap(), i(0xff));
        assert_eq!(bor(&b, &i(1)).unwrap(), b);
        assert_eq!(bsr(&b, &i(127)).unwrap(), i(-3));
        assert_eq!(
            bnot(&b).unwrap().to_string(),
            "340282366920938463463374607431768211456"
        );
        assert_eq!(bxor(&b, &b).unwrap(), i(0));
        assert_eq!(band(&Term::float(1.0), &i(1)), Err(ArithError::Badarith));
    }
}
