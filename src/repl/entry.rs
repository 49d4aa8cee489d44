//! One REPL entry as it is typed: the lines so far, and what is open.
//!
//! A statement may span lines (a `sup` block, a `def`, a term over
//! several lines). The editor reads one line at a time and the entry
//! collects them until nothing is left open, which keeps every edit, every
//! redraw and every colouring to the line under the cursor: a pasted
//! 10,000-line `def` arrives as 10,000 short lines, not as one buffer
//! redrawn (and re-coloured) on every key. What the helper needs about the
//! earlier lines is kept as it goes: the bracket scanner's state (is the
//! entry complete, is the text Erlang?) and the colouring lexer's state,
//! each fed every line once.
//!
//! A bracketed paste arrives as one line holding many: the entry then
//! holds several statements, each scanned on its own from the line where
//! it starts, as a script's are (`commands::parser::script`).

use crate::commands::highlight::{LexState, classify_from};
use crate::commands::parser::Scanner;

#[derive(Debug, Default, Clone)]
pub struct Entry {
    /// The lines so far, each ended by `\n`.
    text: String,
    scanner: Scanner,
    colours: LexState,
    /// Where the last line starts in `text`.
    last_line: usize,
    /// Where the statement the scanner reads starts in `text` (its
    /// offsets count from there).
    statement_start: usize,
}

impl Entry {
    /// Adds a line as the presenter entered it (a bracketed paste may hold
    /// several).
    pub fn push(&mut self, line: &str) {
        let start = self.text.len();
        self.text.push_str(line);
        self.text.push('\n');
        let Entry {
            text,
            scanner,
            last_line,
            statement_start,
            ..
        } = self;
        let mut at = start;
        for piece in text[start..].split_inclusive('\n') {
            // A statement that closed at the end of a line is over: the
            // next line starts another, with a fresh first word (`def`).
            if scanner.is_complete() {
                *scanner = Scanner::default();
                *statement_start = at;
            }
            scanner.feed(piece);
            *last_line = at;
            at += piece.len();
        }
        self.colours = classify_from(&self.colours, &self.text[start..]).1;
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// True when nothing is left open: the entry can be run.
    pub fn is_complete(&self) -> bool {
        self.scanner.is_complete()
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the colouring of the next line starts.
    pub fn colours(&self) -> &LexState {
        &self.colours
    }

    /// The indentation the next line starts with: see [`indent_after`].
    pub fn next_indent(&self) -> String {
        let last = self.text[self.last_line..].trim_end_matches(['\n', '\r']);
        let first_line = self.last_line == 0;
        if self.scanner.in_elixir() {
            return elixir_indent_after(last);
        }
        indent_after(self.scanner.in_erlang(), first_line, last)
    }

    /// What keeps the entry open, for the note when it is abandoned:
    /// "`(` opened on line 1 is not closed". `None` when it is complete.
    pub fn what_is_open(&self) -> Option<String> {
        if self.is_complete() {
            return None;
        }
        let line_of = |offset: usize| {
            let at = (self.statement_start + offset).min(self.text.len());
            self.text[..at].matches('\n').count() + 1
        };
        let bracket = self.scanner.unclosed();
        let block = self.scanner.unclosed_block();
        // The innermost of the two is what the next line would have closed.
        Some(match (bracket, block) {
            (Some(('"', at)), _) => {
                format!("the string opened on line {} is not closed", line_of(at))
            }
            (Some(('\'', at)), _) => {
                format!(
                    "the quoted atom opened on line {} is not closed",
                    line_of(at)
                )
            }
            (Some((_, b)), Some((keyword, k))) if k > b => {
                format!("`{keyword}` on line {} has no `end`", line_of(k))
            }
            (Some((opener, at)), _) => {
                format!("`{opener}` opened on line {} is not closed", line_of(at))
            }
            (None, Some((keyword, at))) => {
                format!("`{keyword}` on line {} has no `end`", line_of(at))
            }
            (None, None) => "it is not finished".to_owned(),
        })
    }

    /// The whole entry, leaving this one empty for the next.
    pub fn take(&mut self) -> String {
        std::mem::take(self).text
    }

    pub fn clear(&mut self) {
        *self = Entry::default();
    }
}

/// The indentation of the line after `last` in an unfinished entry. In a
/// `sup` block, four spaces; in a `def` block it follows the code: one
/// level in for the clauses, one more after `->`, `of`, `receive`,
/// `after`, `begin`, `if` or an open bracket, back to the clause level
/// after a function's final `.`, and otherwise the line's own.
pub fn indent_after(in_definition: bool, first_line: bool, last: &str) -> String {
    const LEVEL: &str = "  ";
    if !in_definition {
        return "    ".to_owned();
    }
    if first_line {
        return LEVEL.to_owned();
    }
    let base = &last[..last.len() - last.trim_start().len()];
    let code = last.split('%').next().unwrap_or("").trim_end();
    let opens = ["->", "(", "[", "{"].iter().any(|end| code.ends_with(end))
        || ["of", "receive", "after", "begin", "if"]
            .iter()
            .any(|word| code.split_whitespace().last() == Some(word));
    if opens {
        format!("{base}{LEVEL}")
    } else if code.ends_with('.') {
        LEVEL.to_owned()
    } else {
        base.to_owned()
    }
}

/// The indentation after `last` in an unfinished Elixir entry (a
/// `defmodule`, a `case ... do`): one level in after `do`, `->` or an
/// `fn`'s head, the line's own otherwise.
pub fn elixir_indent_after(last: &str) -> String {
    let base = &last[..last.len() - last.trim_start().len()];
    let code = last.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(" do") || code == "do" || code.ends_with("->") {
        format!("{base}  ")
    } else {
        base.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(lines: &[&str]) -> Entry {
        let mut entry = Entry::default();
        for line in lines {
            entry.push(line);
        }
        entry
    }

    #[test]
    fn an_entry_is_complete_when_nothing_is_open() {
        assert!(entry(&["spawn counter"]).is_complete());
        assert!(!entry(&["sup demo {"]).is_complete());
        assert!(!entry(&["sup demo {", " worker w1 counter"]).is_complete());
        assert!(entry(&["sup demo {", " worker w1 counter", "}"]).is_complete());
        assert!(!entry(&["say \"open"]).is_complete());
        assert!(entry(&["say \"open", "closed\""]).is_complete());
        assert!(!entry(&["def c {", "  f() -> \"}\". % }"]).is_complete());
        assert!(entry(&["def c {", "  f() -> \"}\". % }", "}"]).is_complete());
        // A mistake is left to the parser, which can say what is wrong.
        assert!(entry(&["spwan x"]).is_complete());
        assert!(entry(&["send c }"]).is_complete());
    }

    #[test]
    fn a_defmodule_goes_on_until_its_end_indenting_its_blocks() {
        let open = entry(&["defmodule Counter do", "  def start(n) do"]);
        assert!(!open.is_complete());
        assert_eq!(open.next_indent(), "    ");
        assert_eq!(
            open.what_is_open().as_deref(),
            Some("`do` on line 2 has no `end`")
        );
        let done = entry(&[
            "defmodule Counter do",
            "  def start(n) do",
            "    n",
            "  end",
            "end",
        ]);
        assert!(done.is_complete());
    }

    #[test]
    fn a_paste_of_several_statements_scans_each_from_its_own_start() {
        // `$}` and `'` in a `%` comment are Erlang's, even when the `def`
        // is not the first statement of the paste.
        let paste = "spawn counter\ndef c {\n  f() -> $}. % it's\n}\nkill c";
        assert!(entry(&[paste]).is_complete());
        assert!(!entry(&["spawn counter\ndef c {\n  f() -> $}."]).is_complete());
        let open = entry(&["spawn counter\ndef c {"]);
        assert_eq!(open.next_indent(), "  ");
    }

    #[test]
    fn an_open_entry_says_what_is_open_and_where() {
        assert_eq!(entry(&["spawn counter"]).what_is_open(), None);
        assert_eq!(
            entry(&["spawn counter(0"]).what_is_open().as_deref(),
            Some("`(` opened on line 1 is not closed")
        );
        assert_eq!(
            entry(&["sup demo {", "worker w1 counter"])
                .what_is_open()
                .as_deref(),
            Some("`{` opened on line 1 is not closed")
        );
        assert_eq!(
            entry(&["say \"hi", "there"]).what_is_open().as_deref(),
            Some("the string opened on line 1 is not closed")
        );
        assert_eq!(
            entry(&["X = case 3 of", "3 -> {a,"])
                .what_is_open()
                .as_deref(),
            Some("`{` opened on line 2 is not closed")
        );
        assert_eq!(
            entry(&["X = [1,", "case 3 of"]).what_is_open().as_deref(),
            Some("`case` on line 2 has no `end`")
        );
        // Offsets count from the statement that is open, not the entry.
        assert_eq!(
            entry(&["spawn counter\nkill c\nsend c {a,"])
                .what_is_open()
                .as_deref(),
            Some("`{` opened on line 3 is not closed")
        );
    }

    #[test]
    fn take_gives_the_lines_and_starts_afresh() {
        let mut e = entry(&["sup demo {", "  worker w1 counter", "}"]);
        assert_eq!(e.take(), "sup demo {\n  worker w1 counter\n}\n");
        assert!(e.is_empty() && e.is_complete());
        assert_eq!(e.colours(), &LexState::START);
    }

    #[test]
    fn a_def_block_is_indented_as_erlang_is_written() {
        assert_eq!(entry(&["sup s {"]).next_indent(), "    ");
        assert_eq!(entry(&["def counter {"]).next_indent(), "  ");
        assert_eq!(entry(&["def c {", "  loop(N) ->"]).next_indent(), "    ");
        assert_eq!(
            entry(&["def c {", "  loop(N) ->", "    receive"]).next_indent(),
            "      "
        );
        assert_eq!(
            entry(&[
                "def c {",
                "  loop(N) ->",
                "    receive",
                "      incr -> loop(N + 1);"
            ])
            .next_indent(),
            "      "
        );
        assert_eq!(
            entry(&["def c {", "  f() ->", "    ok."]).next_indent(),
            "  "
        );
        assert_eq!(
            entry(&["def c {", "  f() -> % why ->"]).next_indent(),
            "    "
        );
    }
}
