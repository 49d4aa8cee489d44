//! Statements: assignments, `TARGET ! TERM`, bare terms, and every command
//! word from the DESIGN table (supervisors and expectations have their own
//! modules).
//!
//! The first word decides everything: once it is known to be, say, `link`,
//! any later mismatch is a `Failure` that names `link`'s usage, rather than
//! a vague "could not parse".

use std::time::Duration;

use nom::Parser;
use nom::sequence::preceded;

use super::basics::{
    PResult, SyntaxError, end_of_command, fail, keyword, one_of, sp, token_text, unknown_option,
    variable, word,
};
use super::expect::expectation;
use super::scan::erlang_block_end;
use super::sup::{child_spec, sup_spec};
use super::targets::{definition_name, kind, required_name, required_target, target};
use super::terms::{EXPECTED_DURATION, PATTERN, VALUE, duration, required_term, string, term};
use crate::commands::ast::{
    Command, LogLevel, PsRows, SpawnOpt, StartChildArg, Target, TermExpr, WaitFor,
};
use crate::commands::help;
use crate::commands::suggest::closest;

/// Commands whose result can be bound: `W = spawn counter`.
const VALUE_COMMANDS: &[&str] = &[
    "spawn",
    "whereis",
    "monitor",
    "call",
    "receive",
    "start_child",
    "sup",
    "which_children",
    "count_children",
    "terminate_child",
    "restart_child",
    "delete_child",
];

/// One whole statement, from its first character to the end of its text.
pub(crate) fn statement(input: &str) -> PResult<'_, Command> {
    if let Some(parsed) = assignment(input) {
        return parsed;
    }
    if let Some(parsed) = bang_send(input) {
        return parsed;
    }
    if let Ok((rest, found)) = word(input)
        && let Some(parsed) = command(found, rest)
    {
        let (rest, cmd) = parsed?;
        let (rest, ()) = end_of_command(rest, &usage_hint(found))?;
        return Ok((rest, cmd));
    }
    match term(input, VALUE) {
        Ok((rest, TermExpr::Atom(found))) => fail(unknown_command(input, &found, rest)),
        Ok((rest, expr)) => {
            let (rest, ()) = end_of_command(rest, "a value on its own is shown, e.g. `W`")?;
            Ok((rest, Command::Eval(expr)))
        }
        Err(nom::Err::Error(_)) => fail(
            SyntaxError::new(
                input,
                format!("expected a command, found `{}`", token_text(input)),
            )
            .hint(NEITHER_HINT),
        ),
        Err(failure) => Err(failure),
    }
}

/// The hint for a line that is neither a command nor Erlang: both are
/// open to the presenter.
const NEITHER_HINT: &str =
    "type `help` for the list of commands; Erlang works too, e.g. `lists:seq(1, 3).`";

fn unknown_command<'a>(at: &'a str, found: &str, rest: &str) -> SyntaxError<'a> {
    let hint = match closest(found, help::command_names()) {
        Some(name) => format!("did you mean `{name}`?"),
        None if rest.trim_start().starts_with('=') => {
            "variables are capitalised: write `X = ...`".to_string()
        }
        None => NEITHER_HINT.to_string(),
    };
    // A quoted atom may run over several lines: the header shows its first.
    let found = super::basics::one_line(found);
    SyntaxError::new(at, format!("unknown command `{found}`")).hint(hint)
}

/// What to say when a command is followed by something it does not take.
fn usage_hint(name: &str) -> String {
    match name {
        "link" | "unlink" | "monitor" => format!("`{name}` takes one or two targets"),
        _ => match help::lookup(name) {
            Some(entry) => format!("usage: {}", entry.syntax),
            None => "type `help` for the list of commands".to_string(),
        },
    }
}

/// `Var = COMMAND` or `Var = TERM`, or a pattern on the left
/// (`{ok, P} = start_child s`); `None` when the statement is not one.
fn assignment(input: &str) -> Option<PResult<'_, Command>> {
    if let Ok((rest, var)) = variable(input)
        && let Some(rest) = after_equals(rest)
    {
        return Some(assignment_value(rest).map(|(rest, value)| {
            let value = Box::new(value);
            (
                rest,
                Command::Assign {
                    var: var.to_string(),
                    value,
                },
            )
        }));
    }
    // Only a tuple, a list or a map makes a pattern worth matching: `a =
    // ...` is no statement anyone means.
    if !(input.starts_with(['{', '[']) || input.starts_with("#{")) {
        return None;
    }
    let (rest, pattern) = term(input, PATTERN).ok()?;
    let rest = after_equals(rest)?;
    Some(assignment_value(rest).map(|(rest, value)| {
        let value = Box::new(value);
        (rest, Command::Match { pattern, value })
    }))
}

/// The input after ` = ` (not `==`, `=>` or `=:=`), if that comes next.
fn after_equals(input: &str) -> Option<&str> {
    let (rest, ()) = sp(input).ok()?;
    let rest = rest.strip_prefix('=')?;
    (!rest.starts_with(['=', '>', ':'])).then_some(rest)
}

fn assignment_value(input: &str) -> PResult<'_, Command> {
    let (input, ()) = sp(input)?;
    if let Ok((rest, found)) = word(input)
        && VALUE_COMMANDS.contains(&found)
        && let Some(parsed) = command(found, rest)
    {
        let (rest, cmd) = parsed?;
        let (rest, ()) = end_of_command(rest, &usage_hint(found))?;
        return Ok((rest, cmd));
    }
    let (rest, value) = required_term(input, VALUE)?;
    let only_values = "only spawn, whereis, monitor, call, receive, sup and the supervisor API give a value to bind";
    let (rest, ()) = end_of_command(rest, only_values)?;
    Ok((rest, Command::Eval(value)))
}

/// `TARGET ! TERM`; `None` when there is no `!` after a target.
fn bang_send(input: &str) -> Option<PResult<'_, Command>> {
    let (rest, to) = target(input).ok()?;
    let (rest, ()) = sp(rest).ok()?;
    let rest = rest.strip_prefix('!')?;
    let parsed = preceded(sp, |i| required_term(i, VALUE)).parse(rest);
    Some(parsed.and_then(|(rest, message)| {
        let (rest, ()) = end_of_command(rest, "usage: TARGET ! TERM")?;
        Ok((
            rest,
            Command::Send {
                target: to,
                message,
            },
        ))
    }))
}

/// Parses the arguments of command `name`; `None` if `name` is no command.
/// The caller checks that nothing follows.
fn command<'a>(name: &str, args: &'a str) -> Option<PResult<'a, Command>> {
    let usage = usage_hint(name);
    let usage = usage.as_str();
    let one_target = |input: &'a str| preceded(sp, |i| required_target(i, usage)).parse(input);
    let parsed = match name {
        "spawn" => spawn(args),
        "send" => one_target(args).and_then(|(rest, target)| {
            let (rest, message) = preceded(sp, |i| required_term(i, VALUE)).parse(rest)?;
            Ok((rest, Command::Send { target, message }))
        }),
        "call" => one_target(args).and_then(|(rest, target)| {
            let (rest, request) = preceded(sp, |i| required_term(i, VALUE)).parse(rest)?;
            let (rest, timeout) = optional_timeout(rest)?;
            Ok((
                rest,
                Command::Call {
                    target,
                    request,
                    timeout,
                },
            ))
        }),
        "exit" => one_target(args).and_then(|(rest, target)| {
            let (rest, reason) = preceded(sp, |i| required_term(i, VALUE))
                .parse(rest)
                .map_err(|e| {
                    e.map(|e| e.hint("give a reason, e.g. `exit c boom`; `kill c` needs none"))
                })?;
            Ok((rest, Command::Exit { target, reason }))
        }),
        "kill" => one_target(args).map(|(rest, target)| (rest, Command::Kill { target })),
        "crash" => one_target(args).and_then(|(rest, target)| {
            let (rest, reason) = optional_term(rest)?;
            Ok((rest, Command::Crash { target, reason }))
        }),
        "link" => two_targets(args, usage).map(|(rest, (a, b))| (rest, Command::Link { a, b })),
        "unlink" => two_targets(args, usage).map(|(rest, (a, b))| (rest, Command::Unlink { a, b })),
        "monitor" => {
            two_targets(args, usage).map(|(rest, (a, b))| (rest, Command::Monitor { a, b }))
        }
        "demonitor" => demonitor(args),
        "trap" => one_target(args).and_then(|(rest, target)| {
            let (rest, on) = preceded(sp, on_off).parse(rest)?;
            Ok((rest, Command::Trap { target, on }))
        }),
        "register" => preceded(sp, |i| required_name(i, "a name"))
            .parse(args)
            .and_then(|(rest, name)| {
                let (rest, target) = one_target(rest)?;
                Ok((rest, Command::Register { name, target }))
            }),
        "unregister" => preceded(sp, |i| required_name(i, "a name"))
            .parse(args)
            .map(|(rest, name)| (rest, Command::Unregister { name })),
        "whereis" => one_target(args).map(|(rest, target)| (rest, Command::Whereis { target })),
        "sup" => preceded(sp, sup_spec)
            .parse(args)
            .map(|(rest, spec)| (rest, Command::Sup(spec))),
        "start_child" => start_child(args, usage),
        "terminate_child" => preceded(sp, |i| required_target(i, usage))
            .parse(args)
            .and_then(|(rest, sup)| {
                let (rest, child) = preceded(sp, |i| required_target(i, usage)).parse(rest)?;
                Ok((rest, Command::TerminateChild { sup, child }))
            }),
        "restart_child" | "delete_child" => sup_and_id(name, args, usage),
        "which_children" => {
            one_target(args).map(|(rest, sup)| (rest, Command::WhichChildren { sup }))
        }
        "count_children" => {
            one_target(args).map(|(rest, sup)| (rest, Command::CountChildren { sup }))
        }
        "tree" if super::stage::svg_flag(args).is_some() => super::stage::tree_svg(args, usage),
        "stage" => super::stage::stage(args, usage),
        "audience" => super::stage::audience(args, usage),
        "tree" => match super::explain::mermaid_flag(args) {
            Some(args) => preceded(sp, nom::combinator::opt(target))
                .parse(args)
                .map(|(rest, sup)| (rest, Command::TreeMermaid { sup })),
            None => preceded(sp, nom::combinator::opt(target))
                .parse(args)
                .map(|(rest, sup)| (rest, Command::Tree { sup })),
        },
        "why" => one_target(args).map(|(rest, target)| (rest, Command::Why { target })),
        "seq" => super::explain::seq(args, usage),
        "ps" => Ok(ps(args)),
        "info" => one_target(args).map(|(rest, target)| (rest, Command::Info { target })),
        "mailbox" => one_target(args).map(|(rest, target)| (rest, Command::Mailbox { target })),
        "regs" => Ok((args, Command::Regs)),
        "flush" => Ok((args, Command::Flush)),
        "receive" => receive(args),
        "sleep" => preceded(sp, duration)
            .parse(args)
            .map(|(rest, d)| (rest, Command::Sleep(d))),
        "wait" => wait(args, usage),
        "say" => say(args),
        "pause" => Ok((args, Command::Pause)),
        "clear" => Ok((args, Command::Clear)),
        "reset" => Ok((args, Command::Reset)),
        "slowmo" => slowmo(args),
        "log" => preceded(sp, log_level)
            .parse(args)
            .map(|(rest, level)| (rest, Command::Log(level))),
        "syntax" => preceded(sp, syntax_name)
            .parse(args)
            .map(|(rest, syntax)| (rest, Command::Syntax(syntax))),
        "trace" => one_target(args).and_then(|(rest, target)| {
            let (rest, on) = preceded(sp, on_off).parse(rest)?;
            Ok((rest, Command::Trace { target, on }))
        }),
        "def" => def_block(args),
        // A whole `defmodule NAME ...` is Elixir, taken before the
        // commands (`parser::parse_statement`); only a bare word is left.
        "defmodule" => fail(
            SyntaxError::new(args, "expected the module's name and its `do ... end`")
                .hint("defmodule Counter do def start(n), do: spawn(fn -> n end) end"),
        ),
        "show" => preceded(sp, definition_name)
            .parse(args)
            .map(|(rest, name)| (rest, Command::Show(name))),
        "versions" => preceded(sp, definition_name)
            .parse(args)
            .map(|(rest, name)| (rest, Command::Versions(name))),
        "purge" => preceded(sp, definition_name)
            .parse(args)
            .map(|(rest, name)| (rest, Command::Purge(name))),
        "load" => load(args),
        "export" => export(args),
        "help" => help_topic(args),
        "kinds" => Ok((args, Command::Kinds)),
        "quit" => Ok((args, Command::Quit)),
        "expect" => preceded(sp, expectation)
            .parse(args)
            .map(|(rest, e)| (rest, Command::Expect(e))),
        _ => return None,
    };
    Some(parsed)
}

fn spawn(input: &str) -> PResult<'_, Command> {
    let (mut rest, kind) = preceded(sp, kind).parse(input)?;
    let mut name = None;
    let mut link_or_monitor = None;
    loop {
        let (at, ()) = sp(rest)?;
        let Ok((after, option)) = word(at) else {
            break;
        };
        match option {
            "as" if name.is_none() => {
                let (after, found) =
                    preceded(sp, |i| required_name(i, "a name to register")).parse(after)?;
                name = Some(found);
                rest = after;
            }
            "link" | "monitor" if link_or_monitor.is_none() => {
                let opt = if option == "link" {
                    SpawnOpt::Link
                } else {
                    SpawnOpt::Monitor
                };
                link_or_monitor = Some(opt);
                rest = after;
            }
            "as" | "link" | "monitor" => {
                return fail(
                    SyntaxError::new(
                        at,
                        format!("`{option}` is given twice or with its opposite"),
                    )
                    .hint("usage: spawn KIND [as NAME] [link|monitor]"),
                );
            }
            other => {
                return fail(unknown_option(
                    at,
                    other,
                    "option for `spawn`",
                    &["as", "link", "monitor"],
                ));
            }
        }
    }
    Ok((
        rest,
        Command::Spawn {
            kind,
            name,
            link_or_monitor,
        },
    ))
}

fn on_off(input: &str) -> PResult<'_, bool> {
    one_of(
        input,
        &[("on", true), ("off", false)],
        "expected `on` or `off`",
    )
}

fn log_level(input: &str) -> PResult<'_, LogLevel> {
    let levels = [
        ("quiet", LogLevel::Quiet),
        ("normal", LogLevel::Normal),
        ("verbose", LogLevel::Verbose),
    ];
    one_of(
        input,
        &levels,
        "expected a log level: quiet, normal or verbose",
    )
}

fn syntax_name(input: &str) -> PResult<'_, crate::view::Syntax> {
    let names = [
        ("elixir", crate::view::Syntax::Elixir),
        ("erlang", crate::view::Syntax::Erlang),
    ];
    one_of(input, &names, "expected a syntax: elixir or erlang")
}

/// `A [B]`, for link, unlink and monitor.
fn two_targets<'a>(input: &'a str, usage: &str) -> PResult<'a, (Target, Option<Target>)> {
    let (rest, a) = preceded(sp, |i| required_target(i, usage)).parse(input)?;
    let (rest, b) = preceded(sp, nom::combinator::opt(target)).parse(rest)?;
    Ok((rest, (a, b)))
}

/// A term if one follows, e.g. the reason in `crash c [REASON]`.
fn optional_term(input: &str) -> PResult<'_, Option<TermExpr>> {
    let (at, ()) = sp(input)?;
    match term(at, VALUE) {
        Ok((rest, found)) => Ok((rest, Some(found))),
        Err(nom::Err::Error(_)) => Ok((input, None)),
        Err(failure) => Err(failure),
    }
}

/// `[timeout DURATION]` at the end of call, receive and wait.
fn optional_timeout(input: &str) -> PResult<'_, Option<Duration>> {
    let (at, ()) = sp(input)?;
    match keyword("timeout")(at) {
        Ok((rest, _)) => {
            let (rest, found) = preceded(sp, duration).parse(rest)?;
            Ok((rest, Some(found)))
        }
        Err(_) => Ok((input, None)),
    }
}

fn demonitor(input: &str) -> PResult<'_, Command> {
    let (at, ()) = sp(input)?;
    let message = "expected a monitor reference: a Variable bound by `R = monitor X`, or #Ref<0.N>";
    match term(at, VALUE) {
        Ok((rest, reference @ (TermExpr::Var(_) | TermExpr::Ref(_)))) => {
            Ok((rest, Command::Demonitor { reference }))
        }
        Err(nom::Err::Failure(e)) => Err(nom::Err::Failure(e)),
        _ => fail(SyntaxError::new(at, message)),
    }
}

fn start_child<'a>(input: &'a str, usage: &str) -> PResult<'a, Command> {
    let (rest, sup) = preceded(sp, |i| required_target(i, usage)).parse(input)?;
    let (at, ()) = sp(rest)?;
    if keyword("worker")(at).is_ok() || keyword("sup")(at).is_ok() {
        let (rest, spec) = child_spec(at)?;
        return Ok((
            rest,
            Command::StartChild {
                sup,
                child: StartChildArg::Spec(spec),
            },
        ));
    }
    let mut args = Vec::new();
    let mut rest = rest;
    while let (rest_after, Some(arg)) = optional_term(rest)? {
        args.push(arg);
        rest = rest_after;
    }
    Ok((
        rest,
        Command::StartChild {
            sup,
            child: StartChildArg::Args(args),
        },
    ))
}

fn sup_and_id<'a>(name: &str, input: &'a str, usage: &str) -> PResult<'a, Command> {
    let (rest, sup) = preceded(sp, |i| required_target(i, usage)).parse(input)?;
    let (rest, id) = preceded(sp, |i| required_name(i, "a child id")).parse(rest)?;
    let cmd = match name {
        "restart_child" => Command::RestartChild { sup, id },
        _ => Command::DeleteChild { sup, id },
    };
    Ok((rest, cmd))
}

fn receive(input: &str) -> PResult<'_, Command> {
    let (at, ()) = sp(input)?;
    // `timeout` starts the option; the atom is written 'timeout'.
    let (rest, pattern) = if keyword("timeout")(at).is_ok() {
        (input, None)
    } else {
        match term(at, PATTERN) {
            Ok((rest, found)) => (rest, Some(found)),
            Err(nom::Err::Error(_)) => (input, None),
            Err(failure) => return Err(failure),
        }
    };
    let (rest, timeout) = optional_timeout(rest)?;
    Ok((rest, Command::Receive { pattern, timeout }))
}

fn wait<'a>(input: &'a str, usage: &str) -> PResult<'a, Command> {
    let (rest, target) = preceded(sp, |i| required_target(i, usage)).parse(input)?;
    let states = [
        ("alive", WaitFor::Alive),
        ("dead", WaitFor::Dead),
        ("restarted", WaitFor::Restarted),
    ];
    let (rest, until) = preceded(sp, |i| {
        one_of(
            i,
            &states,
            "expected what to wait for: alive, dead or restarted",
        )
    })
    .parse(rest)?;
    let (rest, timeout) = optional_timeout(rest)?;
    Ok((
        rest,
        Command::Wait {
            target,
            until,
            timeout,
        },
    ))
}

fn say(input: &str) -> PResult<'_, Command> {
    let (at, ()) = sp(input)?;
    if !at.starts_with('"') {
        return fail(
            SyntaxError::new(at, "expected text in double quotes").hint("say \"Now watch this\""),
        );
    }
    let (rest, text) = string(at)?;
    Ok((rest, Command::Say(text)))
}

fn slowmo(input: &str) -> PResult<'_, Command> {
    let (at, ()) = sp(input)?;
    if let Ok((rest, _)) = keyword("off")(at) {
        return Ok((rest, Command::Slowmo(None)));
    }
    let (rest, delay) = duration(at).map_err(|e| {
        e.map(|e| SyntaxError {
            message: Some(format!("{EXPECTED_DURATION}, or `off`")),
            ..e
        })
    })?;
    Ok((rest, Command::Slowmo(Some(delay))))
}

/// `def NAME { CLAUSES }`: the name, and the Erlang text up to the brace
/// that closes the block (found with Erlang's lexical rules). The clauses
/// are parsed when the definition is evaluated, by `crate::erlang`.
fn def_block(input: &str) -> PResult<'_, Command> {
    let (at, ()) = sp(input)?;
    let example = "def counter { start(N) -> loop(N). ... }";
    let name = match word(at) {
        Ok((rest, name)) if name.starts_with(|c: char| c.is_ascii_lowercase()) => {
            Some((rest, name))
        }
        _ => None,
    };
    let Some((rest, name)) = name else {
        return fail(
            SyntaxError::new(at, "expected the definition's name, a lowercase atom")
                .hint(format!("a definition is named like a module: {example}")),
        );
    };
    let (at, ()) = sp(rest)?;
    let Some(code) = at.strip_prefix('{') else {
        return fail(
            SyntaxError::new(at, format!("expected `{{` after `def {name}`"))
                .hint(format!("the clauses go in braces: {example}")),
        );
    };
    let Some(end) = erlang_block_end(code) else {
        return fail(
            SyntaxError::new(at, "this `{` is never closed")
                .underline(1)
                .hint("add a `}` after the last clause"),
        );
    };
    Ok((
        &code[end + 1..],
        Command::Def {
            name: name.to_string(),
            source: code[..end].to_string(),
            // Filled in by the caller, which sees the whole statement.
            line_offset: 0,
            column_offset: 0,
        },
    ))
}

/// `load FILE`: a path, bare or in double quotes.
fn load(input: &str) -> PResult<'_, Command> {
    let (rest, path) = file_path(input, "expected a file to load", "load counter.crash")?;
    Ok((rest, Command::Load(path)))
}

/// A path after a space, bare or in double quotes.
fn file_path<'a>(input: &'a str, expected: &str, hint: &str) -> PResult<'a, std::path::PathBuf> {
    let (at, ()) = sp(input)?;
    if at.starts_with('"') {
        let (rest, path) = string(at)?;
        return Ok((rest, path.into()));
    }
    let end = at.find(char::is_whitespace).unwrap_or(at.len());
    if end == 0 {
        return fail(SyntaxError::new(at, expected).hint(hint));
    }
    Ok((&at[end..], at[..end].into()))
}

/// `export NAME [to FILE]`, `export sup SUP [to FILE]` or `export app
/// NAME [to DIR]`.
fn export(input: &str) -> PResult<'_, Command> {
    use crate::commands::ast::ExportWhat;
    let (at, ()) = sp(input)?;
    let (rest, what) = match (at.strip_prefix("sup"), at.strip_prefix("app")) {
        (Some(after), _) if after.starts_with(char::is_whitespace) => {
            let (rest, target) = preceded(sp, target).parse(after)?;
            (rest, ExportWhat::Sup(target))
        }
        (_, Some(after)) if after.starts_with(char::is_whitespace) => {
            let (after, ()) = sp(after)?;
            let (rest, name) = required_name(after, "the application's name")?;
            (rest, ExportWhat::App(name))
        }
        _ => {
            let (rest, name) = definition_name(at)?;
            (rest, ExportWhat::Definition(name))
        }
    };
    let after = rest.trim_start();
    let (rest, file) = match after.strip_prefix("to") {
        Some(path) if path.starts_with(char::is_whitespace) => {
            let (rest, file) = file_path(
                path,
                "expected a file to write",
                "export counter to counter.erl",
            )?;
            (rest, Some(file))
        }
        _ => (rest, None),
    };
    // `export app NAME [to DIR] --mix`: the application as a Mix project.
    let (rest, what) = match (what, rest.trim_start().strip_prefix("--mix")) {
        (ExportWhat::App(name), Some(after))
            if after.is_empty() || after.starts_with(char::is_whitespace) =>
        {
            (after, ExportWhat::MixApp(name))
        }
        (what, _) => (rest, what),
    };
    Ok((rest, Command::Export { what, file }))
}

/// `help` or `help WORD`; any word is accepted so `help` can answer
/// "no such command" itself.
fn help_topic(input: &str) -> PResult<'_, Command> {
    let (at, ()) = sp(input)?;
    let end = at.find(char::is_whitespace).unwrap_or(at.len());
    if end == 0 {
        return Ok((at, Command::Help(None)));
    }
    Ok((&at[end..], Command::Help(Some(at[..end].to_string()))))
}

/// `ps`, `ps all`, `ps N`; anything else after `ps` is left for
/// `end_of_command` to point at.
fn ps(args: &str) -> (&str, Command) {
    let after = args.trim_start_matches([' ', '\t']);
    if let Ok((rest, "all")) = word(after) {
        return (rest, Command::Ps(PsRows::All));
    }
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match after[..digits].parse() {
        Ok(n) => (&after[digits..], Command::Ps(PsRows::First(n))),
        Err(_) => (args, Command::Ps(PsRows::Default)),
    }
}
