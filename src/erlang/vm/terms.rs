//! Erlang's meaning of operations on terms: the order across types,
//! equality, arithmetic, and lists (strings included).
//!
//! **Term order** (`erlang:'<'/2`): number < atom < reference < fun < port
//! < pid < tuple < map < list. Numbers compare by value (`1 == 1.0`,
//! `1 < 1.5`); `=:=` also compares types (`1 =/= 1.0`). Atoms compare by
//! their text, tuples by size and then element by element, lists element
//! by element (a proper prefix is smaller, `[]` is the smallest list).
//!
//! **Strings.** The command language keeps a string as one term,
//! `Term::Str`, for readable printing; Erlang's strings are lists of
//! character codes. The VM treats a `Str` exactly as the list of its
//! characters' code points, everywhere it matters: `"ab" =:= [97, 98]`,
//! `[H | T] = "ab"` binds `H = 97` and `T = "b"`, `hd("ab") =:= 97`,
//! `length("héllo") =:= 5`, `"ab" < "b"` and `"" =:= []`. Results stay
//! strings where they can: `"ab" ++ "cd"`, `[$a | "bc"]` (as `[97 | "bc"]`)
//! and `lists:reverse("ab")` give `Str`, so they print as strings; a list
//! that mixes in other terms prints as a list, as Erlang's shell does.
//!
//! **Integers** are i64 (the command language's terms). An operation whose
//! result does not fit raises `badarith` rather than wrap: Erlang's
//! integers are unbounded, so a result Erlang would compute is an error
//! here, never a wrong number. Floats that overflow to infinity raise
//! `badarith` too, as on the BEAM.
//!
//! **Lists** are `Term::List(Vec<Term>)`: `[H | T]` on a list of n
//! elements copies the n - 1 of the tail, and `[X | L]` copies L. Fine for
//! the short lists of a teaching session; a loop over a long list is
//! quadratic here where the BEAM's cons cells are linear. The playground
//! has no improper lists: a tail that is not a list is `badarg`.

use crate::erlang::opcodes::{ArithOp, CmpOp};
use crate::runtime::Term;
use std::cmp::Ordering;
use std::sync::Arc;

/// The class of a term in Erlang's order.
fn rank(term: &Term) -> u8 {
    match term {
        Term::Int(_) | Term::Float(_) => 0,
        Term::Atom(_) => 1,
        Term::Ref(_) => 2,
        Term::Fun(_) => 3,
        Term::Pid(_) => 5,
        Term::Tuple(_) => 6,
        Term::List(_) | Term::Str(_) => 8,
    }
}

/// Erlang's total order on terms (`==` is `compare(..) == Equal`).
pub fn compare(a: &Term, b: &Term) -> Ordering {
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x.cmp(y),
        (Term::Float(x), Term::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Term::Int(x), Term::Float(y)) => int_float(*x, *y),
        (Term::Float(x), Term::Int(y)) => int_float(*y, *x).reverse(),
        (Term::Atom(x), Term::Atom(y)) => x.name().cmp(y.name()),
        (Term::Ref(x), Term::Ref(y)) => x.cmp(y),
        (Term::Pid(x), Term::Pid(y)) => x.cmp(y),
        (Term::Fun(x), Term::Fun(y)) => format!("{x:?}").cmp(&format!("{y:?}")),
        (Term::Tuple(x), Term::Tuple(y)) => x
            .len()
            .cmp(&y.len())
            .then_with(|| compare_seq(x.iter(), y.iter())),
        (Term::Str(x), Term::Str(y)) => x.as_ref().cmp(y.as_ref()),
        (Term::List(x), Term::List(y)) => compare_seq(x.iter(), y.iter()),
        (Term::Str(x), Term::List(y)) => compare_chars(x, y),
        (Term::List(x), Term::Str(y)) => compare_chars(y, x).reverse(),
        _ => rank(a).cmp(&rank(b)),
    }
}

fn int_float(i: i64, f: f64) -> Ordering {
    let as_float = i as f64;
    match as_float.partial_cmp(&f).unwrap_or(Ordering::Equal) {
        // Beyond 2^53 the conversion rounds: compare exactly.
        Ordering::Equal if f.abs() < 9.0e18 => i128::from(i).cmp(&(f as i128)),
        order => order,
    }
}

fn compare_seq<'a>(
    mut x: impl Iterator<Item = &'a Term>,
    mut y: impl Iterator<Item = &'a Term>,
) -> Ordering {
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(a), Some(b)) => match compare(a, b) {
                Ordering::Equal => {}
                order => return order,
            },
        }
    }
}

fn compare_chars(s: &str, list: &[Term]) -> Ordering {
    let chars: Vec<Term> = s.chars().map(|c| Term::Int(c as i64)).collect();
    compare_seq(chars.iter(), list.iter())
}

/// `=:=`: structural equality where a string equals the list of its
/// codes and `1 =/= 1.0`.
pub fn exact_eq(a: &Term, b: &Term) -> bool {
    match (a, b) {
        (Term::Tuple(x), Term::Tuple(y)) | (Term::List(x), Term::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| exact_eq(a, b))
        }
        (Term::Str(s), Term::List(l)) | (Term::List(l), Term::Str(s)) => {
            s.chars().count() == l.len()
                && s.chars()
                    .zip(l)
                    .all(|(c, t)| matches!(t, Term::Int(n) if *n == c as i64))
        }
        _ => a == b,
    }
}

/// A comparison operator's result.
pub fn compare_op(op: CmpOp, a: &Term, b: &Term) -> bool {
    match op {
        CmpOp::ExactEq => exact_eq(a, b),
        CmpOp::ExactNe => !exact_eq(a, b),
        CmpOp::Eq => compare(a, b) == Ordering::Equal,
        CmpOp::Ne => compare(a, b) != Ordering::Equal,
        CmpOp::Lt => compare(a, b) == Ordering::Less,
        CmpOp::Gt => compare(a, b) == Ordering::Greater,
        CmpOp::Le => compare(a, b) != Ordering::Greater,
        CmpOp::Ge => compare(a, b) != Ordering::Less,
    }
}

/// `badarith` is the only way arithmetic fails.
pub struct BadArith;

pub fn arith(op: ArithOp, a: &Term, b: &Term) -> Result<Term, BadArith> {
    use ArithOp::*;
    match (op, a, b) {
        (Add, Term::Int(x), Term::Int(y)) => x.checked_add(*y).map(Term::Int).ok_or(BadArith),
        (Sub, Term::Int(x), Term::Int(y)) => x.checked_sub(*y).map(Term::Int).ok_or(BadArith),
        (Mul, Term::Int(x), Term::Int(y)) => x.checked_mul(*y).map(Term::Int).ok_or(BadArith),
        (IntDiv, Term::Int(x), Term::Int(y)) => x.checked_div(*y).map(Term::Int).ok_or(BadArith),
        // `rem` takes the sign of the dividend, like Rust's `%`.
        (Rem, Term::Int(x), Term::Int(y)) => x.checked_rem(*y).map(Term::Int).ok_or(BadArith),
        (IntDiv | Rem, _, _) => Err(BadArith),
        (Add | Sub | Mul | Div, _, _) => {
            let (x, y) = (float(a)?, float(b)?);
            let result = match op {
                Add => x + y,
                Sub => x - y,
                Mul => x * y,
                _ if y == 0.0 => return Err(BadArith),
                _ => x / y,
            };
            if result.is_finite() {
                Ok(Term::Float(result))
            } else {
                Err(BadArith)
            }
        }
    }
}

fn float(term: &Term) -> Result<f64, BadArith> {
    match term {
        Term::Int(n) => Ok(*n as f64),
        Term::Float(x) => Ok(*x),
        _ => Err(BadArith),
    }
}

/// Unary minus and plus.
pub fn unary(negate: bool, term: &Term) -> Result<Term, BadArith> {
    match (negate, term) {
        (true, Term::Int(n)) => n.checked_neg().map(Term::Int).ok_or(BadArith),
        (true, Term::Float(x)) => Ok(Term::Float(-x)),
        (false, Term::Int(_) | Term::Float(_)) => Ok(term.clone()),
        _ => Err(BadArith),
    }
}

/// Whether a term is a (proper) list: a list or a string.
pub fn is_list(term: &Term) -> bool {
    matches!(term, Term::List(_) | Term::Str(_))
}

/// The length of a list or string.
pub fn list_len(term: &Term) -> Option<usize> {
    match term {
        Term::List(items) => Some(items.len()),
        Term::Str(s) => Some(s.chars().count()),
        _ => None,
    }
}

/// The elements of a list or string (codes for a string).
pub fn list_items(term: &Term) -> Option<Vec<Term>> {
    match term {
        Term::List(items) => Some(items.clone()),
        Term::Str(s) => Some(s.chars().map(|c| Term::Int(c as i64)).collect()),
        _ => None,
    }
}

/// Like [`list_items`], consuming the term (no copy for a list).
pub fn into_list_items(term: Term) -> Result<Vec<Term>, Term> {
    match term {
        Term::List(items) => Ok(items),
        Term::Str(s) => Ok(s.chars().map(|c| Term::Int(c as i64)).collect()),
        other => Err(other),
    }
}

/// The character a code stands for, if it is one.
fn as_char(term: &Term) -> Option<char> {
    match term {
        Term::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32),
        _ => None,
    }
}

/// A list of character codes back as a string, if every element is one.
fn chars_to_str(items: &[Term]) -> Option<Term> {
    let text: Option<String> = items.iter().map(as_char).collect();
    text.map(|t| Term::Str(Arc::from(t)))
}

/// `[H | T]` taken apart: `None` for `[]`, `""` and non-lists.
pub fn uncons(term: &Term) -> Option<(Term, Term)> {
    match term {
        Term::List(items) if !items.is_empty() => {
            Some((items[0].clone(), Term::List(items[1..].to_vec())))
        }
        Term::Str(s) => {
            let mut chars = s.chars();
            let first = chars.next()?;
            Some((
                Term::Int(first as i64),
                Term::Str(Arc::from(chars.as_str())),
            ))
        }
        _ => None,
    }
}

/// `[head | tail]`: `None` if the tail is not a list.
pub fn cons(head: Term, tail: Term) -> Option<Term> {
    match tail {
        Term::List(mut items) => {
            items.insert(0, head);
            Some(Term::List(items))
        }
        Term::Str(s) => match as_char(&head) {
            Some(c) => {
                let mut text = String::with_capacity(s.len() + 4);
                text.push(c);
                text.push_str(&s);
                Some(Term::Str(Arc::from(text)))
            }
            None => {
                let mut items = vec![head];
                items.extend(s.chars().map(|c| Term::Int(c as i64)));
                Some(Term::List(items))
            }
        },
        _ => None,
    }
}

/// `a ++ b`; `None` unless both are lists. A string stays a string when
/// the other side is a string or a list of character codes.
pub fn append(a: Term, b: Term) -> Option<Term> {
    match (a, b) {
        (Term::Str(x), Term::Str(y)) => Some(Term::Str(Arc::from(format!("{x}{y}")))),
        (Term::List(x), b) if x.is_empty() && is_list(&b) => Some(b),
        (a, Term::List(y)) if y.is_empty() && is_list(&a) => Some(a),
        (a, b) => {
            let either_str = matches!(a, Term::Str(_)) || matches!(b, Term::Str(_));
            let mut items = into_list_items(a).ok()?;
            items.extend(into_list_items(b).ok()?);
            Some(match either_str.then(|| chars_to_str(&items)).flatten() {
                Some(text) => text,
                None => Term::List(items),
            })
        }
    }
}

/// `a -- b`: removes, for each element of b, its first occurrence in a.
pub fn subtract(a: Term, b: &Term) -> Option<Term> {
    let was_str = matches!(a, Term::Str(_));
    let mut items = into_list_items(a).ok()?;
    for remove in list_items(b)? {
        if let Some(i) = items.iter().position(|t| exact_eq(t, &remove)) {
            items.remove(i);
        }
    }
    Some(match was_str.then(|| chars_to_str(&items)).flatten() {
        Some(text) => text,
        None => Term::List(items),
    })
}

/// `lists:reverse(L, Tail)`.
pub fn reverse(list: Term, tail: Term) -> Option<Term> {
    let was_str = matches!(list, Term::Str(_));
    let mut items = into_list_items(list).ok()?;
    items.reverse();
    let reversed = match was_str.then(|| chars_to_str(&items)).flatten() {
        Some(text) => text,
        None => Term::List(items),
    };
    append(reversed, tail)
}

/// A boolean as a term.
pub fn boolean(b: bool) -> Term {
    Term::Atom(if b {
        crate::runtime::Atom::TRUE
    } else {
        crate::runtime::Atom::FALSE
    })
}

/// The boolean a term is, if it is `true` or `false`.
pub fn as_bool(term: &Term) -> Option<bool> {
    match term {
        Term::Atom(a) if *a == crate::runtime::Atom::TRUE => Some(true),
        Term::Atom(a) if *a == crate::runtime::Atom::FALSE => Some(false),
        _ => None,
    }
}
