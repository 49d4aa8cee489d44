//! Runtime errors, and the exit reasons they become, exactly as OTP 25
//! builds them.
//!
//! An exception has a *class* (`error`, `exit`, `throw`) and a reason. A
//! `try` or `catch` on the way gets it with its stacktrace (the
//! interpreter's catch frames); one that nothing catches ends the process,
//! and its exit reason is what the BEAM's `erts` makes of it:
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
    /// `{error_info, Map}` for the raising function's location (a failed
    /// binary construction's cause, `error/3`'s option).
    pub error_info: Option<Term>,
    /// `error(R, Args)`: the raising function's frame shows `Args`
    /// instead of its arity, at the line of the call.
    pub shown_args: Option<Term>,
    /// `erlang:raise/3` (and a catch that matched no clause): the stack
    /// the exception already has, kept as it is.
    pub stack: Option<Term>,
}

impl Raise {
    pub fn error(reason: Term) -> Raise {
        Raise {
            class: Class::Error,
            reason,
            top: None,
            clause_args: None,
            error_info: None,
            shown_args: None,
            stack: None,
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

/// A frame of a function OTP 25 writes in Erlang that the playground
/// runs natively (`lists:map/2`): OTP's location, file and line of
/// stdlib 4.2's source, so that the stack is the one `erl` shows.
pub fn stdlib_frame(module: &str, function: &str, arity: i64, line: i64) -> Term {
    Term::tuple([
        Term::atom(module),
        Term::atom(function),
        Term::int(arity),
        Term::list(vec![
            Term::tuple([Term::atom("file"), Term::string(&format!("{module}.erl"))]),
            Term::tuple([Term::atom("line"), Term::int(line)]),
        ]),
    ])
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

impl Class {
    pub fn atom(self) -> Term {
        Term::atom(match self {
            Class::Error => "error",
            Class::Exit => "exit",
            Class::Throw => "throw",
        })
    }

    pub fn of(term: &Term) -> Option<Class> {
        match term.as_atom()?.name() {
            "error" => Some(Class::Error),
            "exit" => Some(Class::Exit),
            "throw" => Some(Class::Throw),
            _ => None,
        }
    }
}

/// The stacktrace of `raise` given the frames the interpreter collected
/// (innermost first, without the raise's own `top`): what `Class:Reason:
/// Stack` binds and what an uncaught error's exit reason carries.
pub fn stacktrace(raise: &Raise, frames: Vec<Term>) -> Term {
    if let Some(stack) = &raise.stack {
        return stack.clone();
    }
    let mut stack: Vec<Term> = raise.top.clone().into_iter().chain(frames).collect();
    stack.truncate(BACKTRACE_DEPTH);
    Term::list(stack)
}

/// The exit reason of a process that did not catch `raise`, given the
/// stack frames the interpreter collected.
pub fn exit_reason(raise: Raise, frames: Vec<Term>) -> Term {
    match raise.class {
        Class::Exit => raise.reason,
        Class::Error => Term::tuple([raise.reason.clone(), stacktrace(&raise, frames)]),
        Class::Throw => Term::tuple([
            Term::tuple([Term::atom("nocatch"), raise.reason.clone()]),
            stacktrace(&raise, frames),
        ]),
    }
}

/// What `catch Expr` gives for an exception: the thrown value,
/// `{'EXIT', Reason}` for an exit, `{'EXIT', {Reason, Stack}}` for an
/// error.
pub fn caught_value(raise: Raise, stack: Term) -> Term {
    let exit = Term::atom("EXIT");
    match raise.class {
        Class::Throw => raise.reason,
        Class::Exit => Term::tuple([exit, raise.reason]),
        Class::Error => Term::tuple([exit, Term::tuple([raise.reason, stack])]),
    }
}

/// Whether `stack` is a stacktrace `erlang:raise/3` accepts: a proper
/// list of `{M, F, ArityOrArgs, Location}` or `{Fun, ArityOrArgs,
/// Location}`, the location a list.
pub fn is_stacktrace(stack: &Term) -> bool {
    let Some(frames) = super::terms::list_items(stack) else {
        return false;
    };
    frames.iter().all(|frame| {
        let Some(items) = frame.as_tuple() else {
            return false;
        };
        let arity_or_args = |t: &Term| t.is_integer() || super::terms::list_items(t).is_some();
        match items {
            [m, f, a, location] => {
                m.as_atom().is_some()
                    && f.as_atom().is_some()
                    && arity_or_args(a)
                    && location.is_list()
            }
            [fun, a, location] => {
                crate::erlang::module::FunValue::of(fun).is_some()
                    && arity_or_args(a)
                    && location.is_list()
            }
            _ => false,
        }
    })
}
