//! Supervisor blocks: `sup NAME [STRATEGY] [intensity N] [period D] { ... }`
//! and the child specs inside them, which may nest further `sup` blocks. A
//! nested one is a child too, so it also takes a restart type and a
//! shutdown, in any order with the other options.
//!
//! Inside the braces, a newline or `;` ends a child, so a whole tree can be
//! written on one line for the REPL or spread over many in a script. Checks
//! that need no running system (duplicate ids, the single template child of
//! `simple_one_for_one`) happen here, so a script fails before it starts.
//!
//! Blocks nest at most `MAX_DEPTH` deep, as brackets do (`terms`): the
//! parser, the evaluator and the tree views all recurse on the nesting.

use nom::Parser;
use nom::sequence::preceded;
use std::time::Duration;

use super::basics::{PResult, SyntaxError, fail, keyword, sp, token_text, word, ws};
use super::basics::{one_of, unknown_option};
use super::targets::{kind, required_name};
use super::terms::{duration, too_deep};
use crate::commands::ast::{ChildSpecAst, RestartType, Shutdown, Strategy, SupSpec};
use crate::commands::suggest::closest;
use crate::erlang::syntax::MAX_DEPTH;

const STRATEGIES: &[(&str, Strategy)] = &[
    ("one_for_one", Strategy::OneForOne),
    ("one_for_all", Strategy::OneForAll),
    ("rest_for_one", Strategy::RestForOne),
    ("simple_one_for_one", Strategy::SimpleOneForOne),
];

const STRATEGY_MESSAGE: &str =
    "`strategy` must be one of one_for_one, one_for_all, rest_for_one, simple_one_for_one";

const RESTART_TYPES: &[(&str, RestartType)] = &[
    ("permanent", RestartType::Permanent),
    ("transient", RestartType::Transient),
    ("temporary", RestartType::Temporary),
];

const CHILD_USAGE: &str = "usage: worker ID KIND [permanent|transient|temporary] [shutdown brutal_kill|DURATION|infinity]";

const SUP_USAGE: &str = "usage: sup NAME [STRATEGY] [intensity N] [period DURATION] { CHILD ... }";

const NESTED_SUP_USAGE: &str = "usage: sup ID [STRATEGY] [intensity N] [period DURATION] [permanent|transient|temporary] [shutdown brutal_kill|DURATION|infinity] { CHILD ... }";

/// A child supervisor's own place in its parent: a restart type and a
/// shutdown, like a worker's (S4).
#[derive(Default)]
struct AsChild {
    restart: Option<RestartType>,
    shutdown: Option<Shutdown>,
}

/// The part after the word `sup` at the top: name, options and the block
/// of children.
pub(crate) fn sup_spec(input: &str) -> PResult<'_, SupSpec> {
    let (rest, (spec, _)) = sup_block(input, 0)?;
    Ok((rest, spec))
}

/// The part after the word `sup` inside a block: a child supervisor, which
/// also takes a restart type and a shutdown, in any order with the other
/// options. `within` is how many blocks are open around it.
fn nested_sup(input: &str, within: usize) -> PResult<'_, ChildSpecAst> {
    let (rest, (spec, as_child)) = sup_block(input, within)?;
    Ok((
        rest,
        ChildSpecAst::Sup {
            spec,
            restart: as_child.restart,
            shutdown: as_child.shutdown,
        },
    ))
}

/// A supervisor's name, options and children; `within` is how many blocks
/// are open around it (0 at the top).
fn sup_block(input: &str, within: usize) -> PResult<'_, (SupSpec, AsChild)> {
    let nested = within > 0;
    let (mut rest, name) = required_name(input, "a supervisor name")?;
    let mut spec = SupSpec {
        name,
        strategy: Strategy::default(),
        intensity: None,
        period: None,
        children: Vec::new(),
    };
    let mut as_child = AsChild::default();
    let usage = if nested { NESTED_SUP_USAGE } else { SUP_USAGE };
    let mut strategy_given = false;
    loop {
        let (at, ()) = sp(rest)?;
        if at.starts_with('{') {
            rest = at;
            break;
        }
        let Ok((after, option)) = word(at) else {
            return fail(
                SyntaxError::new(
                    at,
                    format!(
                        "expected `{{` to start the children, found `{}`",
                        token_text(at)
                    ),
                )
                .hint(usage),
            );
        };
        let restart_type = RESTART_TYPES.iter().find(|(name, _)| *name == option);
        if !nested && (restart_type.is_some() || option == "shutdown") {
            return fail(
                SyntaxError::new(
                    at,
                    format!("a top-level supervisor takes no `{option}`: it is nobody's child"),
                )
                .hint("a nested `sup ID ... { ... }` takes a restart type and a shutdown"),
            );
        }
        rest = match option {
            "intensity" => {
                let (after, n) = preceded(sp, intensity).parse(after)?;
                spec.intensity = Some(n);
                after
            }
            "period" => {
                let (after, d) = preceded(sp, period).parse(after)?;
                spec.period = Some(d);
                after
            }
            "strategy" => {
                let (after, s) =
                    preceded(sp, |i| one_of(i, STRATEGIES, STRATEGY_MESSAGE)).parse(after)?;
                spec.strategy = s;
                strategy_given = true;
                after
            }
            "shutdown" => {
                let (after, value) = preceded(sp, shutdown_value).parse(after)?;
                as_child.shutdown = Some(value);
                after
            }
            _ if restart_type.is_some() => {
                let (_, value) = restart_type.expect("checked");
                if as_child.restart.replace(*value).is_some() {
                    return fail(SyntaxError::new(at, "a child has only one restart type"));
                }
                after
            }
            _ if strategy_given && STRATEGIES.iter().any(|(name, _)| *name == option) => {
                return fail(SyntaxError::new(at, "a supervisor has only one strategy"));
            }
            _ => {
                let (after, s) = strategy_or_unknown(at, nested)?;
                spec.strategy = s;
                strategy_given = true;
                after
            }
        };
    }
    if within >= MAX_DEPTH {
        return fail(too_deep(rest));
    }
    let (rest, children) = children(rest, within + 1)?;
    spec.children = children;
    check_children(input, &spec)?;
    Ok((rest, (spec, as_child)))
}

/// A bare strategy word, or the best error for a word that is not one.
fn strategy_or_unknown(at: &str, nested: bool) -> PResult<'_, Strategy> {
    let Ok((_, found)) = word(at) else {
        return one_of(at, STRATEGIES, STRATEGY_MESSAGE);
    };
    let mut options = vec!["intensity", "period"];
    if nested {
        options.extend(["permanent", "transient", "temporary", "shutdown"]);
    }
    let near_option = closest(found, options.iter().copied().chain(["strategy"]));
    let near_strategy = closest(found, STRATEGIES.iter().map(|(name, _)| *name));
    match (near_strategy, near_option) {
        (None, Some(_)) => fail(unknown_option(at, found, "supervisor option", &options)),
        _ => one_of(at, STRATEGIES, STRATEGY_MESSAGE),
    }
}

fn intensity(input: &str) -> PResult<'_, u32> {
    let digits = input
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(input.len());
    match input[..digits].parse::<u32>() {
        Ok(n) => Ok((&input[digits..], n)),
        Err(_) => fail(SyntaxError::new(
            input,
            "expected the number of restarts allowed per period, e.g. intensity 3",
        )),
    }
}

/// A restart period: whole seconds, at least one, as OTP requires
/// (`supervisor:check_flags/1`), because restarts are stamped in whole
/// seconds (S3).
fn period(input: &str) -> PResult<'_, Duration> {
    let (rest, d) = duration(input)?;
    if d.subsec_nanos() != 0 || d.is_zero() {
        return fail(
            SyntaxError::new(input, "a period is a whole number of seconds, at least 1s")
                .underline(input.len() - rest.len())
                .hint("OTP stamps restarts in whole seconds, e.g. period 5s"),
        );
    }
    Ok((rest, d))
}

/// `{ CHILD (newline|;) CHILD ... }`, starting at the `{`, which is the
/// `within`th block open.
fn children(input: &str, within: usize) -> PResult<'_, Vec<ChildSpecAst>> {
    let mut rest = &input[1..];
    let mut children = Vec::new();
    loop {
        rest = skip_separators(rest)?;
        if let Some(after) = rest.strip_prefix('}') {
            return Ok((after, children));
        }
        if rest.is_empty() {
            return fail(
                SyntaxError::new(input, "this `{` is never closed")
                    .underline(1)
                    .hint("add a `}` after the last child"),
            );
        }
        let (after, child) = child_in(rest, within)?;
        children.push(child);
        let (after, ()) = sp(after)?;
        if !(after.is_empty() || after.starts_with(['\n', ';', '}'])) {
            return fail(
                SyntaxError::new(
                    after,
                    format!("unexpected `{}` after a child", token_text(after)),
                )
                .hint(CHILD_USAGE),
            );
        }
        rest = after;
    }
}

fn skip_separators(mut input: &str) -> Result<&str, nom::Err<SyntaxError<'_>>> {
    loop {
        let (rest, ()) = ws(input)?;
        match rest.strip_prefix(';') {
            Some(after) => input = after,
            None => return Ok(rest),
        }
    }
}

/// `worker ID KIND [RESTART] [shutdown S]` or a nested `sup ID ... { ... }`,
/// as `start_child` takes it: inside the supervisor it is started in.
pub(crate) fn child_spec(input: &str) -> PResult<'_, ChildSpecAst> {
    child_in(input, 1)
}

/// A child spec inside `within` open blocks.
fn child_in(input: &str, within: usize) -> PResult<'_, ChildSpecAst> {
    if let Ok((rest, _)) = keyword("worker")(input) {
        return worker(rest);
    }
    if let Ok((rest, _)) = keyword("sup")(input) {
        return preceded(sp, |i| nested_sup(i, within)).parse(rest);
    }
    let found = token_text(input);
    let hint = match closest(&found, ["worker", "sup"]) {
        Some(near) => format!("did you mean `{near}`?"),
        None => "children are `worker ID KIND ...` or `sup ID ... { ... }`".to_string(),
    };
    fail(SyntaxError::new(input, format!("expected a child spec, found `{found}`")).hint(hint))
}

fn worker(input: &str) -> PResult<'_, ChildSpecAst> {
    let (rest, id) = preceded(sp, |i| required_name(i, "a child id")).parse(input)?;
    let (mut rest, kind) = preceded(sp, kind).parse(rest)?;
    let mut restart = None;
    let mut shutdown = None;
    loop {
        let (at, ()) = sp(rest)?;
        let Ok((after, option)) = word(at) else {
            break;
        };
        if let Some((_, value)) = RESTART_TYPES.iter().find(|(name, _)| *name == option) {
            if restart.replace(*value).is_some() {
                return fail(SyntaxError::new(at, "a child has only one restart type"));
            }
            rest = after;
        } else if option == "shutdown" {
            let (after, value) = preceded(sp, shutdown_value).parse(after)?;
            shutdown = Some(value);
            rest = after;
        } else {
            let valid = ["permanent", "transient", "temporary", "shutdown"];
            return fail(
                unknown_option(at, option, "child option", &valid).maybe_hint(
                    closest(option, valid)
                        .is_none()
                        .then(|| CHILD_USAGE.to_string()),
                ),
            );
        }
    }
    Ok((
        rest,
        ChildSpecAst::Worker {
            id,
            kind,
            restart,
            shutdown,
        },
    ))
}

fn shutdown_value(input: &str) -> PResult<'_, Shutdown> {
    if let Ok((rest, _)) = keyword("brutal_kill")(input) {
        return Ok((rest, Shutdown::BrutalKill));
    }
    if let Ok((rest, _)) = keyword("infinity")(input) {
        return Ok((rest, Shutdown::Infinity));
    }
    let message = "expected brutal_kill, infinity or a duration like 5000ms";
    match duration(input) {
        Ok((rest, timeout)) => Ok((rest, Shutdown::Timeout(timeout))),
        Err(nom::Err::Failure(e)) if e.at == input => {
            let hint = word(input)
                .ok()
                .and_then(|(_, found)| closest(found, ["brutal_kill", "infinity"]))
                .map(|near| format!("did you mean `{near}`?"));
            fail(SyntaxError::new(input, message).maybe_hint(hint.or(e.hint)))
        }
        Err(other) => Err(other),
    }
}

/// Static checks on a finished block; errors point at the supervisor name.
fn check_children<'a>(at: &'a str, spec: &SupSpec) -> Result<(), nom::Err<SyntaxError<'a>>> {
    for (i, child) in spec.children.iter().enumerate() {
        if spec.children[..i]
            .iter()
            .any(|earlier| earlier.id() == child.id())
        {
            return Err(nom::Err::Failure(
                SyntaxError::new(
                    at,
                    format!(
                        "supervisor `{}` has two children with id `{}`",
                        spec.name,
                        child.id()
                    ),
                )
                .hint("child ids must be unique within a supervisor"),
            ));
        }
    }
    let is_template = matches!(spec.children.as_slice(), [ChildSpecAst::Worker { .. }]);
    if spec.strategy == Strategy::SimpleOneForOne && !is_template {
        return Err(nom::Err::Failure(
            SyntaxError::new(
                at,
                "a simple_one_for_one supervisor needs exactly one worker child: the template",
            )
            .hint("start instances with `start_child SUP ARGS...`"),
        ));
    }
    Ok(())
}
