//! `io:format`, `io:fwrite` and `io_lib:format`: the control sequences of
//! OTP 25's `io_lib_format.erl`, with the same reading of a sequence and
//! the same text for each.
//!
//! A control sequence is `~F.P.PadModC`: an optional field width `F`
//! (negative, or after `-`, to left-adjust), precision `P`, pad character,
//! the modifiers `t` (Unicode) and `l` (no strings in `~p`), and the
//! control character. `*` in place of `F`, `P` or the pad takes it from the
//! arguments. What each control character does, and how a field pads or
//! cuts what it holds, follows `io_lib_format`'s `control_small`,
//! `control_limited`, `term/6`, `string/6` and the float writers
//! (`fwrite_e`, `fwrite_f`, `fwrite_g`): the function names below are
//! theirs.
//!
//! `~p` and `~P` are `io_lib_pretty`'s (`runtime/term/pretty.rs`): a term
//! that does not fit on what is left of the line breaks over lines of 80
//! columns (the field width), indented from the column where it starts.
//! As in `io_lib_format`, that column counts from the start of this
//! call's text (the last `\n` in it), whatever the device's line held
//! before.
//!
//! Anything wrong (an unknown control character, a missing or mistyped
//! argument, arguments left over) is `None`, which the BIFs raise as
//! `badarg`, as `io:format` does.

use crate::runtime::Term;
use crate::runtime::term::Pretty;
use crate::runtime::term::View;
use crate::runtime::term::bignum::int_to_string_radix;
use crate::runtime::term::print::Style as PrintStyle;

/// The text `Format` with `Args` makes, or `None` for a bad format.
pub fn format_text(format: &Term, args: &Term) -> Option<String> {
    let format: Vec<char> = super::bifs_binary::string_arg(format)?.chars().collect();
    let args = super::terms::list_items(args)?;
    let mut args = args.iter();
    let mut out = String::new();
    let mut at = 0;
    while let Some(&c) = format.get(at) {
        at += 1;
        if c != '~' {
            out.push(c);
            continue;
        }
        let spec = Spec::read(&format, &mut at, &mut args)?;
        let control = *format.get(at)?;
        at += 1;
        let text = spec.control(control, &mut args, || indentation(&out))?;
        out.push_str(&text);
    }
    args.next().is_none().then_some(out)
}

#[derive(Clone, Copy, PartialEq)]
enum Adjust {
    Left,
    Right,
}

/// A control sequence's field: its width and side, the precision, and
/// what pads it (`~F.P.PadC`).
#[derive(Clone, Copy)]
struct Field {
    width: Option<usize>,
    how: Adjust,
    precision: Option<usize>,
    pad: char,
}

impl Field {
    /// The same field with another precision (the float writers pass
    /// theirs on, `term/6` takes the width as one).
    fn with_precision(self, precision: Option<usize>) -> Field {
        Field { precision, ..self }
    }
}

/// What comes between `~` and the control character.
struct Spec {
    field: Field,
    unicode: bool,
    strings: bool,
}

type Args<'a> = std::slice::Iter<'a, Term>;

impl Spec {
    /// `collect_cseq`: field width, precision, pad character, modifiers.
    fn read(format: &[char], at: &mut usize, args: &mut Args) -> Option<Spec> {
        let minus = format.get(*at) == Some(&'-');
        if minus {
            *at += 1;
        }
        let (width, adjust) = match field_value(format, at, args)? {
            None if minus => return None,
            None => (None, Adjust::Right),
            Some(w) => {
                let w = if minus { -w } else { w };
                let adjust = if w < 0 { Adjust::Left } else { Adjust::Right };
                (Some(usize::try_from(w.unsigned_abs()).ok()?), adjust)
            }
        };
        let precision = if format.get(*at) == Some(&'.') {
            *at += 1;
            match field_value(format, at, args)? {
                Some(p) if p < 0 => return None,
                Some(p) => Some(usize::try_from(p).ok()?),
                None => None,
            }
        } else {
            None
        };
        let pad = if format.get(*at) == Some(&'.') {
            match format.get(*at + 1) {
                Some('*') => {
                    *at += 2;
                    char_of(args.next()?)?
                }
                Some(&c) => {
                    *at += 2;
                    c
                }
                None => return None,
            }
        } else {
            ' '
        };
        let mut spec = Spec {
            field: Field {
                width,
                how: adjust,
                precision,
                pad,
            },
            unicode: false,
            strings: true,
        };
        loop {
            match format.get(*at) {
                Some('t') => spec.unicode = true,
                Some('l') => spec.strings = false,
                // Map key order: ours prints maps in term order already.
                Some('k') => {}
                Some('K') => {
                    args.next()?;
                }
                _ => return Some(spec),
            }
            *at += 1;
        }
    }

    /// `control_small` and `control_limited`: the text of one control
    /// character with its arguments. `column` is where the text starts on
    /// its line (from 0), which `~p` needs.
    fn control(
        &self,
        control: char,
        args: &mut Args,
        column: impl FnOnce() -> i64,
    ) -> Option<String> {
        Some(match control {
            'w' => self.write(args.next()?, None),
            'W' => {
                let term = args.next()?;
                let depth = args.next()?.as_i64()?;
                // A negative depth is none (io_lib:write's -1).
                let depth = usize::try_from(depth).ok().filter(|d| *d > 0);
                self.write(term, depth)
            }
            'p' => self.print(args.next()?, -1, column())?,
            'P' => {
                let term = args.next()?;
                let depth = args.next()?.as_i64()?;
                self.print(term, depth, column())?
            }
            's' => {
                let text = chars(args.next()?, self.unicode)?;
                string(&text, self.field)?
            }
            'e' => self.float(args.next()?, fwrite_e)?,
            'f' => self.float(args.next()?, fwrite_f)?,
            'g' => self.float(args.next()?, fwrite_g)?,
            'b' | 'B' => {
                let digits = integer(args.next()?, self.base()?, control == 'b')?;
                term(&digits, self.field.with_precision(None))
            }
            'x' | 'X' => {
                let value = args.next()?;
                let prefix = match args.next()? {
                    p if p.as_atom().is_some() => p.as_atom()?.name().to_owned(),
                    p => chars(p, false)?,
                };
                self.prefixed(value, &prefix, control == 'x')?
            }
            '+' | '#' => {
                let base = self.base()?;
                self.prefixed(args.next()?, &format!("{base}#"), control == '+')?
            }
            'c' => {
                let code = args.next()?.as_i64()?;
                let code = if self.unicode { code } else { code & 255 };
                let c = char::from_u32(u32::try_from(code).ok()?)?;
                char_field(c, self.field)?
            }
            '~' => char_field('~', self.field)?,
            'n' => match (self.field.width, self.field.how) {
                (None, _) => "\n".to_owned(),
                (Some(f), Adjust::Right) => "\n".repeat(f),
                (Some(_), Adjust::Left) => return None,
            },
            'i' => {
                args.next()?;
                String::new()
            }
            _ => return None,
        })
    }

    /// `~w` and `~W`: the term on one line, in its field. Without `t` the
    /// encoding is Latin-1, where an atom's characters past it are written
    /// `\x{HEX}` (`io_lib:write_atom_as_latin1/1`). In `~w`'s text only
    /// atoms can hold such characters (strings and binaries are written as
    /// numbers), so escaping every one of them is escaping the atoms'.
    fn write(&self, value: &Term, depth: Option<usize>) -> String {
        let text = value.format(PrintStyle::Write, depth);
        let text = if self.unicode || text.chars().all(|c| u32::from(c) < 256) {
            text
        } else {
            text.chars()
                .map(|c| match u32::from(c) {
                    n if n > 255 => format!("\\x{{{n:X}}}"),
                    _ => c.to_string(),
                })
                .collect()
        };
        term(&text, self.field)
    }

    /// `print/10` of `io_lib_format`, for `~p` and `~P`: the field width is
    /// the line length (80 by default), the precision the column the term
    /// starts at (by default where the text before it ended); a left
    /// adjusted field is an error, as there.
    fn print(&self, value: &Term, depth: i64, column: i64) -> Option<String> {
        if self.field.how == Adjust::Left {
            return None;
        }
        let options = Pretty {
            column: match self.field.precision {
                Some(p) => i64::try_from(p).ok()?,
                None => column + 1,
            },
            line_length: match self.field.width {
                Some(f) => i64::try_from(f).ok()?,
                None => 80,
            },
            depth,
            unicode: self.unicode,
            strings: self.strings,
        };
        Some(value.pretty(options))
    }

    fn float(&self, value: &Term, write: FloatWriter) -> Option<String> {
        let View::Float(x) = value.view() else {
            return None;
        };
        write(x, self.field)
    }

    /// `base/1`: the precision, 2 to 36, or 10.
    fn base(&self) -> Option<u32> {
        match self.field.precision {
            None => Some(10),
            Some(b) if (2..=36).contains(&b) => Some(b as u32),
            Some(_) => None,
        }
    }

    /// `prefixed_integer/7`: the sign, then the prefix, then the digits.
    fn prefixed(&self, value: &Term, prefix: &str, lowercase: bool) -> Option<String> {
        let digits = integer(value, self.base()?, lowercase)?;
        let text = match digits.strip_prefix('-') {
            Some(magnitude) => format!("-{prefix}{magnitude}"),
            None => format!("{prefix}{digits}"),
        };
        Some(term(&text, self.field.with_precision(None)))
    }
}

/// `field_value/2`: digits, or `*` for an integer argument, or nothing.
fn field_value(format: &[char], at: &mut usize, args: &mut Args) -> Option<Option<i64>> {
    match format.get(*at) {
        Some('*') => {
            *at += 1;
            Some(Some(args.next()?.as_i64()?))
        }
        Some(c) if c.is_ascii_digit() => {
            let mut value: i64 = 0;
            while let Some(d) = format.get(*at).and_then(|c| c.to_digit(10)) {
                value = value.checked_mul(10)?.checked_add(i64::from(d))?;
                *at += 1;
            }
            Some(Some(value))
        }
        _ => Some(None),
    }
}

/// `io_lib_format:indentation/2`: the column (from 0) the text ends at,
/// a tab moving to the next multiple of 8.
fn indentation(text: &str) -> i64 {
    let line = text.rsplit('\n').next().unwrap_or("");
    line.chars().fold(0, |column, c| match c {
        '\t' => (column + 8) / 8 * 8,
        _ => column + 1,
    })
}

fn char_of(term: &Term) -> Option<char> {
    char::from_u32(u32::try_from(term.as_i64()?).ok()?)
}

/// An integer's digits in `base`, OTP's capitals or (`~b`, `~x`, `~+`)
/// small letters.
fn integer(value: &Term, base: u32, lowercase: bool) -> Option<String> {
    let digits = int_to_string_radix(value.as_integer()?, base);
    Some(if lowercase {
        digits.to_ascii_lowercase()
    } else {
        digits
    })
}

/// What `~s` prints: an atom's name, or the characters of an iolist
/// (`iolist_to_chars`: codes 0 to 255 and binaries' bytes) or, with `t`,
/// of chardata (any code; binaries as UTF-8).
fn chars(value: &Term, unicode: bool) -> Option<String> {
    if let Some(atom) = value.as_atom() {
        return Some(atom.name().to_owned());
    }
    let mut out = String::new();
    let mut stack = vec![value];
    while let Some(t) = stack.pop() {
        match t.view() {
            View::Bits(b) if b.is_binary() => {
                let bytes = b.to_padded_bytes();
                match (unicode, std::str::from_utf8(&bytes)) {
                    (true, Ok(text)) => out.push_str(text),
                    _ => out.extend(bytes.into_iter().map(char::from)),
                }
            }
            View::Nil => {}
            View::Cons(head, tail) => {
                stack.push(tail);
                match head.view() {
                    View::Int(c) if unicode || (0..=255).contains(&c) => {
                        out.push(char::from_u32(u32::try_from(c).ok()?)?);
                    }
                    View::Cons(..) | View::Nil | View::Bits(_) => stack.push(head),
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

fn repeat(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// `adjust/3`: the text with the padding on the side away from `adjust`.
fn adjust(text: String, padding: String, adjust: Adjust) -> String {
    match adjust {
        Adjust::Left => text + &padding,
        Adjust::Right => padding + &text,
    }
}

/// `term/6`: a term's text in a field; a text too long for it is `*`s.
fn term(text: &str, field: Field) -> String {
    let Field {
        width,
        how,
        precision,
        pad,
    } = field;
    let width = match (width, precision) {
        (None, None) => return text.to_owned(),
        (None, Some(p)) => p,
        (Some(f), _) => f,
    };
    let len = text.chars().count();
    let p = len.min(precision.map_or(width, |p| p.min(width)));
    if len > p {
        adjust(repeat('*', p), repeat(pad, width - p), how)
    } else {
        adjust(text.to_owned(), repeat(pad, width - len), how)
    }
}

/// `string/6`: `~s`'s text in a field, cut to the precision.
fn string(text: &str, field: Field) -> Option<String> {
    let Field {
        width,
        how,
        precision,
        pad,
    } = field;
    let n = text.chars().count();
    let cut = |k: usize| text.chars().take(k).collect::<String>();
    let field = |f: usize, how: Adjust| match n.cmp(&f) {
        std::cmp::Ordering::Greater => cut(f),
        std::cmp::Ordering::Less => adjust(text.to_owned(), repeat(pad, f - n), how),
        std::cmp::Ordering::Equal => text.to_owned(),
    };
    Some(match (width, precision) {
        (None, None) => text.to_owned(),
        (Some(f), None) => field(f, how),
        (None, Some(p)) => field(p, Adjust::Left),
        (Some(f), Some(p)) if f > p => {
            let inner = match n.cmp(&p) {
                std::cmp::Ordering::Greater => cut(p),
                std::cmp::Ordering::Less => text.to_owned() + &repeat(pad, p - n),
                std::cmp::Ordering::Equal => text.to_owned(),
            };
            adjust(inner, repeat(pad, f - p), how)
        }
        (Some(f), Some(p)) if f == p => field(f, how),
        (Some(_), Some(_)) => return None,
    })
}

/// `char/5`: a character repeated to the precision (or the width), in
/// the field.
fn char_field(c: char, field: Field) -> Option<String> {
    let Field {
        width,
        how,
        precision,
        pad,
    } = field;
    Some(match (width, precision) {
        (None, None) => c.to_string(),
        (Some(f), None) => repeat(c, f),
        (None, Some(p)) => repeat(c, p),
        (Some(f), Some(p)) if f >= p => adjust(repeat(c, p), repeat(pad, f - p), how),
        (Some(_), Some(_)) => return None,
    })
}

type FloatWriter = fn(f64, Field) -> Option<String>;

/// `float_data/1`: the digits of `float_to_list(X)` (21 significant
/// digits, `%.20e`) and the exponent plus one.
fn float_data(x: f64) -> (Vec<u8>, i32) {
    let text = super::float_text::twenty_digits(x.abs());
    let (mantissa, exponent) = text.split_once('e').expect("an exponent");
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    (digits, exponent.parse::<i32>().expect("an exponent") + 1)
}

/// `float_man/3`: `int` digits, a point, `decimals` digits, rounded half
/// up on the digit after them; true when the rounding carries out of the
/// first digit.
fn float_man(digits: &[u8], int: usize, decimals: usize) -> (String, bool) {
    let wanted = int + decimals;
    let mut kept: Vec<u8> = (0..wanted)
        .map(|i| digits.get(i).copied().unwrap_or(b'0'))
        .collect();
    let mut carry = digits.get(wanted).is_some_and(|d| *d >= b'5');
    for d in kept.iter_mut().rev() {
        if !carry {
            break;
        }
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            carry = false;
        }
    }
    let mut text = String::with_capacity(wanted + 1);
    text.extend(kept[..int].iter().map(|&d| char::from(d)));
    text.push('.');
    text.extend(kept[int..].iter().map(|&d| char::from(d)));
    (text, carry)
}

/// `signbit/1`: `-` for a negative float, minus zero included.
fn sign(x: f64) -> &'static str {
    if x.is_sign_negative() { "-" } else { "" }
}

/// `~e`: `d.ddde+X` with `P` digits (6 by default, at least 2).
fn fwrite_e(x: f64, field: Field) -> Option<String> {
    let p = field.precision.unwrap_or(6);
    if p < 2 {
        return None;
    }
    let (digits, e) = float_data(x);
    let (mantissa, exponent) = match float_man(&digits, 1, p - 1) {
        (m, true) => (format!("1{}", &m[1..]), e),
        (m, false) => (m, e - 1),
    };
    let exponent = if exponent >= 0 {
        format!("e+{exponent}")
    } else {
        format!("e{exponent}")
    };
    let text = format!("{}{mantissa}{exponent}", sign(x));
    Some(float_field(text, field))
}

/// `~f`: `ddd.ddd` with `P` decimals (6 by default, at least 1).
fn fwrite_f(x: f64, field: Field) -> Option<String> {
    let p = field.precision.unwrap_or(6);
    if p < 1 {
        return None;
    }
    let (mut digits, mut e) = float_data(x);
    if e <= 0 {
        let zeros = usize::try_from(1 - e).ok()?;
        digits.splice(0..0, std::iter::repeat_n(b'0', zeros));
        e = 1;
    }
    let (mantissa, carry) = float_man(&digits, usize::try_from(e).ok()?, p);
    let text = format!("{}{}{mantissa}", sign(x), if carry { "1" } else { "" });
    Some(float_field(text, field))
}

/// `~g`: `~f` for 0.1 =< |X| < 10,000 when the precision's digits show
/// it, else `~e`; the precision counts significant digits.
fn fwrite_g(x: f64, field: Field) -> Option<String> {
    let p = field.precision.unwrap_or(6);
    if p < 1 {
        return None;
    }
    let a = x.abs();
    let e: Option<i64> = [1.0e-1, 1.0e0, 1.0e1, 1.0e2, 1.0e3, 1.0e4]
        .iter()
        .position(|&limit| a < limit)
        .map(|i| i as i64 - 2);
    let p = p as i64;
    match e {
        Some(-1) if p <= 1 => fwrite_f(x, field.with_precision(Some(1))),
        Some(e) if p - 1 > e && e >= -1 => {
            fwrite_f(x, field.with_precision(Some((p - 1 - e) as usize)))
        }
        _ if p <= 1 => fwrite_e(x, field.with_precision(Some(2))),
        _ => fwrite_e(x, field.with_precision(Some(p as usize))),
    }
}

/// `term(Text, F, Adj, F, Pad)`, as the float writers call it.
fn float_field(text: String, field: Field) -> String {
    match field.width {
        None => text,
        Some(_) => term(&text, field.with_precision(field.width)),
    }
}

#[cfg(test)]
mod tests {
    use super::format_text;
    use crate::runtime::Term;

    /// The text, as the BEAM printed it for the same call (OTP 25.2.3).
    fn text(format: &str, args: Vec<Term>) -> Option<String> {
        format_text(&Term::string(format), &Term::list(args))
    }

    #[test]
    fn fields_pad_cut_and_overflow_as_io_lib_format() {
        let s = |x: &str| Term::string(x);
        assert_eq!(
            text(
                "|~10s|~-10s|~.2s|~5.2s|",
                vec![s("abc"), s("abc"), s("abc"), s("abc")]
            ),
            Some("|       abc|abc       |ab|   ab|".into())
        );
        assert_eq!(text("|~3w|", vec![Term::int(12345)]), Some("|***|".into()));
        assert_eq!(
            text("|~10..0B|~.10.xs|", vec![Term::int(7), s("ab")]),
            Some("|0000000007|abxxxxxxxx|".into())
        );
        assert_eq!(text("|~5.2c|", vec![Term::int(99)]), Some("|   cc|".into()));
    }

    #[test]
    fn floats_round_half_up_on_twenty_one_digits() {
        let f = Term::float;
        // 0.125 is exact: half up; 2.675 is 2.67499999...: down.
        assert_eq!(
            text(
                "~.2f ~.2f ~e ~g",
                vec![f(0.125), f(2.675), f(9.9999999), f(0.05)]
            ),
            Some("0.13 2.67 1.00000e+1 5.00000e-2".into())
        );
        assert_eq!(text("~f", vec![Term::int(1)]), None, "~f takes floats only");
    }

    #[test]
    fn integers_in_any_base_with_prefixes() {
        let i = Term::int;
        assert_eq!(
            text(
                "~.16B ~.16b ~.16# ~.16+ ~.16X",
                vec![i(255), i(255), i(-255), i(255), i(255), Term::atom("abc")]
            ),
            Some("FF ff -16#FF 16#ff abcFF".into())
        );
        assert_eq!(text("~.37B", vec![i(1)]), None);
    }

    #[test]
    fn tilde_p_starts_its_lines_at_the_column_the_text_before_it_reached() {
        let seq = Term::list((1..=30).map(Term::int));
        assert_eq!(
            text("x~ny~p", vec![seq.clone()]),
            Some("x\ny[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n  29,30]".into())
        );
        assert_eq!(
            text("\t~p", vec![seq.clone()]),
            Some("\t[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,\n         27,28,29,30]".into())
        );
        // The field width is the line length, the precision the column.
        assert_eq!(
            text("~30.5p", vec![Term::list((1..=20).map(Term::int))]),
            Some("[1,2,3,4,5,6,7,8,9,10,\n     11,12,13,14,15,16,17,\n     18,19,20]".into())
        );
        assert_eq!(text("~-30p", vec![seq]), None, "left-adjusted ~p is badarg");
    }

    #[test]
    fn atoms_past_latin1_are_escaped_by_w_and_p_but_not_with_t() {
        let atom = Term::tuple([Term::atom("λa")]);
        assert_eq!(
            text(
                "~w ~tw ~p ~tp",
                vec![atom.clone(), atom.clone(), atom.clone(), atom]
            ),
            Some("{'\\x{3BB}a'} {'λa'} {'\\x{3BB}a'} {'λa'}".into())
        );
    }

    #[test]
    fn missing_and_extra_arguments_are_errors() {
        assert_eq!(text("~w ~w", vec![Term::int(1)]), None);
        assert_eq!(text("~w", vec![Term::int(1), Term::int(2)]), None);
        assert_eq!(text("~q", vec![Term::int(1)]), None);
    }
}
