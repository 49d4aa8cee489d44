//! Errors and exit reasons as Elixir shows them: the banner
//! `** (ArithmeticError) bad argument in arithmetic expression`.
//!
//! It mirrors Elixir 1.14's `Exception.format_banner/3` (`** (Module)
//! message` for an error, `** (exit) ...`, `** (throw) ...`,
//! `** (EXIT from #PID<0.1.0>) ...`), `ErlangError.normalize/2` (an Erlang
//! error reason as the exception Elixir raises for it: `badarith` is an
//! `ArithmeticError`, `{badmatch, V}` a `MatchError`, anything unknown an
//! `ErlangError`), `Exception.message/1` of those exceptions, and
//! `Exception.format_exit/2` (`normal`, `shutdown: R`, `no process: ...`,
//! `exited in: GenServer.call(...)`, and `{Reason, Stacktrace}` as
//! `an exception was raised:` with the banner and the stack).
//!
//! An Elixir exception (a struct with `__exception__: true`) shows its
//! `message` field. Where Elixir asks the code server (is the module of an
//! undefined function loaded? which application is a stack frame's
//! module in?), the banner says what it would for a loaded module and
//! leaves the application out.

use crate::runtime::term::elixir::{InspectOpts, inspect};
use crate::runtime::term::elixir_text::{write_atom, write_remote_name};
use crate::runtime::{Atom, Pid, Term};

/// What ended the code: `Exception.format_banner/3`'s first argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Error,
    Exit,
    Throw,
    /// An exit signal from a linked process.
    ExitFrom(Pid),
}

/// `inspect/1` with the default options.
fn show(t: &Term) -> String {
    inspect(t, &InspectOpts::default())
}

/// `Exception.format_banner(kind, reason, [])`.
pub fn banner(kind: Kind, reason: &Term) -> String {
    match kind {
        Kind::Error => {
            let (module, message) = normalize(reason, &[]);
            format!("** ({module}) {message}")
        }
        Kind::Exit => format!("** (exit) {}", format_exit(reason, "\n    ")),
        Kind::Throw => format!("** (throw) {}", show(reason)),
        Kind::ExitFrom(pid) => format!(
            "** (EXIT from {}) {}",
            show(&Term::pid(pid)),
            format_exit(reason, "\n    ")
        ),
    }
}

/// `Exception.format_banner(:error, reason, stack)`: the stack names the
/// function of an `undef` or a `function_clause`.
pub fn error_banner(reason: &Term, stack: &[Term]) -> String {
    let (module, message) = normalize(reason, stack);
    format!("** ({module}) {message}")
}

/// `ErlangError.normalize/2` then `Exception.message/1`: the exception's
/// name (`ArithmeticError`) and its message.
pub fn normalize(reason: &Term, stack: &[Term]) -> (String, String) {
    if let Some(exception) = elixir_exception(reason) {
        return exception;
    }
    let named = |name: &str, message: String| (name.to_owned(), message);
    if let Some(atom) = reason.as_atom() {
        return match atom.name() {
            "badarg" => named("ArgumentError", "argument error".into()),
            "badarith" => named(
                "ArithmeticError",
                "bad argument in arithmetic expression".into(),
            ),
            "system_limit" => named("SystemLimitError", "a system limit has been reached".into()),
            "cond_clause" => named(
                "CondClauseError",
                "no cond clause evaluated to a truthy value".into(),
            ),
            "undef" => match stack.first().and_then(frame_mfa) {
                Some((m, f, a)) => named(
                    "UndefinedFunctionError",
                    format!("function {} is undefined or private", mfa_arity(m, f, a)),
                ),
                None => named("UndefinedFunctionError", "undefined function".into()),
            },
            "function_clause" => match stack.first().and_then(frame_mfa) {
                Some((m, f, a)) => named(
                    "FunctionClauseError",
                    format!("no function clause matching in {}", mfa_arity(m, f, a)),
                ),
                None => named("FunctionClauseError", "no function clause matches".into()),
            },
            _ => erlang_error(reason),
        };
    }
    let Some(items) = reason.as_tuple() else {
        return erlang_error(reason);
    };
    let tag = items.first().and_then(Term::as_atom).map_or("", Atom::name);
    match (tag, &items[1.min(items.len())..]) {
        ("badfun", [t]) => named(
            "BadFunctionError",
            format!("expected a function, got: {}", show(t)),
        ),
        ("badmatch", [t]) => named(
            "MatchError",
            format!("no match of right hand side value: {}", show(t)),
        ),
        ("badmap", [t]) => named("BadMapError", format!("expected a map, got: {}", show(t))),
        ("badbool", [op, t]) => named(
            "BadBooleanError",
            format!(
                "expected a boolean on left-side of \"{}\", got: {}",
                op.as_atom()
                    .map_or_else(|| show(op), |a| a.name().to_owned()),
                show(t)
            ),
        ),
        ("badkey", [k]) => named("KeyError", format!("key {} not found", show(k))),
        ("badkey", [k, m]) => named(
            "KeyError",
            format!("key {} not found in: {}", show(k), show(m)),
        ),
        ("case_clause", [t]) => named(
            "CaseClauseError",
            format!("no case clause matching: {}", show(t)),
        ),
        ("with_clause", [t]) => named(
            "WithClauseError",
            format!("no with clause matching: {}", show(t)),
        ),
        ("try_clause", [t]) => named(
            "TryClauseError",
            format!("no try clause matching: {}", show(t)),
        ),
        ("badstruct", [s, t]) => named(
            "BadStructError",
            format!("expected a struct named {}, got: {}", show(s), show(t)),
        ),
        ("badarity", [pair]) => match pair.as_tuple() {
            Some([fun, args]) if fun.as_fun().is_some() && args.list_len().is_some() => {
                let args = args.list_to_vec().unwrap_or_default();
                let given = match args.len() {
                    0 => "no arguments".to_owned(),
                    1 => format!("1 argument ({})", show(&args[0])),
                    n => format!(
                        "{n} arguments ({})",
                        args.iter().map(show).collect::<Vec<_>>().join(", ")
                    ),
                };
                named(
                    "BadArityError",
                    format!(
                        "{} with arity {} called with {given}",
                        show(fun),
                        fun.as_fun().map_or(0, |f| f.arity())
                    ),
                )
            }
            _ => erlang_error(reason),
        },
        _ => erlang_error(reason),
    }
}

fn erlang_error(reason: &Term) -> (String, String) {
    (
        "ErlangError".into(),
        format!("Erlang error: {}", show(reason)),
    )
}

/// An Elixir exception struct: its module as an alias and its message.
fn elixir_exception(reason: &Term) -> Option<(String, String)> {
    let map = reason.as_map()?;
    let is_exception = map
        .get(&Term::atom("__exception__"))
        .is_some_and(|v| v.is_atom(Atom::new("true")));
    let module = map.get(&Term::atom("__struct__"))?.as_atom()?;
    if !is_exception {
        return None;
    }
    let mut name = String::new();
    write_atom(&mut name, module.name());
    let field = |key: &str| map.get(&Term::atom(key));
    let message = match field("message") {
        Some(m) if m.as_binary_bytes().is_some() => {
            String::from_utf8_lossy(m.as_binary_bytes().unwrap_or_default()).into_owned()
        }
        // KeyError.message/1 when it was raised without a message.
        _ if module.name() == "Elixir.KeyError" => match (field("key"), field("term")) {
            (Some(k), Some(t)) if !t.is_atom(Atom::new("nil")) => {
                format!("key {} not found in: {}", show(k), show(t))
            }
            (Some(k), _) => format!("key {} not found", show(k)),
            _ => show(reason),
        },
        _ => show(reason),
    };
    Some((name, message))
}

/// `Exception.format_exit/2`.
fn format_exit(reason: &Term, joiner: &str) -> String {
    if let Some([error, stack]) = reason.as_tuple() {
        if let Some(frames) = stack.list_to_vec().filter(|f| !f.is_empty())
            && let Some(lines) = frames
                .iter()
                .map(stacktrace_entry)
                .collect::<Option<Vec<_>>>()
        {
            let (module, message) = normalize(error, &frames);
            let stack_joiner = format!("{joiner}    ");
            return format!(
                "an exception was raised:{joiner}** ({module}) {message}{stack_joiner}{}",
                lines.join(&stack_joiner)
            );
        }
        if let Some([_, child, why]) = error
            .is_atom(Atom::new("shutdown"))
            .then(|| stack.as_tuple())
            .flatten()
            .filter(|t| {
                t.first()
                    .is_some_and(|tag| tag.is_atom(Atom::new("failed_to_start_child")))
            })
        {
            let why = match why.as_tuple() {
                Some([tag, inner]) if tag.is_atom(Atom::new("EXIT")) => inner,
                _ => why,
            };
            return format!(
                "shutdown: failed to start child: {}{joiner}** (EXIT) {}",
                show(child),
                format_exit(why, &format!("{joiner}    "))
            );
        }
        if let Some([m, f, args]) = stack.as_tuple()
            && let (Some(m), Some(f), Some(args)) = (m.as_atom(), f.as_atom(), args.list_to_vec())
            && args.len() < 256
        {
            return format!(
                "exited in: {}{joiner}** (EXIT) {}",
                mfa_args(m, f, &args),
                format_exit(error, &format!("{joiner}    "))
            );
        }
    }
    exit_reason(reason)
}

/// `format_exit_reason/1`: the reasons OTP and GenServer give, in words.
fn exit_reason(reason: &Term) -> String {
    if let Some(atom) = reason.as_atom() {
        let words = match atom.name() {
            "normal" => "normal",
            "shutdown" => "shutdown",
            "calling_self" => "process attempted to call itself",
            "timeout" => "time out",
            "killed" => "killed",
            "noconnection" => "no connection",
            "noproc" => {
                "no process: the process is not alive or there's no process currently \
                 associated with the given name, possibly because its application isn't started"
            }
            _ => return show(reason),
        };
        return words.to_owned();
    }
    if let Some([tag, value]) = reason.as_tuple()
        && let Some(tag) = tag.as_atom()
    {
        let said = |words: &str| format!("{words}: {}", show(value));
        match tag.name() {
            "shutdown" => return said("shutdown"),
            "nodedown" if value.as_atom().is_some() => {
                return format!(
                    "no connection to {}",
                    value.as_atom().map_or("", Atom::name)
                );
            }
            "already_started" => return said("already started"),
            "bad_return_value" => return said("bad return value"),
            "bad_call" => return said("bad call"),
            "bad_cast" => return said("bad cast"),
            _ => {}
        }
    }
    show(reason)
}

/// A stack frame's module, function and arity (from a list of
/// arguments, its length).
fn frame_mfa(frame: &Term) -> Option<(Atom, Atom, usize)> {
    let [m, f, arity, _] = frame.as_tuple()? else {
        return None;
    };
    let arity = match arity.as_small() {
        Some(n) => usize::try_from(n).ok()?,
        None => arity.list_len()?,
    };
    Some((m.as_atom()?, f.as_atom()?, arity))
}

/// `Exception.format_stacktrace_entry/1` without the application:
/// `counter.erl:4: :counter.loop/1`.
fn stacktrace_entry(frame: &Term) -> Option<String> {
    let [m, f, arity, location] = frame.as_tuple()? else {
        return None;
    };
    let (m, f) = (m.as_atom()?, f.as_atom()?);
    let mfa = match arity.list_to_vec() {
        Some(args) => mfa_args(m, f, &args),
        None => mfa_arity(m, f, usize::try_from(arity.as_small()?).ok()?),
    };
    let get = |key: &str| {
        location.iter_list().find_map(|item| match item.as_tuple() {
            Some([k, v]) if k.is_atom(Atom::new(key)) => Some(v.clone()),
            _ => None,
        })
    };
    let place = match (get("file"), get("line")) {
        (Some(file), line) => {
            let file: String = file
                .iter_list()
                .filter_map(|c| c.as_small().and_then(|c| char::from_u32(c as u32)))
                .collect();
            match line.and_then(|l| l.as_small()) {
                Some(line) => format!("{file}:{line}: "),
                None => format!("{file}: "),
            }
        }
        (None, _) => String::new(),
    };
    Some(format!("{place}{mfa}"))
}

/// `Exception.format_mfa/3` with an arity: `:counter.loop/1`.
fn mfa_arity(m: Atom, f: Atom, arity: usize) -> String {
    let mut out = String::new();
    write_atom(&mut out, m.name());
    out.push('.');
    write_remote_name(&mut out, f.name());
    format!("{out}/{arity}")
}

/// `Exception.format_mfa/3` with arguments: `GenServer.call(:x, :y, 5000)`.
fn mfa_args(m: Atom, f: Atom, args: &[Term]) -> String {
    let mut out = String::new();
    write_atom(&mut out, m.name());
    out.push('.');
    write_remote_name(&mut out, f.name());
    let args: Vec<String> = args.iter().map(show).collect();
    format!("{out}({})", args.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::term::Map;

    fn error(reason: Term) -> String {
        banner(Kind::Error, &reason)
    }

    #[test]
    fn erlang_errors_as_elixir_exceptions() {
        assert_eq!(
            error(Term::atom("badarith")),
            "** (ArithmeticError) bad argument in arithmetic expression"
        );
        assert_eq!(
            error(Term::tuple([Term::atom("badmatch"), Term::int(1)])),
            "** (MatchError) no match of right hand side value: 1"
        );
        assert_eq!(
            error(Term::tuple([Term::atom("foo"), Term::int(1)])),
            "** (ErlangError) Erlang error: {:foo, 1}"
        );
        let boom = Term::from_map(Map::from_pairs([
            (Term::atom("__struct__"), Term::atom("Elixir.RuntimeError")),
            (Term::atom("__exception__"), Term::atom("true")),
            (Term::atom("message"), Term::binary(b"boom")),
        ]));
        assert_eq!(error(boom), "** (RuntimeError) boom");
    }

    #[test]
    fn exits_and_throws() {
        assert_eq!(
            banner(Kind::Exit, &Term::atom("normal")),
            "** (exit) normal"
        );
        assert_eq!(banner(Kind::Throw, &Term::atom("x")), "** (throw) :x");
        assert_eq!(
            banner(Kind::ExitFrom(Pid::from_number(1)), &Term::atom("boom")),
            "** (EXIT from #PID<0.1.0>) :boom"
        );
        let crash = Term::tuple([
            Term::tuple([Term::atom("badmatch"), Term::int(2)]),
            Term::list([Term::tuple([
                Term::atom("counter"),
                Term::atom("loop"),
                Term::int(1),
                Term::list([
                    Term::tuple([Term::atom("file"), Term::string("counter.erl")]),
                    Term::tuple([Term::atom("line"), Term::int(4)]),
                ]),
            ])]),
        ]);
        assert_eq!(
            banner(Kind::Exit, &crash),
            "** (exit) an exception was raised:\n    ** (MatchError) no match of right hand \
             side value: 2\n        counter.erl:4: :counter.loop/1"
        );
    }
}
