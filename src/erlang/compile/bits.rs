//! The compiler's part for binaries: `<<...>>` expressions to one
//! `BsCreate` (OTP 25's `bs_create_bin`), binary patterns at the top of a
//! match to the match instructions (`bs_start_match4`, `bs_get_*`,
//! `bs_match_string`, `bs_test_tail2`, `bs_get_tail`), and binary patterns
//! inside other patterns or in a `receive` to the matcher's `Pat::Bin`.
//!
//! Two things make loops over binaries cost what they cost on the BEAM:
//!
//! - **Appending.** In `<<Acc/binary, X>>` the first segment's variable
//!   is *taken* from its register when the construction is its last use
//!   in the clause ([`uses`] counts each variable's occurrences in a
//!   clause body; one means this is it), so the binary can be held once
//!   and appended to in place (`vm/bits.rs`).
//! - **Walking.** In a function head or a `case` clause, `Rest/binary`
//!   at the end of a binary pattern is bound only once the clause is
//!   matched (after its guard, which must not read `Rest`), and when the
//!   matched register dies there (a head argument, a temporary, or a
//!   variable used nowhere else) the binary itself becomes `Rest`, moved
//!   forward in place: `loop(<<B, Rest/binary>>) -> loop(Rest)` allocates
//!   nothing, as the BEAM's reused match context.
//!
//! Segments that are constants are built (or, in a pattern, encoded) here:
//! `<<"abc">>` is a literal, `<<1, X>>` a `bs_match_string` of `<<1>>`
//! then a read.

use super::{FnCompiler, Result, error};
use crate::erlang::ast::{Expr, ExprKind, Guard, Pattern, PatternKind, Pos, Segment, UnOp};
use crate::erlang::bitsyntax::{Resolved, SegType, Spec, resolve};
use crate::erlang::module::{GExpr, Pat};
use crate::erlang::opcodes::{Label, Op, Reg};
use crate::erlang::vm::bits::{self, BsGet, BsPatSeg, BsSegment, BsSize, BsValue};
use crate::runtime::Term;
use crate::runtime::term::Bitstring;
use std::collections::{BTreeSet, HashMap};

/// How a binary pattern at the top of a clause's match may bind its
/// tail: after the guard, and from a register that dies there.
pub(super) struct TailPlan<'a> {
    /// The clause's guard: a tail it reads cannot wait for it.
    pub guard: &'a Guard,
    /// The patterns of the clause (a head's arguments): a tail named in
    /// another one cannot wait either.
    pub patterns: &'a [&'a Pattern],
    /// Whether the matched register is dead once the clause is chosen.
    pub src_dead: bool,
}

/// A tail to bind once the clause's head and guard have matched.
pub(super) struct Deferred {
    src: Reg,
    pos: Reg,
    dst: Reg,
    unit: u16,
    take: bool,
    fail: Label,
}

impl FnCompiler<'_> {
    /// `<<Seg, ...>>`, its value into `dst`.
    pub(super) fn binary(&mut self, segments: &[Segment<Expr>], dst: Reg, pos: Pos) -> Result<()> {
        let literals: Option<Vec<_>> = segments.iter().map(|s| self.literal_segment(s)).collect();
        if let Some(constant) = literals.as_deref().and_then(bits::constant) {
            self.constant(constant, dst);
            return Ok(());
        }
        let mut out: Vec<BsSegment> = Vec::with_capacity(segments.len());
        for (i, segment) in segments.iter().enumerate() {
            let spec = spec_of(
                segment.specs.as_slice(),
                segment.size.is_some(),
                segment.pos,
            )?;
            let number = u16::try_from(i + 1).unwrap_or(u16::MAX);
            if let Some(bits) = self
                .literal_segment(segment)
                .and_then(|l| bits::constant(&[l]))
            {
                // A constant run: one segment of its bits.
                if let Some(BsSegment {
                    value: BsValue::Lit(previous),
                    spec: previous_spec,
                    ..
                }) = out.last_mut()
                    && *previous_spec == all_bits()
                {
                    let mut joined = previous.as_bits().expect("bits").clone();
                    joined.push_bitstring(bits.as_bits().expect("bits"));
                    *previous = Term::bits(joined);
                    continue;
                }
                out.push(BsSegment {
                    value: BsValue::Lit(bits),
                    size: BsSize::Default,
                    spec: all_bits(),
                    number,
                });
                continue;
            }
            let value = match &segment.value.kind {
                ExprKind::Str(text) => BsValue::Str(text.chars().map(u32::from).collect()),
                _ => match literal(&segment.value) {
                    Some(term) => BsValue::Lit(term),
                    None => match &segment.value.kind {
                        ExprKind::Var(name)
                            if i == 0
                                && spec.takes_all(segment.size.is_some())
                                && self.uses.get(name) == Some(&1) =>
                        {
                            BsValue::Take(self.bound_var(name, segment.value.pos)?)
                        }
                        _ => BsValue::Reg(self.operand(&segment.value)?),
                    },
                },
            };
            let size = match &segment.size {
                None => BsSize::Default,
                Some(size) => match literal(size) {
                    Some(term) => BsSize::Lit(term),
                    None => BsSize::Reg(self.operand(size)?),
                },
            };
            out.push(BsSegment {
                value,
                size,
                spec,
                number,
            });
        }
        self.line = pos.line;
        self.emit(Op::BsCreate {
            segments: out.into(),
            dst,
        });
        Ok(())
    }

    /// A segment all of whose parts are literals: its values (a string's
    /// characters), size and type.
    fn literal_segment(
        &self,
        segment: &Segment<Expr>,
    ) -> Option<(Vec<Term>, Option<Term>, Resolved)> {
        let spec = resolve(&segment.specs, segment.size.is_some()).ok()?;
        let values = match &segment.value.kind {
            ExprKind::Str(text) => text
                .chars()
                .map(|c| Term::int(i64::from(u32::from(c))))
                .collect(),
            _ => vec![literal(&segment.value)?],
        };
        let size = match &segment.size {
            None => None,
            Some(size) => Some(literal(size)?),
        };
        Some((values, size, spec))
    }

    /// A binary pattern at the top of a match on `x[src]` (a head's
    /// argument, a `case` subject, `<<...>> = Expr`): the match
    /// instructions, going to `fail` if it does not match. With a `plan`,
    /// a tail bound by the last segment may wait until the clause is
    /// committed ([`FnCompiler::deferred_tails`]).
    pub(super) fn binary_match(
        &mut self,
        segments: &[Segment<Pattern>],
        src: Reg,
        fail: Label,
        plan: Option<&TailPlan<'_>>,
        deferred: &mut Vec<Deferred>,
        pos: Pos,
    ) -> Result<()> {
        let position = self.temp(pos)?;
        // `bs_start_match4`, unless the first segment is a read that can
        // do it (`BsGet { start }`).
        let mut started = false;
        let count = segments.len();
        let mut rest_taken = false;
        for (i, segment) in segments.iter().enumerate() {
            let spec = spec_of(&segment.specs, segment.size.is_some(), segment.pos)?;
            let last = i + 1 == count;
            let reads = !matches!(segment.value.kind, PatternKind::Str(_))
                && self.literal_pattern(segment, spec).is_none()
                && !(last && spec.takes_all(segment.size.is_some()));
            if !started && !reads {
                self.emit(Op::BsStart {
                    src,
                    pos: position,
                    fail,
                });
                started = true;
            }
            if let Some(bits) = self.literal_pattern(segment, spec) {
                self.emit(Op::BsMatchString {
                    src,
                    pos: position,
                    bits: Term::bits(bits),
                    fail,
                });
                continue;
            }
            if let PatternKind::Str(text) = &segment.value.kind {
                // Characters that do not fit the type: reads that compare.
                for c in text.chars() {
                    let get = BsGet {
                        size: BsSize::Default,
                        spec,
                        to: Pat::Lit(Term::int(i64::from(u32::from(c)))),
                    };
                    self.emit(Op::BsGet {
                        src,
                        pos: position,
                        get: Box::new(get),
                        fail,
                        start: false,
                    });
                }
                continue;
            }
            let takes_all = spec.takes_all(segment.size.is_some());
            rest_taken |= last && takes_all;
            if last
                && takes_all
                && let PatternKind::Var(name) = &segment.value.kind
                && !self.bound.contains(name)
                && let Some(plan) = plan
                && may_wait(name, plan)
            {
                // Its unit is tested there too: the guard, which cannot
                // see the tail, has no effect to reorder.
                self.bound.insert(name.clone());
                deferred.push(Deferred {
                    src,
                    pos: position,
                    dst: self.vars[name],
                    unit: spec.unit as u16,
                    take: plan.src_dead,
                    fail,
                });
                continue;
            }
            let size = self.pattern_size(segment.size.as_ref(), false)?;
            let to = self.pattern(&segment.value)?;
            self.emit(Op::BsGet {
                src,
                pos: position,
                get: Box::new(BsGet { size, spec, to }),
                fail,
                start: !started,
            });
            started = true;
        }
        if !started {
            // `<<>>`.
            self.emit(Op::BsStart {
                src,
                pos: position,
                fail,
            });
        }
        if !rest_taken {
            self.emit(Op::BsTestTail {
                src,
                pos: position,
                fail,
            });
        }
        Ok(())
    }

    /// Binds the tails that waited for the clause's head and guard.
    pub(super) fn deferred_tails(&mut self, deferred: Vec<Deferred>) {
        for d in deferred {
            // Right after the pattern's only read (no guard, nothing else
            // between): one instruction for both.
            if let Some(Op::BsGet {
                src,
                pos,
                start: true,
                fail,
                ..
            }) = self.code.last()
                && (*src, *pos, *fail) == (d.src, d.pos, d.fail)
                && let Some(Op::BsGet { get, .. }) = self.code.pop()
            {
                self.lines.pop();
                self.emit(Op::BsGetRest {
                    src: d.src,
                    pos: d.pos,
                    get,
                    dst: d.dst,
                    unit: d.unit,
                    take: d.take,
                    fail: d.fail,
                });
                continue;
            }
            self.emit(Op::BsGetTail {
                src: d.src,
                pos: d.pos,
                dst: d.dst,
                unit: d.unit,
                take: d.take,
                fail: d.fail,
            });
        }
    }

    /// A binary pattern inside another pattern or in a `receive`: the
    /// matcher's `Pat::Bin`.
    pub(super) fn binary_pattern(&mut self, segments: &[Segment<Pattern>]) -> Result<Pat> {
        let mut out = Vec::with_capacity(segments.len());
        for segment in segments {
            let spec = spec_of(&segment.specs, segment.size.is_some(), segment.pos)?;
            if let Some(bits) = self.literal_pattern(segment, spec) {
                out.push(BsPatSeg::String(Term::bits(bits)));
                continue;
            }
            if let PatternKind::Str(text) = &segment.value.kind {
                for c in text.chars() {
                    out.push(BsPatSeg::Get(BsGet {
                        size: BsSize::Default,
                        spec,
                        to: Pat::Lit(Term::int(i64::from(u32::from(c)))),
                    }));
                }
                continue;
            }
            let size = self.pattern_size(segment.size.as_ref(), true)?;
            let to = self.pattern(&segment.value)?;
            out.push(BsPatSeg::Get(BsGet { size, spec, to }));
        }
        Ok(Pat::Bin(out.into()))
    }

    /// The bits a pattern segment must be when it is a constant: a string,
    /// or an integer literal with a literal size that it fits.
    fn literal_pattern(&self, segment: &Segment<Pattern>, spec: Resolved) -> Option<Bitstring> {
        let values = match &segment.value.kind {
            PatternKind::Str(text) => text
                .chars()
                .map(|c| Term::int(i64::from(u32::from(c))))
                .collect(),
            PatternKind::Int(n) if spec.ty == SegType::Integer => vec![n.clone()],
            _ => return None,
        };
        let bits = match &segment.size {
            None => spec.default_size.map(u64::from),
            Some(size) => {
                let n = literal(size)?.as_small().filter(|n| *n >= 0)? as u64;
                Some(
                    n.checked_mul(u64::from(spec.unit))
                        .filter(|b| *b <= 1 << 20)?,
                )
            }
        };
        bits::literal_bits(&values, spec, bits)
    }

    /// A pattern segment's size: a literal, a bound variable, or a guard
    /// expression of bound variables. `nested`: for the matcher, which has
    /// no process to call a BIF with.
    fn pattern_size(&mut self, size: Option<&Expr>, nested: bool) -> Result<BsSize> {
        let Some(size) = size else {
            return Ok(BsSize::Default);
        };
        if let Some(term) = literal(size) {
            return Ok(BsSize::Lit(term));
        }
        if let ExprKind::Var(name) = &size.kind {
            return Ok(BsSize::Reg(self.bound_var(name, size.pos)?));
        }
        if nested && calls(size) {
            return error(
                size.pos,
                "a size that calls a function is not supported in a binary pattern inside another pattern or in a `receive`",
                Some(
                    "bind the size to a variable before the match: `N = byte_size(B)`, then `<<X:N/binary>>`",
                ),
            );
        }
        Ok(BsSize::Expr(Box::new(self.gexpr(size)?)))
    }

    /// A binary expression in a guard: a constant one only.
    pub(super) fn binary_guard(&mut self, segments: &[Segment<Expr>], pos: Pos) -> Result<GExpr> {
        let literals: Option<Vec<_>> = segments.iter().map(|s| self.literal_segment(s)).collect();
        match literals.as_deref().and_then(bits::constant) {
            Some(constant) => Ok(GExpr::Lit(constant)),
            None => error(
                pos,
                "a binary built from variables is not supported in a guard",
                Some("build it in the body, or compare with a constant binary such as <<1, 2>>"),
            ),
        }
    }
}

/// The resolved specifiers of a segment (the parser has already reported
/// any error in them).
fn spec_of(specs: &[Spec], has_size: bool, pos: Pos) -> Result<Resolved> {
    resolve(specs, has_size).or_else(|e| error(pos, e.message, Some(&e.hint)))
}

/// The type of a constant run of bits: a bitstring taken whole.
fn all_bits() -> Resolved {
    resolve(&[Spec::Bits], false).expect("bits")
}

/// The term a literal expression is (`-1` included).
fn literal(expr: &Expr) -> Option<Term> {
    match &expr.kind {
        ExprKind::Int(n) => Some(n.clone()),
        ExprKind::Float(x) => Some(Term::float(*x)),
        ExprKind::Atom(a) => Some(Term::atom(a)),
        ExprKind::Nil => Some(Term::NIL),
        ExprKind::UnOp(UnOp::Neg, inner) => match &inner.kind {
            ExprKind::Int(n) => crate::runtime::term::arith::neg(n).ok(),
            ExprKind::Float(x) => Some(Term::float(-x)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a tail bound to `name` may wait until the clause is chosen:
/// the guard does not read it and no other pattern of the clause names it.
fn may_wait(name: &str, plan: &TailPlan<'_>) -> bool {
    let mut in_guard = HashMap::new();
    for test in plan.guard.iter().flatten() {
        count_expr(test, &mut in_guard);
    }
    let mut in_patterns = HashMap::new();
    for p in plan.patterns {
        count_pattern(p, &mut in_patterns);
    }
    !in_guard.contains_key(name) && in_patterns.get(name) == Some(&1)
}

/// Whether an expression calls anything (a BIF, in a size).
fn calls(expr: &Expr) -> bool {
    let mut found = false;
    walk_expr(expr, &mut |e| found |= matches!(e.kind, ExprKind::Call(..)));
    found
}

/// How many times each variable is read in a clause's body, funs and
/// patterns included: a variable read once is dead after that read (a
/// body runs each of its expressions at most once). Every occurrence of a
/// variable bound before the body (`before`: the head's, a fun's captured
/// ones) is a read; one bound in the body is bound by its first.
pub(super) fn uses(body: &[Expr], before: &BTreeSet<String>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for e in body {
        count_expr(e, &mut counts);
    }
    for (name, n) in counts.iter_mut() {
        if !before.contains(name) {
            *n -= 1;
        }
    }
    counts
}

fn count_expr(expr: &Expr, counts: &mut HashMap<String, usize>) {
    walk_expr(expr, &mut |e| match &e.kind {
        ExprKind::Var(name) => *counts.entry(name.clone()).or_default() += 1,
        ExprKind::Match(p, _) => count_pattern(p, counts),
        ExprKind::Case(_, clauses) | ExprKind::Receive { clauses, .. } => clauses
            .iter()
            .for_each(|c| count_pattern(&c.pattern, counts)),
        ExprKind::Try { of, catches, .. } => of
            .iter()
            .flatten()
            .chain(catches)
            .for_each(|c| count_pattern(&c.pattern, counts)),
        ExprKind::Fun(clauses) => clauses
            .iter()
            .flat_map(|c| &c.patterns)
            .for_each(|p| count_pattern(p, counts)),
        _ => {}
    });
}

fn count_pattern(pattern: &Pattern, counts: &mut HashMap<String, usize>) {
    match &pattern.kind {
        PatternKind::Var(name) => *counts.entry(name.clone()).or_default() += 1,
        PatternKind::Tuple(items) => items.iter().for_each(|p| count_pattern(p, counts)),
        PatternKind::Cons(a, b) | PatternKind::Alias(a, b) => {
            count_pattern(a, counts);
            count_pattern(b, counts);
        }
        PatternKind::Binary(segments) => {
            for s in segments {
                count_pattern(&s.value, counts);
                if let Some(size) = &s.size {
                    count_expr(size, counts);
                }
            }
        }
        // A map pattern's keys read variables bound before it.
        PatternKind::Map(fields) => {
            for field in fields {
                count_expr(&field.key, counts);
                count_pattern(&field.value, counts);
            }
        }
        PatternKind::Wildcard
        | PatternKind::Atom(_)
        | PatternKind::Int(_)
        | PatternKind::Float(_)
        | PatternKind::Str(_)
        | PatternKind::Nil => {}
    }
}

/// Calls `f` on `expr` and every expression inside it (clause bodies,
/// guards and funs included; the patterns are the caller's to visit).
/// Exhaustive through [`Expr::for_each_child`]: a new kind of expression
/// must say what is inside it there, or a variable read in it would look
/// dead.
fn walk_expr(expr: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(expr);
    let mut walk = |e: &Expr| walk_expr(e, f);
    // The guards of its clauses, which `for_each_child` leaves out.
    match &expr.kind {
        ExprKind::Case(_, clauses) | ExprKind::Receive { clauses, .. } => clauses
            .iter()
            .flat_map(|c| c.guard.iter().flatten())
            .for_each(&mut walk),
        ExprKind::If(clauses) => clauses
            .iter()
            .flat_map(|c| c.guard.iter().flatten())
            .for_each(&mut walk),
        ExprKind::Try { of, catches, .. } => of
            .iter()
            .flatten()
            .chain(catches)
            .flat_map(|c| c.guard.iter().flatten())
            .for_each(&mut walk),
        ExprKind::Fun(clauses) => clauses
            .iter()
            .flat_map(|c| c.guard.iter().flatten())
            .for_each(&mut walk),
        _ => {}
    }
    expr.for_each_child(&mut walk);
}

#[cfg(test)]
mod tests {
    use crate::erlang::opcodes::Op;
    use crate::erlang::vm::bits::BsValue;

    /// The code of function `name` in a definition.
    fn code(source: &str, name: &str) -> Vec<Op> {
        let module = crate::erlang::parse("m", source).expect("parses");
        let compiled = crate::erlang::compile(&module).expect("compiles");
        let f = compiled
            .functions
            .iter()
            .find(|f| f.name.name() == name)
            .expect("the function");
        f.code.clone()
    }

    fn appends_in_place(code: &[Op]) -> bool {
        code.iter().any(|op| {
            matches!(op, Op::BsCreate { segments, .. } if matches!(segments[0].value, BsValue::Take(_)))
        })
    }

    fn tail_take(code: &[Op]) -> Option<bool> {
        code.iter().find_map(|op| match op {
            Op::BsGetTail { take, .. } | Op::BsGetRest { take, .. } => Some(*take),
            _ => None,
        })
    }

    #[test]
    fn an_accumulator_is_taken_where_the_append_is_its_last_use() {
        let f = code(
            "f(0, Acc) -> Acc; f(N, Acc) -> f(N - 1, <<Acc/binary, N>>).",
            "f",
        );
        assert!(appends_in_place(&f));
        let g = code("g(Acc) -> B = <<Acc/binary, 1>>, {B, Acc}.", "g");
        assert!(!appends_in_place(&g), "Acc is read again after");
        let h = code("h(Acc) -> <<Acc:8/binary, 1>>.", "h");
        assert!(!appends_in_place(&h), "a sized segment is no append");
        let k = code("k(Acc) -> <<1, Acc/binary>>.", "k");
        assert!(!appends_in_place(&k), "only the first segment appends");
    }

    #[test]
    fn a_variable_read_once_is_moved_and_one_read_twice_copied() {
        let once = code("f(X) -> g(X). g(X) -> X.", "f");
        assert!(
            once.iter().any(|op| matches!(op, Op::MoveLast { .. })),
            "{once:?}"
        );
        // Of two reads, the first copies and the last moves
        // (`liveness.rs`).
        let twice = code("f(X) -> g(X), g(X). g(X) -> X.", "f");
        let first_move = twice
            .iter()
            .position(|op| matches!(op, Op::Move { src: 0, .. }));
        let last_move = twice
            .iter()
            .position(|op| matches!(op, Op::MoveLast { src: 0, .. }));
        assert!(first_move < last_move && first_move.is_some(), "{twice:?}");
        // A variable bound in the body: its binding is not a read.
        let bound = code("g(T) -> {ok, B} = T, h(B). h(X) -> X.", "g");
        assert!(bound.iter().any(|op| matches!(op, Op::MoveLast { .. })));
        // A variable a fun captures is read by the fun: a read before it
        // is not the last.
        let captured = code("f(X) -> g(X), fun() -> X end. g(X) -> X.", "f");
        assert!(
            captured
                .iter()
                .all(|op| !matches!(op, Op::MoveLast { src: 0, .. }))
        );
    }

    #[test]
    fn a_walk_moves_its_binary_forward_once_the_clause_is_chosen() {
        let walk = code(
            "w(<<B, Rest/binary>>, S) -> w(Rest, S + B); w(<<>>, S) -> S.",
            "w",
        );
        assert_eq!(tail_take(&walk), Some(true));
        assert!(
            matches!(walk[0], Op::BsGetRest { .. }),
            "one instruction starts the match, reads B and binds Rest: {:?}",
            walk[0]
        );
        let two = code("w(<<B:4, C:4, Rest/binary>>) -> {B, C, Rest}.", "w");
        assert!(matches!(two[0], Op::BsGet { start: true, .. }), "{two:?}");
        assert!(matches!(two[1], Op::BsGet { start: false, .. }), "{two:?}");
        assert!(
            matches!(two[2], Op::BsGetTail { take: true, .. }),
            "{two:?}"
        );
        // The tail waits for the guard, which does not read it.
        let guarded = code("w(<<B, Rest/binary>>) when B > 0 -> Rest.", "w");
        let guard_at = guarded.iter().position(|op| matches!(op, Op::Guard { .. }));
        let tail_at = guarded
            .iter()
            .position(|op| matches!(op, Op::BsGetTail { .. }));
        assert!(guard_at < tail_at, "{guarded:?}");
        // A guard that reads the tail binds it in place, as a window.
        let reads = code(
            "w(<<_, Rest/binary>>) when byte_size(Rest) > 1 -> Rest.",
            "w",
        );
        assert_eq!(tail_take(&reads), None);
        // A case subject read again after the case is not taken.
        let kept = code("c(B) -> case B of <<_, R/binary>> -> {R, B} end.", "c");
        assert_eq!(tail_take(&kept), Some(false));
        let dies = code("c(B) -> case B of <<_, R/binary>> -> R end.", "c");
        assert_eq!(tail_take(&dies), Some(true));
    }

    #[test]
    fn constants_are_built_when_compiled() {
        let f = code("f() -> <<\"abc\", 1:4, 2:4>>.", "f");
        assert!(
            !f.iter().any(|op| matches!(op, Op::BsCreate { .. })),
            "{f:?}"
        );
        let g = code("g(X) -> <<1, 2, X, 3, \"ab\">>.", "g");
        let Some(Op::BsCreate { segments, .. }) =
            g.iter().find(|op| matches!(op, Op::BsCreate { .. }))
        else {
            panic!("{g:?}")
        };
        let numbers: Vec<u16> = segments.iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 3, 4], "runs of constants joined, numbers kept");
    }
}
