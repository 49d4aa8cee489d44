//! Runtime errors, and the exit reasons they become, exactly as OTP 25
//! builds them.
//!
//! An exception has a *class* (`error`, `exit`, `throw`) and a reason. The
//! playground has no `try`/`catch`, so every exception ends the process;
//! its exit reason is what the BEAM's `erts` makes of an uncaught one:
//!
//! | raised by | exit reason |
//! |---|---|
//! | `exit(R)` | `R`, exactly |
//! | `error(R)`, a failed match, a bad argument, ... | `{R, Stack}` |
//! | `throw(X)` | `{{nocatch, X}, Stack}` |
//!
//! `Stack` is a list of frames `{Module, Function, Arity, Location}`, the
//! innermost first: the function that raised (with the line of the
//! instruction), then each caller still waiting for a return (with the line
//! of its call). Calls in tail position left no frame behind, as on the
//! BEAM. `Location` is `[{line, N}]`; OTP also puts `{file, "counter.erl"}`
//! first, which a definition has no file for.
//!
//! Special first frames, as OTP 25 gives them:
//! - `function_clause`: the function's frame has its *arguments*
//!   instead of the arity, and the line of the function's first clause:
//!   `{function_clause, [{counter, loop, [a], [{line, 2}]} | ...]}`.
//! - a BIF or operator that fails (`badarg`, `badarith`) adds its own
//!   frame first, with its arguments: `{badarith, [{erlang, '+', [1, a],
//!   []}, {counter, loop, 1, [{line, 4}]} | ...]}` (OTP adds an
//!   `error_info` map there, which the playground leaves out).
//! - `undef`: the missing function's frame first, with the arguments:
//!   `{undef, [{nosuch, f, [1], []} | ...]}`.
//! - a binary that cannot be built: `badarg` (or `system_limit`) in the
//!   function's own frame, whose location has OTP's `error_info` after
//!   the line, naming the failing segment: `[{line, 4}, {error_info,
//!   #{cause => {2, integer, type, a}, function => format_bs_fail,
//!   module => erl_erts_errors}}]` (`vm/bits.rs`).
//!
//! Like the BEAM's default `backtrace_depth`, at most [`BACKTRACE_DEPTH`]
//! (8) frames are kept.

use crate::runtime::{Atom, Term};

/// How many frames an exit reason's stack keeps (OTP's default
/// `backtrace_depth`).
pub const BACKTRACE_DEPTH: usize = 8;

/// The class of an exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Error,
    Exit,
    Throw,
}

/// An exception on its way out of the process.
#[derive(Clone, Debug, PartialEq)]
pub struct Raise {
    pub class: Class,
    pub reason: Term,
    /// A frame to put on top of the stack: the failing BIF or operator
    /// with its arguments, or the undefined function (see the module docs).
    pub top: Option<Term>,
    /// `function_clause`: the raising function's frame shows these
    /// arguments instead of its arity.
    pub clause_args: Option<Vec<Term>>,
    /// `error(Reason, Args)`: the calling function's frame shows Args
    /// instead of its arity, at the line of the call.
    pub caller_args: Option<Term>,
    /// `{error_info, Map}` for the raising function's location (a failed
    /// binary construction's cause).
    pub error_info: Option<Term>,
}

impl Raise {
    pub fn error(reason: Term) -> Raise {
        Raise {
            class: Class::Error,
            reason,
            top: None,
            clause_args: None,
            caller_args: None,
            error_info: None,
        }
    }

    pub fn exit(reason: Term) -> Raise {
        Raise {
            class: Class::Exit,
            ..Raise::error(reason)
        }
    }

    pub fn throw(value: Term) -> Raise {
        Raise {
            class: Class::Throw,
            ..Raise::error(value)
        }
    }

    /// `badarg`.
    pub fn badarg() -> Raise {
        Raise::error(Term::from_atom(Atom::BADARG))
    }

    /// `{Tag, Value}` errors: `{badmatch, V}`, `{case_clause, V}`, ...
    pub fn tagged(tag: &str, value: Term) -> Raise {
        Raise::error(Term::tuple([Term::atom(tag), value]))
    }

    /// The same error, raised by `module:function(args)` (a BIF frame).
    pub fn in_bif(mut self, module: &str, function: &str, args: Vec<Term>) -> Raise {
        if self.class == Class::Error && self.top.is_none() {
            self.top = Some(frame(
                Atom::new(module),
                Atom::new(function),
                Term::list(args),
                None,
            ));
        }
        self
    }
}

/// One stack frame: `{Module, Function, ArityOrArgs, Location}`.
pub fn frame(module: Atom, function: Atom, arity_or_args: Term, line: Option<u32>) -> Term {
    frame_with_info(module, function, arity_or_args, line, None)
}

/// A frame whose location ends with `{error_info, Info}`, as OTP puts it
/// after the line.
pub fn frame_with_info(
    module: Atom,
    function: Atom,
    arity_or_args: Term,
    line: Option<u32>,
    error_info: Option<Term>,
) -> Term {
    let mut location = match line {
        Some(line) if line > 0 => vec![Term::tuple([
            Term::atom("line"),
            Term::int(i64::from(line)),
        ])],
        _ => Vec::new(),
    };
    if let Some(info) = error_info {
        location.push(Term::tuple([Term::atom("error_info"), info]));
    }
    Term::tuple([
        Term::from_atom(module),
        Term::from_atom(function),
        arity_or_args,
        Term::list(location),
    ])
}

/// The exit reason of a process that did not catch `raise`, given the
/// stack frames the interpreter collected (innermost first, without the
/// raise's own `top`).
pub fn exit_reason(raise: Raise, frames: Vec<Term>) -> Term {
    let stack = || {
        let mut stack: Vec<Term> = raise.top.clone().into_iter().chain(frames).collect();
        stack.truncate(BACKTRACE_DEPTH);
        Term::list(stack)
    };
    match raise.class {
        Class::Exit => raise.reason,
        Class::Error => Term::tuple([raise.reason.clone(), stack()]),
        Class::Throw => Term::tuple([
            Term::tuple([Term::atom("nocatch"), raise.reason.clone()]),
            stack(),
        ]),
    }
}
