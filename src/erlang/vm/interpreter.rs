//! The interpreter loop: one time slice of a process running compiled
//! code, as a [`Program`].
//!
//! The state of a process's code is all here, in plain data: the current
//! function and instruction, the registers of every active call (one
//! `Vec`, each call a window of it, like the BEAM's stack of `y`
//! registers), and the frames of the calls waiting for a return. Nothing
//! lives on the Rust stack between slices, so a slice can end anywhere:
//!
//! - at a call, when the budget of reductions is spent ([`Step::Yield`]);
//!   the call instruction runs again at the next slice;
//! - at a `receive` with nothing to take ([`Step::Wait`]); the receive
//!   instruction runs again when the process wakes, with the deadline it
//!   computed the first time (the timer is not armed again);
//! - when the first function returns (`normal`) or an exception ends the
//!   process (its exit reason, built by `errors.rs`).
//!
//! Exceptions: `Try` and `Catch` push a *catch frame* recording where the
//! code that protects itself stands (function, window, how many frames
//! are below it), as the BEAM's `try` puts a catch tag in a `y` register.
//! An exception is a `Raise` travelling back up through `Result`s to
//! [`Vm::uncaught`], which takes the innermost catch frame if there is
//! one: it builds the stacktrace from the frames as they are *before*
//! cutting them back (so `Class:Reason:Stack` shows where the exception
//! came from), drops every frame above the catching function, and goes on
//! at the handler. `TryEnd` pops the frame when the protected code ends
//! with a value. The compiler keeps the frames balanced: the protected
//! code is never in tail position, so no frame outlives its function.
//!
//! Frames: a call pushes the caller's return address; a tail call pushes
//! nothing and reuses the window, so `loop(N) -> loop(N + 1)` runs for
//! ever in constant space. `lists:map/2` and `lists:foldl/3` push a frame of
//! their own that receives each result of the fun and calls it on the next
//! element: the fun's calls are ordinary calls, charged and preemptible.
//! Deep non-tail recursion ends the process with `system_limit` at
//! [`MAX_FRAMES`] frames (the BEAM would grow the heap until memory ran out;
//! a playground prefers a clear error that leaves the others running).
//!
//! A frame records the module version its function belongs to only when a
//! call crosses modules (`None` means "the same as the function it
//! called"), so local calls cost no reference counting; a process keeps
//! running the version it entered even after a new one is loaded. That is
//! Erlang's hot code rule: a local call (`loop(N)`, `Op::Call`,
//! `Op::TailCall`) stays in the caller's version, and only a fully
//! qualified call (`counter:loop(N)`, `Op::CallExt`), an external fun
//! (`fun counter:loop/1`) or `spawn(counter, loop, [...])` looks the
//! *current* version up (`call_ext`), so a running process moves to new
//! code exactly there. A local fun (`fun loop/1`, `fun (X) -> ... end`)
//! keeps the version it was made in.

mod map_walks;

use super::bifs::{self, BifImpl, Special};
use super::bits;
use super::errors::{self, Class, Raise};
use super::matching::{guard_holds, logic, match_pat};
use super::terms::{self, as_bool, boolean};
use crate::erlang::module::{CompiledModule, FunValue, Pat, ReceiveTable};
use crate::erlang::opcodes::{ArithOp, Label, Op, Reg};
use crate::runtime::process::Scan;
use crate::runtime::term::size::Reach;
use crate::runtime::{Atom, LoadedCode, Location, Process, Program, Step, Term};
use std::sync::Arc;
use std::time::Duration;

/// The deepest a process's calls may nest.
pub const MAX_FRAMES: usize = 100_000;

/// What fills a register that holds nothing yet.
const EMPTY: Term = Term::NIL;

/// A caller waiting for a return value in `x[dst]` of its window. Its
/// own small stack (24 bytes a frame, pushed and popped by the loop
/// itself), apart from the rarer and bigger frames of `lists`/`maps`
/// walks.
struct CallFrame {
    module: Option<Arc<CompiledModule>>,
    func: u32,
    pc: u32,
    base: u32,
    dst: Reg,
}

/// A frame waiting for a return: a call's, or a walk's (`Vm::walks`).
enum Frame {
    Call(CallFrame),
    /// `lists:map/2` between two calls of its fun: the list still to go
    /// (a shared tail, walked cell by cell) and the results so far.
    Map {
        fun: Term,
        rest: Term,
        done: Vec<Term>,
    },
    /// `lists:foldl/3` between two calls of its fun; `first`: the call
    /// is on the first element (OTP's `foldl/3` makes it, `foldl_1/3` the
    /// others, which the stack shows).
    Foldl {
        fun: Term,
        rest: Term,
        first: bool,
    },
    /// `maps:fold/3`, `map/2`, `filter/2`, `update_with/3,4` between two
    /// calls of their fun (`interpreter/map_walks.rs`).
    Maps(map_walks::MapsFrame),
}

/// A `try` or `catch` in progress (see the module docs): where an
/// exception comes back to.
struct CatchFrame {
    module: Arc<CompiledModule>,
    func: u32,
    base: usize,
    top: usize,
    /// How many call and walk frames were below it.
    calls: usize,
    walks: usize,
    handler: Label,
    into: CatchInto,
}

/// Where a caught exception goes.
enum CatchInto {
    /// A `try`'s handler: the class, the reason and the stacktrace.
    Try { class: Reg, reason: Reg, stack: Reg },
    /// `catch Expr`: the value `catch` makes of it.
    Catch { dst: Reg },
}

/// A process running compiled code.
pub struct Vm {
    module: Arc<CompiledModule>,
    func: u32,
    pc: u32,
    base: usize,
    /// The end of the current window. Registers above it are stale: valid
    /// terms that no code reads (every register is written before it is
    /// read), overwritten by the next call's window, and dropped when the
    /// slice ends. So a return does not clear its window and a call does
    /// not fill one, the way the BEAM leaves dead stack slots to the GC.
    top: usize,
    regs: Vec<Term>,
    calls: Vec<CallFrame>,
    /// The walks' frames, each with the number of call frames below it:
    /// the one on top of the whole stack is the last walk when that
    /// number is `calls.len()`, else the last call.
    walks: Vec<(usize, Frame)>,
    /// The receive (or `timer:sleep`) in progress, with its deadline:
    /// `Some` from its first execution until it takes a message or times
    /// out.
    waiting: Option<Option<Duration>>,
    /// `timer:sleep` in progress: it returns `ok` when the deadline passes.
    sleeping: bool,
    /// A remote call in tail position failed: the current function's frame
    /// was already given up, so the error stack does not show it.
    tail_failed: bool,
    /// The `try`s and `catch`es in progress, innermost last.
    catches: Vec<CatchFrame>,
}

/// A frame on the stack, borrowed (`Vm::frames_down`).
enum FrameRef<'a> {
    Call(&'a CallFrame),
    Walk(&'a Frame),
}

#[cfg(test)]
thread_local! {
    /// Test hooks (deterministic runs happen on the test's thread): the
    /// deepest frame stack seen, and how many messages receive matchers
    /// were offered (a waiting receive must not look at one twice).
    pub(crate) static MAX_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    pub(crate) static EXAMINED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// What the instruction loop does next.
enum Flow {
    /// Go on in the (possibly new) current function.
    Next,
    /// The slice ends.
    Stop(Step),
}

impl Vm {
    /// A process that will run `module`'s function `func` with `args`
    /// (and, for a lambda, its captured values after them).
    pub fn new(module: Arc<CompiledModule>, func: u32, args: Vec<Term>) -> Vm {
        let frame_size = usize::from(module.functions[func as usize].frame_size);
        let mut regs = args;
        let size = frame_size.max(regs.len());
        regs.resize_with(size, || EMPTY);
        Vm {
            module,
            func,
            pc: 0,
            base: 0,
            top: size,
            regs,
            calls: Vec::new(),
            walks: Vec::new(),
            waiting: None,
            sleeping: false,
            tail_failed: false,
            catches: Vec::new(),
        }
    }

    /// How many frames are waiting for a return (0 in a loop of tail
    /// calls).
    pub fn depth(&self) -> usize {
        self.calls.len() + self.walks.len()
    }

    /// Pushes a walk's frame (never `Frame::Call`) on top of the stack.
    fn push_walk(&mut self, frame: Frame) {
        self.walks.push((self.calls.len(), frame));
    }

    /// Whether the frame on top of the stack is a walk's.
    fn walk_on_top(&self) -> bool {
        self.walks
            .last()
            .is_some_and(|(below, _)| *below == self.calls.len())
    }

    /// Pops the frame on top of the stack, a call's or a walk's.
    fn pop_frame(&mut self) -> Option<Frame> {
        if self.walk_on_top() {
            self.walks.pop().map(|(_, frame)| frame)
        } else {
            self.calls.pop().map(Frame::Call)
        }
    }

    /// The frames waiting for a return, top first.
    fn frames_down(&self) -> impl Iterator<Item = FrameRef<'_>> {
        let (mut calls, mut walks) = (self.calls.len(), self.walks.len());
        std::iter::from_fn(move || {
            if walks > 0 && self.walks[walks - 1].0 == calls {
                walks -= 1;
                Some(FrameRef::Walk(&self.walks[walks].1))
            } else if calls > 0 {
                calls -= 1;
                Some(FrameRef::Call(&self.calls[calls]))
            } else {
                None
            }
        })
    }

    /// The function running now, and its module's version.
    pub fn location(&self) -> Location {
        let f = &self.module.functions[self.func as usize];
        Location {
            module: self.module.name,
            version: self.module.version(),
            function: f.name,
            arity: f.arity - f.captured,
        }
    }

    /// `erlang:check_process_code/2` for one version `code`, as OTP 25
    /// decides it: whether the function running now or any frame waiting
    /// for a return belongs to it. A fun of it in the registers or in a
    /// `lists:map`/`foldl` in progress does not count (calling it once
    /// the version is purged raises `badfun`). The set of versions on the
    /// stack is `self.module` plus every frame's recorded module: a frame
    /// records one wherever a call may cross into another version (see
    /// `push_frame`), and `None` means the same version as the frame above
    /// it.
    fn uses(&self, code: &Arc<CompiledModule>) -> bool {
        Arc::ptr_eq(&self.module, code)
            || self
                .calls
                .iter()
                .any(|frame| matches!(&frame.module, Some(m) if Arc::ptr_eq(m, code)))
            || self.catches.iter().any(|c| Arc::ptr_eq(&c.module, code))
    }

    /// Runs until the slice ends.
    fn execute(&mut self, process: &Process) -> Step {
        if self.sleeping {
            match self.sleep_done(process) {
                Some(step) => return step,
                None => {
                    if let Flow::Stop(step) = self.give_back(process, Term::from_atom(Atom::OK)) {
                        return step;
                    }
                }
            }
        }
        loop {
            let result = self.run_function(process);
            match result {
                Ok(Flow::Next) => continue,
                Ok(Flow::Stop(step)) => return step,
                Err(raise) => match self.uncaught(raise) {
                    Flow::Next => continue,
                    Flow::Stop(step) => return step,
                },
            }
        }
    }

    /// Runs instructions of the current function until control moves to
    /// another module (`Next`) or the slice ends.
    ///
    /// The hot state lives in locals, as Wren's `LOAD_FRAME` keeps it: the
    /// instruction index, the window's base, the function's code and the
    /// registers. They are written back to `self` only where something
    /// else may read them: before a call out of this loop (`other_op`,
    /// which runs every instruction but the few a recursive function or a
    /// message loop spends its time in), a yield, or an exception
    /// (`exit_reason` reads `self.pc`). Local calls and returns stay in
    /// this loop (no reference counting).
    ///
    /// What runs here is chosen by measurement, not by taste: every arm
    /// added is more code for one function whose locals the register
    /// allocator must place, and an inline `Receive` cost vm-fib 7% of
    /// its time for nothing it runs (docs/benchmarks.md, "Process code:
    /// vm-fib").
    fn run_function(&mut self, process: &Process) -> Result<Flow, Raise> {
        let module = self.module.clone();
        let mut code = &module.functions[self.func as usize].code[..];
        let mut pc = self.pc as usize;
        let mut base = self.base;
        // The registers as a local slice: its address and length stay in
        // machine registers instead of being reloaded after every store
        // that might free a term. Taken again wherever `self.regs` may
        // have grown (a call's new window, anything through `self`).
        let mut regs = &mut self.regs[..];
        macro_rules! sync {
            () => {{
                self.pc = pc as u32;
                self.base = base;
            }};
        }
        macro_rules! x {
            ($r:expr) => {
                regs[base + usize::from($r)]
            };
        }
        macro_rules! set {
            ($r:expr, $value:expr) => {{
                let value = $value;
                store(&mut x!($r), value)
            }};
        }
        loop {
            let Some(op) = code.get(pc) else {
                // The compiler ends every function with a raise or a
                // return; running off the end is a bug, not a crash.
                sync!();
                return Err(Raise::error(Term::atom("internal_error")));
            };
            pc += 1;
            match op {
                Op::Move { src, dst } => set!(*dst, x!(*src).clone()),
                Op::MoveLast { src, dst } => {
                    let value = std::mem::replace(&mut x!(*src), EMPTY);
                    set!(*dst, value);
                }
                Op::Const { k, dst } => set!(*dst, module.constants[*k as usize].clone()),
                // The compiler gives `Int` only small integers (bigger ones
                // are constants), so the word is built without a range test.
                Op::Int { value, dst } => set!(*dst, Term::from_small_word((*value << 1) | 1)),
                Op::IsInt { src, value, fail } => {
                    if !x!(*src).is_small_int(*value) {
                        pc = *fail as usize;
                    }
                }
                Op::IsEitherInt {
                    src,
                    first,
                    second,
                    on_second,
                    fail,
                } => {
                    let x = &x!(*src);
                    if !x.is_small_int(i64::from(*first)) {
                        pc = if x.is_small_int(i64::from(*second)) {
                            *on_second as usize
                        } else {
                            *fail as usize
                        };
                    }
                }
                Op::Jump { to } => pc = *to as usize,
                Op::Arith {
                    op,
                    a,
                    b,
                    dst,
                    frame,
                } => {
                    // `+` and `-` of two small integers on the tagged words
                    // (2x + 1): one add, the overflow flag sending a result
                    // past 63 bits to the general case with the rest
                    // (bignums, floats, errors).
                    let fast = match (op, Term::small_words(&x!(*a), &x!(*b))) {
                        (ArithOp::Add, Some((x, y))) => x.checked_add(y - 1),
                        (ArithOp::Sub, Some((x, y))) => x.checked_sub(y - 1),
                        _ => None,
                    };
                    if let Some(word) = fast {
                        set!(*dst, Term::from_small_word(word));
                        continue;
                    }
                    match terms::arith(*op, &x!(*a), &x!(*b)) {
                        Ok(value) => set!(*dst, value),
                        Err(error) => {
                            sync!();
                            let args = || vec![x!(*a).clone(), x!(*b).clone()];
                            return Err(arith_raise(error, *op, *frame, args));
                        }
                    }
                }
                Op::ArithI {
                    op,
                    a,
                    imm,
                    dst,
                    frame,
                } => {
                    // As `Arith`'s fast path, the literal's tag already
                    // cancelled out: x + 2 * imm.
                    let twice = i64::from(*imm) << 1;
                    let fast = x!(*a).small_word().and_then(|x| match op {
                        ArithOp::Add => x.checked_add(twice),
                        _ => x.checked_sub(twice),
                    });
                    if let Some(word) = fast {
                        set!(*dst, Term::from_small_word(word));
                        continue;
                    }
                    let b = Term::int(i64::from(*imm));
                    match terms::arith(*op, &x!(*a), &b) {
                        Ok(value) => set!(*dst, value),
                        Err(error) => {
                            sync!();
                            let args = || vec![x!(*a).clone(), b];
                            return Err(arith_raise(error, *op, *frame, args));
                        }
                    }
                }
                Op::Call { func, args, dst } => {
                    if process.budget_left() <= 0 {
                        // The call runs again at the next slice.
                        pc -= 1;
                        sync!();
                        return Ok(Flow::Stop(Step::Yield));
                    }
                    process.bump_reductions(1);
                    if self.calls.len() + self.walks.len() >= MAX_FRAMES {
                        sync!();
                        return Err(Raise::error(Term::atom("system_limit")));
                    }
                    self.calls.push(CallFrame {
                        module: None,
                        func: self.func,
                        pc: pc as u32,
                        base: base as u32,
                        dst: *dst,
                    });
                    #[cfg(test)]
                    MAX_DEPTH.with(|d| d.set(d.get().max(self.calls.len() + self.walks.len())));
                    let callee = &module.functions[*func as usize];
                    // The arguments move to the new window, above this one.
                    let from = base + usize::from(*args);
                    base = self.top;
                    self.top = base + usize::from(callee.frame_size).max(callee.arity as usize);
                    if regs.len() < self.top {
                        self.regs.resize_with(self.top, || EMPTY);
                        regs = &mut self.regs[..];
                    }
                    move_args(regs, from, base, callee.arity as usize);
                    self.func = *func;
                    pc = 0;
                    code = &callee.code[..];
                }
                Op::TailCall { func, args } => {
                    if process.budget_left() <= 0 {
                        pc -= 1;
                        sync!();
                        return Ok(Flow::Stop(Step::Yield));
                    }
                    process.bump_reductions(1);
                    let arity = module.functions[*func as usize].arity;
                    self.base = base;
                    self.tail_enter(*args, arity, &module, *func);
                    regs = &mut self.regs[..];
                    pc = 0;
                    code = &module.functions[*func as usize].code[..];
                }
                Op::Return { .. } | Op::ReturnInt { .. } => {
                    let value = match op {
                        Op::ReturnInt { value } => Term::from_small_word((*value << 1) | 1),
                        Op::Return { src } => std::mem::replace(&mut x!(*src), EMPTY),
                        _ => unreachable!(),
                    };
                    // The window's registers become stale.
                    self.top = base;
                    // The common case inline: back to a local caller, whose
                    // window is the top of the registers again.
                    if let Some(&CallFrame {
                        module: None,
                        func,
                        pc: back,
                        base: caller,
                        dst,
                    }) = self.calls.last()
                        && self.walks.last().is_none_or(|w| w.0 != self.calls.len())
                    {
                        // It owns nothing (no module): forgetting it skips
                        // a destructor call.
                        std::mem::forget(self.calls.pop());
                        self.func = func;
                        pc = back as usize;
                        base = caller as usize;
                        let caller = &module.functions[func as usize];
                        code = &caller.code[..];
                        self.top = base + usize::from(caller.frame_size);
                        set!(dst, value);
                        continue;
                    }
                    sync!();
                    match self.give_back(process, value) {
                        Flow::Next if Arc::ptr_eq(&self.module, &module) => {}
                        flow => return Ok(flow),
                    }
                    pc = self.pc as usize;
                    base = self.base;
                    regs = &mut self.regs[..];
                    code = &module.functions[self.func as usize].code[..];
                }
                // Messages stay in the loop too: a process that only
                // passes messages on (a ring) runs `Receive`, `Send` and a
                // tail call per message. The receive's work is out of line
                // (see above), but not behind a write-back of the state.
                Op::Send { to, msg, dst } => {
                    let message = x!(*msg).clone();
                    let target = &x!(*to);
                    match (target.as_pid(), target.as_atom()) {
                        (Some(pid), _) => process.send(pid, message.clone()),
                        (None, Some(name)) => {
                            if process.send_named(name, message.clone()).is_err() {
                                sync!();
                                // OTP names the frame `send`, not `!`.
                                return Err(Raise::badarg().in_bif(
                                    "erlang",
                                    "send",
                                    vec![x!(*to).clone(), message],
                                ));
                            }
                        }
                        (None, None) => {
                            sync!();
                            return Err(Raise::badarg().in_bif(
                                "erlang",
                                "send",
                                vec![target.clone(), message],
                            ));
                        }
                    }
                    set!(*dst, message);
                }
                Op::Receive { table } => {
                    let table = &module.receives[*table as usize];
                    match receive(process, &mut self.waiting, table, regs, base) {
                        Ok(Received::At(label)) => pc = label as usize,
                        Ok(Received::Next) => {}
                        Ok(Received::Wait) => {
                            pc -= 1;
                            sync!();
                            let until = self.waiting.flatten();
                            return Ok(Flow::Stop(Step::Wait { until }));
                        }
                        Err(raise) => {
                            sync!();
                            return Err(*raise);
                        }
                    }
                }
                _ => {
                    sync!();
                    match self
                        .other_op(process, &module, op)
                        .map_err(|raise| *raise)?
                    {
                        None => {}
                        Some(Flow::Next) if Arc::ptr_eq(&self.module, &module) => {}
                        Some(flow) => return Ok(flow),
                    }
                    pc = self.pc as usize;
                    base = self.base;
                    regs = &mut self.regs[..];
                    code = &module.functions[self.func as usize].code[..];
                }
            }
        }
    }

    /// `other` out of line, its exception boxed: what it hands back is
    /// two words, so a receive or a send pays a plain call, not a copy
    /// of a `Raise` through memory.
    #[inline(never)]
    fn other_op(
        &mut self,
        process: &Process,
        module: &Arc<CompiledModule>,
        op: &Op,
    ) -> Result<Option<Flow>, Box<Raise>> {
        self.other(process, module, op).map_err(Box::new)
    }

    /// Every instruction but `run_function`'s own, with the state in
    /// `self` (`self.pc` already past the instruction): `Some` when the
    /// slice ends or control moves to another function.
    #[inline(always)]
    fn other(
        &mut self,
        process: &Process,
        module: &Arc<CompiledModule>,
        op: &Op,
    ) -> Result<Option<Flow>, Raise> {
        let base = self.base;
        macro_rules! x {
            ($r:expr) => {
                self.regs[base + usize::from($r)]
            };
        }
        macro_rules! set {
            ($r:expr, $value:expr) => {{
                let value = $value;
                store(&mut x!($r), value)
            }};
        }
        match op {
            Op::Move { .. }
            | Op::MoveLast { .. }
            | Op::Int { .. }
            | Op::Const { .. }
            | Op::IsInt { .. }
            | Op::IsEitherInt { .. }
            | Op::Jump { .. }
            | Op::Arith { .. }
            | Op::ArithI { .. }
            | Op::Call { .. }
            | Op::TailCall { .. }
            | Op::Return { .. }
            | Op::ReturnInt { .. }
            | Op::Send { .. }
            | Op::Receive { .. } => unreachable!("run_function's own"),
            Op::Try {
                handler,
                class,
                reason,
                stack,
            } => self.push_catch(
                *handler,
                CatchInto::Try {
                    class: *class,
                    reason: *reason,
                    stack: *stack,
                },
            ),
            Op::Catch { handler, dst } => self.push_catch(*handler, CatchInto::Catch { dst: *dst }),
            Op::TryEnd => {
                self.catches.pop();
            }
            Op::Reraise {
                class,
                reason,
                stack,
            } => {
                let class = Class::of(&x!(*class)).unwrap_or(Class::Error);
                return Err(Raise {
                    class,
                    stack: Some(x!(*stack).clone()),
                    ..Raise::error(x!(*reason).clone())
                });
            }
            Op::TryClause { src } => {
                return Err(Raise::tagged("try_clause", x!(*src).clone()));
            }
            Op::Tuple { start, len, dst } => {
                let from = base + usize::from(*start);
                let items: Vec<Term> = self.regs[from..from + usize::from(*len)]
                    .iter_mut()
                    .map(|t| std::mem::replace(t, EMPTY))
                    .collect();
                set!(*dst, Term::tuple(items));
            }
            Op::Cons { head, tail, dst } => {
                let h = x!(*head).clone();
                let t = take_or_clone(&mut self.regs, base, *tail, *dst);
                set!(*dst, terms::cons(h, t));
            }
            Op::MakeFun {
                lambda,
                captures,
                dst,
            } => {
                let captured = captures.iter().map(|r| x!(*r).clone()).collect();
                set!(
                    *dst,
                    FunValue::Local {
                        module: module.clone(),
                        function: *lambda,
                        captured,
                    }
                    .into_term()
                );
            }
            Op::Match { pat, src, fail } => {
                // The value is lent out of its register while the
                // pattern binds others (the compiler never lets a
                // pattern read or bind the register it matches).
                let value = std::mem::replace(&mut x!(*src), EMPTY);
                let pattern = &module.patterns[*pat as usize];
                let matched = match_pat(pattern, &value, &mut self.regs[base..]);
                store(&mut x!(*src), value);
                if !matched {
                    self.pc = *fail;
                }
            }
            Op::IsAtom { src, atom, fail } => {
                if x!(*src).as_atom() != Some(*atom) {
                    self.pc = *fail;
                }
            }
            Op::MatchOrRaise { pat, src } => {
                let value = std::mem::replace(&mut x!(*src), EMPTY);
                let pattern = &module.patterns[*pat as usize];
                let matched = match_pat(pattern, &value, &mut self.regs[base..]);
                if !matched {
                    return Err(Raise::tagged("badmatch", value));
                }
                store(&mut x!(*src), value);
            }
            Op::Guard { guard, fail } => {
                if !guard_holds(&module.guards[*guard as usize], &self.regs[base..], process) {
                    self.pc = *fail;
                }
            }
            Op::Unary { negate, src, dst } => {
                set!(
                    *dst,
                    terms::unary(*negate, &x!(*src)).map_err(|error| {
                        let name = if *negate { "-" } else { "+" };
                        arith_error(error).in_bif("erlang", name, vec![x!(*src).clone()])
                    })?
                );
            }
            Op::Compare { op, a, b, dst } => {
                set!(*dst, boolean(terms::compare_op(*op, &x!(*a), &x!(*b))));
            }
            Op::Not { src, dst } => {
                let b = as_bool(&x!(*src)).ok_or_else(|| {
                    Raise::badarg().in_bif("erlang", "not", vec![x!(*src).clone()])
                })?;
                set!(*dst, boolean(!b));
            }
            Op::Logic { op, a, b, dst } => {
                let (va, vb) = (as_bool(&x!(*a)), as_bool(&x!(*b)));
                let (Some(va), Some(vb)) = (va, vb) else {
                    let name = format!("{op:?}").to_lowercase();
                    return Err(Raise::badarg().in_bif(
                        "erlang",
                        &name,
                        vec![x!(*a).clone(), x!(*b).clone()],
                    ));
                };
                set!(*dst, boolean(logic(*op, va, vb)));
            }
            Op::Append { a, b, dst } => {
                // The left list is copied, the right one shared: the
                // cost is the left one's length.
                let left = &x!(*a);
                process.bump_reductions((left.list_len().unwrap_or(0) / 16) as u32);
                let Some(joined) = terms::append(left.clone(), x!(*b).clone()) else {
                    return Err(Raise::badarg().in_bif(
                        "erlang",
                        "++",
                        vec![x!(*a).clone(), x!(*b).clone()],
                    ));
                };
                set!(*dst, joined);
            }
            Op::Subtract { a, b, dst } => {
                let (left, right) = (&x!(*a), &x!(*b));
                let n = left.list_len().unwrap_or(0) * right.list_len().unwrap_or(0);
                process.bump_reductions((n / 16).min(1_000_000) as u32);
                let Some(rest) = terms::subtract(left.clone(), right) else {
                    return Err(Raise::badarg().in_bif(
                        "erlang",
                        "--",
                        vec![x!(*a).clone(), x!(*b).clone()],
                    ));
                };
                set!(*dst, rest);
            }
            Op::Branch {
                src,
                on_true,
                on_false,
            } => match as_bool(&x!(*src)) {
                Some(true) => self.pc = *on_true,
                Some(false) => self.pc = *on_false,
                None => return Err(Raise::tagged("badarg", x!(*src).clone())),
            },
            Op::CallExt { import, args, dst } => {
                if let Some(flow) = self.preempt(process) {
                    return Ok(Some(flow));
                }
                let import = module.imports[*import as usize];
                let args = self.take_args(*args, import.arity);
                self.push_frame(Some(module), *dst)?;
                return self
                    .call_ext(process, import.module, import.function, args)
                    .inspect_err(|_| self.unwind_result_frame())
                    .map(Some);
            }
            Op::TailCallExt { import, args } => {
                if let Some(flow) = self.preempt(process) {
                    return Ok(Some(flow));
                }
                let import = module.imports[*import as usize];
                let args = self.take_args(*args, import.arity);
                self.drop_window();
                self.pin_caller_module();
                // An undefined function called in tail position: the
                // caller's frame is gone, as on the BEAM.
                return self
                    .call_ext(process, import.module, import.function, args)
                    .inspect_err(|_| self.tail_failed = true)
                    .map(Some);
            }
            Op::TailBif { bif, args } => {
                let bif = bifs::get(*bif);
                let BifImpl::Special(special) = bif.imp else {
                    unreachable!("the compiler tail-calls only special BIFs")
                };
                if let Some(flow) = self.preempt(process) {
                    return Ok(Some(flow));
                }
                let args = self.take_args(*args, u32::from(bif.arity));
                self.drop_window();
                self.pin_caller_module();
                return self
                    .special(process, special, args)
                    .inspect_err(|_| self.tail_failed = true)
                    .map(Some);
            }
            Op::CallFun {
                fun,
                args,
                argc,
                dst,
            } => {
                if let Some(flow) = self.preempt(process) {
                    return Ok(Some(flow));
                }
                let fun = x!(*fun).clone();
                let args = self.take_args(*args, u32::from(*argc));
                self.push_frame(Some(module), *dst)?;
                return self
                    .call_fun(process, &fun, args)
                    .inspect_err(|_| self.unwind_result_frame())
                    .map(Some);
            }
            Op::TailCallFun { fun, args, argc } => {
                if let Some(flow) = self.preempt(process) {
                    return Ok(Some(flow));
                }
                let fun = x!(*fun).clone();
                let args = self.take_args(*args, u32::from(*argc));
                self.drop_window();
                self.pin_caller_module();
                return self.call_fun(process, &fun, args).map(Some);
            }
            Op::Bif { bif, args, dst } => {
                let arity = u32::from(bifs::get(*bif).arity);
                match bifs::get(*bif).imp {
                    BifImpl::Pure(f) => {
                        process.bump_reductions(1);
                        let from = base + usize::from(*args);
                        let argv = &self.regs[from..from + arity as usize];
                        let value = f(process, argv).map_err(|raise| {
                            let b = bifs::get(*bif);
                            raise.in_bif(b.module, b.name, argv.to_vec())
                        })?;
                        set!(*dst, value);
                    }
                    BifImpl::Special(special) => {
                        if let Some(flow) = self.preempt(process) {
                            return Ok(Some(flow));
                        }
                        let args = self.take_args(*args, arity);
                        self.push_frame(Some(module), *dst)?;
                        return self
                            .special(process, special, args)
                            .inspect_err(|_| self.unwind_result_frame())
                            .map(Some);
                    }
                }
            }
            Op::FunctionClause => {
                let function = &module.functions[self.func as usize];
                let shown = (function.arity - function.captured) as usize;
                let args = self.regs[base..base + shown].to_vec();
                return Err(Raise {
                    clause_args: Some(args),
                    ..Raise::error(Term::atom("function_clause"))
                });
            }
            Op::CaseClause { src } => {
                return Err(Raise::tagged("case_clause", x!(*src).clone()));
            }
            Op::IfClause => return Err(Raise::error(Term::atom("if_clause"))),
            Op::MakeMap { pairs, dst } => {
                let map =
                    super::maps::make(pairs.iter().map(|&(k, v)| (x!(k).clone(), x!(v).clone())));
                set!(*dst, map);
            }
            Op::MapPut {
                map,
                take,
                pairs,
                dst,
            } => {
                let value = take_map(&mut self.regs, base, *map, *take, pairs);
                let pairs = pairs.iter().map(|&(k, v)| (x!(k).clone(), x!(v).clone()));
                set!(*dst, super::maps::put(value, pairs)?);
            }
            Op::MapExact {
                map,
                take,
                pairs,
                dst,
            } => {
                let value = take_map(&mut self.regs, base, *map, *take, pairs);
                let pairs = pairs.iter().map(|&(k, v)| (x!(k).clone(), x!(v).clone()));
                set!(*dst, super::maps::update(value, pairs)?);
            }
            Op::BsCreate { segments, dst } => {
                let value = bits::create(segments, &mut self.regs[base..], process)?;
                set!(*dst, value);
            }
            Op::BsStart { src, pos, fail } => {
                if !bits::start(&mut self.regs[base..], *src, *pos) {
                    self.pc = *fail;
                }
            }
            Op::BsGet {
                src,
                pos,
                get,
                fail,
                start,
            } => {
                let regs = &mut self.regs[base..];
                if !bits::get(get, regs, *src, *pos, *start, Some(process)) {
                    self.pc = *fail;
                }
            }
            Op::BsMatchString {
                src,
                pos,
                bits: expected,
                fail,
            } => {
                if !bits::match_string(&mut self.regs[base..], *src, *pos, expected) {
                    self.pc = *fail;
                }
            }
            Op::BsTestTail { src, pos, fail } => {
                if !bits::test_tail(&self.regs[base..], *src, *pos) {
                    self.pc = *fail;
                }
            }
            Op::BsGetTail {
                src,
                pos,
                dst,
                unit,
                take,
                fail,
            } => {
                let regs = &mut self.regs[base..];
                if !bits::get_tail(regs, *src, *pos, *dst, *unit, *take) {
                    self.pc = *fail;
                }
            }
            Op::BsGetRest {
                src,
                pos,
                get,
                dst,
                unit,
                take,
                fail,
            } => {
                let regs = &mut self.regs[base..];
                if !(bits::get(get, regs, *src, *pos, true, Some(process))
                    && bits::get_tail(regs, *src, *pos, *dst, *unit, *take))
                {
                    self.pc = *fail;
                }
            }
            Op::Badmatch { src } => {
                return Err(Raise::tagged("badmatch", x!(*src).clone()));
            }
        }
        Ok(None)
    }

    /// At a call: yields if the budget is spent (the call runs again next
    /// slice), else charges the call's reduction.
    fn preempt(&mut self, process: &Process) -> Option<Flow> {
        if process.budget_left() <= 0 {
            self.pc -= 1;
            return Some(Flow::Stop(Step::Yield));
        }
        process.bump_reductions(1);
        None
    }

    /// Pushes the current function as a caller waiting for `x[dst]`.
    /// `callee_module` is the module of what is called, when it may differ
    /// from the caller's (then the caller's module is recorded).
    fn push_frame(
        &mut self,
        callee_module: Option<&Arc<CompiledModule>>,
        dst: Reg,
    ) -> Result<(), Raise> {
        if self.depth() >= MAX_FRAMES {
            return Err(Raise::error(Term::atom("system_limit")));
        }
        // Recorded always when the callee may be elsewhere: its module is
        // only known once the call resolves.
        let module = callee_module.map(|_| self.module.clone());
        self.calls.push(CallFrame {
            module,
            func: self.func,
            pc: self.pc,
            base: self.base as u32,
            dst,
        });
        #[cfg(test)]
        MAX_DEPTH.with(|d| d.set(d.get().max(self.depth())));
        Ok(())
    }

    /// Before a tail call that may leave the current module (or version):
    /// a local caller waiting below recorded no module (`None`, "the
    /// module of whoever returns to me"), which stops being true once the
    /// callee's place is taken by code elsewhere. Pin it to the module it
    /// was called from, so the return goes back to the right code.
    fn pin_caller_module(&mut self) {
        if !self.walk_on_top()
            && let Some(CallFrame { module, .. }) = self.calls.last_mut()
            && module.is_none()
        {
            *module = Some(self.module.clone());
        }
    }

    /// Takes `n` arguments out of `x[args..]` (they are temporaries, dead
    /// after the call).
    fn take_args(&mut self, args: Reg, n: u32) -> Vec<Term> {
        let from = self.base + usize::from(args);
        self.regs[from..from + n as usize]
            .iter_mut()
            .map(|t| std::mem::replace(t, EMPTY))
            .collect()
    }

    /// Gives up the current window (its function is done with it); its
    /// registers become stale.
    fn drop_window(&mut self) {
        self.top = self.base;
    }

    /// Makes the current window, from `base`, `size` registers long.
    fn open_window(&mut self, size: usize) {
        self.top = self.base + size;
        if self.regs.len() < self.top {
            self.regs.resize_with(self.top, || EMPTY);
        }
    }

    /// Enters `func` (of `module`, or the current one) with `args` in a new
    /// window above the current one.
    fn enter(&mut self, module: Option<Arc<CompiledModule>>, func: u32, args: Vec<Term>) {
        if let Some(module) = module {
            self.module = module;
        }
        let frame_size = usize::from(self.module.functions[func as usize].frame_size);
        self.base = self.top;
        self.open_window(frame_size.max(args.len()));
        for (i, value) in args.into_iter().enumerate() {
            store(&mut self.regs[self.base + i], value);
        }
        self.func = func;
        self.pc = 0;
    }

    /// A tail call to `func` of the current module: the arguments move to
    /// the bottom of the current window, which takes the callee's size.
    fn tail_enter(&mut self, args: Reg, arity: u32, module: &CompiledModule, func: u32) {
        let base = self.base;
        let from = base + usize::from(args);
        // `args` is above the arguments' final place: copying upwards is
        // safe (like memmove with src >= dst).
        for i in 0..arity as usize {
            let value = std::mem::replace(&mut self.regs[from + i], EMPTY);
            store(&mut self.regs[base + i], value);
        }
        let frame_size = usize::from(module.functions[func as usize].frame_size);
        self.open_window(frame_size.max(arity as usize));
        self.func = func;
        self.pc = 0;
    }

    /// A value returned to whoever waits for it: a caller's register, or a
    /// `lists:map`/`foldl` frame that goes on with the next element.
    fn give_back(&mut self, process: &Process, mut value: Term) -> Flow {
        loop {
            match self.pop_frame() {
                None => return Flow::Stop(Step::Exit(Term::normal())),
                Some(Frame::Call(CallFrame {
                    module,
                    func,
                    pc,
                    base,
                    dst,
                })) => {
                    if let Some(module) = module {
                        self.module = module;
                    }
                    self.func = func;
                    self.pc = pc;
                    self.base = base as usize;
                    let frame_size = usize::from(self.module.functions[func as usize].frame_size);
                    self.top = self.base + frame_size;
                    store(&mut self.regs[self.base + usize::from(dst)], value);
                    return Flow::Next;
                }
                Some(Frame::Map {
                    fun,
                    rest,
                    mut done,
                }) => {
                    done.push(value);
                    match rest.as_cons().map(|(h, t)| (h.clone(), t.clone())) {
                        None => value = Term::list(done),
                        Some((next, rest)) => {
                            self.push_walk(Frame::Map {
                                fun: fun.clone(),
                                rest,
                                done,
                            });
                            process.bump_reductions(1);
                            let args = vec![next];
                            // A fun of a BIF is computed here, in this loop
                            // (through `call_fun` it would come back by
                            // Rust recursion, once per element).
                            match map_walks::pure_bif_call(process, &fun, &args) {
                                Some(Ok(result)) => value = result,
                                Some(Err(raise)) => return self.fail_here(raise),
                                None => match self.call_fun(process, &fun, args) {
                                    Ok(flow) => return yield_if_spent(process, flow),
                                    Err(raise) => return self.uncaught(raise),
                                },
                            }
                        }
                    }
                }
                Some(Frame::Maps(frame)) => match self.maps_resume(process, frame, value) {
                    map_walks::Resumed::Value(result) => value = result,
                    map_walks::Resumed::Flow(flow) => return flow,
                },
                Some(Frame::Foldl { fun, rest, .. }) => {
                    match rest.as_cons().map(|(h, t)| (h.clone(), t.clone())) {
                        None => {}
                        Some((next, rest)) => {
                            self.push_walk(Frame::Foldl {
                                fun: fun.clone(),
                                rest,
                                first: false,
                            });
                            process.bump_reductions(1);
                            let args = vec![next, value];
                            // As in `lists:map`: a BIF in this loop.
                            match map_walks::pure_bif_call(process, &fun, &args) {
                                Some(Ok(result)) => value = result,
                                Some(Err(raise)) => return self.fail_here(raise),
                                None => match self.call_fun(process, &fun, args) {
                                    Ok(flow) => return yield_if_spent(process, flow),
                                    Err(raise) => return self.uncaught(raise),
                                },
                            }
                        }
                    }
                }
            }
        }
    }

    /// Calls a fun value; a frame for the result is already pushed (or, in
    /// a tail call, the caller's frame is the one waiting). A local fun of
    /// a purged version is a `badfun`, as on the BEAM.
    fn call_fun(&mut self, process: &Process, fun: &Term, args: Vec<Term>) -> Result<Flow, Raise> {
        let Some(value) = FunValue::of(fun) else {
            return Err(Raise::tagged("badfun", fun.clone()));
        };
        if value.arity() as usize != args.len() {
            return Err(Raise::tagged(
                "badarity",
                Term::tuple([fun.clone(), Term::list(args)]),
            ));
        }
        match value {
            FunValue::Local { module, .. } if module.is_purged() => {
                Err(Raise::tagged("badfun", fun.clone()))
            }
            FunValue::Local {
                module,
                function,
                captured,
            } => {
                let mut args = args;
                args.extend(captured);
                let module = (!Arc::ptr_eq(&module, &self.module)).then_some(module);
                self.enter(module, function, args);
                Ok(Flow::Next)
            }
            FunValue::External {
                module, function, ..
            } => self.call_ext(process, module, function, args),
        }
    }

    /// `m:f(Args)`, a frame for the result already pushed: a BIF, or the
    /// current version of a loaded definition, or `undef`.
    fn call_ext(
        &mut self,
        process: &Process,
        module: Atom,
        function: Atom,
        args: Vec<Term>,
    ) -> Result<Flow, Raise> {
        if bifs::is_bif_module(module.name())
            && let Some(id) = bifs::find(module.name(), function.name(), args.len())
        {
            let bif = bifs::get(id);
            return match bif.imp {
                BifImpl::Pure(f) => {
                    let value = f(process, &args)
                        .map_err(|raise| raise.in_bif(bif.module, bif.name, args.clone()))?;
                    Ok(self.give_back(process, value))
                }
                BifImpl::Special(special) => self.special(process, special, args),
            };
        }
        let loaded = crate::erlang::program::current(process, module);
        let Some((code, func)) = loaded.and_then(|code| {
            let func = code.function(function, args.len() as u32)?;
            Some((code, func))
        }) else {
            let mut raise = Raise::error(Term::atom("undef"));
            raise.top = Some(errors::frame(module, function, Term::list(args), None));
            return Err(raise);
        };
        let code = (!Arc::ptr_eq(&code, &self.module)).then_some(code);
        self.enter(code, func, args);
        Ok(Flow::Next)
    }

    /// The BIFs that need the interpreter; a frame for their result is
    /// already pushed.
    fn special(
        &mut self,
        process: &Process,
        special: Special,
        args: Vec<Term>,
    ) -> Result<Flow, Raise> {
        match special {
            Special::Exit => Err(Raise::exit(args[0].clone())),
            Special::Throw => Err(Raise::throw(args[0].clone())),
            Special::Error => Err(error_with_args(args)),
            Special::Raise => {
                let [class, reason, stack] = <[Term; 3]>::try_from(args).expect("raise/3");
                match Class::of(&class) {
                    Some(class) if errors::is_stacktrace(&stack) => Err(Raise {
                        class,
                        stack: Some(stack),
                        ..Raise::error(reason)
                    }),
                    // OTP 25 returns `badarg` rather than raising it.
                    _ => Ok(self.give_back(process, Term::from_atom(Atom::BADARG))),
                }
            }
            Special::Sleep => {
                let deadline = match timeout_deadline(process, &args[0])? {
                    Some(at) => at,
                    None => Duration::MAX,
                };
                process.take_timed_out();
                self.waiting = Some((deadline != Duration::MAX).then_some(deadline));
                self.sleeping = true;
                match self.sleep_done(process) {
                    Some(step) => Ok(Flow::Stop(step)),
                    None => Ok(self.give_back(process, Term::from_atom(Atom::OK))),
                }
            }
            Special::Map => {
                let [fun, list] = <[Term; 2]>::try_from(args).expect("map/2");
                if !list.is_list() || !is_fun(&fun, 1) {
                    return Err(Raise::error(Term::atom("function_clause")).in_bif(
                        "lists",
                        "map",
                        vec![fun, list],
                    ));
                }
                let Some((first, rest)) = list.as_cons().map(|(h, t)| (h.clone(), t.clone()))
                else {
                    return Ok(self.give_back(process, Term::NIL));
                };
                self.push_walk(Frame::Map {
                    fun: fun.clone(),
                    rest,
                    done: Vec::new(),
                });
                self.call_fun(process, &fun, vec![first])
            }
            Special::Maps(walk) => self.maps_special(process, walk, args),
            Special::ApplyFun => {
                let [fun, list] = <[Term; 2]>::try_from(args).expect("apply/2");
                let Some(items) = super::terms::list_items(&list) else {
                    return Err(Raise::badarg().in_bif("erlang", "apply", vec![fun, list]));
                };
                self.call_fun(process, &fun, items)
            }
            Special::ApplyMfa => {
                let [module, function, list] = <[Term; 3]>::try_from(args).expect("apply/3");
                let (Some(m), Some(f), Some(items)) = (
                    module.as_atom(),
                    function.as_atom(),
                    super::terms::list_items(&list),
                ) else {
                    return Err(Raise::badarg().in_bif(
                        "erlang",
                        "apply",
                        vec![module, function, list],
                    ));
                };
                self.call_ext(process, m, f, items)
            }
            Special::Foldl => {
                let [fun, acc, list] = <[Term; 3]>::try_from(args).expect("foldl/3");
                if !list.is_list() || !is_fun(&fun, 2) {
                    return Err(Raise::error(Term::atom("function_clause")).in_bif(
                        "lists",
                        "foldl",
                        vec![fun, acc, list],
                    ));
                }
                let Some((first, rest)) = list.as_cons().map(|(h, t)| (h.clone(), t.clone()))
                else {
                    return Ok(self.give_back(process, acc));
                };
                self.push_walk(Frame::Foldl {
                    fun: fun.clone(),
                    rest,
                    first: true,
                });
                self.call_fun(process, &fun, vec![first, acc])
            }
        }
    }

    /// Pops the frame a BIF's result would have gone to, restoring the
    /// caller as the current function (for the error stack).
    fn unwind_result_frame(&mut self) {
        if let Some(Frame::Call(CallFrame {
            module,
            func,
            pc,
            base,
            ..
        })) = self.pop_frame()
        {
            if let Some(module) = module {
                self.module = module;
            }
            self.func = func;
            self.pc = pc;
            self.base = base as usize;
        }
    }

    /// `timer:sleep`: `None` when the time is up (and the sleep is over),
    /// else the step to wait with.
    fn sleep_done(&mut self, process: &Process) -> Option<Step> {
        let deadline = self.waiting.flatten();
        let up = match deadline {
            Some(deadline) => process.take_timed_out() || process.now() >= deadline,
            None => false,
        };
        if up {
            self.waiting = None;
            self.sleeping = false;
            None
        } else {
            Some(Step::Wait { until: deadline })
        }
    }

    /// Pushes a catch frame for the function running now.
    fn push_catch(&mut self, handler: Label, into: CatchInto) {
        self.catches.push(CatchFrame {
            module: self.module.clone(),
            func: self.func,
            base: self.base,
            top: self.top,
            calls: self.calls.len(),
            walks: self.walks.len(),
            handler,
            into,
        });
    }

    /// An exception on its way out: the innermost `try` or `catch` takes
    /// it (`Flow::Next`, at its handler), or it ends the process.
    fn uncaught(&mut self, raise: Raise) -> Flow {
        let Some(frame) = self.catches.pop() else {
            return Flow::Stop(Step::Exit(self.exit_reason(raise)));
        };
        let stack = errors::stacktrace(&raise, self.stack_frames(&raise));
        self.calls.truncate(frame.calls);
        self.walks.truncate(frame.walks);
        self.module = frame.module;
        self.func = frame.func;
        self.base = frame.base;
        self.top = frame.top;
        self.pc = frame.handler;
        // Whatever was in progress above is abandoned with its frames.
        self.waiting = None;
        self.sleeping = false;
        self.tail_failed = false;
        if self.regs.len() < self.top {
            self.regs.resize_with(self.top, || EMPTY);
        }
        let base = self.base;
        match frame.into {
            CatchInto::Try {
                class,
                reason,
                stack: stack_reg,
            } => {
                store(
                    &mut self.regs[base + usize::from(class)],
                    raise.class.atom(),
                );
                store(&mut self.regs[base + usize::from(reason)], raise.reason);
                store(&mut self.regs[base + usize::from(stack_reg)], stack);
            }
            CatchInto::Catch { dst } => {
                let value = errors::caught_value(raise, stack);
                store(&mut self.regs[base + usize::from(dst)], value);
            }
        }
        Flow::Next
    }

    /// The exit reason for an uncaught exception: the reason with the stack
    /// of frames as OTP builds it (see `errors.rs`).
    fn exit_reason(&self, raise: Raise) -> Term {
        if raise.class == Class::Exit {
            return errors::exit_reason(raise, Vec::new());
        }
        let frames = self.stack_frames(&raise);
        errors::exit_reason(raise, frames)
    }

    /// The frames of the stack where `raise` was raised, innermost first
    /// (without its own `top` frame), as OTP shows them.
    fn stack_frames(&self, raise: &Raise) -> Vec<Term> {
        let mut frames = Vec::new();
        if raise.stack.is_some() {
            return frames;
        }
        let mut module = self.module.clone();
        let function = &module.functions[self.func as usize];
        let line = function
            .lines
            .get((self.pc as usize).saturating_sub(1))
            .copied();
        let arity = match (&raise.clause_args, &raise.shown_args) {
            (Some(args), _) => Term::list(args.clone()),
            (None, Some(args)) => args.clone(),
            (None, None) => Term::int(i64::from(function.arity - function.captured)),
        };
        let line = if raise.clause_args.is_some() {
            Some(function.line)
        } else {
            line
        };
        if !self.tail_failed {
            frames.push(errors::frame_with_info(
                module.name,
                function.name,
                arity,
                line,
                raise.error_info.clone(),
            ));
        }
        // The return addresses, each once in a row: erts records a
        // continuation pointer only when it differs from the one before
        // (`erts_save_stacktrace`), so a recursion through one call site
        // shows as one frame.
        let mut previous: Option<(*const CompiledModule, u32, u32)> = None;
        for frame in self.frames_down() {
            if frames.len() >= errors::BACKTRACE_DEPTH {
                break;
            }
            let frame = match frame {
                FrameRef::Call(CallFrame {
                    module: m,
                    func,
                    pc,
                    ..
                }) => {
                    if let Some(m) = m {
                        module = m.clone();
                    }
                    let at = (Arc::as_ptr(&module), *func, *pc);
                    if previous == Some(at) {
                        continue;
                    }
                    previous = Some(at);
                    let f = &module.functions[*func as usize];
                    let line = f.lines.get((*pc as usize).saturating_sub(1)).copied();
                    frames.push(errors::frame(
                        module.name,
                        f.name,
                        Term::int(i64::from(f.arity - f.captured)),
                        line,
                    ));
                    continue;
                }
                FrameRef::Walk(frame) => {
                    previous = None;
                    frame
                }
            };
            match frame {
                Frame::Call(_) => unreachable!("calls are not walks"),
                // The frames OTP 25's lists.erl leaves: `map/2` calls the
                // fun on the first element, `map_1/2` on the others, from
                // two call sites in a row past the second (`[F(Hd) |
                // map_1(F, Tail)]`: the recursion's return addresses are
                // one frame, the fun's call another); `foldl/3`
                // tail-calls `foldl_1/3` after the first.
                Frame::Map { done, .. } => {
                    if done.len() >= 2 {
                        frames.push(errors::stdlib_frame("lists", "map_1", 2, 1320));
                    }
                    if !done.is_empty() {
                        frames.push(errors::stdlib_frame("lists", "map_1", 2, 1320));
                    }
                    frames.push(errors::stdlib_frame("lists", "map", 2, 1315));
                }
                Frame::Foldl { first: true, .. } => {
                    frames.push(errors::stdlib_frame("lists", "foldl", 3, 1350));
                }
                Frame::Foldl { first: false, .. } => {
                    frames.push(errors::stdlib_frame("lists", "foldl_1", 3, 1355));
                }
                Frame::Maps(frame) => frame.stack_frames(&mut frames),
            }
        }
        frames
    }
}

impl Program for Vm {
    fn run(&mut self, process: &Process) -> Step {
        let step = self.execute(process);
        // The stale registers go now, not when something overwrites them.
        truncate(&mut self.regs, self.top);
        process.set_location(self.location());
        step
    }

    fn check_code(&self, code: &LoadedCode) -> bool {
        crate::runtime::code_table::downcast::<CompiledModule>(code.clone())
            .is_some_and(|code| self.uses(&code))
    }

    fn location(&self) -> Option<Location> {
        Some(Vm::location(self))
    }

    /// The heap `max_heap_size` counts: the registers of every active call
    /// (the stale ones were dropped at the slice's end) and what the
    /// `lists:map`/`foldl` frames hold.
    fn measure<'a>(&'a self, reach: &mut Reach<'a>) {
        let frame_bytes = self.calls.capacity() * std::mem::size_of::<CallFrame>()
            + self.walks.capacity() * std::mem::size_of::<(usize, Frame)>();
        reach.add_bytes(self.regs.capacity() * 8 + frame_bytes);
        for register in &self.regs {
            reach.add(register);
        }
        for (_, frame) in &self.walks {
            match frame {
                Frame::Call(_) => {}
                Frame::Map { fun, rest, done } => {
                    reach.add_bytes(done.capacity() * 8);
                    reach.add(fun);
                    reach.add(rest);
                    done.iter().for_each(|value| reach.add(value));
                }
                Frame::Foldl { fun, rest, .. } => {
                    reach.add(fun);
                    reach.add(rest);
                }
                Frame::Maps(frame) => frame.measure(reach),
            }
        }
    }
}

/// `error(R)`, `error(R, Args)` (the raising frame shows `Args` when it
/// is a list, as erts does; `none` or anything else leaves the arity),
/// `error(R, Args, [{error_info, Map}])`.
fn error_with_args(args: Vec<Term>) -> Raise {
    let mut args = args.into_iter();
    let mut raise = Raise::error(args.next().expect("error/1,2,3 has a reason"));
    if let Some(shown) = args.next()
        && shown.is_list()
    {
        raise.shown_args = Some(shown);
    }
    if let Some(options) = args.next() {
        for option in super::terms::list_items(&options).unwrap_or_default() {
            if let Some([key, info]) = option.as_tuple()
                && key.is_atom(Atom::new("error_info"))
            {
                raise.error_info = Some(info.clone());
            }
        }
    }
    raise
}

/// A `receive`'s deadline from its `after` value: milliseconds from now,
/// or none for `infinity`; anything else is `timeout_value`.
fn timeout_deadline(process: &Process, timeout: &Term) -> Result<Option<Duration>, Raise> {
    if timeout.is_atom(Atom::new("infinity")) {
        return Ok(None);
    }
    let non_negative = timeout.is_integer() && timeout.compare(&Term::int(0)).is_ge();
    if !non_negative {
        return Err(Raise::error(Term::atom("timeout_value")));
    }
    // Past what an i64 of milliseconds holds (some 292 million years):
    // no clock gets there, so it is `infinity`.
    Ok(timeout.as_i64().map(|ms| {
        process
            .now()
            .saturating_add(Duration::from_millis(ms as u64))
    }))
}

fn is_fun(term: &Term, arity: u32) -> bool {
    FunValue::of(term).is_some_and(|v| v.arity() == arity)
}

/// The value of `x[src]` for an instruction writing `x[dst]`: moved out
/// when it is the same register (the instruction consumes it), else
/// cloned.
fn take_or_clone(regs: &mut [Term], base: usize, src: Reg, dst: Reg) -> Term {
    if src == dst {
        std::mem::replace(&mut regs[base + usize::from(src)], EMPTY)
    } else {
        regs[base + usize::from(src)].clone()
    }
}

/// Where a `Receive` goes on.
enum Received {
    At(Label),
    Next,
    /// Nothing to take: the slice ends (`Vm::waiting` holds the deadline).
    Wait,
}

/// `Receive` of `table` in the window at `base`, with the process's
/// receive in progress (`Vm::waiting`). Out of line, so the loop's
/// registers stay its own; the exception boxed, so what comes back fits
/// two machine registers.
#[inline(never)]
fn receive(
    process: &Process,
    waiting: &mut Option<Option<Duration>>,
    table: &ReceiveTable,
    regs: &mut [Term],
    base: usize,
) -> Result<Received, Box<Raise>> {
    let first = waiting.is_none();
    let deadline = match *waiting {
        Some(deadline) => deadline,
        None => match table.after {
            None => None,
            Some((reg, _)) => {
                timeout_deadline(process, &regs[base + usize::from(reg)]).map_err(Box::new)?
            }
        },
    };
    let window = &mut regs[base..];
    let scan = process.receive_scan(first, deadline, |message| {
        #[cfg(test)]
        EXAMINED.with(|n| n.set(n.get() + 1));
        table.clauses.iter().position(|clause| {
            // The commonest receive patterns (`0 -> ...`, `K -> ...`)
            // without a call: a ring's process offers each token to two.
            let matched = match &clause.pat {
                Pat::Lit(lit) => lit == message,
                Pat::Bind(r) => {
                    window[usize::from(*r)] = message.clone();
                    true
                }
                pat => match_pat(pat, message, window),
            };
            matched
                && clause
                    .guard
                    .as_ref()
                    .is_none_or(|g| guard_holds(g, window, process))
        })
    });
    Ok(match scan {
        Scan::Taken(_, clause) => {
            *waiting = None;
            process.bump_reductions(1);
            Received::At(table.clauses[clause].body)
        }
        Scan::TimedOut => {
            *waiting = None;
            table
                .after
                .map_or(Received::Next, |(_, label)| Received::At(label))
        }
        Scan::Nothing => {
            *waiting = Some(deadline);
            Received::Wait
        }
    })
}

/// A call's `n` arguments from `x[from..]` of the caller's window (dead
/// temporaries there) to the bottom of the callee's, at `to`. One or two
/// arguments, the common case, without a loop.
#[inline(always)]
fn move_args(regs: &mut [Term], from: usize, to: usize, n: usize) {
    let mut one = |i: usize| {
        let value = std::mem::replace(&mut regs[from + i], EMPTY);
        store(&mut regs[to + i], value);
    };
    match n {
        0 => {}
        1 => one(0),
        2 => {
            one(0);
            one(1);
        }
        _ => (0..n).for_each(one),
    }
}

/// After `lists:map`/`foldl` (or a `maps` walk) entered its fun for the
/// next element: with the budget spent, the slice ends there, at the
/// fun's first instruction, as a call's does. The walk is preempted like a
/// loop of calls even when the fun itself calls nothing.
fn yield_if_spent(process: &Process, flow: Flow) -> Flow {
    match flow {
        Flow::Next if process.budget_left() <= 0 => Flow::Stop(Step::Yield),
        flow => flow,
    }
}

/// The map a `MapPut`/`MapExact` updates: moved out of its register at
/// its last use (`take`, so a map held once is updated in place), cloned
/// otherwise, or when the same register is also one of the pairs (read
/// after the map is taken, it would be empty).
fn take_map(regs: &mut [Term], base: usize, map: Reg, take: bool, pairs: &[(Reg, Reg)]) -> Term {
    let slot = &mut regs[base + usize::from(map)];
    if take && !pairs.iter().any(|&(k, v)| k == map || v == map) {
        std::mem::replace(slot, EMPTY)
    } else {
        slot.clone()
    }
}

/// The exception a failed `Arith`/`ArithI` raises, with the operator's
/// frame (showing `args()`) where OTP shows one.
#[cold]
fn arith_raise(
    error: crate::runtime::term::ArithError,
    op: ArithOp,
    frame: bool,
    args: impl FnOnce() -> Vec<Term>,
) -> Raise {
    let raise = arith_error(error);
    if frame {
        raise.in_bif("erlang", op.name(), args())
    } else {
        raise
    }
}

/// The exception an arithmetic failure raises: `badarith`, or
/// `system_limit` for an integer past the largest the BEAM allows.
fn arith_error(error: crate::runtime::term::ArithError) -> Raise {
    match error {
        crate::runtime::term::ArithError::Badarith => Raise::error(Term::atom("badarith")),
        crate::runtime::term::ArithError::SystemLimit => Raise::error(Term::atom("system_limit")),
    }
}

/// Lets go of a register's old value (the word's own drop skips
/// everything but the tag test for an immediate).
#[inline(always)]
fn release(term: Term) {
    drop(term);
}

/// `*slot = value`, without a destructor call for an immediate old value.
#[inline(always)]
fn store(slot: &mut Term, value: Term) {
    release(std::mem::replace(slot, value));
}

/// `regs.truncate(len)`, without a destructor call per immediate.
#[inline(always)]
fn truncate(regs: &mut Vec<Term>, len: usize) {
    while regs.len() > len {
        if let Some(term) = regs.pop() {
            release(term);
        }
    }
}
