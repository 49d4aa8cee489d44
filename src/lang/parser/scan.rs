//! A quick scan for unclosed brackets and quotes, without parsing.
//!
//! Two callers need to know whether a statement is finished before parsing
//! it: the REPL (should Enter submit, or open a continuation line?) and the
//! script splitter (does this `sup ... {` block go on over the next lines?).
//! Both only need bracket depth, so a tiny state machine is enough, and it
//! must agree with the parser on what strings and comments are.

/// Scan state carried from one chunk of text to the next.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scanner {
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
}

impl Scanner {
    pub fn feed(&mut self, text: &str) {
        for (i, c) in text.char_indices() {
            let offset = self.fed + i;
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
            } else {
                self.step(c, offset, &text[i..]);
            }
        }
        self.fed += text.len();
    }

    /// One character outside strings and comments; `rest` starts with it.
    fn step(&mut self, c: char, offset: usize, rest: &str) {
        match c {
            '"' | '\'' => self.quote = Some((c, offset)),
            '#' if !rest.starts_with("#Ref<") => self.in_comment = true,
            '{' | '[' | '(' => self.open.push((c, offset)),
            '}' | ']' | ')' => match self.open.pop() {
                Some((opener, _)) if closer_of(opener) == c => {}
                _ => self.mismatched = true,
            },
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
