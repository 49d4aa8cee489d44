//! Printing, exactly as OTP 25 prints, on one line (what views, events and
//! the shell show; `io:format`'s `~p` breaks lines with `pretty.rs`).
//!
//! * `~p` ([`Term::to_string`], `Display`): `io_lib_pretty` without line
//!   breaks, with the shell's Unicode encoding: a proper list of printable
//!   Latin-1 codes (`io:printable_range()` is `latin1` by default) prints
//!   as a string, `[97, 98]` as `"ab"`; a binary of printable text as
//!   `<<"abc">>` (or `<<"é"/utf8>>` when its UTF-8 is not all ASCII);
//!   maps as `#{a => 1}` in their iteration order (`map.rs`).
//! * `~w` ([`Style::Write`]): `io_lib:write`: lists and binaries always as
//!   their elements (`[97,98]`, `<<97,98>>`).
//! * `~P` and `~W` ([`Term::format`] with a depth): cut as `io_lib_pretty`
//!   and `io_lib:write` cut, `[1,2|...]`, `{a,{...}}`, `#{a => 1,...}`,
//!   `<<"abcd"...>>`: a level of nesting or a further element costs one
//!   unit of depth; atoms and numbers are printed whole at any depth, and
//!   so is a printable string.
//!
//! Floats print in their shortest round-trip digits (`float_to_list(F,
//! [short])`, what `~p` uses): `0.1`, `1.0e10`, `1.2345678901234568e17`.
//! Atoms are quoted by `io_lib:quote_atom/2` (`atom.rs`), strings and quoted
//! atoms escaped by `io_lib:write_string/2`.
//!
//! The printer is one loop over a stack of things still to write, so a
//! term nested a million deep prints (or is cut) without recursion.

use crate::runtime::term::atom::Atom;
use crate::runtime::term::bignum::{Int, int_to_string_radix};
use crate::runtime::term::binary::Bitstring;
use crate::runtime::term::fun::{Fun, FunKind};
use crate::runtime::term::map::Map;
use crate::runtime::term::word::{Term, View};
use std::fmt;

/// Which of OTP's two printers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    /// `~p`/`~P`: strings and printable binaries as text.
    Print,
    /// `~w`/`~W`: everything as its elements.
    Write,
}

/// What is left to write.
enum Item<'a> {
    Term(&'a Term, i64),
    Text(&'static str),
    /// The rest of a list after an element: its tail, at this depth.
    ListRest(&'a Term, i64),
    /// The rest of a tuple's elements, at this depth.
    TupleRest(&'a [Term], i64),
    /// The rest of a map's pairs (from `at`), at depth `d`, each pair's
    /// key and value at depth `d0`.
    MapRest(Vec<(&'a Term, &'a Term)>, usize, i64, i64),
}

impl Term {
    /// `~p` (`depth: None`) or `~P` with a depth, or `~w`/`~W`.
    pub fn format(&self, style: Style, depth: Option<usize>) -> String {
        let mut out = String::new();
        write_term(&mut out, self, style, depth.map_or(-1, |d| d as i64));
        out
    }

    /// `io_lib:format("~P", [T, Depth])` on one line.
    pub fn to_string_cut(&self, depth: usize) -> String {
        self.format(Style::Print, Some(depth))
    }
}

/// Writes `term` at `depth` (negative: unlimited).
pub fn write_term(out: &mut String, term: &Term, style: Style, depth: i64) {
    if depth == 0 {
        out.push_str("...");
        return;
    }
    let mut stack: Vec<Item<'_>> = vec![Item::Term(term, depth)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(s) => out.push_str(s),
            Item::Term(t, d) => write_one(out, t, d, style, &mut stack),
            Item::ListRest(tail, d) => match tail.view() {
                View::Nil => out.push(']'),
                _ if d == 1 => out.push_str("|...]"),
                View::Cons(h, t) => {
                    out.push(',');
                    stack.push(Item::ListRest(t, d - 1));
                    stack.push(Item::Term(h, d - 1));
                }
                _ => {
                    out.push('|');
                    stack.push(Item::Text("]"));
                    stack.push(Item::Term(tail, d - 1));
                }
            },
            Item::TupleRest(rest, d) => match rest.split_first() {
                None => out.push('}'),
                Some(_) if d == 1 => out.push_str(",...}"),
                Some((e, rest)) => {
                    out.push(',');
                    stack.push(Item::TupleRest(rest, d - 1));
                    stack.push(Item::Term(e, d - 1));
                }
            },
            Item::MapRest(pairs, at, d, d0) => {
                // io_lib:write checks the depth before the end of the map
                // (`#{a => 1,...}` at ~W3 even with nothing more to show);
                // io_lib_pretty the end first.
                if d == 1 && style == Style::Write {
                    out.push_str(",...}");
                } else if at == pairs.len() {
                    out.push('}');
                } else if d == 1 {
                    out.push_str(",...}");
                } else {
                    let (k, v) = pairs[at];
                    out.push(',');
                    stack.push(Item::MapRest(pairs, at + 1, d - 1, d0));
                    stack.push(Item::Term(v, d0));
                    stack.push(Item::Text(" => "));
                    stack.push(Item::Term(k, d0));
                }
            }
        }
    }
}

/// Writes what `t` itself contributes, pushing its parts.
fn write_one<'a>(out: &mut String, t: &'a Term, d: i64, style: Style, stack: &mut Vec<Item<'a>>) {
    match t.view() {
        View::Int(n) => out.push_str(&n.to_string()),
        View::Big(b) => out.push_str(&int_to_string_radix(Int::Big(b), 10)),
        View::Float(x) => out.push_str(&erlang_float(x)),
        View::Atom(a) => write_atom(out, a),
        View::Nil => out.push_str("[]"),
        View::Pid(p) => out.push_str(&p.to_string()),
        View::Ref(r) => out.push_str(&r.to_string()),
        View::Fun(f) => out.push_str(&fun_to_string(f)),
        View::Cons(h, tail) => {
            if style == Style::Print
                && d != 1
                && let Some(codes) = printable_list(t)
            {
                write_string(out, codes.into_iter(), '"');
                return;
            }
            if d == 1 {
                out.push_str("[...]");
                return;
            }
            out.push('[');
            stack.push(Item::ListRest(tail, d - 1));
            stack.push(Item::Term(h, d - 1));
        }
        View::Tuple(items) => match items.split_first() {
            None => out.push_str("{}"),
            Some(_) if d == 1 => out.push_str("{...}"),
            Some((first, rest)) => {
                out.push('{');
                stack.push(Item::TupleRest(rest, d - 1));
                stack.push(Item::Term(first, d - 1));
            }
        },
        View::Map(m) => {
            if m.is_empty() {
                out.push_str("#{}");
            } else if d == 1 {
                // io_lib_pretty says "#{...}", io_lib:write "#{}".
                out.push_str(if style == Style::Print {
                    "#{...}"
                } else {
                    "#{}"
                });
            } else {
                let pairs: Vec<(&Term, &Term)> = m.iter().collect();
                let (k, v) = pairs[0];
                out.push_str("#{");
                stack.push(Item::MapRest(pairs, 1, d - 1, d - 1));
                stack.push(Item::Term(v, d - 1));
                stack.push(Item::Text(" => "));
                stack.push(Item::Term(k, d - 1));
            }
        }
        View::Bits(b) => write_bits(out, b, d, style),
    }
}

/// The codes of a list that `~p` prints as a string: a proper, non-empty
/// list of integers in the Latin-1 printable range or `\n \r \t \v \b \f
/// \e` (`io_lib:printable_latin1_list/1`).
pub(super) fn printable_list(t: &Term) -> Option<Vec<char>> {
    let mut it = t.iter_list();
    let codes: Option<Vec<char>> = it
        .by_ref()
        .map(|c| c.as_small().and_then(printable_code))
        .collect();
    if it.rest().is_nil() { codes } else { None }
}

fn printable_code(n: i64) -> Option<char> {
    match n {
        0x20..=0x7e | 0xa0..=0xff | 8..=13 | 27 => char::from_u32(n as u32),
        _ => None,
    }
}

/// `io_lib:write_string(Chars, Quote)` (Unicode: characters from 160 up
/// are written as themselves).
pub(super) fn write_string(out: &mut String, chars: impl Iterator<Item = char>, quote: char) {
    out.push(quote);
    for c in chars {
        match c {
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if u32::from(c) >= 160 => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{7f}' => out.push_str("\\d"),
            c => {
                let n = u32::from(c);
                out.push('\\');
                for shift in [6, 3, 0] {
                    out.push(char::from(b'0' + ((n >> shift) & 7) as u8));
                }
            }
        }
    }
    out.push(quote);
}

/// An atom as Erlang writes it: bare, or quoted and escaped.
pub fn write_atom(out: &mut String, a: Atom) {
    let name = a.name();
    if Atom::is_bare(name) {
        out.push_str(name);
    } else {
        write_string(out, name.chars(), '\'');
    }
}

/// `io_lib:write_atom_as_latin1/1`, what `~p` and `~w` write (`~tp` and
/// the shell write [`write_atom`]): a character past Latin-1 as
/// `\x{HEX}`, in quotes.
pub(super) fn write_atom_as_latin1(out: &mut String, a: Atom) {
    let name = a.name();
    if name.chars().all(|c| u32::from(c) < 256) {
        return write_atom(out, a);
    }
    let mut quoted = String::new();
    write_string(&mut quoted, name.chars(), '\'');
    for c in quoted.chars() {
        match u32::from(c) {
            n if n > 255 => out.push_str(&format!("\\x{{{n:X}}}")),
            _ => out.push(c),
        }
    }
}

pub(crate) fn fun_to_string(f: &Fun) -> String {
    let mut out = String::new();
    match f.kind() {
        FunKind::Local { index, uniq, .. } => {
            out.push_str("#Fun<");
            out.push_str(f.module().name());
            out.push_str(&format!(".{index}.{uniq}>"));
        }
        FunKind::External { function, arity } => {
            out.push_str("fun ");
            write_atom(&mut out, f.module());
            out.push(':');
            write_atom(&mut out, *function);
            out.push_str(&format!("/{arity}"));
        }
    }
    out
}

pub(crate) fn map_to_string(m: &Map) -> String {
    Term::from_map(m.clone()).to_string()
}

/// A bitstring at depth `d`: `io_lib_pretty`'s `print_length` for `~p`
/// (printable text as a string, possibly cut), `io_lib:write_binary` for
/// the rest and for `~w`.
fn write_bits(out: &mut String, b: &Bitstring, d: i64, style: Style) {
    if b.bit_len() == 0 {
        out.push_str("<<>>");
        return;
    }
    if d == 1 {
        out.push_str("<<...>>");
        return;
    }
    if style == Style::Print
        && let Some(bytes) = b.is_binary().then(|| b.to_padded_bytes())
        && let Some(text) = printable_bin(&bytes, d - 1, true)
    {
        out.push_str("<<");
        write_string(out, text.chars.into_iter(), '"');
        if !text.ascii {
            out.push_str("/utf8");
        }
        if text.cut {
            out.push_str("...");
        }
        out.push_str(">>");
        return;
    }
    // io_lib:write_binary: D - 1 bytes, then "..." if more; a trailing
    // partial byte as Value:Size.
    out.push_str("<<");
    let mut depth = d;
    let mut at = 0;
    let len = b.bit_len();
    while at < len {
        if at > 0 {
            out.push(',');
        }
        if depth == 1 {
            out.push_str("...");
            break;
        }
        let n = (len - at).min(8);
        out.push_str(&b.read(at, n).to_string());
        if n < 8 {
            out.push_str(&format!(":{n}"));
        }
        at += n;
        depth -= 1;
    }
    out.push_str(">>");
}

pub(super) struct PrintableBin {
    pub chars: Vec<char>,
    /// All the text is one byte per character (else `/utf8`).
    pub ascii: bool,
    /// Only a prefix is printed (`...` follows).
    pub cut: bool,
}

/// `io_lib_pretty:printable_bin0/4` with no character limit: whether a
/// binary prints as text at depth `d1` (= D - 1; negative: unlimited),
/// and which text. `unicode` is the `t` of `~tp` (and the shell's
/// encoding): UTF-8 text is tried first; without it (`~p`, latin1) the
/// bytes are only ever Latin-1 characters.
pub(super) fn printable_bin(bytes: &[u8], d1: i64, unicode: bool) -> Option<PrintableBin> {
    let size = bytes.len();
    // ?CHARS (4) characters per unit of depth.
    let len = if d1 >= 0 {
        (4 * d1 as usize).min(size)
    } else {
        size
    };
    if len == 0 {
        return None;
    }
    if unicode && valid_utf8_prefix(bytes, len) {
        // printable_unicode: up to `len` characters while printable.
        let mut chars = Vec::new();
        let mut consumed = 0;
        let text = decode_utf8_lossless(bytes);
        for (c, width) in text.iter().take(len) {
            if printable_code(i64::from(u32::from(*c))).is_none() {
                break;
            }
            chars.push(*c);
            consumed += width;
        }
        if consumed == size {
            let ascii = size == chars.len();
            return Some(PrintableBin {
                chars,
                ascii,
                cut: false,
            });
        }
        let left = len - chars.len();
        if d1 > 0 && (len - left) as i64 >= d1 {
            return Some(PrintableBin {
                ascii: consumed == chars.len(),
                chars,
                cut: true,
            });
        }
        return None;
    }
    // Latin-1: bytes as characters.
    let latin1 = |b: &[u8]| {
        b.iter()
            .position(|&c| printable_code(i64::from(c)).is_none())
    };
    let n = len.min(20);
    match latin1(&bytes[..n]) {
        None if n == size => Some(PrintableBin {
            chars: bytes.iter().map(|&c| char::from(c)).collect(),
            ascii: true,
            cut: false,
        }),
        None if n == len => Some(PrintableBin {
            chars: bytes[..n].iter().map(|&c| char::from(c)).collect(),
            ascii: true,
            cut: true,
        }),
        None => match latin1(&bytes[n..len]) {
            None if size == len => Some(PrintableBin {
                chars: bytes.iter().map(|&c| char::from(c)).collect(),
                ascii: true,
                cut: false,
            }),
            None => Some(PrintableBin {
                chars: bytes[..len].iter().map(|&c| char::from(c)).collect(),
                ascii: true,
                cut: true,
            }),
            Some(bad) if d1 > 0 && (n + bad) as i64 >= d1 => Some(PrintableBin {
                chars: bytes[..n + bad].iter().map(|&c| char::from(c)).collect(),
                ascii: true,
                cut: true,
            }),
            Some(_) => None,
        },
        Some(good) if d1 > 0 && good as i64 >= d1 => Some(PrintableBin {
            chars: bytes[..good].iter().map(|&c| char::from(c)).collect(),
            ascii: true,
            cut: true,
        }),
        Some(_) => None,
    }
}

/// Whether the first `n` characters of `bytes` (or all, if fewer) are
/// valid UTF-8 (`io_lib_pretty:valid_utf8/2`).
fn valid_utf8_prefix(bytes: &[u8], n: usize) -> bool {
    let mut at = 0;
    for _ in 0..n {
        if at == bytes.len() {
            return true;
        }
        let width = match bytes[at] {
            0x00..=0x7f => 1,
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return false,
        };
        match bytes.get(at..at + width).map(std::str::from_utf8) {
            Some(Ok(_)) => at += width,
            _ => return false,
        }
    }
    true
}

/// The characters of the valid UTF-8 prefix of `bytes`, with their widths.
fn decode_utf8_lossless(bytes: &[u8]) -> Vec<(char, usize)> {
    let valid = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid prefix"),
    };
    valid.chars().map(|c| (c, c.len_utf8())).collect()
}

/// A float as `float_to_list(F, [short])`: the shortest digits that read
/// back as the same float, in whichever of the plain (`100.0`, `0.0001`)
/// and scientific (`1.0e15`, `1.0e-5`) forms is shorter, the plain one on
/// a tie, always with a fractional part; from 2^53 up always scientific
/// (`9007199254740991.0` but `9.007199254740992e15`, found on OTP 25).
/// (letitcrash's `erlang_float`, with that last rule added.)
pub fn erlang_float(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x:?}");
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').expect("{:e} has an exponent");
    let exponent: i64 = exponent.parse().expect("an integer exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let digits = ties_to_even(x.abs(), digits, exponent);
    let scientific = match digits.len() {
        1 => format!("{digits}.0e{exponent}"),
        _ => format!("{}.{}e{exponent}", &digits[..1], &digits[1..]),
    };
    let n = digits.len() as i64;
    let plain = if exponent >= n - 1 {
        format!("{digits}{}.0", "0".repeat((exponent - (n - 1)) as usize))
    } else if exponent >= 0 {
        let point = (exponent + 1) as usize;
        format!("{}.{}", &digits[..point], &digits[point..])
    } else {
        format!("0.{}{digits}", "0".repeat((-exponent - 1) as usize))
    };
    let shortest = if scientific.len() < plain.len() || x.abs() >= 9_007_199_254_740_992.0 {
        scientific
    } else {
        plain
    };
    format!("{sign}{shortest}")
}

/// Rust's shortest digits round a tie up, erts's (Ryu) to even: when the
/// float lies exactly halfway between two shortest candidates, the one
/// ending in an even digit is OTP's (`9007199254740992 / 51` prints
/// `176611750092960.62`, not `.63`).
fn ties_to_even(x: f64, digits: String, exponent: i64) -> String {
    let last = digits.as_bytes()[digits.len() - 1];
    if (last - b'0').is_multiple_of(2) {
        return digits;
    }
    let mut lower = digits.clone().into_bytes();
    *lower.last_mut().expect("a digit") -= 1;
    let lower = String::from_utf8(lower).expect("digits");
    let n = digits.len() as i64;
    let reread = format!("{}e{}", lower, exponent - (n - 1));
    if reread.parse::<f64>() != Ok(x) {
        return digits;
    }
    // Exactly halfway? x = m * 2^e; the midpoint is (lower * 10 + 5) * 10^(exponent - n).
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let (m, e) = if biased == 0 {
        (bits & ((1 << 52) - 1), -1074)
    } else {
        ((bits & ((1 << 52) - 1)) | (1 << 52), biased - 1075)
    };
    let mid = dashu_int::IBig::from_str_radix(&lower, 10).expect("digits") * 10 + 5;
    let k = exponent - n;
    let pow = |base: u32, p: i64| dashu_int::IBig::from(base).pow(p.max(0) as usize);
    let left = dashu_int::IBig::from(m) * pow(2, e) * pow(10, -k);
    let right = mid * pow(2, -e) * pow(10, k);
    if left == right { lower } else { digits }
}

impl fmt::Display for Term {
    /// `~p` on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_term(&mut out, self, Style::Print, -1);
        f.write_str(&out)
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::term::ids::{Pid, Ref};

    fn ints(ns: &[i64]) -> Term {
        Term::list(ns.iter().map(|&n| Term::int(n)))
    }

    #[test]
    fn terms_print_like_the_shell() {
        let cases: Vec<(Term, &str)> = vec![
            (
                Term::tuple([
                    Term::from(Atom::EXIT),
                    Term::pid(Pid(42)),
                    Term::atom("boom"),
                ]),
                "{'EXIT',<0.42.0>,boom}",
            ),
            (ints(&[1, -2]), "[1,-2]"),
            (ints(&[97, 98]), "\"ab\""),
            (ints(&[1000, 97]), "[1000,97]"),
            (ints(&[233, 97]), "\"éa\""),
            (ints(&[10, 97, 27, 8]), "\"\\na\\e\\b\""),
            (ints(&[7, 97]), "[7,97]"),
            (Term::NIL, "[]"),
            (Term::improper_list([Term::int(1)], Term::int(2)), "[1|2]"),
            (
                Term::improper_list([Term::int(97)], Term::int(98)),
                "[97|98]",
            ),
            (
                Term::improper_list(ints(&[97, 98]).list_to_vec().unwrap(), Term::int(99)),
                "[97,98|99]",
            ),
            (
                Term::tuple([Term::atom("a"), Term::string("x"), Term::NIL]),
                "{a,\"x\",[]}",
            ),
            (Term::atom("hello world"), "'hello world'"),
            (Term::binary(b"abc"), "<<\"abc\">>"),
            (Term::binary(&[1, 2, 3]), "<<1,2,3>>"),
            (Term::binary(b"a\nb"), "<<\"a\\nb\">>"),
            (Term::binary(&[233]), "<<\"é\">>"),
            (Term::binary("é".as_bytes()), "<<\"é\"/utf8>>"),
            (Term::binary("λ".as_bytes()), "<<206,187>>"),
            (
                Term::bits(Bitstring::from_bits(vec![0b0010_0000], 3)),
                "<<1:3>>",
            ),
            (Term::binary(&[]), "<<>>"),
            (Term::tuple([]), "{}"),
            (Term::map([]), "#{}"),
            (Term::reference(Ref(7)), "#Ref<0.7>"),
            (Term::string("a\"b\\c'\t"), "\"a\\\"b\\\\c'\\t\""),
            (
                Term::list([Term::tuple([Term::atom("a"), Term::int(1)])]),
                "[{a,1}]",
            ),
            (Term::list([Term::string("a")]), "[\"a\"]"),
        ];
        for (t, want) in cases {
            assert_eq!(t.to_string(), want);
        }
    }

    #[test]
    fn floats_print_shortest() {
        for (x, text) in [
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (1e20, "1.0e20"),
            (1.0e15, "1.0e15"),
            (1000.0, "1.0e3"),
            (100.0, "100.0"),
            (123456789.0, "123456789.0"),
            (0.0001, "0.0001"),
            (1.0e-5, "1.0e-5"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1.5e300, "1.5e300"),
            (120000.0, "1.2e5"),
            (0.30000000000000004, "0.30000000000000004"),
            (1.0e10, "1.0e10"),
            (123456789012345680.0, "1.2345678901234568e17"),
            (9007199254740991.0, "9007199254740991.0"),
            (-9007199254740992.0, "-9.007199254740992e15"),
            (9007199254740000.0, "9.00719925474e15"),
            (1234567890123456.8, "1234567890123456.8"),
            (0.001, "0.001"),
            (1.23e-4, "1.23e-4"),
            (9007199254740992.0 / 51.0, "176611750092960.62"),
            (0.5, "0.5"),
            (2.5, "2.5"),
        ] {
            assert_eq!(Term::float(x).to_string(), text);
        }
    }

    #[test]
    fn write_style_prints_elements() {
        assert_eq!(ints(&[97, 98]).format(Style::Write, None), "[97,98]");
        assert_eq!(
            Term::binary(b"abc").format(Style::Write, None),
            "<<97,98,99>>"
        );
        let m = Term::map([(Term::atom("a"), Term::string("s"))]);
        assert_eq!(m.format(Style::Write, None), "#{a => [115]}");
    }

    #[test]
    fn depth_cuts_as_p_and_w() {
        let seq = |n| Term::list((1..=n).map(Term::int));
        let nested = Term::tuple([
            Term::atom("a"),
            Term::tuple([
                Term::atom("b"),
                Term::tuple([Term::atom("c"), Term::tuple([Term::atom("d")])]),
            ]),
        ]);
        let deep_map = Term::map([(
            Term::atom("a"),
            Term::map([(
                Term::atom("b"),
                Term::map([(Term::atom("c"), Term::int(1))]),
            )]),
        )]);
        let abc = Term::map([
            (Term::atom("a"), Term::int(1)),
            (Term::atom("b"), Term::int(2)),
            (Term::atom("c"), Term::int(3)),
        ]);
        let p = |t: &Term, d| t.format(Style::Print, Some(d));
        let w = |t: &Term, d| t.format(Style::Write, Some(d));
        assert_eq!(p(&seq(20), 5), "[1,2,3,4|...]");
        assert_eq!(p(&nested, 3), "{a,{...}}");
        assert_eq!(p(&Term::string("abcdefgh"), 3), "\"abcdefgh\"");
        assert_eq!(p(&deep_map, 3), "#{a => #{b => #{...}}}");
        assert_eq!(
            p(&Term::binary(b"abcdefghijklmnop"), 3),
            "<<\"abcdefgh\"...>>"
        );
        assert_eq!(w(&seq(20), 5), "[1,2,3,4|...]");
        assert_eq!(w(&nested, 3), "{a,{...}}");
        assert_eq!(w(&Term::string("abcdefgh"), 3), "[97,98|...]");
        assert_eq!(p(&seq(3), 3), "[1,2|...]");
        assert_eq!(p(&seq(3), 4), "[1,2,3]");
        assert_eq!(p(&seq(3), 2), "[1|...]");
        assert_eq!(
            p(
                &Term::improper_list(ints(&[1, 2]).list_to_vec().unwrap(), Term::int(3)),
                3
            ),
            "[1,2|...]"
        );
        assert_eq!(
            p(&Term::tuple(ints(&[1, 2, 3]).list_to_vec().unwrap()), 3),
            "{1,2,...}"
        );
        assert_eq!(
            p(&Term::tuple(ints(&[1, 2, 3]).list_to_vec().unwrap()), 2),
            "{1,...}"
        );
        assert_eq!(p(&Term::tuple([]), 1), "{}");
        assert_eq!(
            p(&Term::list([ints(&[1, 2]), ints(&[3, 4])]), 3),
            "[[1|...],[...]]"
        );
        assert_eq!(p(&abc, 2), "#{a => 1,...}");
        assert_eq!(p(&abc, 3), "#{a => 1,b => 2,...}");
        assert_eq!(w(&abc, 1), "#{}");
        let two = Term::map([(Term::tuple([]), Term::int(1)), (Term::NIL, Term::int(2))]);
        assert_eq!(w(&two, 3), "#{{} => 1,[] => 2,...}");
        assert_eq!(p(&two, 3), "#{{} => 1,[] => 2}");
        assert_eq!(p(&abc, 1), "#{...}");
        assert_eq!(p(&Term::binary(&[1, 2, 3, 4, 5]), 2), "<<1,...>>");
        assert_eq!(p(&Term::binary(&[1, 2, 3, 4, 5]), 3), "<<1,2,...>>");
        assert_eq!(p(&Term::binary(b"abcdefghijkl"), 1), "<<...>>");
        assert_eq!(p(&Term::binary(b"abcdefghijkl"), 2), "<<\"abcd\"...>>");
        assert_eq!(p(&Term::binary(b"abcdefghijkl"), 5), "<<\"abcdefghijkl\">>");
        assert_eq!(
            p(&Term::tuple([Term::atom("a"), Term::string("abcdef")]), 2),
            "{a,...}"
        );
        assert_eq!(
            p(&Term::list([Term::atom("a"), Term::string("abcdef")]), 2),
            "[a|...]"
        );
        assert_eq!(
            p(&Term::improper_list([Term::atom("a")], Term::atom("b")), 1),
            "[...]"
        );
        assert_eq!(p(&Term::atom("x"), 0), "...");
        assert_eq!(p(&Term::list([Term::atom("x")]), 1), "[...]");
    }
}
