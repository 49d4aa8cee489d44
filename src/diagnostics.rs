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
        // Tabs would shift the caret; one space per tab keeps columns equal.
        let shown_line = self.source_line.replace('\t', " ");
        let caret_indent = " ".repeat(self.column.saturating_sub(1));
        let carets = "^".repeat(self.len.max(1));

        let mut out = format!("error: {}\n", self.message);
        out += &format!("{pad}--> {location}\n");
        out += &format!("{pad} |\n");
        out += &format!("{number} | {shown_line}\n");
        out += &format!("{pad} | {caret_indent}{carets}\n");
        if !self.expected.is_empty() {
            out += &format!("{pad} = expected one of: {}\n", self.expected.join(", "));
        }
        if let Some(hint) = &self.hint {
            out += &format!("{pad} = hint: {hint}\n");
        }
        out
    }
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
