//! The BIFs on binaries and on integers as text, with OTP 25's
//! behaviour and error reasons: `byte_size/1`, `bit_size/1`,
//! `is_binary/1`, `is_bitstring/1`, `size/1`, `binary_part/2,3` (guard
//! BIFs), `binary_to_list/1,3`, `bitstring_to_list/1`, `list_to_binary/1`,
//! `list_to_bitstring/1`, `iolist_to_binary/1`, `iolist_size/1`,
//! `split_binary/2`, `binary_to_atom/1,2`, `atom_to_binary/1,2`, and
//! `integer_to_list/2`, `list_to_integer/1,2`, `integer_to_binary/1,2`,
//! `binary_to_integer/1,2`; and the operators as the `erlang` module
//! exports them (`erlang:'band'/2`, ..., `erlang:'bnot'/1`).
//!
//! A table of its own beside `bifs.rs`'s ([`BIFS`], chained by
//! `bifs::TABLES`): a failure is `badarg` (or `system_limit` for an atom
//! too long), and the interpreter puts the BIF's frame with its arguments
//! first, as erts does. Walking an iolist keeps an explicit stack, as
//! everything that walks a term.

use super::bifs::{Bif, pure};
use super::errors::Raise;
use crate::runtime::term::arith::{self, ArithError};
use crate::runtime::term::bignum::{int_to_string_radix, parse_int_radix};
use crate::runtime::term::{Bitstring, View};
use crate::runtime::{Atom, Process, Term};

/// The BIFs of this file.
pub static BIFS: &[Bif] = &[
    // Guard BIFs and type tests.
    pure("erlang", "is_binary", 1, true, |_, a| {
        Ok(Term::boolean(
            a[0].as_bits().is_some_and(Bitstring::is_binary),
        ))
    }),
    pure("erlang", "is_bitstring", 1, true, |_, a| {
        Ok(Term::boolean(a[0].as_bits().is_some()))
    }),
    pure("erlang", "byte_size", 1, true, |_, a| {
        Ok(Term::int(bits(&a[0])?.byte_len() as i64))
    }),
    pure("erlang", "bit_size", 1, true, |_, a| {
        Ok(Term::int(bits(&a[0])?.bit_len() as i64))
    }),
    pure("erlang", "size", 1, true, |_, a| match a[0].as_tuple() {
        Some(items) => Ok(Term::int(items.len() as i64)),
        None => Ok(Term::int(bits(&a[0])?.byte_len() as i64)),
    }),
    pure("erlang", "binary_part", 2, true, |_, a| {
        match a[1].as_tuple() {
            Some([start, len]) => binary_part(&a[0], start, len),
            _ => Err(Raise::badarg()),
        }
    }),
    pure("erlang", "binary_part", 3, true, |_, a| {
        binary_part(&a[0], &a[1], &a[2])
    }),
    // Binaries and lists.
    pure("erlang", "binary_to_list", 1, false, |p, a| {
        let bytes = binary(&a[0])?;
        charge(p, bytes.len());
        Ok(byte_list(bytes))
    }),
    pure("erlang", "binary_to_list", 3, false, binary_to_list_3),
    pure("erlang", "bitstring_to_list", 1, false, |p, a| {
        let b = bits(&a[0])?;
        charge(p, b.byte_len());
        let whole = b.bit_len() / 8 * 8;
        let bytes = (0..whole / 8).map(|i| Term::int(b.read(8 * i, 8) as i64));
        let tail = match b.bit_len() - whole {
            0 => Term::NIL,
            n => Term::list([Term::bits(b.slice(whole, n).expect("the last bits"))]),
        };
        Ok(Term::improper_list(bytes.collect::<Vec<_>>(), tail))
    }),
    pure("erlang", "list_to_binary", 1, false, |p, a| {
        if !a[0].is_list() && !a[0].is_nil() {
            return Err(Raise::badarg());
        }
        let bytes = a[0].iolist_bytes().ok_or_else(Raise::badarg)?;
        charge(p, bytes.len());
        Ok(Term::binary(&bytes))
    }),
    pure("erlang", "iolist_to_binary", 1, false, |p, a| {
        if a[0].as_bits().is_some_and(Bitstring::is_binary) {
            return Ok(a[0].clone());
        }
        let bytes = a[0].iolist_bytes().ok_or_else(Raise::badarg)?;
        charge(p, bytes.len());
        Ok(Term::binary(&bytes))
    }),
    pure("erlang", "iolist_size", 1, false, |p, a| {
        let n = iolist_size(&a[0]).ok_or_else(Raise::badarg)?;
        charge(p, n);
        Ok(Term::from_u64(n as u64))
    }),
    pure("erlang", "list_to_bitstring", 1, false, |p, a| {
        if !a[0].is_list() && !a[0].is_nil() {
            return Err(Raise::badarg());
        }
        let b = bitstring_list(&a[0]).ok_or_else(Raise::badarg)?;
        charge(p, b.byte_len());
        Ok(Term::bits(b))
    }),
    pure("erlang", "split_binary", 2, false, |_, a| {
        let b = whole_binary(&a[0])?;
        let n = a[1]
            .as_small()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| n.checked_mul(8).is_some_and(|bits| bits <= b.bit_len()))
            .ok_or_else(Raise::badarg)?;
        let head = b.slice(0, 8 * n).expect("within");
        let tail = b.slice(8 * n, b.bit_len() - 8 * n).expect("within");
        Ok(Term::tuple([Term::bits(head), Term::bits(tail)]))
    }),
    // Atoms.
    pure("erlang", "atom_to_binary", 1, false, |_, a| {
        atom_to_binary(&a[0], &Term::atom("utf8"))
    }),
    pure("erlang", "atom_to_binary", 2, false, |_, a| {
        atom_to_binary(&a[0], &a[1])
    }),
    pure("erlang", "binary_to_atom", 1, false, |_, a| {
        binary_to_atom(&a[0], &Term::atom("utf8"))
    }),
    pure("erlang", "binary_to_atom", 2, false, |_, a| {
        binary_to_atom(&a[0], &a[1])
    }),
    // Integers as text, in any base from 2 to 36.
    pure("erlang", "integer_to_list", 2, false, |_, a| {
        let text = integer_text(&a[0], &a[1])?;
        Ok(Term::string(&text))
    }),
    pure("erlang", "integer_to_binary", 1, false, |_, a| {
        let text = integer_text(&a[0], &Term::int(10))?;
        Ok(Term::binary(text.as_bytes()))
    }),
    pure("erlang", "integer_to_binary", 2, false, |_, a| {
        let text = integer_text(&a[0], &a[1])?;
        Ok(Term::binary(text.as_bytes()))
    }),
    pure("erlang", "list_to_integer", 1, false, |_, a| {
        parse(&list_text(&a[0])?, &Term::int(10))
    }),
    pure("erlang", "list_to_integer", 2, false, |_, a| {
        parse(&list_text(&a[0])?, &a[1])
    }),
    pure("erlang", "binary_to_integer", 1, false, |_, a| {
        parse(&binary_text(&a[0])?, &Term::int(10))
    }),
    pure("erlang", "binary_to_integer", 2, false, |_, a| {
        parse(&binary_text(&a[0])?, &a[1])
    }),
    // The operators, as `erlang` exports them (`erlang:'band'(A, B)`);
    // `bnot X` compiles to the BIF itself.
    Bif {
        auto: false,
        ..pure("erlang", "bnot", 1, true, |_, a| super::bits::bnot(&a[0]))
    },
    Bif {
        auto: false,
        ..pure("erlang", "band", 2, true, |_, a| {
            operator(arith::band(&a[0], &a[1]))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "bor", 2, true, |_, a| {
            operator(arith::bor(&a[0], &a[1]))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "bxor", 2, true, |_, a| {
            operator(arith::bxor(&a[0], &a[1]))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "bsl", 2, true, |_, a| {
            operator(arith::bsl(&a[0], &a[1]))
        })
    },
    Bif {
        auto: false,
        ..pure("erlang", "bsr", 2, true, |_, a| {
            operator(arith::bsr(&a[0], &a[1]))
        })
    },
];

/// One more reduction per 16 bytes of work, as `bifs.rs` charges lists.
fn charge(process: &Process, n: usize) {
    process.bump_reductions((n / 16).min(100_000) as u32);
}

fn operator(result: Result<Term, ArithError>) -> Result<Term, Raise> {
    result.map_err(|e| {
        Raise::error(Term::atom(match e {
            ArithError::Badarith => "badarith",
            ArithError::SystemLimit => "system_limit",
        }))
    })
}

/// A bitstring, or `badarg`.
fn bits(term: &Term) -> Result<&Bitstring, Raise> {
    term.as_bits().ok_or_else(Raise::badarg)
}

/// A binary (a whole number of bytes), or `badarg`.
fn whole_binary(term: &Term) -> Result<&Bitstring, Raise> {
    bits(term)?
        .is_binary()
        .then(|| bits(term).expect("checked"))
        .ok_or_else(Raise::badarg)
}

/// A binary's bytes, or `badarg`.
fn binary(term: &Term) -> Result<Vec<u8>, Raise> {
    Ok(whole_binary(term)?.to_padded_bytes())
}

fn byte_list(bytes: Vec<u8>) -> Term {
    Term::list(bytes.into_iter().map(|b| Term::int(i64::from(b))))
}

/// `binary_to_list(Binary, Start, Stop)`: bytes `Start..=Stop`, from 1.
fn binary_to_list_3(p: &Process, a: &[Term]) -> Result<Term, Raise> {
    let bytes = binary(&a[0])?;
    let (Some(start), Some(stop)) = (a[1].as_small(), a[2].as_small()) else {
        return Err(Raise::badarg());
    };
    if start < 1 || stop < start || stop as usize > bytes.len() {
        return Err(Raise::badarg());
    }
    charge(p, (stop - start) as usize);
    Ok(byte_list(bytes[start as usize - 1..stop as usize].to_vec()))
}

/// `binary_part(Binary, Start, Length)`: `Length` bytes from `Start` (from
/// 0); a negative length counts back from `Start`.
fn binary_part(b: &Term, start: &Term, len: &Term) -> Result<Term, Raise> {
    let b = whole_binary(b)?;
    let size = (b.bit_len() / 8) as i64;
    let (Some(start), Some(len)) = (start.as_small(), len.as_small()) else {
        return Err(Raise::badarg());
    };
    let (from, to) = if len >= 0 {
        (start, start.checked_add(len).ok_or_else(Raise::badarg)?)
    } else {
        (start + len, start)
    };
    if from < 0 || to > size || start < 0 || start > size {
        return Err(Raise::badarg());
    }
    let part = b
        .slice(8 * from as usize, 8 * (to - from) as usize)
        .ok_or_else(Raise::badarg)?;
    Ok(Term::bits(part))
}

/// `iolist_size/1`: the bytes an iolist (or a binary) would make.
fn iolist_size(term: &Term) -> Option<usize> {
    let mut n = 0usize;
    let mut stack = vec![term];
    while let Some(t) = stack.pop() {
        match t.view() {
            View::Bits(b) if b.is_binary() => n += b.bit_len() / 8,
            View::Nil => {}
            View::Cons(h, tail) => {
                stack.push(tail);
                match h.view() {
                    View::Int(byte) if (0..=255).contains(&byte) => n += 1,
                    View::Cons(..) | View::Nil | View::Bits(_) => stack.push(h),
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some(n)
}

/// `list_to_bitstring/1`: bytes and bitstrings (any length), nested, a
/// bitstring as the tail.
fn bitstring_list(term: &Term) -> Option<Bitstring> {
    let mut out = Bitstring::default();
    let mut stack = vec![term];
    while let Some(t) = stack.pop() {
        match t.view() {
            View::Bits(b) => out.push_bitstring(b),
            View::Nil => {}
            View::Cons(h, tail) => {
                stack.push(tail);
                match h.view() {
                    View::Int(byte) => out.push_bits(u8::try_from(byte).ok()?.into(), 8),
                    View::Cons(..) | View::Nil | View::Bits(_) => stack.push(h),
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// `atom_to_binary(Atom, Encoding)`: `latin1` (every character below 256)
/// or `utf8`/`unicode`.
fn atom_to_binary(atom: &Term, encoding: &Term) -> Result<Term, Raise> {
    let name = atom.as_atom().ok_or_else(Raise::badarg)?;
    let name = name.name();
    match encoding_of(encoding)? {
        Encoding::Latin1 => {
            let bytes: Option<Vec<u8>> = name.chars().map(|c| u8::try_from(c).ok()).collect();
            Ok(Term::binary(&bytes.ok_or_else(Raise::badarg)?))
        }
        Encoding::Utf8 => Ok(Term::binary(name.as_bytes())),
    }
}

/// `binary_to_atom(Binary, Encoding)`: `system_limit` past 255
/// characters, as for every atom.
fn binary_to_atom(b: &Term, encoding: &Term) -> Result<Term, Raise> {
    let bytes = binary(b)?;
    let text = match encoding_of(encoding)? {
        Encoding::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
        Encoding::Utf8 => String::from_utf8(bytes).map_err(|_| Raise::badarg())?,
    };
    if text.chars().count() > 255 {
        return Err(Raise::error(Term::atom("system_limit")));
    }
    Ok(Term::from_atom(Atom::new(&text)))
}

enum Encoding {
    Latin1,
    Utf8,
}

fn encoding_of(term: &Term) -> Result<Encoding, Raise> {
    match term.as_atom().map(|a| a.name()) {
        Some("latin1") => Ok(Encoding::Latin1),
        Some("utf8" | "unicode") => Ok(Encoding::Utf8),
        _ => Err(Raise::badarg()),
    }
}

/// `integer_to_list(N, Base)`'s text: digits in upper case.
fn integer_text(n: &Term, base: &Term) -> Result<String, Raise> {
    let i = n.as_integer().ok_or_else(Raise::badarg)?;
    let base = radix(base)?;
    Ok(int_to_string_radix(i, base))
}

fn radix(base: &Term) -> Result<u32, Raise> {
    base.as_small()
        .filter(|b| (2..=36).contains(b))
        .map(|b| b as u32)
        .ok_or_else(Raise::badarg)
}

/// `list_to_integer(Text, Base)`: an optional sign, then digits of the
/// base (either case); anything else is `badarg`.
fn parse(text: &str, base: &Term) -> Result<Term, Raise> {
    let base = radix(base)?;
    parse_int_radix(text, base).ok_or_else(Raise::badarg)
}

/// The characters of a string, or `badarg` (an improper list, or
/// anything but character codes).
fn list_text(term: &Term) -> Result<String, Raise> {
    let mut text = String::new();
    let mut items = term.iter_list();
    for item in items.by_ref() {
        let c = item
            .as_small()
            .and_then(|c| u32::try_from(c).ok())
            .and_then(char::from_u32)
            .ok_or_else(Raise::badarg)?;
        text.push(c);
    }
    if !items.rest().is_nil() {
        return Err(Raise::badarg());
    }
    Ok(text)
}

/// A binary's bytes as Latin-1 text, or `badarg`.
fn binary_text(term: &Term) -> Result<String, Raise> {
    Ok(binary(term)?.into_iter().map(char::from).collect())
}

/// What `~s` prints for a term, as `io_lib:format` takes it: an atom's
/// name, a binary's bytes as Latin-1 characters, or a (deep) list of
/// characters and binaries; `None` (`badarg`) for anything else.
pub fn string_arg(term: &Term) -> Option<String> {
    if let Some(a) = term.as_atom() {
        return Some(a.name().to_owned());
    }
    let mut out = String::new();
    let mut stack = vec![term];
    while let Some(t) = stack.pop() {
        match t.view() {
            View::Bits(b) if b.is_binary() => {
                out.extend(b.to_padded_bytes().into_iter().map(char::from));
            }
            View::Nil => {}
            View::Cons(h, tail) => {
                stack.push(tail);
                match h.view() {
                    View::Int(c) => out.push(u32::try_from(c).ok().and_then(char::from_u32)?),
                    View::Cons(..) | View::Nil | View::Bits(_) => stack.push(h),
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some(out)
}
