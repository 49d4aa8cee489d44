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
//!
//! Outside a `def`, a line may be Erlang, whose blocks (`case ... end`,
//! `receive ... end`, `fun (X) -> ... end`) span lines without a bracket:
//! the scanner counts their keywords against `end`, so such a statement
//! goes on until its last `end`, as erl reads until the final `.`.

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
    /// Erlang at the prompt (outside a `def`): the block keywords still
    /// waiting for their `end` (`case`, `receive`, `fun(`, ...), with
    /// where each is, so that `case X of` goes on over the next lines.
    blocks: Vec<(&'static str, usize)>,
    /// An Erlang `->` was seen (outside a `def`): a statement that starts
    /// with a command word is Erlang only then (`receive X -> X end`, not
    /// the command `receive {ok, X} timeout 1s`).
    arrow: bool,
    /// The last character given to `step` was part of a word.
    in_word: bool,
    /// Elixir was seen (a `do` block or an `fn`): blocks are `do ... end`
    /// and `fn ... end`, and Erlang's block keywords open nothing.
    elixir: bool,
}

/// The Erlang keywords that open a block closed by `end` (`fun` only when
/// a clause follows: `fun (X) -> ... end`, not `fun lists:map/2`).
const BLOCK_KEYWORDS: &[&str] = &["case", "receive", "if", "begin", "try", "fun"];

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
            return;
        }
        self.in_word = false;
    }

    fn note_first_word(&mut self, c: char) {
        if self.first_word_done || !self.open.is_empty() {
            return;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            if self.first_word.len() < 16 {
                self.first_word.push(c);
            }
        } else if !(c.is_whitespace() && self.first_word.is_empty()) {
            self.first_word_done = true;
        }
    }

    /// Elixir's `do`/`fn` blocks were seen in this statement.
    pub fn in_elixir(&self) -> bool {
        self.elixir
    }

    pub fn in_erlang(&self) -> bool {
        self.erlang_block.is_some()
    }

    /// One character outside strings and comments; `rest` starts with it.
    fn step(&mut self, c: char, offset: usize, rest: &str) {
        let word_char = c.is_alphanumeric() || c == '_' || c == '@';
        if word_char && !self.in_word && !self.in_erlang() {
            self.note_keyword(offset, rest);
        }
        self.in_word = word_char;
        if c == '-' && rest.starts_with("->") && !self.in_erlang() {
            self.arrow = true;
        }
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

    /// At the start of a word outside a `def` (`rest` starts with it):
    /// an Erlang block keyword opens a block, `end` closes one.
    fn note_keyword(&mut self, offset: usize, rest: &str) {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '@'))
            .unwrap_or(rest.len());
        let word = &rest[..end];
        if word == "end" {
            self.blocks.pop();
            return;
        }
        // Elixir's blocks: `do` (not the keyword `do:`) and `fn`.
        let after = &rest[end..];
        if word == "do" && after.starts_with(':') {
            // `if x, do: 1, else: 2`, `case x, do: (1 -> :a)`: Elixir's
            // one-line forms, whose `if` or `case` opens no block.
            if !self.elixir {
                self.elixir = true;
                self.blocks.clear();
            }
            return;
        }
        if (word == "do" || word == "fn") && !after.starts_with(':') {
            if !self.elixir {
                // `case x do`: the `case` was Elixir's, opening nothing.
                self.elixir = true;
                self.blocks.clear();
            }
            self.blocks
                .push((if word == "do" { "do" } else { "fn" }, offset));
            return;
        }
        if self.elixir {
            return;
        }
        let Some(keyword) = BLOCK_KEYWORDS.iter().find(|k| **k == word) else {
            return;
        };
        if *keyword == "fun" {
            // `fun (X) ->` and `fun Name(X) ->` have clauses; `fun f/1`,
            // `fun m:f/1` do not.
            let after = rest[end..].trim_start();
            let named = after.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
            let is_clause = after.starts_with('(')
                || (after.starts_with(|c: char| c.is_ascii_uppercase()) && named.starts_with('('));
            if !is_clause {
                return;
            }
        }
        self.blocks.push((keyword, offset));
    }

    /// Whether open Erlang blocks keep the statement going: always for a
    /// statement that is no command, and for one starting with a command
    /// word (`receive`) once an Erlang `->` shows it is Erlang.
    fn blocks_open(&self) -> bool {
        !self.blocks.is_empty()
            && (self.elixir
                || self.arrow
                || crate::commands::help::lookup(&self.first_word).is_none())
    }

    /// True when nothing is left open (or the brackets are already wrong).
    pub fn is_complete(&self) -> bool {
        self.mismatched || (self.open.is_empty() && self.quote.is_none() && !self.blocks_open())
    }

    /// The Erlang block keyword still waiting for its `end` (the
    /// innermost), with its offset, when that keeps the statement open.
    pub fn unclosed_block(&self) -> Option<(&'static str, usize)> {
        self.blocks_open()
            .then(|| self.blocks.last().copied())
            .flatten()
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
    fn an_erlang_block_goes_on_until_its_end() {
        assert!(!complete("X = case Y of"));
        assert!(!complete("case Y of\n  1 -> a;"));
        assert!(complete("case Y of\n  1 -> a;\n  _ -> b\nend."));
        assert!(!complete("F = fun(X) ->"));
        assert!(complete("F = fun(X) -> X end."));
        assert!(!complete("F = fun Loop(X) ->"));
        assert!(complete("F = fun lists:sum/1."));
        assert!(complete("lists:map(fun erlang:abs/1, L)."));
        assert!(!complete("receive X ->"));
        assert!(complete("receive X -> X after 0 -> none end"));
        // The command `receive` has no `end`: no `->`, no Erlang block.
        assert!(complete("receive {ok, X} timeout 1s"));
        assert!(complete("receive"));
        // Words that only contain a keyword, strings and quoted atoms.
        assert!(complete("cases = \"case\", 'case', ending."));
        // Inside a `def`, the block's braces alone decide.
        assert!(complete("def c { f(X) -> case X of _ -> ok end. }"));
        assert!(!complete("def c { f(X) -> case X of"));
        let mut scanner = Scanner::default();
        scanner.feed("ok,\n  X = case Y of\n");
        assert_eq!(scanner.unclosed_block(), Some(("case", 10)));
        assert_eq!(scanner.unclosed(), None);
    }

    #[test]
    fn an_elixir_block_goes_on_until_its_end() {
        assert!(!complete("defmodule Counter do"));
        assert!(!complete(
            "defmodule Counter do\n  def start(n) do\n    n\n  end"
        ));
        assert!(complete(
            "defmodule Counter do\n  def start(n) do\n    n\n  end\nend"
        ));
        assert!(complete("defmodule C do\n  def f(x), do: x\nend"));
        assert!(complete("x = if true, do: 1, else: 2"));
        assert!(complete("y = case 2, do: (1 -> :a; 2 -> :b)"));
        assert!(complete("z = receive do: (m -> m), after: (0 -> :none)"));
        assert!(!complete("f = fn x -> if x, do: 1, else: 2"));
        assert!(complete("f = fn x -> if x, do: 1, else: 2 end"));
        assert!(!complete("case x do\n  1 -> :one"));
        assert!(complete("case x do\n  1 -> :one\nend"));
        assert!(!complete("receive do"));
        assert!(!complete("f = fn x ->"));
        assert!(complete("f = fn x -> x end"));
        assert!(complete("Enum.map(l, fn x ->\n x * 2\nend)"));
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
