//! Wrapping long lines for a terminal of a given width, at word
//! boundaries, with a hanging indent: the continuation of an event line
//! `[  0.000s] ✖ crash ...` starts under the text after the timestamp, that
//! of a `help` row under its description, never at column 0.
//!
//! Only the REPL on a terminal wraps (it knows the width); piped mode,
//! transcripts and everything compared against expected output print
//! lines whole, so this is a function the REPL applies, not something the
//! views do. Widths count characters, and ANSI colour sequences count as
//! nothing, so a coloured line wraps where its plain text would.

/// The columns `text` takes on a terminal: its characters, not counting
/// ANSI escape sequences (`ESC [ ... letter`).
pub fn display_width(text: &str) -> usize {
    let mut width = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            skip_escape(&mut chars);
        } else {
            width += 1;
        }
    }
    width
}

/// Skips the rest of an escape sequence whose `ESC` was just read.
fn skip_escape(chars: &mut std::str::Chars<'_>) {
    if chars.clone().next() == Some('[') {
        chars.next();
        for c in chars.by_ref() {
            if c.is_ascii_alphabetic() || c == '~' {
                break;
            }
        }
    }
}

/// Where the continuation lines of `line` start, in columns: after the
/// timestamp of an event line (`[  0.000s] `); else under the widest gap of
/// two or more spaces in the first half of the line (the description
/// column of a table row, `  spawn KIND ...      start a process`); else
/// at the line's own indentation.
pub fn hanging_indent(line: &str, width: usize) -> usize {
    let plain = crate::view::strip_ansi(line);
    let chars: Vec<char> = plain.chars().collect();
    if chars.first() == Some(&'[')
        && let Some(close) = chars.iter().take(16).position(|&c| c == ']')
        && chars.get(close + 1) == Some(&' ')
    {
        return close + 2;
    }
    let leading = chars.iter().take_while(|c| **c == ' ').count();
    let mut best = (0, leading);
    let mut column = leading;
    while column < chars.len() {
        if chars[column] != ' ' {
            column += 1;
            continue;
        }
        let run = chars[column..].iter().take_while(|c| **c == ' ').count();
        let end = column + run;
        if run >= 2 && end < chars.len() && end <= width / 2 && run > best.0 {
            best = (run, end);
        }
        column = end;
    }
    best.1
}

/// `line` wrapped to `width` columns at spaces, each continuation line
/// indented by `indent` spaces; a word too long for a line is cut where
/// the line ends. A `width` of 0, or one too narrow for the indent, leaves
/// the line as it is.
pub fn wrap(line: &str, width: usize, indent: usize) -> String {
    if width == 0 || display_width(line) <= width || indent + 10 > width {
        return line.to_owned();
    }
    let mut lines = Lines {
        out: String::with_capacity(line.len() + 16),
        column: 0,
        width,
        indent,
    };
    // Spaces since the last word: written only if a word follows on the
    // same line (a break swallows them). Leading spaces are a word's too.
    let mut spaces = 0;
    let mut word = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' => {
                if !word.is_empty() {
                    lines.put(spaces, &word);
                    spaces = 0;
                    word.clear();
                }
                spaces += 1;
            }
            '\x1b' => {
                word.push(c);
                let rest = chars.as_str();
                let len = escape_len(rest);
                word.push_str(&rest[..len]);
                chars = rest[len..].chars();
            }
            c => word.push(c),
        }
    }
    lines.put(spaces, &word);
    lines.out
}

/// The wrapped text so far, and the column it ends at.
struct Lines {
    out: String,
    column: usize,
    width: usize,
    indent: usize,
}

impl Lines {
    /// Adds `word` after `spaces` spaces, or on a new line if it does not
    /// fit on this one (and this one holds more than its indentation).
    fn put(&mut self, spaces: usize, word: &str) {
        let word_width = display_width(word);
        if word_width == 0 && !word.is_empty() {
            // Only colour codes: they belong where they are.
            self.out.push_str(word);
            return;
        }
        if word.is_empty() {
            return;
        }
        if self.column > self.indent && self.column + spaces + word_width > self.width {
            self.new_line();
        } else {
            self.out.extend(std::iter::repeat_n(' ', spaces));
            self.column += spaces;
        }
        let mut chars = word.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                self.out.push(c);
                let rest = chars.as_str();
                let len = escape_len(rest);
                self.out.push_str(&rest[..len]);
                chars = rest[len..].chars();
                continue;
            }
            // A word wider than a whole line is cut where the line ends.
            if self.column >= self.width {
                self.new_line();
            }
            self.out.push(c);
            self.column += 1;
        }
    }

    fn new_line(&mut self) {
        self.out.push('\n');
        self.out.extend(std::iter::repeat_n(' ', self.indent));
        self.column = self.indent;
    }
}

/// The length in bytes of the escape sequence `rest` continues (after its
/// `ESC`).
fn escape_len(rest: &str) -> usize {
    let mut chars = rest.chars();
    skip_escape(&mut chars);
    rest.len() - chars.as_str().len()
}

/// `line` wrapped to `width` under its own [`hanging_indent`].
pub fn wrap_hanging(line: &str, width: usize) -> String {
    wrap(line, width, hanging_indent(line, width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_takes_no_columns() {
        assert_eq!(display_width("plain"), 5);
        assert_eq!(display_width("\x1b[1;31mred\x1b[0m ✖"), 5);
        assert_eq!(display_width(""), 0);
    }

    #[test]
    fn a_short_line_or_no_width_is_left_alone() {
        assert_eq!(wrap("short line", 100, 4), "short line");
        let long = "word ".repeat(40);
        assert_eq!(wrap(&long, 0, 4), long);
    }

    #[test]
    fn an_event_line_continues_under_the_text_after_its_timestamp() {
        let line = "[  2.923s] ↯ exit signal boom from <0.3.0> (demo/w1) trapped by <0.2.0> (demo) as {'EXIT',<0.3.0>,boom}";
        assert_eq!(hanging_indent(line, 100), 11);
        let wrapped = wrap_hanging(line, 100);
        assert_eq!(
            wrapped,
            "[  2.923s] ↯ exit signal boom from <0.3.0> (demo/w1) trapped by <0.2.0> (demo) as\n           {'EXIT',<0.3.0>,boom}"
        );
        for row in wrapped.lines() {
            assert!(display_width(row) <= 100, "{row:?}");
        }
    }

    #[test]
    fn breaks_fall_between_words_and_drop_the_space() {
        let wrapped = wrap("alpha beta gamma delta epsilon", 16, 2);
        assert_eq!(wrapped, "alpha beta gamma\n  delta epsilon");
        // Spaces inside a line are kept as they were.
        assert_eq!(
            wrap("a  b    c dddddddddddd", 12, 0),
            "a  b    c\ndddddddddddd"
        );
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut_at_the_edge() {
        let wrapped = wrap(&format!("x {}", "y".repeat(25)), 12, 2);
        for row in wrapped.lines() {
            assert!(display_width(row) <= 12, "{wrapped}");
        }
        assert_eq!(
            wrapped.replace(['\n', ' '], ""),
            format!("x{}", "y".repeat(25))
        );
    }

    #[test]
    fn a_table_row_continues_under_its_description() {
        let row = format!(
            "  crash TARGET [REASON]{}make the process itself fail with REASON (default `crash`), like a bug inside it; trapping exits does not save it",
            " ".repeat(24)
        );
        assert_eq!(hanging_indent(&row, 100), 47);
        let wrapped = wrap_hanging(&row, 100);
        let rows: Vec<&str> = wrapped.lines().collect();
        assert_eq!(rows.len(), 3, "{wrapped}");
        for row in &rows[1..] {
            assert!(row.starts_with(&" ".repeat(47)), "{wrapped}");
            assert!(!row[47..].starts_with(' '), "{wrapped}");
            assert!(display_width(row) <= 100, "{wrapped}");
        }
        // A paragraph keeps its own indentation.
        assert_eq!(hanging_indent("  Any other line is Erlang", 100), 2);
    }

    #[test]
    fn colour_survives_wrapping_and_does_not_count() {
        let red = "\x1b[31m";
        let reset = "\x1b[0m";
        let line = format!("{red}[  0.100s]{reset} {}", "word ".repeat(30).trim_end());
        let wrapped = wrap_hanging(&line, 40);
        assert_eq!(
            crate::view::strip_ansi(&wrapped).lines().count(),
            wrapped.lines().count()
        );
        assert!(wrapped.starts_with(red), "{wrapped:?}");
        for row in wrapped.lines() {
            assert!(display_width(row) <= 40, "{row:?}");
            assert!(!row.is_empty());
        }
        let second = crate::view::strip_ansi(wrapped.lines().nth(1).unwrap());
        assert!(second.starts_with("           word"), "{second:?}");
    }
}
