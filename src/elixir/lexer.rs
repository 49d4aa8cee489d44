//! Elixir source to tokens, with Elixir's lexical rules: `#` comments,
//! atoms (`:ok`, `:"a b"`), aliases (`MyApp.Counter`), keyword keys
//! (`name:`), strings with `#{}` interpolation (the expression inside is
//! tokenized on its own, so the parser sees it as any expression),
//! charlists (`'abc'`), the sigils `~w` and `~s`, and newlines, which end
//! expressions in Elixir and so are tokens here.
//!
//! Every token carries its [`Pos`] (line and column from the start of the
//! text) and whether whitespace came before it, which tells a call
//! without parentheses (`send pid, :hi`) from one with (`send(pid, :hi)`).

use crate::diagnostics::Diagnostic;
use crate::erlang::ast::Pos;
use crate::erlang::syntax::error_at;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Int(i64),
    Float(f64),
    /// `:ok`, `:"a b"`, and the operator atoms `:+`.
    Atom(String),
    /// `Counter`, one segment of an alias (`MyApp.Counter` is three
    /// tokens: `MyApp`, `.`, `Counter`).
    Alias(String),
    /// A variable or a function name (`loop`, `valid?`, `_acc`).
    Ident(String),
    /// `name:` in a keyword list or keyword arguments.
    Key(String),
    /// A string: literal parts and interpolated expressions, in order.
    Str(Vec<StrPart>),
    /// `'abc'`: a charlist.
    Chars(String),
    /// `~w(a b c)` with its modifier (`a`, `c`, `s`): the words.
    Words(Vec<String>, char),
    /// `&1`: the first argument of a capture.
    CaptureArg(u32),
    /// A punctuation mark or an operator, as written (`(`, `|>`, `->`).
    Op(&'static str),
    /// A keyword: `do`, `end`, `fn`, `when`, `and`, ...
    Kw(&'static str),
    /// The end of a line (and a `;`); the parser skips it where an
    /// expression cannot end (inside brackets, after an operator).
    Eol,
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StrPart {
    Lit(String),
    /// The tokens of `#{...}`, ending with `Eof`.
    Interp(Vec<Token>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
    /// Whitespace (or the start of the text) comes before it.
    pub spaced: bool,
}

const KEYWORDS: &[&str] = &[
    "do", "end", "fn", "when", "and", "or", "not", "in", "true", "false", "nil", "after", "else",
    "catch", "rescue",
];

/// Operators, longest first so that `|>` is not read as `|`.
const OPERATORS: &[&str] = &[
    "===", "!==", "...", "<<<", ">>>", "\\\\", "|>", "<>", "++", "--", "==", "!=", "<=", ">=",
    "&&", "||", "->", "=>", "<-", "::", "..", "//", "<<", ">>", "=~", "+", "-", "*", "/", "=", "<",
    ">", "!", "^", "&", "|", ".", ",", "(", ")", "[", "]", "{", "}", "%", "@", ";",
];

pub fn tokenize(source: &str) -> Result<Vec<Token>, Diagnostic> {
    let mut lexer = Lexer {
        source,
        chars: source.chars().collect(),
        at: 0,
        line: 1,
        column: 1,
        line_offset: 0,
        column_offset: 0,
    };
    lexer.run()
}

struct Lexer<'a> {
    source: &'a str,
    chars: Vec<char>,
    at: usize,
    line: u32,
    column: u32,
    /// Where an interpolation's text starts in the whole source.
    line_offset: u32,
    column_offset: u32,
}

impl Lexer<'_> {
    fn peek(&self, n: usize) -> Option<char> {
        self.chars.get(self.at + n).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn pos(&self) -> Pos {
        Pos::new(
            self.line + self.line_offset,
            if self.line == 1 {
                self.column + self.column_offset
            } else {
                self.column
            },
        )
    }

    fn error(&self, pos: Pos, message: &str, hint: &str) -> Diagnostic {
        error_at(self.source, pos, 1, message, Some(hint.to_string()))
    }

    fn run(&mut self) -> Result<Vec<Token>, Diagnostic> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut spaced = true;
        while let Some(c) = self.peek(0) {
            if c == '\n' {
                self.bump();
                if !matches!(tokens.last(), Some(Token { tok: Tok::Eol, .. })) {
                    tokens.push(Token {
                        tok: Tok::Eol,
                        pos: self.pos(),
                        spaced: true,
                    });
                }
                spaced = true;
                continue;
            }
            if c.is_whitespace() {
                self.bump();
                spaced = true;
                continue;
            }
            if c == '#' {
                while self.peek(0).is_some_and(|c| c != '\n') {
                    self.bump();
                }
                continue;
            }
            let pos = self.pos();
            let tok = self.token(c, pos, &tokens)?;
            let tok = if tok == Tok::Op(";") { Tok::Eol } else { tok };
            tokens.push(Token { tok, pos, spaced });
            spaced = false;
        }
        tokens.push(Token {
            tok: Tok::Eof,
            pos: self.pos(),
            spaced: true,
        });
        Ok(tokens)
    }

    fn token(&mut self, c: char, pos: Pos, before: &[Token]) -> Result<Tok, Diagnostic> {
        if c.is_ascii_digit() {
            return self.number(pos);
        }
        if c.is_alphabetic() || c == '_' {
            let word = self.word();
            // `name:` followed by a space is a keyword key (`a: 1`); `a::b`
            // is not.
            if self.peek(0) == Some(':')
                && self.peek(1) != Some(':')
                && self.peek(1).is_none_or(char::is_whitespace)
            {
                self.bump();
                return Ok(Tok::Key(word));
            }
            if c.is_uppercase() {
                return Ok(Tok::Alias(word));
            }
            // After a `.`, a keyword is a field or function name (`m.end`).
            let after_dot = matches!(
                before.last(),
                Some(Token {
                    tok: Tok::Op("."),
                    ..
                })
            );
            if !after_dot && let Some(kw) = KEYWORDS.iter().find(|k| **k == word) {
                return Ok(Tok::Kw(kw));
            }
            return Ok(Tok::Ident(word));
        }
        match c {
            '"' => {
                self.bump();
                if self.peek(0) == Some('"') && self.peek(1) == Some('"') {
                    return self.heredoc(pos);
                }
                return Ok(Tok::Str(self.string('"', pos)?));
            }
            '\'' => {
                self.bump();
                return Ok(Tok::Chars(self.plain_string('\'', pos)?));
            }
            ':' if self.peek(1) == Some('"') => {
                self.bump();
                self.bump();
                return Ok(Tok::Atom(self.plain_string('"', pos)?));
            }
            ':' if self.peek(1).is_some_and(|c| c.is_alphabetic() || c == '_') => {
                self.bump();
                let mut name = self.word();
                // `:"Elixir.Foo"` aside, `:Foo.Bar` is not written; `:a@b` is.
                while self.peek(0) == Some('@') {
                    self.bump();
                    name.push('@');
                    name.push_str(&self.word());
                }
                return Ok(Tok::Atom(name));
            }
            ':' if self.peek(1) != Some(':') => {
                self.bump();
                for op in OPERATORS {
                    if self.starts_with(op) && !matches!(*op, "(" | ")" | "[" | "]" | "{" | "}") {
                        for _ in 0..op.chars().count() {
                            self.bump();
                        }
                        return Ok(Tok::Atom(op.to_string()));
                    }
                }
                return Err(self.error(pos, "expected an atom after `:`", "write :ok or :\"a b\""));
            }
            '&' if self.peek(1).is_some_and(|c| c.is_ascii_digit()) => {
                self.bump();
                let mut n = 0u32;
                while let Some(d) = self.peek(0).and_then(|c| c.to_digit(10)) {
                    self.bump();
                    n = n.saturating_mul(10).saturating_add(d);
                }
                return Ok(Tok::CaptureArg(n));
            }
            '?' => {
                self.bump();
                let Some(ch) = self.bump() else {
                    return Err(self.error(pos, "expected a character after `?`", "?a is 97"));
                };
                let code = if ch == '\\' {
                    self.escape(pos)? as i64
                } else {
                    ch as i64
                };
                return Ok(Tok::Int(code));
            }
            '~' => return self.sigil(pos),
            _ => {}
        }
        for op in OPERATORS {
            if self.starts_with(op) {
                for _ in 0..op.chars().count() {
                    self.bump();
                }
                return Ok(Tok::Op(op));
            }
        }
        Err(self.error(
            pos,
            &format!("unexpected character `{c}`"),
            "this is not Elixir the playground reads",
        ))
    }

    fn starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.peek(i) == Some(c))
    }

    fn word(&mut self) -> String {
        let mut word = String::new();
        while let Some(c) = self.peek(0).filter(|c| c.is_alphanumeric() || *c == '_') {
            word.push(c);
            self.bump();
        }
        if let Some(c) = self.peek(0).filter(|c| *c == '?' || *c == '!')
            && self.peek(1) != Some('=')
        {
            word.push(c);
            self.bump();
        }
        word
    }

    fn number(&mut self, pos: Pos) -> Result<Tok, Diagnostic> {
        let mut text = String::new();
        if self.peek(0) == Some('0') && matches!(self.peek(1), Some('x' | 'b' | 'o')) {
            self.bump();
            let radix = match self.bump() {
                Some('x') => 16,
                Some('b') => 2,
                _ => 8,
            };
            while let Some(c) = self
                .peek(0)
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            {
                if c != '_' {
                    text.push(c);
                }
                self.bump();
            }
            return i64::from_str_radix(&text, radix)
                .map(Tok::Int)
                .map_err(|_| self.error(pos, "not a number", "0x1F, 0b101, 0o17"));
        }
        let mut float = false;
        while let Some(c) = self.peek(0) {
            if c.is_ascii_digit() {
                text.push(c);
            } else if c == '_' && self.peek(1).is_some_and(|d| d.is_ascii_digit()) {
            } else if c == '.' && !float && self.peek(1).is_some_and(|d| d.is_ascii_digit()) {
                float = true;
                text.push(c);
            } else if (c == 'e' || c == 'E') && float {
                text.push(c);
                if matches!(self.peek(1), Some('-' | '+')) {
                    self.bump();
                    text.push(self.peek(0).unwrap_or('+'));
                }
            } else {
                break;
            }
            self.bump();
        }
        if float {
            text.parse()
                .map(Tok::Float)
                .map_err(|_| self.error(pos, "not a number", "1.5, 2.0e3"))
        } else {
            text.parse().map(Tok::Int).map_err(|_| {
                self.error(
                    pos,
                    "this integer is too large",
                    "integers up to 2^63 are read here",
                )
            })
        }
    }

    fn escape(&mut self, pos: Pos) -> Result<char, Diagnostic> {
        let c = self
            .bump()
            .ok_or_else(|| self.error(pos, "this string is never closed", "end it with a quote"))?;
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            's' => ' ',
            'e' => '\u{1b}',
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            other => other,
        })
    }

    /// A string or quoted atom without interpolation (a charlist's
    /// `#{}` is rare enough to be read literally).
    fn plain_string(&mut self, quote: char, pos: Pos) -> Result<String, Diagnostic> {
        let mut text = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(self.error(
                        pos,
                        "this string is never closed",
                        &format!("end it with {quote}"),
                    ));
                }
                Some(c) if c == quote => return Ok(text),
                Some('\\') => text.push(self.escape(pos)?),
                Some(c) => text.push(c),
            }
        }
    }

    /// A string's parts, up to the closing `end` character.
    fn string(&mut self, end: char, pos: Pos) -> Result<Vec<StrPart>, Diagnostic> {
        let mut parts = Vec::new();
        let mut text = String::new();
        loop {
            match self.peek(0) {
                None => {
                    return Err(self.error(
                        pos,
                        "this string is never closed",
                        &format!("end it with {end}"),
                    ));
                }
                Some(c) if c == end => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    self.bump();
                    text.push(self.escape(pos)?);
                }
                Some('#') if self.peek(1) == Some('{') => {
                    self.bump();
                    self.bump();
                    if !text.is_empty() {
                        parts.push(StrPart::Lit(std::mem::take(&mut text)));
                    }
                    parts.push(StrPart::Interp(self.interpolation(pos)?));
                }
                Some(c) => {
                    self.bump();
                    text.push(c);
                }
            }
        }
        if !text.is_empty() || parts.is_empty() {
            parts.push(StrPart::Lit(text));
        }
        Ok(parts)
    }

    /// The tokens of `#{...}` (just after the `{`), up to its `}`.
    fn interpolation(&mut self, pos: Pos) -> Result<Vec<Token>, Diagnostic> {
        let start = self.at;
        let inner_pos = self.pos();
        let mut depth = 0usize;
        loop {
            match self.peek(0) {
                None => {
                    return Err(self.error(
                        pos,
                        "this `#{` is never closed",
                        "end the interpolation with `}`",
                    ));
                }
                Some('{') => depth += 1,
                Some('}') if depth == 0 => break,
                Some('}') => depth -= 1,
                Some('"') => {
                    // A string inside the interpolation: skip it whole.
                    self.bump();
                    while let Some(c) = self.peek(0).filter(|c| *c != '"') {
                        if c == '\\' {
                            self.bump();
                        }
                        self.bump();
                    }
                }
                _ => {}
            }
            self.bump();
        }
        let inner: String = self.chars[start..self.at].iter().collect();
        self.bump();
        let mut lexer = Lexer {
            source: self.source,
            chars: inner.chars().collect(),
            at: 0,
            line: 1,
            column: 1,
            line_offset: inner_pos.line - 1,
            column_offset: inner_pos.column - 1,
        };
        let mut tokens = lexer.run()?;
        tokens.retain(|t| t.tok != Tok::Eol);
        Ok(tokens)
    }

    /// `"""` heredoc: the lines up to the closing `"""`, with the closing
    /// line's indentation taken off each.
    fn heredoc(&mut self, pos: Pos) -> Result<Tok, Diagnostic> {
        self.bump();
        self.bump();
        while self.peek(0).is_some_and(|c| c != '\n') {
            self.bump();
        }
        self.bump();
        let mut lines = Vec::new();
        loop {
            // At a line's start: the closing `"""` after its indentation
            // ends the heredoc, and what follows it on that line is left
            // for the lexer (`""" |> String.trim()`).
            let mut indent = 0;
            while matches!(self.peek(indent), Some(' ' | '\t')) {
                indent += 1;
            }
            if (0..3).all(|i| self.peek(indent + i) == Some('"')) {
                for _ in 0..indent + 3 {
                    self.bump();
                }
                let text: String = lines
                    .iter()
                    .map(|l: &String| format!("{}\n", l.get(indent..).unwrap_or(l.trim_start())))
                    .collect();
                return Ok(Tok::Str(vec![StrPart::Lit(text)]));
            }
            let mut line = String::new();
            while let Some(c) = self.peek(0).filter(|c| *c != '\n') {
                line.push(c);
                self.bump();
            }
            if self.bump().is_none() {
                return Err(self.error(pos, "this heredoc is never closed", "end it with \"\"\""));
            }
            lines.push(line);
        }
    }

    /// `~w(...)`, `~s(...)` and their kin with any of Elixir's delimiters.
    fn sigil(&mut self, pos: Pos) -> Result<Tok, Diagnostic> {
        self.bump();
        let Some(kind) = self.bump() else {
            return Err(self.error(pos, "expected a sigil after `~`", "~w(a b c), ~s(text)"));
        };
        let Some(open) = self.bump() else {
            return Err(self.error(pos, "expected the sigil's delimiter", "~w(a b c)"));
        };
        let close = match open {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            '<' => '>',
            other => other,
        };
        // An upper-case sigil (~S, ~W, ~C) is raw: no escapes but its
        // closing delimiter's, no interpolation.
        let parts = if kind.is_ascii_uppercase() {
            vec![StrPart::Lit(self.raw_sigil(close, pos)?)]
        } else {
            self.string(close, pos)?
        };
        let mut modifier = 's';
        while let Some(c) = self.peek(0).filter(|c| c.is_ascii_alphabetic()) {
            modifier = c;
            self.bump();
        }
        match kind {
            's' | 'S' => Ok(Tok::Str(parts)),
            'c' | 'C' => Ok(Tok::Chars(literal(&parts))),
            'w' | 'W' => Ok(Tok::Words(
                literal(&parts)
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
                modifier,
            )),
            _ => Err(self.error(
                pos,
                &format!("the sigil ~{kind} is not read here"),
                "the playground reads ~w, ~s and ~c",
            )),
        }
    }
}

impl Lexer<'_> {
    /// The text of an upper-case sigil up to `close`, as written.
    fn raw_sigil(&mut self, close: char, pos: Pos) -> Result<String, Diagnostic> {
        let mut text = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(self.error(
                        pos,
                        "this sigil is never closed",
                        &format!("end it with {close}"),
                    ));
                }
                Some(c) if c == close => return Ok(text),
                Some('\\') if self.peek(0) == Some(close) => {
                    self.bump();
                    text.push(close);
                }
                Some(c) => text.push(c),
            }
        }
    }
}

fn literal(parts: &[StrPart]) -> String {
    parts
        .iter()
        .filter_map(|p| match p {
            StrPart::Lit(text) => Some(text.as_str()),
            StrPart::Interp(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(source: &str) -> Vec<Tok> {
        tokenize(source)
            .unwrap()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn atoms_aliases_keys_and_operators_are_told_apart() {
        assert_eq!(
            toks("Foo.bar(:ok, a: 1) |> x"),
            vec![
                Tok::Alias("Foo".into()),
                Tok::Op("."),
                Tok::Ident("bar".into()),
                Tok::Op("("),
                Tok::Atom("ok".into()),
                Tok::Op(","),
                Tok::Key("a".into()),
                Tok::Int(1),
                Tok::Op(")"),
                Tok::Op("|>"),
                Tok::Ident("x".into()),
                Tok::Eof
            ]
        );
    }

    #[test]
    fn a_string_keeps_its_interpolations_as_tokens() {
        let tokens = toks("\"n=#{n + 1}!\"");
        let [Tok::Str(parts), Tok::Eof] = tokens.as_slice() else {
            panic!("{tokens:?}")
        };
        assert_eq!(parts[0], StrPart::Lit("n=".into()));
        let StrPart::Interp(inner) = &parts[1] else {
            panic!()
        };
        assert_eq!(inner[1].tok, Tok::Op("+"));
        assert_eq!(parts[2], StrPart::Lit("!".into()));
    }

    #[test]
    fn newlines_are_tokens_and_comments_are_not() {
        assert_eq!(
            toks("a # note\n(b\nc)"),
            vec![
                Tok::Ident("a".into()),
                Tok::Eol,
                Tok::Op("("),
                Tok::Ident("b".into()),
                Tok::Eol,
                Tok::Ident("c".into()),
                Tok::Op(")"),
                Tok::Eof
            ]
        );
    }

    #[test]
    fn an_unclosed_string_is_an_error_at_its_quote() {
        let error = tokenize("x = \"abc").unwrap_err();
        assert_eq!((error.line, error.column), (1, 5));
    }
}
