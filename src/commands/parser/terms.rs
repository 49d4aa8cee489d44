//! Terms (messages, exit reasons, patterns, kind arguments) and durations.
//!
//! Terms are written like Erlang: `ok`, `'EXIT'`, `42`, `-1.5`, `"text"`,
//! `{a, 1}`, `[1, 2]`, `#{count => 1}`, `<0.42.0>`, `#Ref<0.7>`, `Var`,
//! `self`, and `_` in patterns (where a map is `#{count := N}`, as in
//! Erlang). Where a term stands decides two extras, given as `TermRules`:
//! `_` is only meaningful in a pattern, and a duration such as `500ms` only
//! as a kind argument like `ticker(500ms)`. Refusing them elsewhere gives
//! the presenter a clear message instead of a confusing runtime result.
//!
//! Inside brackets a term may span lines, so `ws` (which skips newlines and
//! comments) separates elements there.
//!
//! Brackets nest at most [`MAX_DEPTH`] deep (the process language's limit):
//! the parser is recursive, and so are the evaluator and the views that
//! take a term apart, so a term typed 8,000 brackets deep would overflow
//! the stack. Deeper input is an error at the first bracket too many.

use std::time::Duration;

use nom::Parser;
use nom::character::complete::char;

use super::basics::{
    PResult, SyntaxError, fail, is_comment_start, is_variable, is_word_char, no_match, require,
    token_text, word, ws,
};
use crate::commands::ast::TermExpr;

use crate::erlang::syntax::MAX_DEPTH;

/// Which optional term forms are allowed where a term is being parsed, and
/// how many brackets are already open around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermRules {
    pub wildcards: bool,
    pub durations: bool,
    pub depth: usize,
}

impl TermRules {
    /// The same rules one bracket further in.
    fn inside(self) -> TermRules {
        TermRules {
            depth: self.depth + 1,
            ..self
        }
    }
}

/// A message, reason or request: no `_`, no durations.
pub(crate) const VALUE: TermRules = TermRules {
    wildcards: false,
    durations: false,
    depth: 0,
};
/// A pattern for `receive` and `expect`: `_` matches anything.
pub(crate) const PATTERN: TermRules = TermRules {
    wildcards: true,
    durations: false,
    depth: 0,
};
/// An argument of a process kind, such as the `1s` in `ticker(1s)`.
pub(crate) const KIND_ARG: TermRules = TermRules {
    wildcards: false,
    durations: true,
    depth: 0,
};

pub(crate) const EXPECTED_TERM: &str =
    "expected a term: an atom, a number, \"text\", {tuple}, [list], #{map}, <0.N.0> or a Variable";

pub(crate) const EXPECTED_DURATION: &str = "expected a duration like 250ms, 5s or 1m";

/// A term, failing with a helpful message when none is there.
pub(crate) fn required_term(input: &str, rules: TermRules) -> PResult<'_, TermExpr> {
    require(|i| term(i, rules), |at| SyntaxError::new(at, EXPECTED_TERM)).parse(input)
}

/// A term, or a soft `no_match` when the input does not start like one.
pub(crate) fn term(input: &str, rules: TermRules) -> PResult<'_, TermExpr> {
    let Some(first) = input.chars().next() else {
        return no_match(input);
    };
    match first {
        '{' => sequence(input, rules, '{', '}').map(|(rest, items)| (rest, TermExpr::Tuple(items))),
        '[' => sequence(input, rules, '[', ']').map(|(rest, items)| (rest, TermExpr::List(items))),
        '"' => string(input).map(|(rest, text)| (rest, TermExpr::Str(text))),
        '\'' => quoted_atom(input).map(|(rest, name)| (rest, TermExpr::Atom(name))),
        '<' => pid(input).map(|(rest, n)| (rest, TermExpr::Pid(n))),
        '#' if input.starts_with("#{") => map(input, rules),
        '#' if !is_comment_start(input) => reference(input),
        '-' | '0'..='9' => number_or_duration(input, rules),
        _ => word_term(input, rules),
    }
}

/// `self`, `_`, a variable or an atom.
fn word_term(input: &str, rules: TermRules) -> PResult<'_, TermExpr> {
    let (rest, found) = word(input)?;
    let expr = match found {
        "self" => TermExpr::SelfPid,
        "_" if rules.wildcards => TermExpr::Wildcard,
        "_" => {
            return fail(
                SyntaxError::new(input, "`_` can only be used in a pattern")
                    .hint("patterns appear in `receive` and `expect`; here, write a value"),
            );
        }
        name if is_variable(name) => TermExpr::Var(name.to_string()),
        name => TermExpr::Atom(name.to_string()),
    };
    Ok((rest, expr))
}

/// `{a, b}` or `[a, b]`: elements separated by commas, across lines if need be.
pub(crate) fn sequence(
    input: &str,
    rules: TermRules,
    open: char,
    close: char,
) -> PResult<'_, Vec<TermExpr>> {
    let (mut rest, _) = char(open).parse(input)?;
    if rules.depth >= MAX_DEPTH {
        return fail(too_deep(input));
    }
    let rules = rules.inside();
    let mut items = Vec::new();
    (rest, ()) = ws(rest)?;
    if let Ok((after, _)) = char::<_, SyntaxError>(close).parse(rest) {
        return Ok((after, items));
    }
    loop {
        let (after_item, item) = required_term(rest, rules)?;
        items.push(item);
        let (after_ws, ()) = ws(after_item)?;
        rest = after_ws;
        match rest.chars().next() {
            Some(',') => (rest, ()) = ws(&rest[1..])?,
            Some(c) if c == close => return Ok((&rest[1..], items)),
            None => {
                return fail(
                    SyntaxError::new(input, format!("this `{open}` is never closed"))
                        .underline(1)
                        .hint(format!("add a `{close}` after the last element")),
                );
            }
            Some(_) => {
                return fail(SyntaxError::new(
                    rest,
                    format!("expected `,` or `{close}`, found `{}`", token_text(rest)),
                ));
            }
        }
    }
}

/// `#{K => V, ...}`, or `#{K := P, ...}` in a pattern: Erlang's two
/// operators, each where Erlang allows it. The keys are values (no `_`).
fn map(input: &str, rules: TermRules) -> PResult<'_, TermExpr> {
    let (wanted, other) = if rules.wildcards {
        (":=", "=>")
    } else {
        ("=>", ":=")
    };
    if rules.depth >= MAX_DEPTH {
        return fail(too_deep(input));
    }
    let rules = rules.inside();
    let mut rest = &input[2..];
    (rest, ()) = ws(rest)?;
    let mut fields = Vec::new();
    if let Some(after) = rest.strip_prefix('}') {
        return Ok((after, TermExpr::Map(fields)));
    }
    let key_rules = TermRules {
        wildcards: false,
        ..rules
    };
    loop {
        let (after_key, key) = required_term(rest, key_rules)?;
        let (after_ws, ()) = ws(after_key)?;
        rest = match after_ws.strip_prefix(wanted) {
            Some(after) => after,
            None if after_ws.starts_with(other) => {
                let message = if rules.wildcards {
                    "in a pattern, a map's key is matched with `:=`"
                } else {
                    "`:=` matches a key in a pattern; a map is built with `=>`"
                };
                return fail(
                    SyntaxError::new(after_ws, message)
                        .underline(2)
                        .hint(format!("write #{{key {wanted} ...}}")),
                );
            }
            None => {
                return fail(
                    SyntaxError::new(
                        after_ws,
                        format!(
                            "expected `{wanted}` after a map key, found `{}`",
                            token_text(after_ws)
                        ),
                    )
                    .hint(format!("a map is written #{{count {wanted} 1}}")),
                );
            }
        };
        (rest, ()) = ws(rest)?;
        let (after_value, value) = required_term(rest, rules)?;
        fields.push((key, value));
        (rest, ()) = ws(after_value)?;
        match rest.chars().next() {
            Some(',') => (rest, ()) = ws(&rest[1..])?,
            Some('}') => return Ok((&rest[1..], TermExpr::Map(fields))),
            None => {
                return fail(
                    SyntaxError::new(input, "this `#{` is never closed")
                        .underline(2)
                        .hint("add a `}` after the last field"),
                );
            }
            Some(_) => {
                return fail(SyntaxError::new(
                    rest,
                    format!("expected `,` or `}}`, found `{}`", token_text(rest)),
                ));
            }
        }
    }
}

/// The error at the bracket that opens one level too many (shared with
/// `sup` blocks, which nest the same way).
pub(crate) fn too_deep(at: &str) -> SyntaxError<'_> {
    SyntaxError::new(at, "nested too deep")
        .underline(1)
        .hint(format!(
            "the playground allows {MAX_DEPTH} levels of brackets and blocks; flatten this one"
        ))
}

/// `"text"` with the escapes `\n`, `\t`, `\"` and `\\`.
pub(crate) fn string(input: &str) -> PResult<'_, String> {
    delimited_text(input, '"', "string")
}

/// `'Quoted atom'`: any text, for atoms that are not plain lowercase words.
pub(crate) fn quoted_atom(input: &str) -> PResult<'_, String> {
    delimited_text(input, '\'', "quoted atom")
}

fn delimited_text<'a>(input: &'a str, quote: char, what: &str) -> PResult<'a, String> {
    let Some(body) = input.strip_prefix(quote) else {
        return no_match(input);
    };
    let mut text = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            c if c == quote => return Ok((&body[i + c.len_utf8()..], text)),
            '\\' => match chars.next() {
                Some((_, 'n')) => text.push('\n'),
                Some((_, 't')) => text.push('\t'),
                Some((_, escaped)) => text.push(escaped),
                None => break,
            },
            c => text.push(c),
        }
    }
    fail(
        SyntaxError::new(input, format!("this {what} is never closed"))
            .underline(1)
            .hint(format!("add a closing {quote}")),
    )
}

/// `<0.N.0>`, returning `N`.
pub(crate) fn pid(input: &str) -> PResult<'_, u64> {
    let Some(body) = input.strip_prefix('<') else {
        return no_match(input);
    };
    let malformed = || {
        let width = input
            .find('>')
            .map_or(1, |end| input[..=end].chars().count());
        fail(SyntaxError::new(input, "pids are written <0.N.0>, e.g. <0.42.0>").underline(width))
    };
    let Some(end) = body.find('>') else {
        return malformed();
    };
    let parts: Vec<&str> = body[..end].split('.').collect();
    match parts.as_slice() {
        ["0", n, "0"] => match n.parse::<u64>() {
            Ok(n) => Ok((&body[end + 1..], n)),
            Err(_) => malformed(),
        },
        _ => malformed(),
    }
}

/// `#Ref<0.N>`, as `monitor` prints it.
fn reference(input: &str) -> PResult<'_, TermExpr> {
    let Some(body) = input.strip_prefix("#Ref<0.") else {
        return no_match(input);
    };
    let digits = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    match (
        body[..digits].parse::<u64>(),
        body[digits..].strip_prefix('>'),
    ) {
        (Ok(n), Some(rest)) => Ok((rest, TermExpr::Ref(n))),
        _ => fail(SyntaxError::new(
            input,
            "references are written #Ref<0.N>, e.g. #Ref<0.7>",
        )),
    }
}

/// The pieces of a numeric literal: its text, and the unit glued to it.
struct Numeral<'a> {
    text: &'a str,
    unit: &'a str,
    is_float: bool,
}

/// `42`, `-1.5`, `2.0e3`, optionally with a unit: `250ms`, `1.5s`.
fn numeral(input: &str) -> PResult<'_, Numeral<'_>> {
    let digits_end = |s: &str, from: usize| {
        from + s[from..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(s.len() - from)
    };
    let start = usize::from(input.starts_with('-'));
    let mut end = digits_end(input, start);
    if end == start {
        return no_match(input);
    }
    let mut is_float = false;
    // A fraction needs a digit after the dot, so `{1.x}` is not a float.
    if input[end..].starts_with('.') && input[end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        end = digits_end(input, end + 1);
        is_float = true;
        let exponent = input[end..]
            .strip_prefix(['e', 'E'])
            .map(|e| e.strip_prefix(['+', '-']).unwrap_or(e));
        if let Some(exp) = exponent.filter(|e| e.starts_with(|c: char| c.is_ascii_digit())) {
            let exp_start = input.len() - exp.len();
            end = digits_end(input, exp_start);
        }
    }
    let unit_len = input[end..]
        .find(|c| !is_word_char(c))
        .unwrap_or(input.len() - end);
    let unit = &input[end..end + unit_len];
    let numeral = Numeral {
        text: &input[..end],
        unit,
        is_float,
    };
    Ok((&input[end + unit_len..], numeral))
}

fn number_or_duration(input: &str, rules: TermRules) -> PResult<'_, TermExpr> {
    let (rest, numeral) = numeral(input)?;
    let width = numeral.text.chars().count() + numeral.unit.chars().count();
    if !numeral.unit.is_empty() {
        let duration = to_duration(input, &numeral)?;
        if !rules.durations {
            let millis = duration.as_millis();
            return fail(
                SyntaxError::new(
                    input,
                    "a duration is only allowed as a kind argument or a timeout",
                )
                .underline(width)
                .hint(format!(
                    "inside a message, write milliseconds as a number: {millis}"
                )),
            );
        }
        return Ok((rest, TermExpr::Duration(duration)));
    }
    if numeral.is_float {
        return match numeral.text.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok((rest, TermExpr::Float(x))),
            _ => fail(SyntaxError::new(input, "this float is too large").underline(width)),
        };
    }
    match numeral.text.parse::<i64>() {
        Ok(n) => Ok((rest, TermExpr::Int(n))),
        Err(_) => {
            fail(SyntaxError::new(input, "this integer does not fit in 64 bits").underline(width))
        }
    }
}

/// Converts a numeral with a unit into a `Duration`, failing on unknown units.
fn to_duration<'a>(
    input: &'a str,
    numeral: &Numeral<'a>,
) -> Result<Duration, nom::Err<SyntaxError<'a>>> {
    let width = numeral.text.chars().count() + numeral.unit.chars().count();
    let seconds_per_unit = match numeral.unit {
        "ms" => 0.001,
        "s" => 1.0,
        "m" => 60.0,
        unit => {
            let unit_at = &input[numeral.text.len()..];
            return Err(nom::Err::Failure(
                SyntaxError::new(unit_at, format!("unknown time unit `{unit}`"))
                    .underline(unit.chars().count())
                    .hint("use ms, s or m, as in 250ms, 5s or 1m"),
            ));
        }
    };
    let value: f64 = numeral.text.parse().unwrap_or(f64::NAN);
    // Whole milliseconds keep `250ms` exact rather than going through f64.
    if numeral.unit == "ms"
        && !numeral.is_float
        && let Ok(ms) = numeral.text.parse::<u64>()
    {
        return Ok(Duration::from_millis(ms));
    }
    Duration::try_from_secs_f64(value * seconds_per_unit).map_err(|_| {
        nom::Err::Failure(
            SyntaxError::new(input, "a duration must be positive and not absurdly long")
                .underline(width),
        )
    })
}

/// A duration such as `250ms`, `5s`, `1.5s` or `1m`.
pub(crate) fn duration(input: &str) -> PResult<'_, Duration> {
    let missing = || SyntaxError::new(input, EXPECTED_DURATION);
    let (rest, numeral) = match numeral(input) {
        Ok(found) => found,
        Err(nom::Err::Error(_)) => return fail(missing()),
        Err(other) => return Err(other),
    };
    if numeral.unit.is_empty() {
        let hint = format!("add a unit: {0}ms, {0}s or {0}m", numeral.text);
        return fail(missing().hint(hint));
    }
    Ok((rest, to_duration(input, &numeral)?))
}

/// A file name: a quoted string, or a run of characters without spaces.
pub(crate) fn file_name(at: &str) -> Option<(&str, String)> {
    if let Ok((rest, quoted)) = string(at) {
        return Some((rest, quoted));
    }
    let end = at.find(char::is_whitespace).unwrap_or(at.len());
    (end > 0 && !at.starts_with('#')).then(|| (&at[end..], at[..end].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str, rules: TermRules) -> TermExpr {
        let (rest, expr) = term(src, rules).unwrap_or_else(|e| panic!("{src}: {e:?}"));
        assert_eq!(rest, "", "left over after {src}");
        expr
    }

    fn atom(name: &str) -> TermExpr {
        TermExpr::Atom(name.into())
    }

    #[test]
    fn scalars() {
        assert_eq!(parse("ok", VALUE), atom("ok"));
        assert_eq!(parse("'A-D'", VALUE), atom("A-D"));
        assert_eq!(parse("42", VALUE), TermExpr::Int(42));
        assert_eq!(parse("-1.5", VALUE), TermExpr::Float(-1.5));
        assert_eq!(parse("2.0e3", VALUE), TermExpr::Float(2000.0));
        assert_eq!(
            parse(r#""a \"b\"\n""#, VALUE),
            TermExpr::Str("a \"b\"\n".into())
        );
        assert_eq!(parse("<0.42.0>", VALUE), TermExpr::Pid(42));
        assert_eq!(parse("#Ref<0.7>", VALUE), TermExpr::Ref(7));
        assert_eq!(parse("Pid", VALUE), TermExpr::Var("Pid".into()));
        assert_eq!(parse("self", VALUE), TermExpr::SelfPid);
    }

    #[test]
    fn nested_terms_may_span_lines() {
        let expected = TermExpr::Tuple(vec![
            atom("a"),
            TermExpr::List(vec![TermExpr::Int(1), TermExpr::Int(2)]),
            TermExpr::Tuple(vec![]),
        ]);
        assert_eq!(parse("{a, [1,2], {}}", VALUE), expected);
        assert_eq!(parse("{a,\n  # why\n  [1, 2],\n {}\n}", VALUE), expected);
    }

    #[test]
    fn wildcards_only_in_patterns() {
        assert_eq!(
            parse("{_, x}", PATTERN),
            TermExpr::Tuple(vec![TermExpr::Wildcard, atom("x")])
        );
        let Err(nom::Err::Failure(e)) = term("{_, x}", VALUE) else {
            panic!()
        };
        assert_eq!(
            e.message.as_deref(),
            Some("`_` can only be used in a pattern")
        );
    }

    #[test]
    fn durations_only_as_kind_arguments() {
        assert_eq!(
            parse("1.5s", KIND_ARG),
            TermExpr::Duration(Duration::from_millis(1500))
        );
        assert_eq!(
            parse("250ms", KIND_ARG),
            TermExpr::Duration(Duration::from_millis(250))
        );
        assert!(matches!(term("5s", VALUE), Err(nom::Err::Failure(_))));
    }

    #[test]
    fn durations() {
        assert_eq!(duration("250ms").unwrap().1, Duration::from_millis(250));
        assert_eq!(duration("5s").unwrap().1, Duration::from_secs(5));
        assert_eq!(duration("1m").unwrap().1, Duration::from_secs(60));
        let Err(nom::Err::Failure(e)) = duration("5") else {
            panic!()
        };
        assert_eq!(e.hint.as_deref(), Some("add a unit: 5ms, 5s or 5m"));
        let Err(nom::Err::Failure(e)) = duration("5h") else {
            panic!()
        };
        assert_eq!(e.message.as_deref(), Some("unknown time unit `h`"));
        assert_eq!(e.at, "h");
    }

    #[test]
    fn maps_are_built_with_arrows_and_matched_with_exact_fields() {
        let built = parse("#{count => 1, {a} => [x]}", VALUE);
        assert_eq!(
            built,
            TermExpr::Map(vec![
                (atom("count"), TermExpr::Int(1)),
                (
                    TermExpr::Tuple(vec![atom("a")]),
                    TermExpr::List(vec![atom("x")])
                ),
            ])
        );
        assert_eq!(parse("#{}", VALUE), TermExpr::Map(vec![]));
        assert_eq!(
            parse("#{count := _}", PATTERN),
            TermExpr::Map(vec![(atom("count"), TermExpr::Wildcard)])
        );
        let Err(nom::Err::Failure(e)) = term("#{a := 1}", VALUE) else {
            panic!()
        };
        assert_eq!(
            e.message.as_deref(),
            Some("`:=` matches a key in a pattern; a map is built with `=>`")
        );
        assert_eq!(e.at, ":= 1}");
        let Err(nom::Err::Failure(e)) = term("#{a => 1}", PATTERN) else {
            panic!()
        };
        assert_eq!(
            e.message.as_deref(),
            Some("in a pattern, a map's key is matched with `:=`")
        );
        let Err(nom::Err::Failure(e)) = term("#{_ := 1}", PATTERN) else {
            panic!()
        };
        assert_eq!(
            e.message.as_deref(),
            Some("`_` can only be used in a pattern"),
            "a key is a value"
        );
        let Err(nom::Err::Failure(e)) = term("#{a => 1", VALUE) else {
            panic!()
        };
        assert_eq!(e.message.as_deref(), Some("this `#{` is never closed"));
    }

    #[test]
    fn unclosed_brackets_point_at_the_opener() {
        let Err(nom::Err::Failure(e)) = term("{a, [1", VALUE) else {
            panic!()
        };
        assert_eq!(e.at, "[1");
        assert_eq!(e.message.as_deref(), Some("this `[` is never closed"));
    }
}
