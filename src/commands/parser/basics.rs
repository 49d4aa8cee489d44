//! Building blocks shared by every parser: the error type nom threads
//! through, whitespace and comments, words and keywords, and helpers that
//! turn "this did not match" into a specific message at the right column.
//!
//! Every parser here is a plain function `&str -> PResult<T>`, so nom's
//! combinators (`alt`, `opt`, `preceded`, ...) compose them directly.
//!
//! Two error strengths matter, as in nom itself: `nom::Err::Error` means
//! "not this alternative, try another", and `nom::Err::Failure` means "this
//! is definitely what the user meant, and it is wrong here". Failures carry
//! the message the presenter will see, so they are raised as soon as the
//! parser knows enough (usually right after a command word or keyword).

use crate::commands::suggest::closest;
use nom::Parser;
use nom::error::ErrorKind;

/// What went wrong, pointing into the statement's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyntaxError<'a> {
    /// The rest of the input where the problem starts; its length tells the
    /// position, since it is always a suffix of the statement.
    pub at: &'a str,
    /// Characters to underline.
    pub len: usize,
    /// `None` for nom's anonymous "did not match", which is only useful
    /// while alternatives are still being tried.
    pub message: Option<String>,
    pub expected: Vec<String>,
    pub hint: Option<String>,
}

impl<'a> SyntaxError<'a> {
    pub fn new(at: &'a str, message: impl Into<String>) -> Self {
        SyntaxError {
            at,
            len: token_width(at),
            message: Some(message.into()),
            expected: Vec::new(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint.or(self.hint);
        self
    }

    pub fn expected(mut self, options: &[&str]) -> Self {
        self.expected = options.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn underline(mut self, len: usize) -> Self {
        self.len = len;
        self
    }
}

impl<'a> nom::error::ParseError<&'a str> for SyntaxError<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        SyntaxError {
            at: input,
            len: token_width(input),
            message: None,
            expected: Vec::new(),
            hint: None,
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    /// Between two failed alternatives, keep the one that says something,
    /// else the one that got further: it is closer to what was meant.
    fn or(self, other: Self) -> Self {
        match (&self.message, &other.message) {
            (Some(_), None) => self,
            (None, Some(_)) => other,
            _ if self.at.len() < other.at.len() => self,
            _ => other,
        }
    }
}

pub(crate) type PResult<'a, T> = nom::IResult<&'a str, T, SyntaxError<'a>>;

/// Gives up on the whole statement with `error`.
pub(crate) fn fail<'a, T>(error: SyntaxError<'a>) -> PResult<'a, T> {
    Err(nom::Err::Failure(error))
}

/// Runs `parser`; if it does not match (or fails without saying why), fails
/// with the error `on_missing` builds at the position where it was tried.
/// A failure that already has a message is deeper and more precise, so it
/// passes through untouched.
pub(crate) fn require<'a, O>(
    mut parser: impl Parser<&'a str, Output = O, Error = SyntaxError<'a>>,
    on_missing: impl Fn(&'a str) -> SyntaxError<'a>,
) -> impl FnMut(&'a str) -> PResult<'a, O> {
    move |input| match parser.parse(input) {
        Err(nom::Err::Error(_)) => fail(on_missing(input)),
        Err(nom::Err::Failure(e)) if e.message.is_none() => fail(on_missing(input)),
        other => other,
    }
}

/// How many characters the token starting at `input` spans, for the caret.
pub(crate) fn token_width(input: &str) -> usize {
    let mut chars = input.chars();
    match chars.next() {
        None => 0,
        Some(c) if is_word_char(c) || c == '-' => {
            1 + chars.take_while(|&c| is_word_char(c) || c == '.').count()
        }
        Some(_) => 1,
    }
}

/// True when `input` starts a `#` comment. `#Ref<0.7>` (how references
/// print) and `#{` (a map, `#{count => 1}`) are the two things starting
/// with `#` that are not comments.
pub(crate) fn is_comment_start(input: &str) -> bool {
    input.starts_with('#') && !input.starts_with("#Ref<") && !input.starts_with("#{")
}

/// Skips spaces, tabs and a trailing comment, but not a newline: within a
/// command, a newline ends the command.
pub(crate) fn sp(input: &str) -> PResult<'_, ()> {
    let rest = input.trim_start_matches([' ', '\t', '\r']);
    if is_comment_start(rest) {
        let end = rest.find('\n').unwrap_or(rest.len());
        return Ok((&rest[end..], ()));
    }
    Ok((rest, ()))
}

/// Skips all whitespace, newlines and comments: used inside brackets, where
/// a term may span lines.
pub(crate) fn ws(mut input: &str) -> PResult<'_, ()> {
    loop {
        let (rest, ()) = sp(input)?;
        match rest.strip_prefix('\n') {
            Some(after) => input = after,
            None => return Ok((rest, ())),
        }
    }
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '@'
}

/// A bare word: a letter or `_`, then letters, digits, `_` or `@`.
pub(crate) fn word(input: &str) -> PResult<'_, &str> {
    let starts_word = input
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !starts_word {
        return no_match(input);
    }
    let end = input.find(|c| !is_word_char(c)).unwrap_or(input.len());
    Ok((&input[end..], &input[..end]))
}

/// "Not this alternative": a soft error that lets `alt` try the next one.
pub(crate) fn no_match<'a, T>(input: &'a str) -> PResult<'a, T> {
    use nom::error::ParseError;
    Err(nom::Err::Error(SyntaxError::from_error_kind(
        input,
        ErrorKind::Tag,
    )))
}

/// Exactly the word `expected` (so `link` does not match the start of `linked`).
pub(crate) fn keyword<'a>(expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |input| match word(input) {
        Ok((rest, found)) if found == expected => Ok((rest, found)),
        _ => no_match(input),
    }
}

/// True when a word that starts with an uppercase letter (or `_X`) is a variable.
pub(crate) fn is_variable(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_ascii_uppercase() => true,
        Some('_') => chars.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// A variable name: `W`, `Pid2`, `_Ignored`.
pub(crate) fn variable(input: &str) -> PResult<'_, &str> {
    match word(input) {
        Ok((rest, found)) if is_variable(found) => Ok((rest, found)),
        _ => no_match(input),
    }
}

/// Succeeds at the end of a command, allowing trailing spaces, comments and
/// blank lines; otherwise fails on the first unexpected token with `hint`.
pub(crate) fn end_of_command<'a>(input: &'a str, hint: &str) -> PResult<'a, ()> {
    let (rest, ()) = ws(input)?;
    if rest.is_empty() {
        return Ok((rest, ()));
    }
    let token = token_text(rest);
    fail(SyntaxError::new(rest, format!("unexpected `{token}`")).hint(hint))
}

/// Text of the token at `input`, for messages such as "unknown command `x`".
/// Only its first line: a quoted atom or string left open runs on over the
/// next lines, and the message is one line (the caret shows where).
pub(crate) fn token_text(input: &str) -> String {
    let token: String = input.chars().take(token_width(input).max(1)).collect();
    one_line(&token)
}

/// `text` up to its first line break (then `...`), for a message's header.
pub(crate) fn one_line(text: &str) -> String {
    match text.split_once('\n') {
        Some((first, _)) => format!("{}...", first.trim_end_matches('\r')),
        None => text.to_owned(),
    }
}

/// "unknown option `lnk`", with the closest valid word as a hint.
pub(crate) fn unknown_option<'a>(
    at: &'a str,
    found: &str,
    what: &str,
    valid: &[&str],
) -> SyntaxError<'a> {
    let hint = closest(found, valid.iter().copied()).map(|near| format!("did you mean `{near}`?"));
    SyntaxError::new(at, format!("unknown {what} `{found}`"))
        .expected(valid)
        .maybe_hint(hint)
}

/// One of a fixed set of words, e.g. `on`/`off`, failing with `message`
/// and a "did you mean" hint.
pub(crate) fn one_of<'a, T: Copy>(
    input: &'a str,
    choices: &[(&str, T)],
    message: &str,
) -> PResult<'a, T> {
    let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
    let found = word(input).ok();
    if let Some((rest, found)) = found
        && let Some((_, value)) = choices.iter().find(|(name, _)| *name == found)
    {
        return Ok((rest, *value));
    }
    let hint = found
        .and_then(|(_, found)| closest(found, names.iter().copied()))
        .map(|near| format!("did you mean `{near}`?"));
    fail(
        SyntaxError::new(input, message)
            .expected(&names)
            .maybe_hint(hint),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sp_stops_at_newline_but_ws_does_not() {
        assert_eq!(sp("  # note\nnext").unwrap().0, "\nnext");
        assert_eq!(ws("  # note\n\n  next").unwrap().0, "next");
    }

    #[test]
    fn a_token_in_a_message_is_cut_at_its_first_line() {
        // Found by the fuzz run: a quoted atom spanning lines put the whole
        // of them into the error's header.
        assert_eq!(one_line("\nX = spawn counter\n"), "...");
        assert_eq!(one_line("a\r\nb"), "a...");
        assert_eq!(token_text("spwan counter"), "spwan");
    }

    #[test]
    fn a_ref_is_not_a_comment() {
        assert_eq!(sp(" #Ref<0.7>").unwrap().0, "#Ref<0.7>");
    }

    #[test]
    fn keyword_matches_whole_words_only() {
        assert!(keyword("link")("link c").is_ok());
        assert!(keyword("link")("linked").is_err());
    }

    #[test]
    fn variables_are_capitalised() {
        assert!(is_variable("W"));
        assert!(is_variable("_Pid"));
        assert!(!is_variable("_"));
        assert!(!is_variable("counter"));
    }
}
