//! Every error with a position, as the presenter sees it: a command that
//! does not parse, process code that does not parse, check or compile, a
//! script's failed command at FILE:LINE:COL.
//!
//! A [`Diagnostic`] is plain data (position, message, hint) plus one
//! renderer, [`Diagnostic::render`], which lays it out the way rustc does:
//! the offending line with a caret under the column where things went
//! wrong; [`Diagnostic::render_styled`] is the same text with the word
//! `error:` in the crash colour, for every front end alike. A leaf: it
//! knows nothing but the palette ([`crate::style`]).

use crate::style::{Role, Style};
use std::fmt;

/// What went wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line in the script (or REPL entry).
    pub line: usize,
    /// 1-based column, in characters, where the problem starts.
    pub column: usize,
    /// How many characters to underline (at least one caret is drawn).
    pub len: usize,
    pub message: String,
    /// What would have been accepted here, when there is a short list
    /// (e.g. a command's options); useful for completion too.
    pub expected: Vec<String>,
    pub hint: Option<String>,
    /// The full text of `line`, without its newline.
    pub source_line: String,
}

impl Diagnostic {
    /// Lays the error out over several lines, naming `file` if there is one:
    ///
    /// ```text
    /// error: unknown command `spwan`
    ///  --> demo.crash:3:1
    ///   |
    /// 3 | spwan counter
    ///   | ^^^^^
    ///   = hint: did you mean `spawn`?
    /// ```
    pub fn render(&self, file: Option<&str>) -> String {
        self.lay_out(file)
    }

    /// [`Diagnostic::render`] with `error:` painted as a crash (and nothing
    /// else, so the caret lines stay legible), when `style` colours.
    pub fn render_styled(&self, file: Option<&str>, style: &Style) -> String {
        let text = self.lay_out(file);
        match text.strip_prefix("error:") {
            Some(rest) => format!("{}{rest}", style.paint("error:", Role::Crash)),
            None => text,
        }
    }

    /// An error at `line`:`column` (1-based) whose source line is not
    /// known yet: [`Diagnostic::quote`] fills it in from the text.
    pub fn at(
        line: usize,
        column: usize,
        len: usize,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        Diagnostic {
            line,
            column,
            len,
            message: message.into(),
            expected: Vec::new(),
            hint,
            source_line: String::new(),
        }
    }

    /// Fills in the source line from `source`, the text `line` counts in.
    pub fn quote(mut self, source: &str) -> Diagnostic {
        self.source_line = source
            .split('\n')
            .nth(self.line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_owned();
        self
    }

    fn lay_out(&self, file: Option<&str>) -> String {
        let number = self.line.to_string();
        // The gutter is as wide as the line number, so the bars line up.
        let pad = " ".repeat(number.len());
        let location = match file {
            Some(file) => format!("{file}:{}:{}", self.line, self.column),
            None => format!("line {}, column {}", self.line, self.column),
        };
        let (shown_line, caret_column, caret_len) = self.window();
        let caret_indent = " ".repeat(caret_column);
        let carets = "^".repeat(caret_len.max(1));

        let mut out = format!("error: {}\n", one_line(&self.message));
        out += &format!("{pad}--> {location}\n");
        out += &format!("{pad} |\n");
        out += &format!("{number} | {shown_line}\n");
        out += &format!("{pad} | {caret_indent}{carets}\n");
        if !self.expected.is_empty() {
            out += &format!("{pad} = expected one of: {}\n", self.expected.join(", "));
        }
        if let Some(hint) = &self.hint {
            out += &format!("{pad} = hint: {}\n", one_line(hint));
        }
        out
    }

    /// The source line as shown, with the caret's column (0-based) and
    /// width in it. Tabs and control characters become one space or `?`
    /// each, so every character is one column and the caret lines up (and
    /// no escape sequence from pasted input reaches the terminal). A line
    /// wider than [`WIDEST_LINE`] is cut to a window around the caret,
    /// `…` marking what is left out: an error in a pasted 100 KB line is a
    /// few lines, not a screenful.
    fn window(&self) -> (String, usize, usize) {
        let chars: Vec<char> = self
            .source_line
            .chars()
            .map(|c| match c {
                '\t' => ' ',
                c if c.is_control() => '?',
                c => c,
            })
            .collect();
        let at = self.column.saturating_sub(1);
        if chars.len() <= WIDEST_LINE {
            return (chars.into_iter().collect(), at, self.len);
        }
        let start = at.saturating_sub(WIDEST_LINE / 2);
        let end = (start + WIDEST_LINE).min(chars.len());
        let start = start.min(end.saturating_sub(WIDEST_LINE));
        let mut shown = String::new();
        let mut caret = at - start;
        if start > 0 {
            shown.push('…');
            caret += 1;
        }
        shown.extend(&chars[start..end]);
        if end < chars.len() {
            shown.push('…');
        }
        let caret_len = self.len.min(end.saturating_sub(at)).max(1);
        (shown, caret, caret_len)
    }
}

/// How many characters of a source line an error shows around its caret.
pub const WIDEST_LINE: usize = 120;

/// `text` on one line: a header or a hint is one line whatever names it
/// quotes (an atom may hold a newline), so line breaks and other control
/// characters are written as escapes, as Erlang writes them in an atom.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

impl fmt::Display for Diagnostic {
    /// The one-line form, for logs and `?` in tests.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for Diagnostic {}

#[cfg(test)]
mod tests {
    use super::*;

    fn spwan() -> Diagnostic {
        Diagnostic {
            line: 3,
            column: 1,
            len: 5,
            message: "unknown command `spwan`".into(),
            expected: vec![],
            hint: Some("did you mean `spawn`?".into()),
            source_line: "spwan counter".into(),
        }
    }

    #[test]
    fn renders_like_rustc_with_a_file() {
        let expected = "\
error: unknown command `spwan`
 --> demo.crash:3:1
  |
3 | spwan counter
  | ^^^^^
  = hint: did you mean `spawn`?
";
        assert_eq!(spwan().render(Some("demo.crash")), expected);
    }

    #[test]
    fn renders_line_and_column_without_a_file() {
        let rendered = spwan().render(None);
        assert!(rendered.contains(" --> line 3, column 1\n"), "{rendered}");
    }

    #[test]
    fn the_header_and_the_hint_stay_on_one_line() {
        // Found by the fuzz run (seed 424242): an atom holding a newline
        // put the rest of the message on a line of its own.
        let error = Diagnostic {
            message: "expected `(` after the function name `a\nb`".into(),
            hint: Some("a function clause is written `a\nb(Args) -> Body.`".into()),
            ..spwan()
        };
        let rendered = error.render(None);
        assert!(
            rendered.starts_with("error: expected `(` after the function name `a\\nb`\n --> "),
            "{rendered}"
        );
        assert!(
            rendered.ends_with("= hint: a function clause is written `a\\nb(Args) -> Body.`\n"),
            "{rendered}"
        );
        let escape = Diagnostic {
            message: "unknown command `\u{1b}[2J`".into(),
            source_line: "\u{1b}[2J x".into(),
            ..spwan()
        };
        let rendered = escape.render(None);
        assert!(!rendered.contains('\u{1b}'), "{rendered:?}");
        assert!(rendered.contains("`\\x{1B}[2J`"), "{rendered}");
    }

    #[test]
    fn a_long_line_is_shown_around_the_caret() {
        let source_line = format!("X = {}", "[".repeat(8_000));
        let error = Diagnostic {
            column: 69,
            len: 1,
            source_line: source_line.clone(),
            ..spwan()
        };
        let rendered = error.render(None);
        let lines: Vec<&str> = rendered.lines().collect();
        let shown = lines[3].strip_prefix("3 | ").unwrap();
        let caret = lines[4].strip_prefix("  | ").unwrap();
        assert_eq!(shown.chars().count(), 1 + WIDEST_LINE + 1, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        // The caret is under the 69th character of the line.
        let under: String = shown.chars().skip(caret.len() - 1).take(1).collect();
        assert_eq!(caret.trim_start(), "^");
        assert_eq!(under, "[");
        let before: String = shown.chars().take(caret.len() - 1).collect();
        assert_eq!(before.chars().count(), 1 + 60, "{before}");
        // Near the start, no cut there.
        let early = Diagnostic {
            column: 3,
            ..error.clone()
        };
        let rendered = early.render(None);
        let shown = rendered
            .lines()
            .nth(3)
            .unwrap()
            .strip_prefix("3 | ")
            .unwrap();
        assert!(
            shown.starts_with("X = [") && shown.ends_with('…'),
            "{shown}"
        );
        assert!(
            rendered.lines().nth(4).unwrap().ends_with("|   ^"),
            "{rendered}"
        );
    }

    #[test]
    fn gutter_grows_with_the_line_number() {
        let error = Diagnostic {
            line: 12,
            column: 7,
            len: 0,
            ..spwan()
        };
        let rendered = error.render(None);
        assert!(
            rendered.contains("\n   |\n12 | spwan counter\n   |       ^\n"),
            "{rendered}"
        );
    }
}
