//! Exit reasons as event lines show them: compactly.
//!
//! An error raised in process code ends the process with OTP's
//! `{Error, Stack}`, e.g. `{{badmatch,2},[{counter,loop,1,[{line,4}]}]}`:
//! the whole term is what `info` and `expect dead` see, but an event line
//! read from the back of a room wants `{badmatch,2} in counter:loop/1 line 4`.
//! Any other reason prints as itself.

use crate::runtime::{Atom, Term};

/// [`compact`] in the style's syntax: in Elixir's, the error as the
/// exception Elixir raises for it, `(MatchError) no match of right hand
/// side value: 2 in :counter.loop/1 line 4`, and any other reason as
/// `inspect` writes it, `:boom`.
pub fn compact_in(reason: &Term, style: &crate::style::Style) -> String {
    if style.syntax == super::Syntax::Erlang {
        return compact(reason);
    }
    let Some((error, stack, (m, f, arity, line))) = place(reason) else {
        return super::shown_in(reason, style);
    };
    let (exception, message) = super::elixir_reason::normalize(error, &stack);
    let mut mfa = String::new();
    crate::runtime::term::elixir_text::write_atom(&mut mfa, m.as_atom().map_or("", |a| a.name()));
    mfa.push('.');
    crate::runtime::term::elixir_text::write_remote_name(
        &mut mfa,
        f.as_atom().map_or("", |a| a.name()),
    );
    // A FunctionClauseError names its function already; say only the line.
    let place = format!("{mfa}/{arity}");
    let named = message.ends_with(&format!(" in {place}"));
    match (line, named) {
        (Some(line), true) => format!("({exception}) {message} line {line}"),
        (None, true) => format!("({exception}) {message}"),
        (Some(line), false) => format!("({exception}) {message} in {place} line {line}"),
        (None, false) => format!("({exception}) {message} in {place}"),
    }
}

/// An exit reason `{Error, Stack}`: the error, the frames, and the frame
/// [`compact`] names.
#[allow(clippy::type_complexity)]
fn place(reason: &Term) -> Option<(&Term, Vec<Term>, (Term, Term, usize, Option<i64>))> {
    let [error, stack] = reason.as_tuple()? else {
        return None;
    };
    let stack = stack.list_to_vec()?;
    let frames: Vec<(&Term, &Term, usize, Option<i64>)> =
        stack.iter().filter_map(parse_frame).collect();
    if frames.is_empty() || frames.len() != stack.len() {
        return None;
    }
    let (m, f, arity, line) = frames
        .iter()
        .find(|(.., line)| line.is_some())
        .copied()
        .unwrap_or(frames[0]);
    let chosen = (m.clone(), f.clone(), arity, line);
    Some((error, stack.clone(), chosen))
}

/// An exit reason, compactly, for event lines: the error and where it
/// happened, `{badmatch,2} in counter:loop/1 line 4`. The place is the
/// innermost frame of the playground's own code that has a line (a BIF's
/// frame is skipped: `badarith in counter:loop/1 line 4` says more than
/// `in erlang:'+'/2`). A reason without a stack prints as itself.
pub fn compact(reason: &Term) -> String {
    let Some([error, stack]) = reason.as_tuple() else {
        return super::shown(reason);
    };
    let Some(stack) = stack.list_to_vec() else {
        return super::shown(reason);
    };
    let frames: Vec<(&Term, &Term, usize, Option<i64>)> =
        stack.iter().filter_map(parse_frame).collect();
    if frames.is_empty() || frames.len() != stack.len() {
        return super::shown(reason);
    }
    let (m, f, arity, line) = frames
        .iter()
        .find(|(.., line)| line.is_some())
        .copied()
        .unwrap_or(frames[0]);
    let error = super::shown(error);
    match line {
        Some(line) => format!("{error} in {m}:{f}/{arity} line {line}"),
        None => format!("{error} in {m}:{f}/{arity}"),
    }
}

fn parse_frame(frame: &Term) -> Option<(&Term, &Term, usize, Option<i64>)> {
    let [m, f, arity, location] = frame.as_tuple()? else {
        return None;
    };
    if m.as_atom().is_none() || f.as_atom().is_none() || !location.is_list() {
        return None;
    }
    let arity = match (arity.as_int(), arity.list_len()) {
        (Some(n), _) => usize::try_from(n).ok()?,
        (None, Some(len)) => len,
        _ => return None,
    };
    let line = location.iter_list().find_map(|item| {
        let [key, value] = item.as_tuple()? else {
            return None;
        };
        (key.is_atom(Atom::new("line")))
            .then(|| value.as_int())
            .flatten()
    });
    Some((m, f, arity, line))
}
