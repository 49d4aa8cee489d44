//! Expectations: `expect alive c`, `expect restarts demo/w1 2`, ...
//!
//! A script that checks itself is a sequence of commands and expectations;
//! the first word after `expect` picks the form, and each form has its own
//! usage hint so a wrong argument names what that form needs.

use nom::Parser;
use nom::sequence::preceded;

use super::basics::unknown_option;
use super::basics::{PResult, SyntaxError, fail, sp, variable, word};
use super::targets::required_target;
use super::terms::{PATTERN, VALUE, required_term, term};
use crate::commands::ast::{Expectation, Target};

/// The words that can follow `expect` (also offered by the REPL's completion).
pub const EXPECTATION_FORMS: &[&str] = &[
    "alive",
    "dead",
    "message",
    "no_message",
    "restarts",
    "children",
    "same",
    "changed",
    "reply",
];

/// The part after the word `expect`.
pub(crate) fn expectation(input: &str) -> PResult<'_, Expectation> {
    let Ok((rest, form)) = word(input) else {
        return fail(
            SyntaxError::new(input, "expected what to check, e.g. `expect alive c`")
                .expected(EXPECTATION_FORMS),
        );
    };
    let usage = format!("usage: {}", usage(form));
    let usage = usage.as_str();
    let target_arg = |i| preceded(sp, |i| required_target(i, usage)).parse(i);
    let pattern_arg = |i| preceded(sp, |i| required_term(i, PATTERN)).parse(i);
    match form {
        "alive" => target_arg(rest).map(|(rest, t)| (rest, Expectation::Alive(t))),
        "dead" => {
            let (rest, target) = target_arg(rest)?;
            let (at, ()) = sp(rest)?;
            match term(at, PATTERN) {
                Ok((rest, reason)) => Ok((
                    rest,
                    Expectation::Dead {
                        target,
                        reason: Some(reason),
                    },
                )),
                Err(nom::Err::Error(_)) => Ok((
                    rest,
                    Expectation::Dead {
                        target,
                        reason: None,
                    },
                )),
                Err(failure) => Err(failure),
            }
        }
        "message" | "no_message" => {
            let (rest, target) = target_arg(rest)?;
            let (rest, pattern) = pattern_arg(rest)?;
            let expectation = if form == "message" {
                Expectation::Message { target, pattern }
            } else {
                Expectation::NoMessage { target, pattern }
            };
            Ok((rest, expectation))
        }
        "restarts" => {
            let (at, ()) = sp(rest)?;
            let (rest, path) = required_target(at, usage)?;
            if !matches!(path, Target::Path(_)) {
                let width = at[..at.len() - rest.len()].chars().count();
                return fail(
                    SyntaxError::new(at, "expected a supervisor child path like demo/w1")
                        .underline(width)
                        .hint(usage),
                );
            }
            let (rest, count) = preceded(sp, count).parse(rest)?;
            Ok((rest, Expectation::Restarts { path, count }))
        }
        "children" => {
            let (rest, sup) = target_arg(rest)?;
            let (rest, count) = preceded(sp, count).parse(rest)?;
            Ok((rest, Expectation::Children { sup, count }))
        }
        "same" | "changed" => {
            let (rest, target) = target_arg(rest)?;
            let (rest, var) = preceded(sp, |i| {
                variable(i).or_else(|_| {
                    fail(
                        SyntaxError::new(i, "expected a Variable holding the earlier pid")
                            .hint(usage),
                    )
                })
            })
            .parse(rest)?;
            let var = var.to_string();
            let expectation = if form == "same" {
                Expectation::Same { target, var }
            } else {
                Expectation::Changed { target, var }
            };
            Ok((rest, expectation))
        }
        "reply" => {
            let (rest, target) = target_arg(rest)?;
            let (rest, request) = preceded(sp, |i| required_term(i, VALUE)).parse(rest)?;
            let (rest, pattern) = pattern_arg(rest)?;
            Ok((
                rest,
                Expectation::Reply {
                    target,
                    request,
                    pattern,
                },
            ))
        }
        other => fail(unknown_option(
            input,
            other,
            "expectation",
            EXPECTATION_FORMS,
        )),
    }
}

fn usage(form: &str) -> &'static str {
    match form {
        "alive" => "expect alive TARGET",
        "dead" => "expect dead TARGET [REASON]",
        "message" => "expect message TARGET PATTERN",
        "no_message" => "expect no_message TARGET PATTERN",
        "restarts" => "expect restarts SUP/ID N",
        "children" => "expect children SUP N",
        "same" => "expect same TARGET Var",
        "changed" => "expect changed TARGET Var",
        "reply" => "expect reply TARGET REQUEST PATTERN",
        _ => "expect alive|dead|message|no_message|restarts|children|same|changed|reply ...",
    }
}

/// A non-negative count, e.g. the `2` in `expect restarts demo/w1 2`.
fn count(input: &str) -> PResult<'_, u64> {
    let digits = input
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(input.len());
    match input[..digits].parse::<u64>() {
        Ok(n) => Ok((&input[digits..], n)),
        Err(_) => fail(SyntaxError::new(input, "expected a count, e.g. 2")),
    }
}
