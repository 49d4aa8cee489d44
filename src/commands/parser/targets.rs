//! Targets (who a command acts on), registered names and process kinds.
//!
//! A target is `Var`, a registered `name`, `<0.N.0>`, `self`, or a path into
//! a supervision tree such as `demo/w1`. Names may be quoted atoms
//! (`'my server'`), so anything Erlang can register can be addressed.

use nom::Parser;

use super::basics::{PResult, SyntaxError, fail, is_variable, no_match, require, word};
use super::terms::{KIND_ARG, pid, quoted_atom, sequence};
use crate::commands::ast::{KindSpec, Target};

pub(crate) const EXPECTED_TARGET: &str =
    "expected a target: a Variable, a name, <0.N.0>, self or sup/child";

/// A target, or a soft `no_match` when the input does not start like one.
pub(crate) fn target(input: &str) -> PResult<'_, Target> {
    if input.starts_with('<') {
        let (rest, n) = pid(input)?;
        return Ok((rest, Target::Pid(n)));
    }
    if let Ok((rest, found)) = word(input) {
        if found == "self" {
            return Ok((rest, Target::SelfPid));
        }
        if is_variable(found) {
            return Ok((rest, Target::Var(found.to_string())));
        }
    }
    let (mut rest, first) = name(input)?;
    let mut segments = vec![first];
    while let Some(after_slash) = rest.strip_prefix('/') {
        let (after, segment) = require(name, |at| {
            SyntaxError::new(at, "expected a child id after `/`")
                .hint("a path names a supervisor then its children, e.g. demo/w1")
        })
        .parse(after_slash)?;
        segments.push(segment);
        rest = after;
    }
    let target = if segments.len() == 1 {
        Target::Name(segments.remove(0))
    } else {
        Target::Path(segments)
    };
    Ok((rest, target))
}

/// A target that must be there; `hint` says how the command is used.
pub(crate) fn required_target<'a>(input: &'a str, hint: &str) -> PResult<'a, Target> {
    let on_missing = |at: &'a str| {
        let error = SyntaxError::new(at, EXPECTED_TARGET);
        if at.starts_with(|c: char| c.is_ascii_digit()) {
            let digits: String = at.chars().take_while(char::is_ascii_digit).collect();
            error.hint(format!("pids are written <0.N.0>, e.g. <0.{digits}.0>"))
        } else {
            error.hint(hint)
        }
    };
    require(target, on_missing).parse(input)
}

/// A registered name or child id: a lowercase word or a quoted atom.
pub(crate) fn name(input: &str) -> PResult<'_, String> {
    if input.starts_with('\'') {
        return quoted_atom(input);
    }
    match word(input) {
        Ok((rest, found)) if !is_variable(found) && found != "_" => Ok((rest, found.to_string())),
        _ => no_match(input),
    }
}

/// A name that must be there; `what` is e.g. "a name" or "a child id".
pub(crate) fn required_name<'a>(input: &'a str, what: &str) -> PResult<'a, String> {
    let on_missing = |at: &'a str| match word(at) {
        Ok((_, found)) if is_variable(found) => {
            SyntaxError::new(at, format!("expected {what}, found the variable `{found}`")).hint(
                format!(
                    "{what} is lowercase (an atom), e.g. `{}`",
                    found.to_lowercase()
                ),
            )
        }
        _ => SyntaxError::new(at, format!("expected {what}")),
    };
    require(name, on_missing).parse(input)
}

/// A definition's name: a lowercase word or a quoted atom (`counter`,
/// `counter@1`), or an Elixir module's alias (`Counter`, `MyApp.Counter@2`),
/// which the session looks up as `'Elixir.Counter'`.
pub(crate) fn definition_name(input: &str) -> PResult<'_, String> {
    if input.starts_with(|c: char| c.is_ascii_uppercase()) {
        let end = input
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '@')))
            .unwrap_or(input.len());
        return Ok((&input[end..], input[..end].to_string()));
    }
    required_name(input, "the name of a definition")
}

pub(crate) const EXPECTED_KIND: &str = "expected a process kind like counter or ticker(1s)";

/// `counter`, `ticker(1s)`, `crasher(500ms, boom)`, or an Elixir module by
/// its alias, `Counter(0)` or `Demo.Stack`, which names the module
/// `'Elixir.Counter'` as Elixir's compiler does (its `start/N` runs).
pub(crate) fn kind(input: &str) -> PResult<'_, KindSpec> {
    let (rest, name) = match (word(input), elixir_alias(input)) {
        (_, Some((rest, alias))) => (rest, format!("Elixir.{alias}")),
        (Ok((rest, found)), None) if !is_variable(found) => (rest, found.to_string()),
        _ => return fail(SyntaxError::new(input, EXPECTED_KIND).hint("`kinds` lists them")),
    };
    let (rest, args) = if rest.starts_with('(') {
        sequence(rest, KIND_ARG, '(', ')')?
    } else {
        (rest, Vec::new())
    };
    Ok((rest, KindSpec { name, args }))
}

/// An Elixir alias: capitalised segments joined by dots (`Demo.Stack`).
/// `None` unless `input` starts with a capital letter.
fn elixir_alias(input: &str) -> Option<(&str, &str)> {
    let segment = |at: &str| {
        at.starts_with(|c: char| c.is_ascii_uppercase()).then(|| {
            at.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(at.len())
        })
    };
    let mut end = segment(input)?;
    while let Some(after_dot) = input[end..].strip_prefix('.')
        && let Some(length) = segment(after_dot)
    {
        end += 1 + length;
    }
    Some((&input[end..], &input[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::ast::TermExpr;
    use std::time::Duration;

    #[test]
    fn every_target_form() {
        assert_eq!(target("W").unwrap().1, Target::Var("W".into()));
        assert_eq!(target("c").unwrap().1, Target::Name("c".into()));
        assert_eq!(
            target("'my server'").unwrap().1,
            Target::Name("my server".into())
        );
        assert_eq!(target("<0.7.0>").unwrap().1, Target::Pid(7));
        assert_eq!(target("self").unwrap().1, Target::SelfPid);
        let path = Target::Path(vec!["top".into(), "db".into(), "conn".into()]);
        assert_eq!(target("top/db/conn").unwrap().1, path);
    }

    #[test]
    fn a_number_is_not_a_pid() {
        let Err(nom::Err::Failure(e)) = required_target("42", "usage") else {
            panic!()
        };
        assert_eq!(
            e.hint.as_deref(),
            Some("pids are written <0.N.0>, e.g. <0.42.0>")
        );
    }

    #[test]
    fn kinds_with_arguments() {
        let (_, spec) = kind("crasher(500ms, boom)").unwrap();
        assert_eq!(spec.name, "crasher");
        assert_eq!(
            spec.args,
            vec![
                TermExpr::Duration(Duration::from_millis(500)),
                TermExpr::Atom("boom".into())
            ]
        );
        assert!(kind("counter").unwrap().1.args.is_empty());
    }

    #[test]
    fn an_elixir_alias_names_its_module() {
        let (rest, spec) = kind("Demo.Stack([1, 2]) as s").unwrap();
        assert_eq!(spec.name, "Elixir.Demo.Stack");
        assert_eq!(spec.args.len(), 1);
        assert_eq!(rest, " as s");
        assert_eq!(kind("Counter").unwrap().1.name, "Elixir.Counter");
        // A dot not followed by a capitalised segment ends the alias.
        assert_eq!(kind("Counter.start").unwrap().0, ".start");
        assert!(kind("_Counter").is_err());
    }
}
