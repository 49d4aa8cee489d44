//! A forgiving lexer for colouring the REPL line as it is typed.
//!
//! Unlike the parser, it must cope with half-written input (an open string,
//! a `{` without its `}`), so it never fails: it classifies every
//! non-blank stretch of the line and leaves the judging to the parser. It
//! works on `char` boundaries, so byte ranges are always valid slices.
//!
//! A word in command position that is no command is `Unknown`, which lets
//! the REPL show a typo such as `spwan` before Enter is pressed; one that
//! starts Erlang (`lists:seq(`, `flush(`, `ok.`: a call, a remote call, a
//! value ending the line) is an atom, as the parser will read it.
//!
//! Inside the braces of `def NAME { ... }` the text is Erlang and is
//! coloured by Erlang's rules: its keywords (`receive`, `after`, `end`,
//! `case`, `fun`, `when`, ...), atoms, variables, numbers and `$c`
//! characters, strings, and `%` comments (where `#` is no comment).
//!
//! After `defmodule` the entry is Elixir and is coloured by Elixir's
//! rules: its keywords (`do`, `end`, `fn`, `def`, `use`, ...), `:atoms`,
//! `Aliases` and `key:` keys as atoms, `@attributes`, lowercase names as
//! variables, and `#` comments. At the prompt, a lowercase name bound with
//! `=` (`pid = spawn(...)`) is an Elixir variable, and Elixir's special
//! forms (`for`, `unless`, `with`, `cond`) are keywords, not typos.
//!
//! The REPL colours one line at a time, on every key: the lexer's state at
//! the end of a line ([`LexState`]) is where the next line of the same
//! entry starts ([`classify_from`]), so the lines already entered are never
//! lexed again and a 10,000-line paste costs what its text does.

use crate::style::{Role, Style};
use std::ops::Range;

use super::help::lookup;

/// Elixir's keywords and the words that open its definitions and special
/// forms, coloured as keywords inside a `defmodule`.
const ELIXIR_KEYWORDS: &[&str] = &[
    "do",
    "end",
    "fn",
    "when",
    "and",
    "or",
    "not",
    "in",
    "true",
    "false",
    "nil",
    "after",
    "else",
    "catch",
    "rescue",
    "def",
    "defp",
    "defmodule",
    "defstruct",
    "use",
    "alias",
    "import",
    "require",
    "case",
    "cond",
    "if",
    "unless",
    "with",
    "for",
    "receive",
    "try",
    "raise",
];

/// Elixir's special forms that start a line at the prompt.
const ELIXIR_FORMS: &[&str] = &["for", "unless", "with", "cond"];

/// What a piece of the line is, for choosing its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    Command,
    Keyword,
    Atom,
    Variable,
    Number,
    String,
    Pid,
    Duration,
    Comment,
    Punct,
    Unknown,
}

/// Words with a fixed meaning after the command word.
const KEYWORDS: &[&str] = &[
    "as",
    "link",
    "monitor",
    "timeout",
    "on",
    "off",
    "self",
    "intensity",
    "period",
    "strategy",
    "one_for_one",
    "one_for_all",
    "rest_for_one",
    "simple_one_for_one",
    "worker",
    "sup",
    "permanent",
    "transient",
    "temporary",
    "shutdown",
    "brutal_kill",
    "infinity",
    "alive",
    "dead",
    "restarted",
    "quiet",
    "normal",
    "verbose",
    "message",
    "no_message",
    "restarts",
    "children",
    "same",
    "changed",
    "reply",
];

/// Byte ranges of `line` with their classes, in order; blanks are skipped.
pub fn classify(line: &str) -> Vec<(Range<usize>, TokenClass)> {
    classify_from(&LexState::START, line).0
}

/// [`classify`] for text that goes on from where `state` was left (the
/// entry's earlier lines), with the state at its end.
pub fn classify_from(state: &LexState, text: &str) -> (Vec<(Range<usize>, TokenClass)>, LexState) {
    let mut lexer = Lexer {
        src: text,
        pos: 0,
        tokens: Vec::new(),
        state: state.clone(),
    };
    lexer.run();
    (lexer.tokens, lexer.state)
}

/// Where the lexer stands between two pieces of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexState {
    /// Bracket depth: a new line inside a block holds a child, not a command.
    depth: usize,
    /// True until the first word of a statement has been seen.
    command_position: bool,
    /// The command word was `def`: its first `{` opens Erlang code.
    def_pending: bool,
    /// Inside a `def` block: the depth its `{` opened.
    erlang_depth: Option<usize>,
    /// A string or quoted atom left open: it goes on over the next line.
    open_quote: Option<char>,
    /// After `defmodule`: the rest of the entry is Elixir code.
    elixir: bool,
}

impl LexState {
    /// The start of an entry.
    pub const START: LexState = LexState {
        depth: 0,
        command_position: true,
        def_pending: false,
        erlang_depth: None,
        open_quote: None,
        elixir: false,
    };
}

impl Default for LexState {
    fn default() -> LexState {
        LexState::START
    }
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    tokens: Vec<(Range<usize>, TokenClass)>,
    state: LexState,
}

impl Lexer<'_> {
    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Byte offset just after the longest prefix of the rest whose chars satisfy `keep`.
    fn end_of(&self, keep: impl Fn(char) -> bool) -> usize {
        let rest = self.rest();
        self.pos + rest.find(|c: char| !keep(c)).unwrap_or(rest.len())
    }

    fn push(&mut self, end: usize, class: TokenClass) {
        self.tokens.push((self.pos..end, class));
        self.pos = end;
    }

    fn run(&mut self) {
        if let Some(quote) = self.state.open_quote {
            self.quoted_from(quote, 0);
        }
        while let Some(c) = self.peek() {
            if self.state.erlang_depth.is_some() {
                self.erlang(c);
                continue;
            }
            if self.state.elixir {
                self.elixir(c);
                continue;
            }
            match c {
                '\n' => {
                    self.pos += 1;
                    self.state.command_position = self.state.depth == 0;
                }
                c if c.is_whitespace() => self.pos += c.len_utf8(),
                '#' if self.rest().starts_with("#Ref<") => self.angle_bracketed(TokenClass::Pid),
                '#' if self.rest().starts_with("#{") => {
                    // A map starts a term, which is no command.
                    self.state.command_position = false;
                    self.push(self.pos + 1, TokenClass::Punct);
                }
                '#' => self.push(self.end_of(|c| c != '\n'), TokenClass::Comment),
                '"' | '\'' => self.quoted(c),
                '<' if self.rest()[1..].starts_with(|c: char| c.is_ascii_digit()) => {
                    self.angle_bracketed(TokenClass::Pid)
                }
                '0'..='9' => self.number(),
                '-' if self.rest()[1..].starts_with(|c: char| c.is_ascii_digit()) => self.number(),
                c if c.is_ascii_alphabetic() || c == '_' => self.word(),
                '{' | '[' | '(' => {
                    self.state.depth += 1;
                    // A statement that opens with a bracket is a term or a
                    // pattern (`{ok, P} = ...`), and a `sup` block's
                    // children are keywords: no command follows.
                    self.state.command_position = false;
                    if c == '{' && self.state.depth == 1 && self.state.def_pending {
                        self.state.erlang_depth = Some(1);
                    }
                    self.push(self.pos + 1, TokenClass::Punct);
                }
                '}' | ']' | ')' => {
                    self.state.depth = self.state.depth.saturating_sub(1);
                    self.push(self.pos + 1, TokenClass::Punct);
                }
                ';' => {
                    self.state.command_position = self.state.depth == 0;
                    self.push(self.pos + 1, TokenClass::Punct);
                }
                // Erlang's operators at the prompt (`->`, `=:=`, `<-`,
                // `:=`, `++`, `m:f`) are as valid as the commands' `!`.
                c if c.is_ascii_punctuation() => self.push(self.pos + 1, TokenClass::Punct),
                other => self.push(self.pos + other.len_utf8(), TokenClass::Unknown),
            }
        }
    }

    /// A string or quoted atom, up to its closing quote or the end of input.
    fn quoted(&mut self, quote: char) {
        self.quoted_from(quote, 1);
    }

    /// The rest of a string or quoted atom whose text starts `skip` chars
    /// in (after its opening quote, or at once when it was opened on an
    /// earlier line); left open at the end of the input, it is noted in
    /// the state.
    fn quoted_from(&mut self, quote: char, skip: usize) {
        let mut escaped = false;
        let mut end = None;
        for (i, c) in self.rest().char_indices().skip(skip) {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == quote {
                end = Some(self.pos + i + 1);
                break;
            }
        }
        self.state.open_quote = end.is_none().then_some(quote);
        let class = if quote == '"' {
            TokenClass::String
        } else {
            TokenClass::Atom
        };
        self.state.command_position = false;
        self.push(end.unwrap_or(self.src.len()), class);
    }

    /// `<0.4.0>` or `#Ref<0.7>`, up to `>` (or the end of the line).
    fn angle_bracketed(&mut self, class: TokenClass) {
        let rest = self.rest();
        let end = match rest.find(['>', ' ', '\n']) {
            Some(i) if rest[i..].starts_with('>') => self.pos + i + 1,
            Some(i) => self.pos + i,
            None => self.src.len(),
        };
        self.state.command_position = false;
        self.push(end, class);
    }

    /// `42`, `-1.5`, or a duration such as `250ms` or `1.5s`.
    fn number(&mut self) {
        let digits_end = {
            let start = self.pos + usize::from(self.rest().starts_with('-'));
            let tail = &self.src[start..];
            start
                + tail
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .unwrap_or(tail.len())
        };
        let unit_end = {
            let tail = &self.src[digits_end..];
            digits_end
                + tail
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .unwrap_or(tail.len())
        };
        let class = match &self.src[digits_end..unit_end] {
            "" => TokenClass::Number,
            "ms" | "s" | "m" => TokenClass::Duration,
            _ => TokenClass::Unknown,
        };
        self.state.command_position = false;
        self.push(unit_end, class);
    }

    /// One token of Erlang code inside a `def` block.
    fn erlang(&mut self, c: char) {
        match c {
            c if c.is_whitespace() => self.pos += c.len_utf8(),
            '%' => self.push(self.end_of(|c| c != '\n'), TokenClass::Comment),
            '"' | '\'' => self.quoted(c),
            '$' => {
                // `$a`, `$\n`: a character is a number in Erlang.
                let mut chars = self.rest().char_indices().skip(1);
                let end = match chars.next() {
                    Some((i, '\\')) => chars
                        .next()
                        .map_or(self.src.len(), |(j, c)| self.pos + j + c.len_utf8())
                        .max(self.pos + i + 1),
                    Some((i, c)) => self.pos + i + c.len_utf8(),
                    None => self.src.len(),
                };
                self.push(end, TokenClass::Number);
            }
            '0'..='9' => self.number(),
            c if c.is_ascii_alphabetic() || c == '_' => {
                let end = self.end_of(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@');
                let text = &self.src[self.pos..end];
                let class = if text.starts_with(|c: char| c.is_ascii_uppercase() || c == '_') {
                    TokenClass::Variable
                } else if crate::erlang::names::is_reserved_word(text) {
                    TokenClass::Keyword
                } else {
                    TokenClass::Atom
                };
                self.push(end, class);
            }
            '{' | '[' | '(' => {
                self.state.depth += 1;
                self.push(self.pos + 1, TokenClass::Punct);
            }
            '}' | ']' | ')' => {
                self.state.depth = self.state.depth.saturating_sub(1);
                if self
                    .state
                    .erlang_depth
                    .is_some_and(|depth| self.state.depth < depth)
                {
                    self.state.erlang_depth = None;
                    self.state.def_pending = false;
                }
                self.push(self.pos + 1, TokenClass::Punct);
            }
            other => self.push(self.pos + other.len_utf8(), TokenClass::Punct),
        }
    }

    /// One token of Elixir code after `defmodule`.
    fn elixir(&mut self, c: char) {
        let word_char = |c: char| c.is_ascii_alphanumeric() || c == '_';
        match c {
            c if c.is_whitespace() => self.pos += c.len_utf8(),
            '#' => self.push(self.end_of(|c| c != '\n'), TokenClass::Comment),
            '"' => self.quoted(c),
            '\'' => {
                // A charlist is a string to the reader.
                self.quoted(c);
                if let Some(last) = self.tokens.last_mut() {
                    last.1 = TokenClass::String;
                }
            }
            ':' if self.rest()[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') => {
                let start = self.pos;
                self.pos += 1;
                let end = self.end_of(|c| word_char(c) || c == '?' || c == '!');
                self.pos = start;
                self.push(end, TokenClass::Atom);
            }
            '@' if self.rest()[1..].starts_with(|c: char| c.is_ascii_alphabetic()) => {
                let start = self.pos;
                self.pos += 1;
                let end = self.end_of(word_char);
                self.pos = start;
                self.push(end, TokenClass::Keyword);
            }
            '0'..='9' => self.number(),
            c if c.is_ascii_alphabetic() || c == '_' => {
                let end = self.end_of(|c| word_char(c) || c == '?' || c == '!');
                let text = &self.src[self.pos..end];
                let after = &self.src[end..];
                let class = if after.starts_with(':') && !after.starts_with("::") {
                    // `do:`, `name:`: a keyword list's key is an atom.
                    self.push(end + 1, TokenClass::Atom);
                    return;
                } else if text.starts_with(|c: char| c.is_ascii_uppercase()) {
                    TokenClass::Atom
                } else if ELIXIR_KEYWORDS.contains(&text) {
                    TokenClass::Keyword
                } else {
                    TokenClass::Variable
                };
                self.push(end, class);
            }
            other => self.push(self.pos + other.len_utf8(), TokenClass::Punct),
        }
    }

    fn word(&mut self) {
        let end = self.end_of(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@');
        let text = &self.src[self.pos..end];
        let next = self.src[end..]
            .trim_start_matches([' ', '\t'])
            .chars()
            .next();
        let starts_with_upper = text.starts_with(|c: char| c.is_ascii_uppercase());
        let is_variable = starts_with_upper || text.starts_with('_');
        let after_word = self.src[end..].trim_start_matches([' ', '\t']);
        let binds = next == Some('=')
            && !["==", "=>", "=:", "=/", "=<"]
                .iter()
                .any(|operator| after_word.starts_with(operator));
        let class = if is_variable {
            // `W = spawn ...`: the command comes after the `=`.
            if next != Some('=') {
                self.state.command_position = false;
            }
            TokenClass::Variable
        } else if self.state.command_position && binds {
            // `pid = spawn(...)`: Elixir binds a lowercase variable.
            self.state.command_position = false;
            TokenClass::Variable
        } else if self.state.command_position && !matches!(next, Some('!' | '(' | ':' | '.' | '/'))
        {
            self.state.command_position = false;
            if lookup(text).is_some() {
                self.state.def_pending = text == "def";
                self.state.elixir = text == "defmodule";
                TokenClass::Command
            } else if KEYWORDS.contains(&text)
                || crate::erlang::names::is_reserved_word(text)
                || ELIXIR_FORMS.contains(&text)
            {
                // `Size = case ...`, `fun() -> ...`: Erlang at the prompt.
                TokenClass::Keyword
            } else {
                TokenClass::Unknown
            }
        } else if KEYWORDS.contains(&text) {
            // `self ! hi`: what follows the target is no command word.
            self.state.command_position = false;
            TokenClass::Keyword
        } else {
            self.state.command_position = false;
            TokenClass::Atom
        };
        self.push(end, class);
    }
}

/// The colour of each kind of token, by the palette's meanings.
fn role_of(class: TokenClass) -> Option<Role> {
    Some(match class {
        TokenClass::Command => Role::Header,
        TokenClass::Keyword => Role::Trapped,
        TokenClass::Variable => Role::Name,
        TokenClass::Pid => Role::Pid,
        TokenClass::Number | TokenClass::Duration => Role::Restart,
        TokenClass::String => Role::Spawn,
        TokenClass::Comment => Role::Quiet,
        TokenClass::Unknown => Role::Crash,
        TokenClass::Atom | TokenClass::Punct => return None,
    })
}

/// `line` with each token painted; unchanged when colour is off. Painting
/// only adds escape codes, so the width rustyline measures stays right.
pub fn highlight(line: &str, style: &Style) -> String {
    highlight_from(&LexState::START, line, style)
}

/// [`highlight`] for a line that goes on from `state` (see [`classify_from`]).
pub fn highlight_from(state: &LexState, line: &str, style: &Style) -> String {
    if !style.colorize {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() * 2);
    let mut at = 0;
    for (range, class) in classify_from(state, line).0 {
        out += &line[at..range.start];
        let text = &line[range.clone()];
        match role_of(class) {
            Some(role) => out += &style.paint(text, role),
            None => out += text,
        }
        at = range.end;
    }
    out += &line[at..];
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenClass::*;

    fn classes(line: &str) -> Vec<(&str, TokenClass)> {
        classify(line)
            .into_iter()
            .map(|(range, class)| (&line[range], class))
            .collect()
    }

    #[test]
    fn a_typical_line() {
        assert_eq!(
            classes("W = spawn ticker(1s) as t link # go"),
            vec![
                ("W", Variable),
                ("=", Punct),
                ("spawn", Command),
                ("ticker", Atom),
                ("(", Punct),
                ("1s", Duration),
                (")", Punct),
                ("as", Keyword),
                ("t", Atom),
                ("link", Keyword),
                ("# go", Comment),
            ]
        );
    }

    #[test]
    fn a_defmodule_is_coloured_as_elixir() {
        let text = "defmodule Counter do\n  use GenServer\n  @impl true\n  def init(n), do: {:ok, n} # go\nend";
        assert_eq!(
            classes(text),
            vec![
                ("defmodule", Command),
                ("Counter", Atom),
                ("do", Keyword),
                ("use", Keyword),
                ("GenServer", Atom),
                ("@impl", Keyword),
                ("true", Keyword),
                ("def", Keyword),
                ("init", Variable),
                ("(", Punct),
                ("n", Variable),
                (")", Punct),
                (",", Punct),
                ("do:", Atom),
                ("{", Punct),
                (":ok", Atom),
                (",", Punct),
                ("n", Variable),
                ("}", Punct),
                ("# go", Comment),
                ("end", Keyword),
            ]
        );
        // At the prompt: an Elixir binding and a special form are no typos.
        assert_eq!(classes("pid = x")[0], ("pid", Variable));
        assert_eq!(classes("for x <- l, do: x")[0], ("for", Keyword));
        assert_eq!(classes("spwan x")[0], ("spwan", Unknown));
    }

    #[test]
    fn terms_and_typos() {
        assert_eq!(
            classes("c ! {<0.4.0>, \"hi\", 'A', -2}"),
            vec![
                ("c", Atom),
                ("!", Punct),
                ("{", Punct),
                ("<0.4.0>", Pid),
                (",", Punct),
                ("\"hi\"", String),
                (",", Punct),
                ("'A'", Atom),
                (",", Punct),
                ("-2", Number),
                ("}", Punct),
            ]
        );
        assert_eq!(classes("spwan x")[0], ("spwan", Unknown));
        // A send's target is no typo: a path, `self`, a name.
        assert_eq!(classes("demo/w1 ! hi")[0], ("demo", Atom));
        assert_eq!(classes("self ! hi")[2], ("hi", Atom));
        assert!(
            classes("state_server ! x")
                .iter()
                .all(|(_, class)| *class != Unknown)
        );
        // Erlang at the prompt: a call's name is no unknown command.
        assert_eq!(classes("lists:seq(1, 3).")[0], ("lists", Atom));
        assert_eq!(classes("length([1]).")[0], ("length", Atom));
    }

    #[test]
    fn a_def_block_is_coloured_as_erlang() {
        let line = "def c {\n  loop(N) -> receive {get, F} -> F ! $a, \"}\" % note }\n  after 5s -> end. }\nkill c # x";
        assert_eq!(
            classes(line),
            vec![
                ("def", Command),
                ("c", Atom),
                ("{", Punct),
                ("loop", Atom),
                ("(", Punct),
                ("N", Variable),
                (")", Punct),
                ("-", Punct),
                (">", Punct),
                ("receive", Keyword),
                ("{", Punct),
                ("get", Atom),
                (",", Punct),
                ("F", Variable),
                ("}", Punct),
                ("-", Punct),
                (">", Punct),
                ("F", Variable),
                ("!", Punct),
                ("$a", Number),
                (",", Punct),
                ("\"}\"", String),
                ("% note }", Comment),
                ("after", Keyword),
                ("5s", Duration),
                ("-", Punct),
                (">", Punct),
                ("end", Keyword),
                (".", Punct),
                ("}", Punct),
                ("kill", Command),
                ("c", Atom),
                ("# x", Comment),
            ]
        );
        assert_eq!(classes("def c { f() -> $\\}. }")[8], ("$\\}", Number));
    }

    #[test]
    fn line_by_line_is_the_same_as_all_at_once() {
        let entry = "def c {\n  loop(N) -> \"a\n}\" % }\n  after 5s -> end.\n}\nsup demo {\n  worker w1 'x\ny' # c\n}";
        let whole = classes(entry);
        let mut state = LexState::START;
        let mut pieces = Vec::new();
        for line in entry.split_inclusive('\n') {
            let (tokens, next) = classify_from(&state, line);
            pieces.extend(
                tokens
                    .into_iter()
                    .map(|(range, class)| (&line[range], class)),
            );
            state = next;
        }
        // A token running over a line break comes in one piece per line.
        let joined: Vec<(std::string::String, TokenClass)> = pieces.into_iter().fold(
            Vec::new(),
            |mut acc: Vec<(std::string::String, TokenClass)>, (text, class)| {
                match acc.last_mut() {
                    Some((last, last_class)) if last.ends_with('\n') && *last_class == class => {
                        last.push_str(text)
                    }
                    _ => acc.push((text.to_owned(), class)),
                }
                acc
            },
        );
        let whole: Vec<(std::string::String, TokenClass)> = whole
            .into_iter()
            .map(|(text, class)| (text.to_owned(), class))
            .collect();
        assert_eq!(joined, whole);
        let (_, after_newline) = classify_from(&state, "\n");
        assert_eq!(classify_from(&after_newline, "kill c").0[0].1, Command);
    }

    #[test]
    fn half_written_input_is_fine() {
        assert_eq!(
            classes("say \"unfinished é"),
            vec![("say", Command), ("\"unfinished é", String)]
        );
        // A stray `<` may be Erlang's (`X < 3`); a crab is no one's.
        assert_eq!(classes("🦀<"), vec![("🦀", Unknown), ("<", Punct)]);
    }
}

/// The highlighter against every command the project shows: what parses is
/// never painted as an error.
#[cfg(test)]
mod corpus {
    use super::*;
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn files_in(dir: &str, extension: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == extension))
            .collect();
        files.sort();
        files
    }

    /// The scripts a reader sees: the ```crash blocks of the docs, and the
    /// commands typed after `crash> ` in their transcripts.
    fn doc_scripts(markdown: &str) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut block: Option<String> = None;
        for line in markdown.lines() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") {
                block = match block.take() {
                    Some(done) => {
                        blocks.push(done);
                        None
                    }
                    None => (trimmed == "```crash").then(String::new),
                };
                continue;
            }
            match &mut block {
                Some(text) => {
                    text.push_str(line);
                    text.push('\n');
                }
                None => {
                    if let Some(typed) = trimmed.strip_prefix("crash> ") {
                        blocks.push(typed.to_owned());
                    }
                }
            }
        }
        blocks
    }

    fn scripts() -> Vec<(String, String)> {
        let read = |path: &Path| std::fs::read_to_string(path).unwrap();
        let mut all = Vec::new();
        for path in files_in("docs", "md")
            .iter()
            .chain([&root().join("README.md")])
        {
            for script in doc_scripts(&read(path)) {
                all.push((path.display().to_string(), script));
            }
        }
        for dir in ["scripts", "tests/fuzz_corpus"] {
            for path in files_in(dir, "crash") {
                all.push((path.display().to_string(), read(&path)));
            }
        }
        all
    }

    #[test]
    fn no_statement_that_parses_is_painted_as_an_error() {
        let mut checked = 0;
        let mut wrong = Vec::new();
        for (file, script) in scripts() {
            for stmt in crate::commands::parse_script(&script).into_iter().flatten() {
                checked += 1;
                let unknown: Vec<&str> = classify(&stmt.source)
                    .into_iter()
                    .filter(|(_, class)| *class == TokenClass::Unknown)
                    .map(|(range, _)| &stmt.source[range])
                    .collect();
                if !unknown.is_empty() {
                    wrong.push(format!("{file}: {:?} paints {unknown:?}", stmt.source));
                }
            }
        }
        assert!(checked > 500, "only {checked} statements found");
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
