//! A quick scan for unclosed brackets and quotes, without parsing.
//!
//! Two callers need to know whether a statement is finished before parsing
//! it: the REPL (should Enter submit, or open a continuation line?) and the
//! script splitter (does this `sup ... {` block go on over the next lines?).
//! Both only need bracket depth, so a tiny state machine is enough, and it
//! must agree with the parser on what strings and comments are. It is fed
//! one piece at a time (a line, as the REPL gets them), so an entry of
//! 10,000 lines is scanned once, not once per line.
//!
//! Inside the braces of `def NAME { ... }` the text is Erlang, whose
//! lexical rules differ: `%` starts a comment and `#` does not, and `$}`
//! is a character, not a bracket. The scanner switches to those rules for
//! the block, so `"}"`, `'}'`, `$}` and `% }` in process code never close
//! it early (and `#` never hides its closing brace).

/// Scan state carried from one chunk of text to the next.
#[derive(Debug, Default, Clone)]
pub struct Scanner {
    /// Open brackets and the byte offset where each was opened.
    open: Vec<(char, usize)>,
    /// The opening quote (`"` or `'`) of an unfinished string or quoted atom.
    quote: Option<(char, usize)>,
    escaped: bool,
    in_comment: bool,
    /// A closer that matched nothing: the statement is surely wrong, so it
    /// counts as complete and the parser gets to report it.
    mismatched: bool,
    /// Bytes fed so far, so offsets are relative to the first chunk.
    fed: usize,
    /// The statement's first word so far (up to a few characters), to
    /// recognise `def`.
    first_word: String,
    first_word_done: bool,
    /// While Erlang code is scanned: the bracket depth of the `def` block's
    /// `{` (it ends when that brace closes).
    erlang_block: Option<usize>,
    /// Characters still to skip after `$` (a character literal).
    char_literal: u8,
}

impl Scanner {
    pub fn feed(&mut self, text: &str) {
        for (i, c) in text.char_indices() {
            self.consume(c, self.fed + i, &text[i..]);
        }
        self.fed += text.len();
    }

    /// One character at `offset`; `rest` starts with it.
    fn consume(&mut self, c: char, offset: usize, rest: &str) {
        if self.in_comment {
            self.in_comment = c != '\n';
        } else if let Some((quote, _)) = self.quote {
            if self.escaped {
                self.escaped = false;
            } else if c == '\\' {
                self.escaped = true;
            } else if c == quote {
                self.quote = None;
            }
        } else if self.char_literal > 0 {
            // `$\}` is one character too: a backslash skips one more.
            self.char_literal -= 1;
            if c == '\\' && self.char_literal == 0 {
                self.char_literal = 1;
            }
        } else {
            self.note_first_word(c);
            self.step(c, offset, rest);
        }
    }

    fn note_first_word(&mut self, c: char) {
        if self.first_word_done || !self.open.is_empty() {
            return;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            if self.first_word.len() < 8 {
                self.first_word.push(c);
            }
        } else if !(c.is_whitespace() && self.first_word.is_empty()) {
            self.first_word_done = true;
        }
    }

    pub fn in_erlang(&self) -> bool {
        self.erlang_block.is_some()
    }

    /// One character outside strings and comments; `rest` starts with it.
    fn step(&mut self, c: char, offset: usize, rest: &str) {
        match c {
            '"' | '\'' => self.quote = Some((c, offset)),
            '%' if self.in_erlang() => self.in_comment = true,
            '$' if self.in_erlang() => self.char_literal = 1,
            '#' if self.in_erlang() => {}
            '#' if super::basics::is_comment_start(rest) => self.in_comment = true,
            '{' if self.open.is_empty() && self.first_word == "def" => {
                self.open.push((c, offset));
                self.erlang_block = Some(1);
            }
            '{' | '[' | '(' => self.open.push((c, offset)),
            '}' | ']' | ')' => {
                match self.open.pop() {
                    Some((opener, _)) if closer_of(opener) == c => {}
                    _ => self.mismatched = true,
                }
                if self
                    .erlang_block
                    .is_some_and(|depth| self.open.len() < depth)
                {
                    self.erlang_block = None;
                }
            }
            _ => {}
        }
    }

    /// True when nothing is left open (or the brackets are already wrong).
    pub fn is_complete(&self) -> bool {
        self.mismatched || (self.open.is_empty() && self.quote.is_none())
    }

    /// The opener (bracket or quote) still waiting to be closed, with its
    /// offset: the unfinished string if there is one, else the innermost bracket.
    pub fn unclosed(&self) -> Option<(char, usize)> {
        self.quote.or_else(|| self.open.last().copied())
    }
}

/// Where the Erlang block that `code` is the inside of ends: the byte
/// offset of the `}` that closes it, skipping Erlang's strings, quoted
/// atoms, character literals and `%` comments. `None` if it never closes.
pub(crate) fn erlang_block_end(code: &str) -> Option<usize> {
    let mut scanner = Scanner {
        open: vec![('{', 0)],
        erlang_block: Some(1),
        first_word_done: true,
        ..Scanner::default()
    };
    for (i, c) in code.char_indices() {
        scanner.consume(c, i, &code[i..]);
        if scanner.open.is_empty() {
            return (c == '}').then_some(i);
        }
    }
    None
}

pub(crate) fn closer_of(opener: char) -> char {
    match opener {
        '{' => '}',
        '[' => ']',
        '(' => ')',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(text: &str) -> bool {
        let mut scanner = Scanner::default();
        scanner.feed(text);
        scanner.is_complete()
    }

    #[test]
    fn brackets_and_quotes() {
        assert!(complete("send c {a, [1, 2]}"));
        assert!(!complete("sup demo {"));
        assert!(!complete("send c {a, \"}"));
        assert!(!complete("send c 'x"));
        assert!(complete("send c \"a \\\" {\""));
        assert!(complete("spawn counter # { not a bracket"));
        assert!(!complete("demonitor #Ref<0.1> {"));
        assert!(complete("send c {a]"), "mismatch is left to the parser");
    }

    #[test]
    fn a_def_block_is_scanned_as_erlang() {
        assert!(!complete("def c {"));
        assert!(!complete("def c { f() -> \"}\"."));
        assert!(!complete("def c { f() -> '}'."));
        assert!(!complete("def c { f() -> $}."));
        assert!(!complete("def c { f() -> $\\}."));
        assert!(!complete("def c { f() -> ok. % }"));
        assert!(complete("def c { f() -> ok. % }\n}"));
        assert!(complete("def c { f() -> $}, \"}\", '}', $\\}. }"));
        assert!(
            complete("def c { f() -> #{}. }"),
            "`#` is no comment in Erlang"
        );
        assert!(complete("  def c {\n  f() -> {a, [b]}.\n}"));
        // Outside a def, `%` and `$` are nothing special and `#` comments.
        assert!(complete("say \"50%\" # {"));
        assert!(!complete("sup s { # }"));
        // After the block, the command language's rules are back.
        assert!(complete("def c { f() -> ok. } # {"));
    }

    #[test]
    fn the_end_of_an_erlang_block_skips_what_is_not_a_bracket() {
        assert_eq!(erlang_block_end(" f() -> ok. }"), Some(12));
        assert_eq!(
            erlang_block_end(" f() -> \"}\", $}, '}'. % }\n} rest"),
            Some(26)
        );
        assert_eq!(erlang_block_end(" f() -> {a}. "), None);
        // A mismatch is left to the Erlang parser, which has a better message.
        assert_eq!(erlang_block_end(" f() -> {a]. }"), Some(13));
    }

    #[test]
    fn state_carries_across_chunks() {
        let mut scanner = Scanner::default();
        scanner.feed("sup demo {\n");
        assert_eq!(scanner.unclosed(), Some(('{', 9)));
        scanner.feed("  worker w1 counter\n");
        assert!(!scanner.is_complete());
        scanner.feed("}\n");
        assert!(scanner.is_complete());
    }
}
