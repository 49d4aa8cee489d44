//! Editing a block as a whole: inserting a line into a recalled multi-line
//! entry, and indentation that follows the code without fighting the
//! presenter.
//!
//! An entry recalled from history (Up on a `def ... end` typed earlier) is
//! one multi-line buffer. In it, Alt-Enter inserts a line at the cursor,
//! and so do Enter and Ctrl-J unless the cursor is at the end (where they
//! hand the entry to the loop as usual). The new line is indented as the
//! code before it asks ([`Entry::next_indent`]).
//!
//! When a line is entered, [`reindent`] puts a closing word or bracket
//! that starts it (`end`, `after`, `catch`, `}`, `]`, `)`) at the column of
//! the line that opened its block, if its indentation is still the one
//! auto-indent gave it; and on a line typed after auto-indentation, more
//! indentation typed by hand replaces the automatic one: auto-indent never
//! adds to what the presenter types. (rustyline cannot replace text and
//! leave the cursor after it in one key, so this happens on Enter, and the
//! loop redraws the line.)
//!
//! The Enter handlers see the buffer only; the lines of the entry entered
//! before it are shared with them through [`EntrySoFar`].

use super::entry::Entry;
use parking_lot::Mutex;
use rustyline::{
    Cmd, ConditionalEventHandler, Event, EventContext, EventHandler, KeyCode, KeyEvent, Modifiers,
    RepeatCount,
};
use std::sync::Arc;

/// The text of the entry's earlier lines, as the loop last set it.
pub type EntrySoFar = Arc<Mutex<String>>;

/// Words that close a block (or go back to its column, as `after`).
const CLOSING_WORDS: &[&str] = &["end", "after", "catch"];

/// The key bindings this module adds, as (key, handler) pairs.
pub fn bindings(entry: &EntrySoFar) -> Vec<(KeyEvent, EventHandler)> {
    let newline = |always: bool, accept: Cmd| {
        EventHandler::Conditional(Box::new(NewLine {
            entry: entry.clone(),
            always,
            accept,
        }))
    };
    vec![
        (KeyEvent::from('\r'), newline(false, Cmd::AcceptLine)),
        (KeyEvent::from('\n'), newline(false, Cmd::AcceptLine)),
        (
            KeyEvent(KeyCode::Enter, Modifiers::ALT),
            newline(true, Cmd::AcceptLine),
        ),
    ]
}

/// Enter, Ctrl-J, Alt-Enter: a new line inside a multi-line buffer.
struct NewLine {
    entry: EntrySoFar,
    /// Alt-Enter: a new line wherever the cursor is.
    always: bool,
    /// What the key does otherwise.
    accept: Cmd,
}

impl ConditionalEventHandler for NewLine {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let (line, pos) = (ctx.line(), ctx.pos());
        let inside = line.contains('\n') && pos < line.len();
        if !(self.always || inside) {
            return Some(self.accept.clone());
        }
        let indent = indent_at(&self.entry.lock(), &line[..pos]);
        Some(Cmd::Insert(1, format!("\n{indent}")))
    }
}

/// The indentation a new line after `before` (the buffer up to the
/// cursor) starts with, after the entry's earlier lines.
fn indent_at(entry_so_far: &str, before: &str) -> String {
    let text = format!("{entry_so_far}{before}");
    // Each line the entry holds ends with a newline it adds itself.
    let text = text.strip_suffix('\n').unwrap_or(&text);
    if text.is_empty() {
        // The entry's first line: at the prompt, no indentation.
        return String::new();
    }
    let mut entry = Entry::default();
    entry.push(text);
    entry.next_indent()
}

/// `read` (a line typed after the auto-indentation `auto`, or a
/// multi-line buffer, whose `auto` is empty) as it is entered, after the
/// entry's earlier lines `entry_so_far`: see the module's comment.
pub fn reindent(entry_so_far: &str, read: &str, auto: &str) -> String {
    if auto.is_empty() && !read.contains('\n') {
        // A first line, or a pasted one: nothing was indented for it.
        return read.to_owned();
    }
    let typed_by_hand = read.starts_with(auto) && read[auto.len()..].starts_with([' ', '\t']);
    if !auto.is_empty() && typed_by_hand && !read.contains('\n') {
        return read[auto.len()..].to_owned();
    }
    let mut before = Entry::default();
    let mut open = Vec::new();
    let mut first = true;
    for line in entry_so_far.lines() {
        before.push(line);
        scan_line(line, indentation(line), &mut open);
        first = false;
    }
    let mut fixed = Vec::new();
    for line in read.split('\n') {
        let expected = if first {
            String::new()
        } else {
            before.next_indent()
        };
        let auto = if fixed.is_empty() && !auto.is_empty() {
            auto
        } else {
            &expected
        };
        let line = outdented(line, auto, &open);
        before.push(&line);
        scan_line(&line, indentation(&line), &mut open);
        first = false;
        fixed.push(line);
    }
    fixed.join("\n")
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// `line` moved to its block's column if it starts with a closer and is
/// indented as auto-indent (`auto`) would have it.
fn outdented(line: &str, auto: &str, open: &[(Opener, usize)]) -> String {
    let Some(code) = line.strip_prefix(auto) else {
        return line.to_owned();
    };
    if auto.is_empty() || code.starts_with(char::is_whitespace) {
        return line.to_owned();
    }
    let word_end = code
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(code.len());
    let closer = match code.chars().next() {
        Some(c @ ('}' | ']' | ')')) => Opener::Bracket(opener_of(c)),
        _ if CLOSING_WORDS.contains(&&code[..word_end]) => Opener::Block,
        _ => return line.to_owned(),
    };
    match open.iter().rev().find(|(opener, _)| *opener == closer) {
        Some((_, column)) => format!("{}{code}", " ".repeat(*column)),
        None => line.to_owned(),
    }
}

fn opener_of(closer: char) -> char {
    match closer {
        '}' => '{',
        ']' => '[',
        _ => '(',
    }
}

/// What opens a block: a bracket, or an Erlang keyword ended by `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opener {
    Bracket(char),
    Block,
}

/// The Erlang keywords whose block `end` closes (`fun` only before `(`).
const BLOCK_KEYWORDS: &[&str] = &["case", "receive", "if", "begin", "try", "fun"];

/// Notes what `line` (indented by `column`) opens and closes; strings,
/// quoted atoms, `$c` characters and `%` comments hold no code.
fn scan_line(line: &str, column: usize, open: &mut Vec<(Opener, usize)>) {
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '%' => return,
            '"' | '\'' => {
                let mut escaped = false;
                for (_, d) in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == c {
                        break;
                    }
                }
            }
            '$' => {
                chars.next();
            }
            '{' | '[' | '(' => open.push((Opener::Bracket(c), column)),
            '}' | ']' | ')' => {
                if let Some(at) = open
                    .iter()
                    .rposition(|(opener, _)| matches!(opener, Opener::Bracket(_)))
                {
                    open.truncate(at);
                }
            }
            c if c.is_ascii_alphabetic() => {
                let rest = &line[i..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@'))
                    .unwrap_or(rest.len());
                let word = &rest[..end];
                for _ in 1..word.chars().count() {
                    chars.next();
                }
                let opens = BLOCK_KEYWORDS.contains(&word)
                    && (word != "fun" || rest[end..].trim_start().starts_with('('));
                if opens {
                    open.push((Opener::Block, column));
                } else if word == "end"
                    && let Some(at) = open
                        .iter()
                        .rposition(|(opener, _)| *opener == Opener::Block)
                {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The column `closer` (`end`, `after`, `catch`, or a closing bracket)
    /// belongs at after `text`: the indentation of the line that opened the
    /// innermost block it closes. `None` when nothing it could close is open.
    fn block_column(text: &str, closer: &str) -> Option<usize> {
        let mut open: Vec<(Opener, usize)> = Vec::new();
        for line in text.lines() {
            let column = line.len() - line.trim_start().len();
            scan_line(line, column, &mut open);
        }
        let wanted = match closer.chars().next() {
            Some(c @ ('}' | ']' | ')')) => Opener::Bracket(opener_of(c)),
            _ => Opener::Block,
        };
        open.iter()
            .rev()
            .find(|(opener, _)| *opener == wanted)
            .map(|(_, column)| *column)
    }

    const DEF: &str = "def c {\n  loop(N) ->\n    receive\n      incr -> loop(N + 1);\n";

    #[test]
    fn end_goes_back_to_the_line_that_opened_its_block() {
        assert_eq!(block_column(DEF, "end"), Some(4));
        assert_eq!(block_column(DEF, "after"), Some(4));
        assert_eq!(block_column(DEF, "}"), Some(0));
        let closed = format!("{DEF}    end.\n");
        assert_eq!(block_column(&closed, "end"), None);
        assert_eq!(block_column(&closed, "}"), Some(0));
    }

    #[test]
    fn a_fun_or_case_opened_mid_line_counts_from_its_line() {
        let text = "def c {\n  f(L) ->\n    lists:map(fun(X) ->\n";
        assert_eq!(block_column(text, "end"), Some(4));
        assert_eq!(block_column(text, ")"), Some(4));
        // `fun f/1` opens nothing; strings and comments hold no code.
        let text = "def c {\n  f() -> F = fun g/1, \"case {\", % receive (\n";
        assert_eq!(block_column(text, "end"), None);
        assert_eq!(block_column(text, "}"), Some(0));
    }

    #[test]
    fn a_sup_block_closes_at_its_column() {
        assert_eq!(
            block_column("sup demo {\n    worker w1 counter\n", "}"),
            Some(0)
        );
        assert_eq!(
            block_column(
                "sup demo {\n    sup inner {\n        worker w counter\n",
                "}"
            ),
            Some(4)
        );
    }

    #[test]
    fn an_auto_indented_closer_goes_back_to_its_block() {
        assert_eq!(reindent(DEF, "      end.", "      "), "    end.");
        assert_eq!(
            reindent(DEF, "      after 100 -> ok", "      "),
            "    after 100 -> ok"
        );
        let done = format!("{DEF}    end.\n");
        assert_eq!(reindent(&done, "  }", "  "), "}");
        assert_eq!(reindent("sup demo {\n", "    }", "    "), "}");
        // Indentation the presenter chose is theirs, and so is other code.
        assert_eq!(reindent(DEF, "     end.", "      "), "     end.");
        assert_eq!(
            reindent(DEF, "      ending() -> ok", "      "),
            "      ending() -> ok"
        );
        assert_eq!(
            reindent(DEF, "      stop -> ok", "      "),
            "      stop -> ok"
        );
    }

    #[test]
    fn indentation_typed_by_hand_replaces_the_automatic_one() {
        assert_eq!(
            reindent("sup demo {\n", "        worker w1 counter", "    "),
            "    worker w1 counter"
        );
        assert_eq!(
            reindent("sup demo {\n", "    worker w1 counter", "    "),
            "    worker w1 counter"
        );
    }

    #[test]
    fn a_line_inserted_into_a_recalled_block_is_reindented_too() {
        let recalled = "def c {\n  loop(N) ->\n    receive\n      incr -> loop(N + 1);\n      stop -> ok\n      end.\n  }";
        assert_eq!(
            reindent("", recalled, ""),
            "def c {\n  loop(N) ->\n    receive\n      incr -> loop(N + 1);\n      stop -> ok\n    end.\n}"
        );
        // A block already indented its own way is left as it is.
        let own = "def c {\n  f() ->\n      ok.\n}";
        assert_eq!(reindent("", own, ""), own);
    }

    #[test]
    fn a_new_line_is_indented_for_the_code_before_it() {
        assert_eq!(indent_at("", "def c {\n  loop(N) ->"), "    ");
        assert_eq!(indent_at("def c {\n", "  f() ->\n    ok."), "  ");
        // A line's start, after the entry's lines and the buffer's.
        assert_eq!(indent_at("def c {\n", ""), "  ");
        assert_eq!(indent_at("def c {\n", "  f() ->\n"), "    ");
        assert_eq!(indent_at("sup s {\n", ""), "    ");
        assert_eq!(indent_at("", ""), "");
    }
}
