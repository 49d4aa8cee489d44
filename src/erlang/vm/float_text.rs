//! Floats as text and back, as erts writes and reads them:
//! `float_to_list/1,2`, `float_to_binary/1,2`, `list_to_float/1`,
//! `binary_to_float/1`.
//!
//! `{decimals, D}` follows erts's `sys_double_to_chars_fast` (OTP 25),
//! which is not exact arithmetic: below 2^53 and with fewer than 19
//! decimals it rounds the fraction times 10^D as a double, halves away
//! from zero, so `float_to_list(1.115, [{decimals, 2}])` is "1.12" though
//! 1.115 is 1.11499999999999999... Above that it prints the exact value
//! as C's `%.*f` does (ties to even), and a text longer than erts's
//! 256-byte buffer is badarg. `{scientific, D}` is C's `%.*e`, exact.
//! The sign is the float's sign bit: -0.0 is "-0.00".

/// How a float is to be written: `float_to_list/2`'s options, the last
/// of `decimals`, `scientific` and `short` winning, `compact` anywhere.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatFormat {
    /// `float_to_list/1`: 21 digits, `%.20e`.
    Default,
    Decimals {
        decimals: usize,
        compact: bool,
    },
    Scientific(usize),
    /// The shortest text that reads back as the same float (`~p`'s).
    Short,
}

/// erts writes into a buffer of this many bytes, the final NUL included.
const BUFFER: usize = 256;

/// The text of `x` in `format`; `None` where erts answers badarg.
pub fn format_float(x: f64, format: FloatFormat) -> Option<String> {
    match format {
        FloatFormat::Default => Some(twenty_digits(x)),
        FloatFormat::Short => Some(crate::runtime::term::print::erlang_float(x)),
        FloatFormat::Scientific(digits) => Some(scientific(x, digits)),
        FloatFormat::Decimals { decimals, compact } => fixed(x, decimals, compact),
    }
}

/// `float_to_list/1`: 21 significant digits and a signed exponent of at
/// least two digits, C's `%.20e`.
pub fn twenty_digits(x: f64) -> String {
    scientific(x, 20)
}

/// C's `%.*e`: `1.235e+08`, `1e+02` with no digits after the point.
fn scientific(x: f64, digits: usize) -> String {
    let text = format!("{x:.digits$e}");
    let (mantissa, exponent) = text.split_once('e').expect("an exponent");
    let exponent: i32 = exponent.parse().expect("an exponent");
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exponent.unsigned_abs())
}

/// `{decimals, D}`, as `sys_double_to_chars_fast` writes it.
fn fixed(x: f64, decimals: usize, compact: bool) -> Option<String> {
    const POW10: [f64; 19] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18,
    ];
    let magnitude = x.abs();
    if magnitude > (1u64 << 53) as f64 || decimals >= POW10.len() {
        let text = format!("{x:.decimals$}");
        if text.len() >= BUFFER {
            return None;
        }
        // erts strips trailing zeros here even with no decimals, so
        // 1.0e20 with [{decimals, 0}, compact] is "1": written as it is.
        return Some(if compact { strip_zeros(&text) } else { text });
    }
    let negative = x.is_sign_negative();
    let mut text = String::new();
    if negative {
        text.push('-');
    }
    if decimals == 0 {
        text.push_str(&(magnitude.round() as u64).to_string());
        return Some(text);
    }
    let whole = magnitude.floor();
    let fraction = ((magnitude - whole) * POW10[decimals]).round();
    let (whole, fraction) = if fraction >= POW10[decimals] {
        (whole as u64 + 1, 0)
    } else {
        (whole as u64, fraction as u64)
    };
    text.push_str(&format!("{whole}.{fraction:0decimals$}"));
    Some(if compact { strip_zeros(&text) } else { text })
}

/// Trailing zeros off, but one digit stays after a point: "1.50" is
/// "1.5", "1.00" is "1.0" (erts's `find_first_trailing_zero`).
fn strip_zeros(text: &str) -> String {
    let stripped = text.trim_end_matches('0');
    if stripped.ends_with('.') {
        format!("{stripped}0")
    } else {
        stripped.to_owned()
    }
}

/// Erlang's float syntax only: an optional sign, digits, a point, digits,
/// and an optional exponent (`1.5e-3`); `"1"` and `"1e5"` are no floats.
pub fn parse_float(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (int, rest) = body.split_once('.')?;
    let (frac, exponent) = match rest.split_once(['e', 'E']) {
        Some((frac, exponent)) => (frac, Some(exponent)),
        None => (rest, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    if !(digits(int) && digits(frac) && exponent_ok) {
        return None;
    }
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimals(x: f64, d: usize) -> String {
        format_float(
            x,
            FloatFormat::Decimals {
                decimals: d,
                compact: false,
            },
        )
        .unwrap()
    }

    #[test]
    fn decimals_round_as_erts_does_not_as_the_exact_value() {
        // Each as Debian's OTP 25 writes it.
        assert_eq!(decimals(1.115, 2), "1.12");
        assert_eq!(decimals(2.675, 2), "2.67");
        assert_eq!(decimals(0.125, 2), "0.13");
        assert_eq!(decimals(2.5, 0), "3");
        assert_eq!(decimals(-0.0, 2), "-0.00");
        assert_eq!(decimals(-0.4, 0), "-0");
        assert_eq!(decimals(9.999999, 2), "10.00");
        assert_eq!(decimals(1.0e20, 2), "100000000000000000000.00");
        assert_eq!(
            format_float(
                f64::MAX,
                FloatFormat::Decimals {
                    decimals: 2,
                    compact: false
                }
            ),
            None
        );
        let compact = FloatFormat::Decimals {
            decimals: 2,
            compact: true,
        };
        assert_eq!(format_float(0.999, compact).unwrap(), "1.0");
        assert_eq!(format_float(1.5, compact).unwrap(), "1.5");
    }

    #[test]
    fn scientific_and_short_and_the_default() {
        assert_eq!(
            format_float(123.456, FloatFormat::Scientific(2)).unwrap(),
            "1.23e+02"
        );
        assert_eq!(
            format_float(123.0, FloatFormat::Scientific(0)).unwrap(),
            "1e+02"
        );
        assert_eq!(
            format_float(4.9e-324, FloatFormat::Scientific(3)).unwrap(),
            "4.941e-324"
        );
        assert_eq!(format_float(0.1, FloatFormat::Short).unwrap(), "0.1");
        assert_eq!(twenty_digits(0.1), "1.00000000000000005551e-01");
    }

    #[test]
    fn only_erlangs_float_syntax_reads_back() {
        assert_eq!(parse_float("1.5"), Some(1.5));
        assert_eq!(parse_float("-1.5E-3"), Some(-0.0015));
        assert_eq!(parse_float("+1.0e5"), Some(1.0e5));
        for bad in ["1", "1e5", " 1.5", "1.5 ", "1.", ".5", "1.0e400"] {
            assert_eq!(parse_float(bad), None, "{bad}");
        }
    }
}
