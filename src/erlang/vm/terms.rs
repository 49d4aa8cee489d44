//! Erlang's meaning of the operators on terms, as the interpreter and the
//! BIFs call them: the term order, the two equalities, arithmetic, and
//! lists.
//!
//! The work is the term core's (`runtime::term`): its order and equality
//! are OTP 25's (`1 == 1.0`, `1 =/= 1.0`, numbers < atoms < references <
//! funs < pids < tuples < maps < `[]` < lists < bitstrings), integers have
//! no bound (an overflow promotes to a bignum and a result that fits goes
//! back), and lists are cons cells, improper ones included (`[1,2] ++ 3`
//! is `[1,2|3]`). A string is the list of its character codes in every
//! way. What is left here is the interpreter's vocabulary: which operator
//! an opcode names, and which exception a failure raises.

use crate::erlang::opcodes::{ArithOp, CmpOp};
use crate::runtime::Term;
use crate::runtime::term::arith::{self, ArithError};
use std::cmp::Ordering;

/// Erlang's total order on terms (`==` is `compare(..) == Equal`).
pub fn compare(a: &Term, b: &Term) -> Ordering {
    a.compare(b)
}

/// `=:=`: the same term, `1 =/= 1.0`.
pub fn exact_eq(a: &Term, b: &Term) -> bool {
    a == b
}

/// A comparison operator's result.
pub fn compare_op(op: CmpOp, a: &Term, b: &Term) -> bool {
    match op {
        CmpOp::ExactEq => a == b,
        CmpOp::ExactNe => a != b,
        CmpOp::Eq => a.equals(b),
        CmpOp::Ne => !a.equals(b),
        CmpOp::Lt => a.compare(b) == Ordering::Less,
        CmpOp::Gt => a.compare(b) == Ordering::Greater,
        CmpOp::Le => a.compare(b) != Ordering::Greater,
        CmpOp::Ge => a.compare(b) != Ordering::Less,
    }
}

/// `A op B` for `+ - * / div rem band bor bxor bsl bsr`: `badarith` on a
/// non-number (non-integer for `div`, `rem`, the bitwise ones) or a
/// division by zero, `system_limit` past the largest integer.
#[inline(always)]
pub fn arith(op: ArithOp, a: &Term, b: &Term) -> Result<Term, ArithError> {
    // Two small integers' tagged words (2x + 1) combine bit by bit into
    // the result's own: `&` and `|` keep the tag bit, `^` clears it.
    if let (ArithOp::Band | ArithOp::Bor | ArithOp::Bxor, Some((x, y))) =
        (op, Term::small_words(a, b))
    {
        return Ok(Term::from_small_word(match op {
            ArithOp::Band => x & y,
            ArithOp::Bor => x | y,
            _ => (x ^ y) | 1,
        }));
    }
    match op {
        ArithOp::Add => arith::add(a, b),
        ArithOp::Sub => arith::sub(a, b),
        ArithOp::Mul => arith::mul(a, b),
        ArithOp::Div => arith::fdiv(a, b),
        ArithOp::IntDiv => arith::int_div(a, b),
        ArithOp::Rem => arith::rem(a, b),
        ArithOp::Band => arith::band(a, b),
        ArithOp::Bor => arith::bor(a, b),
        ArithOp::Bxor => arith::bxor(a, b),
        ArithOp::Bsl => arith::bsl(a, b),
        ArithOp::Bsr => arith::bsr(a, b),
    }
}

/// Unary minus and plus.
pub fn unary(negate: bool, term: &Term) -> Result<Term, ArithError> {
    if negate {
        arith::neg(term)
    } else {
        arith::plus(term)
    }
}

/// Whether a term is a proper list.
pub fn is_list(term: &Term) -> bool {
    term.is_list()
}

/// The length of a proper list.
pub fn list_len(term: &Term) -> Option<usize> {
    term.list_len()
}

/// The elements of a proper list.
pub fn list_items(term: &Term) -> Option<Vec<Term>> {
    term.list_to_vec()
}

/// `[H | T]` taken apart: `None` for `[]` and non-lists.
pub fn uncons(term: &Term) -> Option<(Term, Term)> {
    term.as_cons().map(|(h, t)| (h.clone(), t.clone()))
}

/// `[head | tail]`, whatever the tail (an improper list when it is not a
/// list).
pub fn cons(head: Term, tail: Term) -> Term {
    Term::cons(head, tail)
}

/// `a ++ b`; `None` unless `a` is a proper list (`b` may be anything: the
/// result is improper when it is not a list, as on the BEAM).
pub fn append(a: Term, b: Term) -> Option<Term> {
    a.append(b)
}

/// `a -- b`: removes, for each element of b, its first occurrence in a;
/// `None` unless both are proper lists.
pub fn subtract(a: Term, b: &Term) -> Option<Term> {
    a.subtract(b)
}

/// `lists:reverse(L, Tail)`.
pub fn reverse(list: Term, tail: Term) -> Option<Term> {
    list.reverse_onto(tail)
}

/// A boolean as a term.
pub fn boolean(b: bool) -> Term {
    Term::boolean(b)
}

/// The boolean a term is, if it is `true` or `false`.
pub fn as_bool(term: &Term) -> Option<bool> {
    term.as_bool()
}
