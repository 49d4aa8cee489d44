//! One equality and one term order, for every caller: OTP 25's.
//!
//! * [`compare`] is Erlang's `<`, `==`, `>`: number < atom < reference <
//!   fun < port < pid < tuple < map < nil < list < bit string; numbers by
//!   value, exactly (`1 == 1.0`, `(1 bsl 53) + 1 > 9007199254740992.0`);
//!   atoms by their text; tuples by size, then element by element; lists
//!   as cons cells, head then tail (so `[1 | 2] < [1, 2]`: the tail `2` is
//!   a number); maps by size, then their keys in map-key order, then their
//!   values in key order; bitstrings bit by bit; funs as erts 13 does (a
//!   local fun before an external one; locals by module, index, unique
//!   id, then captured values; externals by module, function, arity).
//! * [`exact_eq`] is `=:=` (and Rust's `==` on terms): `1 =/= 1.0`.
//! * [`exact_compare`] is the order `=:=` goes with, Rust's `Ord` on
//!   terms and the order of map keys: the same as [`compare`] except that
//!   every integer sorts before every float (`#{2 => a, 1.0 => b}` prints
//!   in that order, and `#{1 => a} < #{1.0 => a}`).
//!
//! Map keys are always compared exactly, even under `==` (erts does the
//! same): `#{1 => a} == #{1.0 => a}` is false, `#{a => 1} == #{a => 1.0}`
//! is true. `0.0` and `-0.0` are equal under both (OTP 25; OTP 27 changed
//! `=:=`).
//!
//! Nothing recurses on depth: one loop and an explicit stack of pending
//! pairs. A list's tail is taken in the same loop, so a long list keeps the
//! stack at one entry; only nesting in heads and elements grows it. (One
//! exception, bounded by memory rather than depth: ordering two maps of
//! more than 32 keys sorts their keys, and a key that is itself such a map
//! sorts its own in a nested call.)

use crate::runtime::term::bignum::{Int, cmp_int_float};
use crate::runtime::term::fun::FunKind;
use crate::runtime::term::word::{Term, Type, View};
use std::cmp::Ordering;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// `==` and `<`: integers and floats compare by value.
    Arith,
    /// `=:=`: an integer is never equal to a float; all integers first.
    Exact,
}

/// Erlang's term order (`<`, `==`).
pub fn compare(a: &Term, b: &Term) -> Ordering {
    run(a, b, Mode::Arith)
}

/// `A < B`, with two small integers compared inline (a loop's `N < Max`
/// guard).
#[inline]
pub fn less(a: &Term, b: &Term) -> bool {
    match Term::small_words(a, b) {
        // Tagged words order as their values do.
        Some((x, y)) => x < y,
        None => compare(a, b) == Ordering::Less,
    }
}

/// `==`.
pub fn equal(a: &Term, b: &Term) -> bool {
    compare(a, b) == Ordering::Equal
}

/// `=:=`. Two different words of which one is an immediate (a small
/// integer, an atom, `[]`, a pid, a reference) are never `=:=`: every
/// integer has one canonical form (`bignum.rs`), so a small one never
/// equals a bignum node, and a float never equals an integer exactly. So
/// only two pointers need the walk, and a receive's `0 -> ...` clause
/// rejects any other small integer without it.
#[inline]
pub fn exact_eq(a: &Term, b: &Term) -> bool {
    a.same(b) || (a.is_pointer() && b.is_pointer() && run(a, b, Mode::Exact) == Ordering::Equal)
}

/// The total order consistent with `=:=` (map key order).
pub fn exact_compare(a: &Term, b: &Term) -> Ordering {
    run(a, b, Mode::Exact)
}

/// What remains to be compared.
enum Task<'a> {
    Pair(&'a Term, &'a Term, Mode),
    /// Element-wise, in order (tuples, funs' captured values, flatmaps'
    /// keys and values).
    Slices(&'a [Term], &'a [Term], Mode),
    /// The same, for terms gathered from a larger map.
    Gathered(Vec<&'a Term>, Vec<&'a Term>, usize, Mode),
}

fn run(a: &Term, b: &Term, mode: Mode) -> Ordering {
    let mut stack: Vec<Task<'_>> = Vec::new();
    let (mut x, mut y, mut m) = (a, b, mode);
    loop {
        let order = step(x, y, m, &mut stack);
        if order != Ordering::Equal {
            return order;
        }
        // The next pair to compare, if any.
        loop {
            match stack.pop() {
                None => return Ordering::Equal,
                Some(Task::Pair(p, q, mode)) => {
                    (x, y, m) = (p, q, mode);
                    break;
                }
                Some(Task::Slices(p, q, mode)) => {
                    if let (Some((p0, prest)), Some((q0, qrest))) =
                        (p.split_first(), q.split_first())
                    {
                        if !prest.is_empty() {
                            stack.push(Task::Slices(prest, qrest, mode));
                        }
                        (x, y, m) = (p0, q0, mode);
                        break;
                    }
                }
                Some(Task::Gathered(p, q, i, mode)) => {
                    if i < p.len() {
                        let (p0, q0) = (p[i], q[i]);
                        stack.push(Task::Gathered(p, q, i + 1, mode));
                        (x, y, m) = (p0, q0, mode);
                        break;
                    }
                }
            }
        }
    }
}

/// Compares `a` and `b` as far as they can be without their children;
/// pushes the children still to compare (in the order they are to be
/// compared, last pushed first).
fn step<'a>(mut a: &'a Term, mut b: &'a Term, mode: Mode, stack: &mut Vec<Task<'a>>) -> Ordering {
    // A run of heads that are lists ([[[...]]]) is followed in this loop.
    while let (View::Cons(ha, ta), View::Cons(hb, tb)) = (a.view(), b.view()) {
        if a.same(b) {
            return Ordering::Equal;
        }
        stack.push(Task::Pair(ta, tb, mode));
        (a, b) = (ha, hb);
    }
    if a.same(b) {
        return Ordering::Equal;
    }
    let (ta, tb) = (a.type_of(), b.type_of());
    if ta != tb {
        return ta.cmp(&tb);
    }
    match (a.view(), b.view()) {
        (View::Tuple(xs), View::Tuple(ys)) => {
            let by_size = xs.len().cmp(&ys.len());
            if by_size == Ordering::Equal && !xs.is_empty() {
                stack.push(Task::Slices(xs, ys, mode));
            }
            by_size
        }
        (View::Atom(x), View::Atom(y)) => {
            if x == y {
                Ordering::Equal
            } else {
                x.name().cmp(y.name())
            }
        }
        (View::Map(x), View::Map(y)) => {
            let by_size = x.len().cmp(&y.len());
            if by_size != Ordering::Equal {
                return by_size;
            }
            match (x.flat_parts(), y.flat_parts()) {
                (Some((kx, vx)), Some((ky, vy))) => {
                    // Keys first (exactly), then values: pushed in reverse.
                    if !kx.is_empty() {
                        stack.push(Task::Slices(vx, vy, mode));
                        stack.push(Task::Slices(kx, ky, Mode::Exact));
                    }
                }
                _ => {
                    let (ex, ey) = (x.sorted_entries(), y.sorted_entries());
                    let (kx, vx): (Vec<&Term>, Vec<&Term>) = ex.into_iter().unzip();
                    let (ky, vy): (Vec<&Term>, Vec<&Term>) = ey.into_iter().unzip();
                    stack.push(Task::Gathered(vx, vy, 0, mode));
                    stack.push(Task::Gathered(kx, ky, 0, Mode::Exact));
                }
            }
            Ordering::Equal
        }
        (View::Bits(x), View::Bits(y)) => x.cmp_bits(y),
        (View::Pid(x), View::Pid(y)) => x.cmp(&y),
        (View::Ref(x), View::Ref(y)) => x.cmp(&y),
        (View::Fun(x), View::Fun(y)) => {
            let by_module = if x.module() == y.module() {
                Ordering::Equal
            } else {
                x.module().name().cmp(y.module().name())
            };
            match (x.kind(), y.kind()) {
                (FunKind::Local { .. }, FunKind::External { .. }) => Ordering::Less,
                (FunKind::External { .. }, FunKind::Local { .. }) => Ordering::Greater,
                (
                    FunKind::External {
                        function: fx,
                        arity: ax,
                    },
                    FunKind::External {
                        function: fy,
                        arity: ay,
                    },
                ) => by_module
                    .then_with(|| fx.name().cmp(fy.name()))
                    .then(ax.cmp(ay)),
                (
                    FunKind::Local {
                        index: ix,
                        uniq: ux,
                        env: ex,
                        ..
                    },
                    FunKind::Local {
                        index: iy,
                        uniq: uy,
                        env: ey,
                        ..
                    },
                ) => {
                    let order = by_module
                        .then(ix.cmp(iy))
                        .then(ux.cmp(uy))
                        .then(ex.len().cmp(&ey.len()));
                    if order == Ordering::Equal && !ex.is_empty() {
                        stack.push(Task::Slices(ex, ey, mode));
                    }
                    order
                }
            }
        }
        (View::Nil, View::Nil) => Ordering::Equal,
        (x, y) => {
            debug_assert_eq!(ta, Type::Number);
            compare_numbers(x, y, mode)
        }
    }
}

fn int(v: View<'_>) -> Option<Int<'_>> {
    match v {
        View::Int(n) => Some(Int::Small(n)),
        View::Big(b) => Some(Int::Big(b)),
        _ => None,
    }
}

fn compare_numbers(a: View<'_>, b: View<'_>, mode: Mode) -> Ordering {
    match (a, b) {
        (View::Float(x), View::Float(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (View::Float(x), _) => match mode {
            Mode::Arith => cmp_int_float(int(b).expect("number"), x).reverse(),
            Mode::Exact => Ordering::Greater,
        },
        (_, View::Float(y)) => match mode {
            Mode::Arith => cmp_int_float(int(a).expect("number"), y),
            Mode::Exact => Ordering::Less,
        },
        _ => match (int(a).expect("number"), int(b).expect("number")) {
            (Int::Small(x), Int::Small(y)) => x.cmp(&y),
            (Int::Big(x), Int::Big(y)) => x.cmp(y),
            // A bignum is beyond every small integer: its sign decides.
            (Int::Small(_), Int::Big(y)) => {
                if y.sign() == dashu_int::Sign::Negative {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Int::Big(x), Int::Small(_)) => {
                if x.sign() == dashu_int::Sign::Negative {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
        },
    }
}

impl PartialEq for Term {
    /// `=:=`.
    fn eq(&self, other: &Term) -> bool {
        exact_eq(self, other)
    }
}

impl Eq for Term {}

impl PartialOrd for Term {
    fn partial_cmp(&self, other: &Term) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Term {
    /// The order `=:=` goes with ([`exact_compare`]); Erlang's own `<` is
    /// [`Term::compare`].
    fn cmp(&self, other: &Term) -> Ordering {
        exact_compare(self, other)
    }
}

impl Term {
    /// Erlang's term order: `a < b` is `a.compare(&b) == Less`, `a == b`
    /// is `Equal`.
    pub fn compare(&self, other: &Term) -> Ordering {
        compare(self, other)
    }

    /// `==` (`1 == 1.0`); Rust's `==` on terms is `=:=`.
    pub fn equals(&self, other: &Term) -> bool {
        equal(self, other)
    }
}
