//! An exception as Erlang's shell prints it, for Erlang typed at the
//! prompt: `** exception error: no match of right hand side value 3`.
//!
//! The wording is OTP 25's `erl_error:format_exception/3`: the class, the
//! reason explained for the errors the runtime raises (`badarg` is "bad
//! argument", `{badmatch, V}` "no match of right hand side value V"), then
//! the stack, innermost first: `in function  M:F/A (M.erl, line N)` or
//! `in operator  +/2`, with `called as ...` when the frame has the
//! arguments (a BIF's), and `in call from ...` for each caller. The shell's
//! own frames (module `erl_eval`, where the prompt's code runs) are left
//! out, as erl leaves out its evaluator's. Not modelled: erl's
//! `*** argument N: ...` lines, which come from each BIF's error info.
//!
//! Pure: a term in, text out (the session prints it).

use crate::runtime::{Atom, Term};

/// The module the prompt's expressions are compiled into: its frames are
/// the shell's, not the program's.
pub const SHELL_MODULE: &str = "erl_eval";

/// How an exception was raised: the VM's own classes.
pub use crate::erlang::vm::errors::Class;

/// An exception that reached the top of the prompt's code.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    pub class: Class,
    pub reason: Term,
    /// `{M, F, ArityOrArgs, Location}` frames, innermost first.
    pub stack: Vec<Term>,
}

impl Exception {
    /// The exception behind the exit reason process code ends with: OTP's
    /// `{Reason, Stack}` for an error, `{{nocatch, V}, Stack}` for a
    /// throw, and the reason itself for an exit. The reason alone cannot
    /// tell `exit({R, Stack})` from an error: it reads as the error.
    pub fn from_exit_reason(reason: &Term) -> Exception {
        if let Some([error, stack]) = reason.as_tuple()
            && let Some(frames) = stack.list_to_vec()
            && frames.iter().all(is_frame)
        {
            if let Some([tag, thrown]) = error.as_tuple()
                && tag.is_atom(Atom::new("nocatch"))
            {
                return Exception {
                    class: Class::Throw,
                    reason: thrown.clone(),
                    stack: frames,
                };
            }
            return Exception {
                class: Class::Error,
                reason: error.clone(),
                stack: frames,
            };
        }
        Exception {
            class: Class::Exit,
            reason: reason.clone(),
            stack: Vec::new(),
        }
    }

    /// The text erl's shell prints, one line or several.
    pub fn render(&self) -> String {
        let stack: Vec<Frame<'_>> = self
            .stack
            .iter()
            .filter_map(Frame::of)
            .filter(|frame| !frame.module.is_atom(Atom::new(SHELL_MODULE)))
            .collect();
        let (class, explained) = match self.class {
            Class::Error => ("error", explain(&self.reason, self.stack.first())),
            Class::Exit => ("exit", crate::view::shown(&self.reason)),
            Class::Throw => ("throw", crate::view::shown(&self.reason)),
        };
        let mut text = format!("** exception {class}: {explained}");
        if self.class == Class::Error && !consumed_by_explanation(&self.reason) {
            for (i, frame) in stack.iter().enumerate() {
                text.push_str(&frame.lines(i == 0));
            }
        }
        text
    }
}

/// A reason whose explanation already names the place (erl prints no
/// stack after `no function clause matching m:f(...) (m.erl, line N)` or
/// `undefined function m:f/0`).
fn consumed_by_explanation(reason: &Term) -> bool {
    reason.is_atom(Atom::new("function_clause")) || reason.is_atom(Atom::new("undef"))
}

fn is_frame(term: &Term) -> bool {
    Frame::of(term).is_some()
}

/// `{M, F, ArityOrArgs, Location}`, taken apart.
struct Frame<'a> {
    module: &'a Term,
    function: &'a Term,
    /// The arguments, when the frame has them (a BIF's, a clause's).
    args: Option<Vec<Term>>,
    arity: usize,
    line: Option<i64>,
}

impl<'a> Frame<'a> {
    fn of(term: &'a Term) -> Option<Frame<'a>> {
        let [module, function, arity, location] = term.as_tuple()? else {
            return None;
        };
        module.as_atom()?;
        function.as_atom()?;
        let (args, arity) = match (arity.as_int(), arity.list_to_vec()) {
            (Some(n), _) => (None, usize::try_from(n).ok()?),
            (None, Some(args)) => {
                let n = args.len();
                (Some(args), n)
            }
            _ => return None,
        };
        let line = location.list_to_vec()?.iter().find_map(|item| {
            let [key, value] = item.as_tuple()? else {
                return None;
            };
            key.is_atom(Atom::new("line")).then(|| value.as_int())?
        });
        Some(Frame {
            module,
            function,
            args,
            arity,
            line,
        })
    }

    fn is_erlang(&self) -> bool {
        self.module.is_atom(Atom::new("erlang"))
    }

    /// `+`, `div`, `==`: erl says "in operator" for these.
    fn operator(&self) -> Option<String> {
        let name = self.function.as_atom()?.name().to_string();
        let binary = [
            "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "and", "or",
            "xor", "==", "/=", "=:=", "=/=", "<", ">", "=<", ">=", "++", "--", "!",
        ];
        let unary = ["-", "+", "not", "bnot"];
        let known = match self.arity {
            2 => binary.contains(&name.as_str()),
            1 => unary.contains(&name.as_str()),
            _ => false,
        };
        (self.is_erlang() && known).then_some(name)
    }

    /// `m:f/2`, or `f/2` for an auto-imported BIF of `erlang`.
    fn name(&self) -> String {
        let function = self.function.as_atom().map_or_else(String::new, |f| {
            crate::runtime::Term::from_atom(f).to_string()
        });
        let arity = self.arity;
        let auto_imported = self.is_erlang()
            && super::names::is_auto_imported(
                self.function.as_atom().map_or("", |f| f.name()),
                arity,
            );
        if auto_imported {
            format!("{function}/{arity}")
        } else {
            format!("{}:{function}/{arity}", self.module)
        }
    }

    fn place(&self) -> String {
        match self.line {
            Some(line) => format!(" ({}.erl, line {line})", self.module_name()),
            None => String::new(),
        }
    }

    fn module_name(&self) -> String {
        self.module
            .as_atom()
            .map_or_else(String::new, |m| m.name().to_string())
    }

    /// The frame's lines: `in function` (the innermost) or `in call from`,
    /// then `called as` when the arguments are known.
    fn lines(&self, innermost: bool) -> String {
        let mut text = String::new();
        if let Some(operator) = self.operator() {
            // erl quotes the one operator whose name/arity would misread.
            let operator = if operator == "/" { "'/'" } else { &operator };
            text.push_str(&format!("\n     in operator  {operator}/{}", self.arity));
        } else if innermost {
            text.push_str(&format!(
                "\n     in function  {}{}",
                self.name(),
                self.place()
            ));
        } else {
            text.push_str(&format!(
                "\n     in call from {}{}",
                self.name(),
                self.place()
            ));
        }
        if let Some(args) = &self.args {
            text.push_str(&format!("\n        called as {}", self.call(args)));
        }
        text
    }

    /// `1 + a`, `hd([])`, `maps:get(x,#{})`: the call as erl writes it.
    fn call(&self, args: &[Term]) -> String {
        let shown: Vec<String> = args.iter().map(crate::view::shown).collect();
        match (self.operator(), shown.as_slice()) {
            (Some(op), [left, right]) => format!("{left} {op} {right}"),
            (Some(op), [operand]) => format!("{op} {operand}"),
            _ => {
                let name = self.name();
                let name = name.rsplit_once('/').map_or(name.as_str(), |(n, _)| n);
                format!("{name}({})", shown.join(","))
            }
        }
    }
}

/// `erl_error`'s explanation of an error reason; `top` is the innermost
/// frame, which names the function for `function_clause` and `undef`.
fn explain(reason: &Term, top: Option<&Term>) -> String {
    let shown = crate::view::shown;
    let top = top.and_then(Frame::of);
    if let Some(name) = reason.as_atom() {
        let text = match name.name() {
            "badarg" => "bad argument",
            "badarith" => "an error occurred when evaluating an arithmetic expression",
            "if_clause" => "no true branch found when evaluating an if expression",
            "noproc" => "no such process or port",
            "system_limit" => "a system limit has been reached",
            "timeout_value" => "bad receive timeout value",
            "function_clause" => match &top {
                Some(
                    frame @ Frame {
                        args: Some(args), ..
                    },
                ) => {
                    return format!(
                        "no function clause matching {}{}",
                        frame.call(args),
                        frame.place()
                    );
                }
                _ => "function_clause",
            },
            "undef" => match &top {
                Some(frame) => {
                    return format!(
                        "undefined function {}:{}/{}",
                        frame.module, frame.function, frame.arity
                    );
                }
                None => "undef",
            },
            _ => return shown(reason),
        };
        return text.to_string();
    }
    if let Some([tag, value]) = reason.as_tuple()
        && let Some(tag) = tag.as_atom()
    {
        let value_text = shown(value);
        let text = match tag.name() {
            "badmatch" => format!("no match of right hand side value {value_text}"),
            "case_clause" => format!("no case clause matching {value_text}"),
            "try_clause" => format!("no try clause matching {value_text}"),
            "badfun" => format!("bad function {value_text}"),
            "badkey" => format!("bad key: {value_text}"),
            "badmap" => format!("bad map: {value_text}"),
            "badrecord" => format!("bad record {value_text}"),
            "bad_generator" => format!("bad generator {value_text}"),
            "bad_filter" => format!("bad filter {value_text}"),
            "badarity" => match value.as_tuple() {
                Some([fun, args]) => format!(
                    "{} called with {}",
                    shown(fun),
                    arguments(args.list_len().unwrap_or(0))
                ),
                _ => return shown(reason),
            },
            _ => return shown(reason),
        };
        return text;
    }
    shown(reason)
}

/// erl's `argss/1`: "no arguments", "one argument", "two arguments", ...
fn arguments(n: usize) -> String {
    match n {
        0 => "no arguments".into(),
        1 => "one argument".into(),
        2 => "two arguments".into(),
        n => format!("{n} arguments"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(m: &str, f: &str, arity: Term, line: Option<i64>) -> Term {
        let location = match line {
            Some(line) => Term::list([Term::tuple([Term::atom("line"), Term::int(line)])]),
            None => Term::NIL,
        };
        Term::tuple([Term::atom(m), Term::atom(f), arity, location])
    }

    fn error(reason: Term, stack: Vec<Term>) -> String {
        Exception::from_exit_reason(&Term::tuple([reason, Term::list(stack)])).render()
    }

    #[test]
    fn a_badmatch_prints_as_erl_prints_it() {
        let shell = frame(SHELL_MODULE, "exprs", Term::int(1), Some(1));
        let reason = Term::tuple([Term::atom("badmatch"), Term::int(3)]);
        assert_eq!(
            error(reason, vec![shell]),
            "** exception error: no match of right hand side value 3"
        );
    }

    #[test]
    fn an_operator_shows_how_it_was_called_and_the_callers() {
        let args = Term::list([Term::int(1), Term::atom("a")]);
        let stack = vec![
            frame("erlang", "+", args, None),
            frame("lists", "map", Term::int(2), Some(1315)),
            frame(SHELL_MODULE, "exprs", Term::int(1), Some(1)),
        ];
        assert_eq!(
            error(Term::atom("badarith"), stack),
            "** exception error: an error occurred when evaluating an arithmetic expression\n     in operator  +/2\n        called as 1 + a\n     in call from lists:map/2 (lists.erl, line 1315)"
        );
    }

    #[test]
    fn an_auto_imported_bif_is_named_without_its_module() {
        let stack = vec![frame("erlang", "hd", Term::list([Term::NIL]), None)];
        assert_eq!(
            error(Term::atom("badarg"), stack),
            "** exception error: bad argument\n     in function  hd/1\n        called as hd([])"
        );
    }

    #[test]
    fn function_clause_and_undef_name_the_function_and_nothing_more() {
        let args = Term::list([Term::atom("a"), Term::atom("b")]);
        let stack = vec![frame("lists", "seq", args, Some(271))];
        assert_eq!(
            error(Term::atom("function_clause"), stack),
            "** exception error: no function clause matching lists:seq(a,b) (lists.erl, line 271)"
        );
        let stack = vec![frame("foo", "bar", Term::NIL, None)];
        assert_eq!(
            error(Term::atom("undef"), stack),
            "** exception error: undefined function foo:bar/0"
        );
    }

    #[test]
    fn exits_and_throws_print_their_value() {
        let exit = Exception::from_exit_reason(&Term::atom("foo"));
        assert_eq!(exit.class, Class::Exit);
        assert_eq!(exit.render(), "** exception exit: foo");
        let thrown = Term::tuple([
            Term::tuple([Term::atom("nocatch"), Term::atom("bar")]),
            Term::NIL,
        ]);
        assert_eq!(
            Exception::from_exit_reason(&thrown).render(),
            "** exception throw: bar"
        );
    }
}
