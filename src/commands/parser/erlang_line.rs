//! Lines that are no command: Erlang at the prompt.
//!
//! The shell speaks Erlang too (`X = lists:seq(1, 3).`, `self() ! hello`,
//! `flush().`). A statement is read as a command first; only when the
//! command parser rejects it is it read as an Erlang expression sequence
//! (`crate::erlang::syntax::parse_exprs`), so where a line reads both ways
//! (`P ! msg`, `self`, `[1, 2]`) the command wins, as `help` says. A line
//! written as a call (`help()`, `exit(P, kill)`) is the exception: no
//! command is written so, and it is read as Erlang first.
//!
//! Two cases keep the command's reading even though the Erlang one parses,
//! because the presenter surely meant a command:
//!
//! - a command word followed by anything but `(`, `:` or `.` (`spawn
//!   counter as`, `kill`): a command written wrong gets the command's usage,
//!   not the value of the atom `kill`;
//! - a lone word one letter from a command (`tre`, `flsh`): "did you
//!   mean `tree`?" beats printing the atom `tre` (`tre.`, with its dot, is
//!   Erlang; so are `hello` and the booleans `true` and `false`).
//!
//! When neither reading parses, the error shown is the one for what the
//! line looks like: Erlang's (with its caret) for a line with a call, an
//! operator, `->` or a final `.`; the command's otherwise.

use crate::commands::ast::Command;
use crate::commands::{help, suggest};
use crate::diagnostics::Diagnostic;

/// The Erlang keywords that start an expression and are commands too
/// (`receive`): for them the Erlang reading is always open.
const ERLANG_FIRST_WORDS: &[&str] = &["receive", "case", "if", "begin", "fun", "try", "catch"];

/// Whether `text` starts as a call, `name(`: no command is written so
/// (`help()`, `exit(P, kill)`), so the Erlang reading goes first.
pub(super) fn starts_as_call(text: &str) -> bool {
    let (word, rest) = first_word(text);
    !word.is_empty() && word.starts_with(|c: char| c.is_ascii_lowercase()) && rest.starts_with('(')
}

/// The statement `text` read as Erlang, after the command parser gave
/// `command_error`: the command, or the error that fits the line best.
pub(super) fn fallback(
    text: &str,
    command_error: Diagnostic,
    start_of: Placement<'_>,
) -> Result<Command, Diagnostic> {
    if !erlang_allowed(text) {
        return Err(command_error);
    }
    match crate::erlang::syntax::parse_exprs(text) {
        Ok(_) => Ok(Command::Erlang(text.to_string())),
        Err(_) if reads_as_elixir(text) => Ok(Command::Elixir(text.to_string())),
        Err(error) if looks_like_erlang(text) => Err(start_of.place(error)),
        Err(_) => Err(command_error),
    }
}

/// Where the statement starts in the whole source, to move an error found
/// in the statement's text to the line and column the presenter sees.
pub(super) struct Placement<'a> {
    /// The 1-based line and column of the statement's first character.
    pub line: usize,
    pub column: usize,
    /// The whole source, for the quoted line.
    pub source: &'a str,
}

impl Placement<'_> {
    fn place(&self, mut error: Diagnostic) -> Diagnostic {
        if error.line == 1 {
            error.column += self.column - 1;
        }
        error.line += self.line - 1;
        error.source_line = self
            .source
            .split('\n')
            .nth(error.line - 1)
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_string();
        // The caret stays on the line: at most just past its end, and the
        // underline no longer than what is left of it.
        let width = error.source_line.chars().count();
        error.column = error.column.min(width + 1);
        error.len = error.len.min(width + 1 - error.column).max(1);
        error
    }
}

/// The first word of `text` and what follows it.
fn first_word(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Whether the Erlang reading of `text` may be taken (see the module docs).
fn erlang_allowed(text: &str) -> bool {
    let (word, rest) = first_word(text);
    if word.is_empty() || ERLANG_FIRST_WORDS.contains(&word) {
        return true;
    }
    let is_command = help::lookup(word).is_some();
    if is_command {
        return rest.starts_with(['(', ':', '.']);
    }
    let lone_word = rest.trim().is_empty() && !BOOLEANS.contains(&word);
    let typo = suggest::closest(word, help::command_names())
        .is_some_and(|close| close.starts_with(word) || suggest::edit_distance(word, close) == 1);
    !(lone_word && typo)
}

/// Whether `text` is Elixir that is neither a command nor Erlang
/// (`send(pid, :hi)`, `x = %{a: 1}`): it parses as Elixir, shows
/// something only Elixir writes (an atom `:ok`, `%{`, `|>`, `fn`, `do`,
/// `f.(x)`, `Mod.fun`, a string, `&`), and has no words in a row (`x =
/// spawn counter` is a command written wrong, not the Elixir call
/// `spawn(counter)`).
fn reads_as_elixir(text: &str) -> bool {
    use crate::elixir::lexer::Tok;
    let Ok(tokens) = crate::elixir::lexer::tokenize(text) else {
        return false;
    };
    // Elixir's special forms take their first argument without brackets
    // (`case x do`, `for y <- list, do: y`): a word after one of them is
    // that argument, not a command written wrong.
    let words_in_a_row = tokens.windows(2).any(|pair| {
        matches!(
            (&pair[0].tok, &pair[1].tok),
            (Tok::Ident(word), Tok::Ident(_) | Tok::Int(_)) if !ELIXIR_FORMS.contains(&word.as_str())
        )
    });
    let elixir_only = tokens.iter().any(|token| {
        matches!(
            token.tok,
            Tok::Atom(_)
                | Tok::Str(_)
                | Tok::Alias(_)
                | Tok::Key(_)
                | Tok::CaptureArg(_)
                | Tok::Kw("fn" | "do" | "nil")
                | Tok::Op(
                    "%" | "|>"
                        | "&"
                        | "<>"
                        | "."
                        | "==="
                        | "!=="
                        | "!="
                        | "&&"
                        | "||"
                        | ".."
                        | "//"
                )
        )
    });
    !words_in_a_row
        && elixir_only
        && crate::elixir::parser::Parser::new(text, tokens)
            .program()
            .is_ok()
}

/// Elixir's special forms whose first argument follows them as a word.
const ELIXIR_FORMS: &[&str] = &["case", "if", "unless", "for", "with"];

/// Lone words that are Erlang values first, however close to a command
/// (`true` is one letter from `tree`).
const BOOLEANS: &[&str] = &["true", "false"];

/// Whether a line that is neither a command nor Erlang was meant as Erlang.
fn looks_like_erlang(text: &str) -> bool {
    let (word, rest) = first_word(text);
    let is_command = help::lookup(word).is_some() && !ERLANG_FIRST_WORDS.contains(&word);
    if is_command && !rest.starts_with(['(', ':']) {
        return false;
    }
    text.trim_end().ends_with('.')
        || text.contains("->")
        || rest.starts_with(['(', ':'])
        || ERLANG_FIRST_WORDS.contains(&word)
        || text.contains(['+', '*', '/'])
}

#[cfg(test)]
mod tests {
    use crate::commands::ast::Command;
    use crate::commands::parse_line;

    fn command(line: &str) -> Command {
        parse_line(line).unwrap().unwrap().command
    }

    #[test]
    fn a_line_that_is_no_command_is_read_as_erlang() {
        for line in [
            "1 + 2",
            "X = lists:seq(1, 3).",
            "self() ! hello.",
            "flush().",
            "receive X -> X after 0 -> none end",
            "spawn(fun() -> ok end).",
            "ok.",
            "world",
            "hello",
            "true",
            "false",
        ] {
            assert_eq!(command(line), Command::Erlang(line.to_string()), "{line}");
        }
    }

    #[test]
    fn where_a_line_reads_both_ways_the_command_wins() {
        assert!(matches!(command("self ! hello"), Command::Send { .. }));
        assert!(matches!(command("X = {a, 1}"), Command::Assign { .. }));
        assert!(matches!(command("[1, 2]"), Command::Eval(_)));
        assert!(matches!(command("flush"), Command::Flush));
        assert!(matches!(command("help"), Command::Help(None)));
        // Written as a call, it is Erlang's (no command is written so).
        assert_eq!(command("help()."), Command::Erlang("help().".into()));
    }

    #[test]
    fn a_command_written_wrong_keeps_the_command_error() {
        let error = parse_line("spawn counter as").unwrap_err();
        assert!(
            error.message.contains("name") || error.hint.is_some(),
            "{error:?}"
        );
        assert!(parse_line("kill").is_err());
        let typo = parse_line("tre").unwrap_err();
        assert_eq!(typo.hint.as_deref(), Some("did you mean `tree`?"));
    }

    #[test]
    fn a_line_that_is_only_elixir_is_read_as_elixir() {
        for line in [
            "send(self(), :hi)",
            "x = %{a: 1}",
            "Counter.start(0) |> Process.alive?()",
            "for id <- [:a, :b], do: id",
            "case x do\n  1 -> :one\n  _ -> :other\nend",
            "if x == 1 do\n  :yes\nend",
            "unless x == 1, do: :no, else: :yes",
        ] {
            assert_eq!(command(line), Command::Elixir(line.to_string()), "{line}");
        }
        let words = parse_line("spwan counter").unwrap_err();
        assert_eq!(words.message, "unknown command `spwan`");
    }

    #[test]
    fn broken_erlang_gets_the_erlang_error_at_its_place() {
        let error = parse_line("  X = lists:seq(1, ).").unwrap_err();
        assert_eq!((error.line, error.column), (1, 20), "{error:?}");
        assert_eq!(error.source_line, "  X = lists:seq(1, ).");
        let words = parse_line("spwan counter").unwrap_err();
        assert_eq!(words.message, "unknown command `spwan`");
    }
}
