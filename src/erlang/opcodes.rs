//! Every instruction of the process language's virtual machine, in one
//! list, the way Lua's `lopcodes.h` and Wren's `wren_opcodes.h` lay theirs
//! out: read this file to know what the compiler can say and what the
//! interpreter must do.
//!
//! It is a *register machine*, like the BEAM: each function activation has
//! a window of registers `x[0..frame_size]` (the arguments arrive in
//! `x[0..arity]`, then come the clause's variables, then temporaries).
//! Operands name registers relative to the window, so an instruction reads
//! `x[a]` and writes `x[dst]` without a stack of operands to shuffle.
//! Labels are instruction indexes within the same function.
//!
//! Patterns and guards are not instructions: they are small trees
//! ([`Pat`](super::module::Pat), [`GuardCode`](super::module::GuardCode))
//! that `Match`, `Guard` and `Receive` hand to a matcher. This is what the
//! issue allows ("closures for patterns and guards are fine") and what
//! `erl_eval` does, while bodies, calls and control flow are bytecode. It
//! also lets a `receive` match a message *where it lies* in the mailbox,
//! under the process lock, without copying it out first.
//!
//! Reductions: every `Call*` and `Bif` charges one (BIFs whose work grows
//! with their input charge more); `Receive` charges one when it takes a
//! message; `Send` charges one. Calls are where the interpreter checks the
//! budget and yields, as the BEAM does at function entry, so any loop (all
//! loops are calls) can be preempted.

use super::vm::bifs::BifId;
use super::vm::bits::{BsGet, BsSegment};
use crate::runtime::Atom;
use crate::runtime::Term;

/// A register in the current window.
pub type Reg = u16;
/// An instruction index in the current function.
pub type Label = u32;

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    // ---- moving and building values --------------------------------------
    /// `x[dst] = x[src]`.
    Move {
        src: Reg,
        dst: Reg,
    },
    /// `x[dst] = constants[k]`.
    Const {
        k: u32,
        dst: Reg,
    },
    /// `x[dst] = value`: an integer literal, without the constant table.
    Int {
        value: i64,
        dst: Reg,
    },
    /// `x[dst] = {x[start], ..., x[start + len - 1]}`.
    Tuple {
        start: Reg,
        len: u16,
        dst: Reg,
    },
    /// `x[dst] = [x[head] | x[tail]]`; `badarg` unless the tail is a list
    /// (the playground has no improper lists).
    Cons {
        head: Reg,
        tail: Reg,
        dst: Reg,
    },
    /// `x[dst] = fun`: the module's function `lambda` closed over the
    /// values of `captures` (copied now; `fun name/arity` has none).
    MakeFun {
        lambda: u32,
        captures: Box<[Reg]>,
        dst: Reg,
    },

    // ---- matching ----------------------------------------------------------
    /// Matches `patterns[pat]` against `x[src]`, binding its variables'
    /// registers; jumps to `fail` if it does not match (a clause head, a
    /// case clause).
    Match {
        pat: u32,
        src: Reg,
        fail: Label,
    },
    /// `Match` of an integer literal: goes to `fail` unless `x[src]` is
    /// exactly that integer (`1` does not match `1.0`).
    IsInt {
        src: Reg,
        value: i64,
        fail: Label,
    },
    /// Two `IsInt` tests of the same register in a row, fused by the
    /// compiler's last pass (the heads `fib(0)` and `fib(1)`): goes on if
    /// `x[src]` is `first`, to `on_second` if it is `second`, else to
    /// `fail`. The second `IsInt` stays in place for other jumps to it.
    IsEitherInt {
        src: Reg,
        first: i32,
        second: i32,
        on_second: Label,
        fail: Label,
    },
    /// `Match` of an atom literal.
    IsAtom {
        src: Reg,
        atom: Atom,
        fail: Label,
    },
    /// `Pattern = Expr` in a body: like `Match`, but a mismatch raises
    /// `{badmatch, x[src]}`.
    MatchOrRaise {
        pat: u32,
        src: Reg,
    },
    /// Evaluates `guards[guard]` (`G1, G2; G3`); jumps to `fail` unless it
    /// is `true`. An exception inside a guard just fails it.
    Guard {
        guard: u32,
        fail: Label,
    },

    // ---- operators -----------------------------------------------------------
    /// `x[dst] = x[a] op x[b]` for `+ - * / div rem` and `band bor bxor
    /// bsl bsr`; `badarith` on a non-number (a non-integer for `div`, `rem`
    /// and the bitwise ones) or a division by zero, `system_limit` for an
    /// integer past the largest. `frame`: whether
    /// the error's stack starts with the operator's own frame
    /// (`{erlang, '+', [A, B], []}`), which OTP 25 leaves out for the
    /// forms its compiler and JIT do inline (see `compile::arith_frame`).
    Arith {
        op: ArithOp,
        a: Reg,
        b: Reg,
        dst: Reg,
        frame: bool,
    },
    /// `x[dst] = x[a] + imm` or `x[a] - imm` (`op` is `Add` or `Sub`): an
    /// integer literal operand without a register to load it into (Lua's
    /// `OP_ADDI`), for the `N - 1` of every counting recursion. Two small
    /// integers are added on the tagged word; errors as `Arith`'s, with
    /// the literal as the second argument.
    ArithI {
        op: ArithOp,
        a: Reg,
        imm: i32,
        dst: Reg,
        frame: bool,
    },
    /// `x[dst] = -x[src]` (`neg`) or `+x[src]`; `badarith` on a non-number.
    Unary {
        negate: bool,
        src: Reg,
        dst: Reg,
    },
    /// `x[dst] = (x[a] op x[b])` as `true`/`false`, in Erlang's term order.
    Compare {
        op: CmpOp,
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    /// `not`, `and`, `or`, `xor` on booleans; `badarg` otherwise.
    Not {
        src: Reg,
        dst: Reg,
    },
    Logic {
        op: LogicOp,
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    /// `x[dst] = x[a] ++ x[b]` / `x[a] -- x[b]` (cost grows with length).
    Append {
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    Subtract {
        a: Reg,
        b: Reg,
        dst: Reg,
    },
    /// `andalso` / `orelse`: if `x[src]` is `true` go on at `on_true`, if
    /// `false` at `on_false`; anything else raises `{badarg, V}`.
    Branch {
        src: Reg,
        on_true: Label,
        on_false: Label,
    },
    /// Goes on at `to`.
    Jump {
        to: Label,
    },

    // ---- calls ---------------------------------------------------------------
    /// Calls the module's function `func` with arguments
    /// `x[args..args + arity]`; its result lands in `x[dst]`. Pushes a
    /// frame (return address, window); `system_limit` past the depth limit.
    Call {
        func: u32,
        args: Reg,
        dst: Reg,
    },
    /// `Call` in tail position: the arguments move to `x[0..]`, the window
    /// is resized to the callee's and no frame is pushed, so a loop runs in
    /// constant space (BEAM's `call_only`).
    TailCall {
        func: u32,
        args: Reg,
    },
    /// `m:f(Args)` through `imports[import]`: always the *current* version
    /// of `m` in the code table (Erlang's rule for remote calls, which hot
    /// code loading relies on); `undef` if there is none.
    CallExt {
        import: u32,
        args: Reg,
        dst: Reg,
    },
    TailCallExt {
        import: u32,
        args: Reg,
    },
    /// `F(Args)` with `argc` arguments: `{badfun, F}` if `x[fun]` is not a
    /// fun, `{badarity, {F, Args}}` if it takes another number.
    CallFun {
        fun: Reg,
        args: Reg,
        argc: u8,
        dst: Reg,
    },
    TailCallFun {
        fun: Reg,
        args: Reg,
        argc: u8,
    },
    /// A built-in function (`vm/bifs.rs`), arguments `x[args..]`.
    Bif {
        bif: BifId,
        args: Reg,
        dst: Reg,
    },
    /// A BIF that needs the interpreter (`apply/2,3`, `lists:map/2`, ...)
    /// in tail position: like `TailCallExt`, the current function's frame
    /// is given up first, so `M:F(A)` in a loop runs in constant space and
    /// a crash in `lists:map`'s fun shows no frame of the function that
    /// called it last, as on the BEAM. (The BIFs that raise keep theirs.)
    TailBif {
        bif: BifId,
        args: Reg,
    },
    /// Returns `x[src]` to the caller; from the process's first function,
    /// ends the process with reason `normal`.
    Return {
        src: Reg,
    },
    /// Returns the small integer `value`: an `Int` into the register a
    /// `Return` returns, fused by the compiler's last pass (a clause whose
    /// value is a literal, `fib(0) -> 0`). The `Return` stays after it
    /// for any jump to it.
    ReturnInt {
        value: i64,
    },

    // ---- messages --------------------------------------------------------------
    /// `x[dst] = x[msg]` after sending it to `x[to]`, a pid or a registered
    /// name (`badarg` if nobody has the name).
    Send {
        to: Reg,
        msg: Reg,
        dst: Reg,
    },
    /// A selective receive: `receives[table]`. Offers the mailbox's
    /// messages, oldest first from the save position, to the clauses'
    /// patterns and guards; on a match jumps to that clause's body. With
    /// nothing to take, it times out to the `after` body, or the slice ends
    /// with `Step::Wait { until: deadline }` and this same instruction runs
    /// again when the process wakes (the deadline, computed once from
    /// `x[timeout]` on the first execution, is kept: waking does not re-arm
    /// the timer). The save position lives in the process (see
    /// `Process::receive_scan`), as BEAM's `loop_rec`/`wait` keep theirs.
    Receive {
        table: u32,
    },

    // ---- errors (the raise instructions of a failed selection) ---------------
    /// No clause of the function matched: `function_clause`, the frame
    /// showing the arguments `x[0..arity]`.
    FunctionClause,
    /// No clause of a `case` matched `x[src]`: `{case_clause, V}`.
    CaseClause {
        src: Reg,
    },
    /// No branch of an `if` was true: `if_clause`.
    IfClause,

    // ---- maps (`vm/maps.rs`) ----------------------------------------------------
    /// `x[dst] = x[src]`, leaving `x[src]` empty: the compiler found this
    /// is the variable's last use (`compile/liveness.rs`), so the value
    /// moves without a reference count, and a map (or list) that only
    /// this register held stays held once, which is what lets
    /// `MapPut` update it in place and `<<Acc/binary, X>>` append to a
    /// binary in place.
    MoveLast {
        src: Reg,
        dst: Reg,
    },
    /// `x[dst] = #{x[k1] => x[v1], ...}`: a new map; a key given twice
    /// keeps its last value (`#{a => 1, a => 2}` is `#{a => 2}`).
    MakeMap {
        pairs: Box<[(Reg, Reg)]>,
        dst: Reg,
    },
    /// `x[dst] = x[map]#{x[k1] => x[v1], ...}` (BEAM's `put_map_assoc`):
    /// `{badmap, M}` if `x[map]` is not a map. `take`: this is the map's
    /// last use, so it is moved out of its register, and a map held once
    /// is updated in place instead of copied.
    MapPut {
        map: Reg,
        take: bool,
        pairs: Box<[(Reg, Reg)]>,
        dst: Reg,
    },
    /// `x[dst] = x[map]#{x[k1] := x[v1], ...}` (BEAM's `put_map_exact`):
    /// as `MapPut`, but every key must be there already: `{badkey, K}`
    /// for the first that is not, in the order of `pairs` (the compiler
    /// orders them as OTP's does, see `compile/maps.rs`).
    MapExact {
        map: Reg,
        take: bool,
        pairs: Box<[(Reg, Reg)]>,
        dst: Reg,
    },
    // ---- binaries (the bit syntax: `vm/bits.rs`) ------------------------------
    /// `x[dst] = <<Seg, ...>>`, OTP 25's `bs_create_bin`: each segment's
    /// value and size already in registers (or literal); `badarg` or
    /// `system_limit` with the failing segment in the frame's `error_info`.
    /// A first segment `BsValue::Take` (`Acc/binary` whose variable dies
    /// here) is appended to in place when held once, as `bs_append`.
    BsCreate {
        segments: Box<[BsSegment]>,
        dst: Reg,
    },
    /// `bs_start_match4`: goes to `fail` unless `x[src]` is a bitstring;
    /// `x[pos]`, the match position in bits, starts at 0.
    BsStart {
        src: Reg,
        pos: Reg,
        fail: Label,
    },
    /// `bs_get_integer2`, `bs_get_float2`, `bs_get_binary2`,
    /// `bs_get_utf8`/`16`/`32`, `bs_skip_bits2`: reads the segment at
    /// `x[pos]` of `x[src]` and matches it against `get.to` (binds,
    /// compares or skips), moving `x[pos]` past it; `fail` if it is not
    /// there or does not match. `start`: the pattern's first segment, and
    /// `BsStart` folded in (one dispatch less per step of a loop).
    BsGet {
        src: Reg,
        pos: Reg,
        get: Box<BsGet>,
        fail: Label,
        start: bool,
    },
    /// `bs_match_string`: the next bits are exactly `bits`, a bitstring
    /// constant (a string or an integer literal of the pattern).
    BsMatchString {
        src: Reg,
        pos: Reg,
        bits: Term,
        fail: Label,
    },
    /// `bs_test_tail2`: nothing is left after the position.
    BsTestTail {
        src: Reg,
        pos: Reg,
        fail: Label,
    },
    /// `bs_test_unit` then `bs_get_tail`: unless what is left is a whole
    /// number of `unit` bits, goes to `fail`; else `x[dst]` = the rest of
    /// `x[src]` from the position, a window on the same bytes. It comes
    /// once the clause's head and guard have matched (the guard cannot
    /// read the tail). `take`: `x[src]` dies here, so the binary itself
    /// moves forward, in place when held once: walking
    /// `<<B, Rest/binary>>` in a loop allocates nothing.
    BsGetTail {
        src: Reg,
        pos: Reg,
        dst: Reg,
        unit: u16,
        take: bool,
        fail: Label,
    },
    /// `BsGet { start }` then `BsGetTail`, one dispatch for the head of a
    /// loop over a binary (`walk(<<B, Rest/binary>>, S)`, no guard): reads
    /// the first segment and binds the rest, or goes to `fail`.
    BsGetRest {
        src: Reg,
        pos: Reg,
        get: Box<BsGet>,
        dst: Reg,
        unit: u16,
        take: bool,
        fail: Label,
    },
    /// A `<<...>> = Expr` that does not match: `{badmatch, x[src]}`.
    Badmatch {
        src: Reg,
    },

    // ---- exceptions ----------------------------------------------------------
    /// BEAM's `try`: pushes a catch frame. Until the `TryEnd` that pops
    /// it, an exception raised here or in any call below comes back: the
    /// frames above this function's are dropped, `x[class]`, `x[reason]`
    /// and `x[stack]` get the exception (`error`/`exit`/`throw`, its
    /// reason, its stacktrace as a list of frames) and control goes on at
    /// `handler`.
    Try {
        handler: Label,
        class: Reg,
        reason: Reg,
        stack: Reg,
    },
    /// BEAM's `catch`: a catch frame for `catch Expr`; on an exception
    /// `x[dst]` gets what `catch` makes of it (the thrown value,
    /// `{'EXIT', Reason}` for an exit, `{'EXIT', {Reason, Stack}}` for an
    /// error) and control goes on at `handler`.
    Catch {
        handler: Label,
        dst: Reg,
    },
    /// `try_end`/`catch_end`: pops the innermost catch frame, the
    /// protected code having ended with a value.
    TryEnd,
    /// A catch no clause matched (and `after`'s way out of an
    /// exception): the exception `x[class]`, `x[reason]` goes on, with
    /// the stack it had (`erlang:raise/3`).
    Reraise {
        class: Reg,
        reason: Reg,
        stack: Reg,
    },
    /// No `of` clause of a `try` matched `x[src]`: `{try_clause, V}`.
    TryClause {
        src: Reg,
    },
}

impl Op {
    /// Every jump target of the instruction, for a pass that moves code
    /// (`compile/liveness.rs` removing dead instructions). Without a
    /// catch-all arm, so a new instruction with a label cannot be missed.
    pub fn labels_mut(&mut self) -> Vec<&mut Label> {
        match self {
            Op::Match { fail, .. }
            | Op::IsInt { fail, .. }
            | Op::IsAtom { fail, .. }
            | Op::Guard { fail, .. }
            | Op::BsStart { fail, .. }
            | Op::BsGet { fail, .. }
            | Op::BsMatchString { fail, .. }
            | Op::BsTestTail { fail, .. }
            | Op::BsGetTail { fail, .. }
            | Op::BsGetRest { fail, .. } => vec![fail],
            Op::Branch {
                on_true, on_false, ..
            } => vec![on_true, on_false],
            Op::IsEitherInt {
                on_second, fail, ..
            } => vec![on_second, fail],
            Op::Jump { to } => vec![to],
            Op::Try { handler, .. } | Op::Catch { handler, .. } => vec![handler],
            Op::Move { .. }
            | Op::MoveLast { .. }
            | Op::Const { .. }
            | Op::Int { .. }
            | Op::Tuple { .. }
            | Op::Cons { .. }
            | Op::MakeFun { .. }
            | Op::MatchOrRaise { .. }
            | Op::Arith { .. }
            | Op::ArithI { .. }
            | Op::Unary { .. }
            | Op::Compare { .. }
            | Op::Not { .. }
            | Op::Logic { .. }
            | Op::Append { .. }
            | Op::Subtract { .. }
            | Op::Call { .. }
            | Op::TailCall { .. }
            | Op::CallExt { .. }
            | Op::TailCallExt { .. }
            | Op::TailBif { .. }
            | Op::CallFun { .. }
            | Op::TailCallFun { .. }
            | Op::Bif { .. }
            | Op::Return { .. }
            | Op::ReturnInt { .. }
            | Op::Send { .. }
            // A receive's labels are in its table (`ReceiveTable`).
            | Op::Receive { .. }
            | Op::FunctionClause
            | Op::CaseClause { .. }
            | Op::IfClause
            | Op::MakeMap { .. }
            | Op::MapPut { .. }
            | Op::MapExact { .. }
            | Op::BsCreate { .. }
            | Op::Badmatch { .. }
            | Op::TryEnd
            | Op::Reraise { .. }
            | Op::TryClause { .. } => vec![],
        }
    }
}

/// `+ - * / div rem`, and the bitwise `band bor bxor bsl bsr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
    IntDiv,
    Rem,
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
}

/// `== /= =:= =/= < > =< >=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    ExactEq,
    ExactNe,
    Lt,
    Gt,
    Le,
    Ge,
}

/// `and or xor`: both sides evaluated, booleans only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogicOp {
    And,
    Or,
    Xor,
}

impl ArithOp {
    /// The operator's name as the `erlang` module exports it, for the BIF
    /// frame of a `badarith` stack (`{erlang, '+', [1, a], []}`).
    pub fn name(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
            ArithOp::IntDiv => "div",
            ArithOp::Rem => "rem",
            ArithOp::Band => "band",
            ArithOp::Bor => "bor",
            ArithOp::Bxor => "bxor",
            ArithOp::Bsl => "bsl",
            ArithOp::Bsr => "bsr",
        }
    }
}
