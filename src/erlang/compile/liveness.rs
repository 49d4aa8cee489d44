//! Last uses of registers: a backward liveness analysis over a compiled
//! function's instructions, and the two rewrites it allows.
//!
//! A register is *live* after an instruction if some path from there reads
//! it before writing it. Where a variable's register is read for the last
//! time, its value can be moved instead of cloned:
//!
//! - `Move { src, dst }` becomes `MoveLast`, which leaves `src` empty: no
//!   reference count goes up, and the value is still held once if it was;
//! - `MapPut`/`MapExact` get `take`: the map moves out of its register,
//!   and a map held once is updated in place rather than copied.
//!
//! Before that, what computes a value nobody reads goes: a copy, a
//! literal, a tuple, a list cell, a map, a fun, a comparison or a BIF
//! that cannot fail, never used (`X = ...` in the middle of a body
//! leaves its value in a scratch register, a second reference to it),
//! and an update whose result is unused keeps only its check for a map,
//! as OTP 25's compiler does.
//!
//! So `loop(M, N) -> loop(M#{N => N}, N - 1)` (or with `M1 = M#{...}` in
//! between) threads one map through the loop without a copy: the term
//! core updates a node in place only when it is held once (DESIGN.md of
//! `runtime/term`, "moves on last use").
//!
//! The analysis reads the bytecode, not the syntax tree, so it sees every
//! read exactly where the interpreter makes it: an operand read by the
//! instruction that uses it, a pattern's bound variables (`Pat::Same`) and
//! a map pattern's keys when it is matched, a guard's registers, a
//! `receive`'s clauses, the arguments a `function_clause` error shows.
//! Every instruction, pattern and guard expression is listed below without
//! a catch-all arm, so a new one cannot be forgotten (nor can a jump
//! target that removing code moves: `Op::labels_mut`). A pattern's bindings
//! count as reads of nothing and writes of nothing (a failed match leaves
//! them half done), which only makes fewer registers dead: the rewrites
//! stay safe.

use super::Ctx;
use crate::erlang::module::{GExpr, Pat};
use crate::erlang::opcodes::{Op, Reg};
use crate::erlang::vm::bifs;
use crate::erlang::vm::bits::{BsGet, BsPatSeg, BsSize, BsValue};

/// A set of registers.
#[derive(Clone, PartialEq)]
struct Regs(Vec<u64>);

impl Regs {
    fn new(size: usize) -> Regs {
        Regs(vec![0; size.div_ceil(64).max(1)])
    }

    fn insert(&mut self, r: Reg) {
        let r = usize::from(r);
        if let Some(word) = self.0.get_mut(r / 64) {
            *word |= 1 << (r % 64);
        }
    }

    fn remove(&mut self, r: Reg) {
        let r = usize::from(r);
        if let Some(word) = self.0.get_mut(r / 64) {
            *word &= !(1 << (r % 64));
        }
    }

    fn contains(&self, r: Reg) -> bool {
        let r = usize::from(r);
        self.0
            .get(r / 64)
            .is_some_and(|word| word & (1 << (r % 64)) != 0)
    }

    fn union(&mut self, other: &Regs) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
}

/// What one instruction reads and surely writes, and where control goes
/// after it.
struct Effect {
    reads: Vec<Reg>,
    writes: Option<Reg>,
    next: Vec<u32>,
}

/// Rewrites the last uses in a function of `ctx` (its instructions and
/// their lines; its receive tables are `receives` of `ctx`) whose window
/// is `frame_size` registers and whose `function_clause` shows its first
/// `shown` arguments.
pub(super) fn mark_last_uses(
    ctx: &mut Ctx,
    code: &mut Vec<Op>,
    lines: &mut Vec<u32>,
    receives: &[usize],
    frame_size: usize,
    shown: u32,
) {
    // First what computes a value nobody reads, until nothing more goes
    // (a value only such code read is unread in turn).
    loop {
        let after = live_after(ctx, code, frame_size, shown);
        let mut dead = vec![false; code.len()];
        let mut changed = false;
        for (pc, op) in code.iter_mut().enumerate() {
            if let Some(dst) = unread_result(op)
                && !after[pc].contains(dst)
            {
                dead[pc] = true;
            }
            match op {
                // An update whose value nobody reads only checks that it
                // has a map, as OTP 25's compiler leaves it (v3_core
                // tests for a map, `sys_core_fold:expr/3` drops the
                // update in an effect context): `_ = M#{k := 1}` raises
                // `{badmap, M}` but never `{badkey, k}`.
                Op::MapExact { map, take, dst, .. } if !after[pc].contains(*dst) => {
                    *op = Op::MapPut {
                        map: *map,
                        take: *take,
                        pairs: Box::new([]),
                        dst: *dst,
                    };
                    changed = true;
                }
                Op::MapPut { pairs, dst, .. } if !after[pc].contains(*dst) && !pairs.is_empty() => {
                    *pairs = Box::new([]);
                    changed = true;
                }
                _ => {}
            }
        }
        if dead.contains(&true) {
            remove(ctx, code, lines, receives, &dead);
            changed = true;
        }
        if !changed {
            break;
        }
    }
    let after = live_after(ctx, code, frame_size, shown);
    for (pc, op) in code.iter_mut().enumerate() {
        match op {
            Op::Move { src, dst } if !after[pc].contains(*src) => {
                *op = Op::MoveLast {
                    src: *src,
                    dst: *dst,
                };
            }
            Op::MapPut { map, take, .. } | Op::MapExact { map, take, .. } => {
                *take = !after[pc].contains(*map);
            }
            _ => {}
        }
    }
}

/// The register an instruction that cannot fail and does nothing else
/// writes: if nobody reads it, the instruction can go, as
/// `sys_core_fold` drops a value built and never used (a copy, a
/// literal, a tuple, a list cell, a map, a fun) and a call of a BIF that
/// cannot fail (`erl_bifs:is_safe/3`: comparisons, type tests, `self/0`,
/// `node/0`, `max/2`, `min/2`).
fn unread_result(op: &Op) -> Option<Reg> {
    match op {
        Op::Move { dst, .. }
        | Op::MoveLast { dst, .. }
        | Op::Const { dst, .. }
        | Op::Int { dst, .. }
        | Op::Tuple { dst, .. }
        | Op::Cons { dst, .. }
        | Op::MakeFun { dst, .. }
        | Op::MakeMap { dst, .. }
        | Op::Compare { dst, .. } => Some(*dst),
        Op::Bif { bif, dst, .. } if is_safe(*bif) => Some(*dst),
        _ => None,
    }
}

/// A BIF that cannot fail and has no effect (`erl_bifs:is_safe/3`).
fn is_safe(bif: bifs::BifId) -> bool {
    let bif = bifs::get(bif);
    bif.module == "erlang"
        && matches!(
            (bif.name, bif.arity),
            (
                "is_atom" | "is_boolean" | "is_float" | "is_function" | "is_integer",
                1
            ) | (
                "is_list" | "is_map" | "is_number" | "is_pid" | "is_reference",
                1
            ) | ("is_tuple", 1)
                | ("self" | "node", 0)
                | ("max" | "min", 2)
        )
}

/// The registers live after each instruction of `code`.
fn live_after(ctx: &Ctx, code: &[Op], frame_size: usize, shown: u32) -> Vec<Regs> {
    let mut effects: Vec<Effect> = code
        .iter()
        .enumerate()
        .map(|(pc, op)| effect(ctx, pc as u32, op, shown))
        .collect();
    // An exception may leave anything between a `Try` (or `Catch`) and
    // its `TryEnd` for the handler, so what the handler reads is live all
    // through. The compiler emits the protected code between the two,
    // nested frames nested, so the frame covering an instruction is the
    // innermost one open before it in the code.
    let mut open: Vec<u32> = Vec::new();
    for (pc, op) in code.iter().enumerate() {
        if let Some(&handler) = open.last()
            && !effects[pc].next.contains(&handler)
        {
            effects[pc].next.push(handler);
        }
        match op {
            Op::Try { handler, .. } | Op::Catch { handler, .. } => open.push(*handler),
            Op::TryEnd => {
                open.pop();
            }
            _ => {}
        }
    }
    let empty = Regs::new(frame_size);
    let mut live_in = vec![empty.clone(); code.len()];
    // Control only jumps forward (loops are calls), so one pass from the
    // end settles it; the loop is there in case that ever changes.
    loop {
        let mut changed = false;
        for pc in (0..code.len()).rev() {
            let mut inside = live_out(&effects[pc], &live_in, &empty);
            if let Some(w) = effects[pc].writes {
                inside.remove(w);
            }
            for &r in &effects[pc].reads {
                inside.insert(r);
            }
            if inside != live_in[pc] {
                live_in[pc] = inside;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    effects
        .iter()
        .map(|effect| live_out(effect, &live_in, &empty))
        .collect()
}

/// Removes the instructions marked `dead`, moving every jump target (and
/// the receive tables' labels) to where its instruction went.
fn remove(
    ctx: &mut Ctx,
    code: &mut Vec<Op>,
    lines: &mut Vec<u32>,
    receives: &[usize],
    dead: &[bool],
) {
    // `moved[pc]`: the new index of the instruction at `pc`, or of the
    // first one kept after it.
    let mut moved = Vec::with_capacity(code.len() + 1);
    let mut kept = 0u32;
    for &is_dead in dead {
        moved.push(kept);
        kept += u32::from(!is_dead);
    }
    moved.push(kept);
    let at = |label: &mut u32| *label = moved[*label as usize];
    let old_code = std::mem::take(code);
    let old_lines = std::mem::take(lines);
    for ((mut op, line), &is_dead) in old_code.into_iter().zip(old_lines).zip(dead) {
        if is_dead {
            continue;
        }
        op.labels_mut().into_iter().for_each(at);
        code.push(op);
        lines.push(line);
    }
    for &table in receives {
        let table = &mut ctx.receives[table];
        for clause in &mut table.clauses {
            at(&mut clause.body);
        }
        if let Some((_, label)) = &mut table.after {
            at(label);
        }
    }
}

fn live_out(effect: &Effect, live_in: &[Regs], empty: &Regs) -> Regs {
    let mut live = empty.clone();
    for &next in &effect.next {
        if let Some(set) = live_in.get(next as usize) {
            live.union(set);
        }
    }
    live
}

/// `n` registers from `start`.
fn range(start: Reg, n: u32) -> Vec<Reg> {
    (0..n).map(|i| start + i as Reg).collect()
}

fn effect(ctx: &Ctx, pc: u32, op: &Op, shown: u32) -> Effect {
    let go_on = vec![pc + 1];
    let arity_of = |func: u32| {
        ctx.local
            .iter()
            .find(|(_, index)| **index == func)
            .map_or(0, |((_, arity), _)| *arity as u32)
    };
    let (reads, writes, next) = match op {
        Op::Move { src, dst } | Op::MoveLast { src, dst } => (vec![*src], Some(*dst), go_on),
        Op::Const { dst, .. } | Op::Int { dst, .. } => (vec![], Some(*dst), go_on),
        Op::Tuple { start, len, dst } => (range(*start, u32::from(*len)), Some(*dst), go_on),
        Op::Cons { head, tail, dst } => (vec![*head, *tail], Some(*dst), go_on),
        Op::MakeFun { captures, dst, .. } => (captures.to_vec(), Some(*dst), go_on),
        Op::Match { pat, src, fail } => {
            let mut reads = vec![*src];
            pat_reads(&ctx.patterns[*pat as usize], &mut reads);
            (reads, None, vec![pc + 1, *fail])
        }
        Op::IsEitherInt {
            src,
            on_second,
            fail,
            ..
        } => (vec![*src], None, vec![pc + 1, *on_second, *fail]),
        Op::IsInt { src, fail, .. } | Op::IsAtom { src, fail, .. } => {
            (vec![*src], None, vec![pc + 1, *fail])
        }
        Op::MatchOrRaise { pat, src } => {
            let mut reads = vec![*src];
            pat_reads(&ctx.patterns[*pat as usize], &mut reads);
            (reads, None, go_on)
        }
        Op::Guard { guard, fail } => {
            let mut reads = Vec::new();
            for test in ctx.guards[*guard as usize].alternatives.iter().flatten() {
                gexpr_reads(test, &mut reads);
            }
            (reads, None, vec![pc + 1, *fail])
        }
        Op::Arith { a, b, dst, .. }
        | Op::Compare { a, b, dst, .. }
        | Op::Logic { a, b, dst, .. }
        | Op::Append { a, b, dst }
        | Op::Subtract { a, b, dst } => (vec![*a, *b], Some(*dst), go_on),
        Op::Unary { src, dst, .. } | Op::Not { src, dst } | Op::ArithI { a: src, dst, .. } => {
            (vec![*src], Some(*dst), go_on)
        }
        Op::Branch {
            src,
            on_true,
            on_false,
        } => (vec![*src], None, vec![*on_true, *on_false]),
        Op::Jump { to } => (vec![], None, vec![*to]),
        Op::ReturnInt { .. } => (vec![], None, vec![]),
        Op::Call { func, args, dst } => (range(*args, arity_of(*func)), Some(*dst), go_on),
        Op::TailCall { func, args } => (range(*args, arity_of(*func)), None, vec![]),
        Op::CallExt { import, args, dst } => {
            let arity = ctx.imports[*import as usize].arity;
            (range(*args, arity), Some(*dst), go_on)
        }
        Op::TailBif { bif, args } => (range(*args, u32::from(bifs::get(*bif).arity)), None, vec![]),
        Op::TailCallExt { import, args } => {
            let arity = ctx.imports[*import as usize].arity;
            (range(*args, arity), None, vec![])
        }
        Op::CallFun {
            fun,
            args,
            argc,
            dst,
        } => {
            let mut reads = range(*args, u32::from(*argc));
            reads.push(*fun);
            (reads, Some(*dst), go_on)
        }
        Op::TailCallFun { fun, args, argc } => {
            let mut reads = range(*args, u32::from(*argc));
            reads.push(*fun);
            (reads, None, vec![])
        }
        Op::Bif { bif, args, dst } => {
            let arity = u32::from(bifs::get(*bif).arity);
            (range(*args, arity), Some(*dst), go_on)
        }
        Op::Return { src } => (vec![*src], None, vec![]),
        Op::Send { to, msg, dst } => (vec![*to, *msg], Some(*dst), go_on),
        Op::Receive { table } => {
            let table = &ctx.receives[*table as usize];
            let mut reads = Vec::new();
            let mut next = vec![pc + 1];
            for clause in &table.clauses {
                pat_reads(&clause.pat, &mut reads);
                if let Some(guard) = &clause.guard {
                    for test in guard.alternatives.iter().flatten() {
                        gexpr_reads(test, &mut reads);
                    }
                }
                next.push(clause.body);
            }
            if let Some((timeout, label)) = table.after {
                reads.push(timeout);
                next.push(label);
            }
            (reads, None, next)
        }
        Op::FunctionClause => (range(0, shown), None, vec![]),
        Op::CaseClause { src } | Op::TryClause { src } => (vec![*src], None, vec![]),
        // The handler is also a successor of everything the frame
        // covers (`live_after`).
        Op::Try { handler, .. } | Op::Catch { handler, .. } => {
            (vec![], None, vec![pc + 1, *handler])
        }
        Op::TryEnd => (vec![], None, go_on),
        Op::Reraise {
            class,
            reason,
            stack,
        } => (vec![*class, *reason, *stack], None, vec![]),
        Op::IfClause => (vec![], None, vec![]),
        Op::MakeMap { pairs, dst } => (pair_reads(pairs), Some(*dst), go_on),
        Op::MapPut {
            map, pairs, dst, ..
        }
        | Op::MapExact {
            map, pairs, dst, ..
        } => {
            let mut reads = pair_reads(pairs);
            reads.push(*map);
            (reads, Some(*dst), go_on)
        }
        Op::BsCreate { segments, dst } => {
            let mut reads = Vec::new();
            for segment in segments.iter() {
                match &segment.value {
                    BsValue::Reg(r) | BsValue::Take(r) => reads.push(*r),
                    BsValue::Lit(_) | BsValue::Str(_) => {}
                }
                size_reads(&segment.size, &mut reads);
            }
            (reads, Some(*dst), go_on)
        }
        // The matching instructions write their position and bindings
        // only when they match: counted as writing nothing (the safe side,
        // as for patterns).
        Op::BsStart { src, fail, .. } => (vec![*src], None, vec![pc + 1, *fail]),
        Op::BsGet {
            src,
            pos,
            get,
            fail,
            ..
        }
        | Op::BsGetRest {
            src,
            pos,
            get,
            fail,
            ..
        } => {
            let mut reads = vec![*src, *pos];
            get_reads(get, &mut reads);
            (reads, None, vec![pc + 1, *fail])
        }
        Op::BsMatchString { src, pos, fail, .. }
        | Op::BsTestTail { src, pos, fail }
        | Op::BsGetTail { src, pos, fail, .. } => (vec![*src, *pos], None, vec![pc + 1, *fail]),
        Op::Badmatch { src } => (vec![*src], None, vec![]),
    };
    Effect {
        reads,
        writes,
        next,
    }
}

fn pair_reads(pairs: &[(Reg, Reg)]) -> Vec<Reg> {
    pairs.iter().flat_map(|&(k, v)| [k, v]).collect()
}

/// The registers a pattern reads when it is matched: its bound variables
/// and its map keys.
fn pat_reads(pat: &Pat, out: &mut Vec<Reg>) {
    match pat {
        Pat::Any | Pat::Bind(_) | Pat::Lit(_) => {}
        Pat::Same(r) => out.push(*r),
        Pat::Tuple(items) => items.iter().for_each(|p| pat_reads(p, out)),
        Pat::Cons(a, b) | Pat::Alias(a, b) => {
            pat_reads(a, out);
            pat_reads(b, out);
        }
        Pat::Map(fields) => {
            for (key, value) in fields.iter() {
                gexpr_reads(key, out);
                pat_reads(value, out);
            }
        }
        Pat::Bin(segments) => {
            for segment in segments.iter() {
                match segment {
                    BsPatSeg::Get(get) => get_reads(get, out),
                    BsPatSeg::String(_) => {}
                }
            }
        }
    }
}

/// What reading one segment of a binary reads: its size's registers and
/// its pattern's bound variables.
fn get_reads(get: &BsGet, out: &mut Vec<Reg>) {
    size_reads(&get.size, out);
    pat_reads(&get.to, out);
}

fn size_reads(size: &BsSize, out: &mut Vec<Reg>) {
    match size {
        BsSize::Default | BsSize::Lit(_) => {}
        BsSize::Reg(r) => out.push(*r),
        BsSize::Expr(e) => gexpr_reads(e, out),
    }
}

fn gexpr_reads(e: &GExpr, out: &mut Vec<Reg>) {
    match e {
        GExpr::Reg(r) => out.push(*r),
        GExpr::Lit(_) => {}
        GExpr::Tuple(items) | GExpr::Bif(_, items) => {
            items.iter().for_each(|e| gexpr_reads(e, out));
        }
        GExpr::Cons(a, b)
        | GExpr::Arith(_, a, b)
        | GExpr::Compare(_, a, b)
        | GExpr::Logic(_, a, b)
        | GExpr::AndAlso(a, b)
        | GExpr::OrElse(a, b) => {
            gexpr_reads(a, out);
            gexpr_reads(b, out);
        }
        GExpr::Unary { arg: a, .. } | GExpr::Not(a) => gexpr_reads(a, out),
        GExpr::Map(pairs) => {
            for (k, v) in pairs {
                gexpr_reads(k, out);
                gexpr_reads(v, out);
            }
        }
        GExpr::MapUpdate(map, fields) => {
            gexpr_reads(map, out);
            for (_, k, v) in fields {
                gexpr_reads(k, out);
                gexpr_reads(v, out);
            }
        }
    }
}
