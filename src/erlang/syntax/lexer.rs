//! The lexer: the text of a definition to tokens, as `erl_scan` does.
//!
//! It knows Erlang's lexical rules: `%` comments, atoms (`ok`, `'Quoted'`),
//! variables (`X`, `_`, `_Acc`), integers (`42`, `1_000`, `16#FF`), floats
//! (`1.5`, `2.0e3`), characters (`$a`, `$\n`), strings with escapes, the
//! reserved words, and the operators, longest first (`=:=` before `=`).
//! One playground convenience is lexed here: a duration (`30s`, `500ms`,
//! `1m`), which the parser accepts only as an `after` timeout.
//!
//! Positions are 1-based lines and columns in characters, counted from the
//! start of the text given, which is what a caret needs.

use super::error::{Result, error_at};
use crate::erlang::ast::Pos;
use crate::erlang::names;
use crate::runtime::Term;
use crate::runtime::term::bignum::parse_int_radix;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// `ok`, `'EXIT'`: quoted atoms are plain atoms once lexed.
    Atom(String),
    Var(String),
    /// An integer literal, of any size.
    Int(Term),
    Float(f64),
    Str(String),
    /// `30s`, `500ms`, `1m`, in milliseconds.
    Duration(i64),
    /// A reserved word (`case`, `receive`, ... and the unsupported ones).
    Keyword(&'static str),
    /// An operator or separator.
    Punct(&'static str),
    /// `.` followed by white space, a comment or the end: ends a function.
    Dot,
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
    /// Length in characters, for the caret.
    pub len: usize,
}

/// Operators and separators, longest first so `=:=` wins over `=`.
const PUNCTS: &[&str] = &[
    "=:=", "=/=", "...", "->", "=<", ">=", "==", "/=", "++", "--", "||", "<-", "<=", "=>", "::",
    ":=", "<<", ">>", "(", ")", "{", "}", "[", "]", ",", ";", "|", "=", "<", ">", "+", "-", "*",
    "/", "!", ":", "#", "?", ".",
];

/// The longest atom Erlang accepts.
const MAX_ATOM_CHARS: usize = 255;

pub fn tokenize(source: &str) -> Result<Vec<Token>> {
    let mut lexer = Lexer {
        source,
        chars: source.chars().collect(),
        at: 0,
        line: 1,
        column: 1,
        tokens: Vec::new(),
    };
    lexer.run()?;
    Ok(lexer.tokens)
}

struct Lexer<'a> {
    source: &'a str,
    chars: Vec<char>,
    at: usize,
    line: u32,
    column: u32,
    tokens: Vec<Token>,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
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
        Pos::new(self.line, self.column)
    }

    fn push(&mut self, tok: Tok, pos: Pos, start: usize) {
        let len = self.at - start;
        self.tokens.push(Token { tok, pos, len });
    }

    fn error(
        &self,
        pos: Pos,
        len: usize,
        message: impl Into<String>,
        hint: &str,
    ) -> crate::diagnostics::Diagnostic {
        let hint = (!hint.is_empty()).then(|| hint.to_string());
        error_at(self.source, pos, len, message, hint)
    }

    fn run(&mut self) -> Result<()> {
        while let Some(c) = self.peek() {
            let pos = self.pos();
            let start = self.at;
            match c {
                c if c.is_whitespace() => {
                    self.bump();
                }
                '%' => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                '0'..='9' => self.number(pos, start)?,
                '$' => self.char_literal(pos, start)?,
                '"' => {
                    let text = self.quoted('"', pos, "string")?;
                    self.push(Tok::Str(text), pos, start);
                }
                '\'' => {
                    let text = self.quoted('\'', pos, "quoted atom")?;
                    if text.chars().count() > MAX_ATOM_CHARS {
                        return Err(self.error(
                            pos,
                            self.at - start,
                            "atom too long",
                            "an atom has at most 255 characters",
                        ));
                    }
                    self.push(Tok::Atom(text), pos, start);
                }
                c if c.is_ascii_alphabetic() || c == '_' => self.word(pos, start)?,
                '.' if self
                    .peek_at(1)
                    .is_none_or(|c| c.is_whitespace() || c == '%') =>
                {
                    self.bump();
                    self.push(Tok::Dot, pos, start);
                }
                _ => self.punct(c, pos, start)?,
            }
        }
        let end = self.pos();
        self.tokens.push(Token {
            tok: Tok::Eof,
            pos: end,
            len: 1,
        });
        Ok(())
    }

    fn punct(&mut self, c: char, pos: Pos, start: usize) -> Result<()> {
        let found = PUNCTS.iter().find(|p| {
            p.chars()
                .enumerate()
                .all(|(i, pc)| self.peek_at(i) == Some(pc))
        });
        match found {
            Some(punct) => {
                for _ in 0..punct.chars().count() {
                    self.bump();
                }
                self.push(Tok::Punct(punct), pos, start);
                Ok(())
            }
            None => Err(self.error(
                pos,
                1,
                format!("unexpected character `{c}`"),
                "names are ASCII letters, digits, `_` and `@`; text goes in \"strings\"",
            )),
        }
    }

    /// An atom, a variable or a reserved word.
    fn word(&mut self, pos: Pos, start: usize) -> Result<()> {
        let mut text = String::new();
        while let Some(c) = self
            .peek()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '@')
        {
            text.push(c);
            self.bump();
        }
        let tok = if text.starts_with(|c: char| c.is_ascii_uppercase() || c == '_') {
            Tok::Var(text)
        } else if let Some(word) = names::RESERVED_WORDS.iter().find(|w| **w == text) {
            Tok::Keyword(word)
        } else if text.len() > MAX_ATOM_CHARS {
            return Err(self.error(
                pos,
                text.len(),
                "atom too long",
                "an atom has at most 255 characters",
            ));
        } else {
            Tok::Atom(text)
        };
        self.push(tok, pos, start);
        Ok(())
    }

    fn digits(&mut self, radix: u32) -> String {
        let mut text = String::new();
        while let Some(c) = self.peek() {
            if c.is_digit(radix) {
                text.push(c);
            } else if c == '_'
                && self.peek_at(1).is_some_and(|n| n.is_digit(radix))
                && !text.is_empty()
            {
                // `1_000`: OTP 23's digit separators.
            } else {
                break;
            }
            self.bump();
        }
        text
    }

    /// `42`, `1_000`, `16#ff`, `1.5`, `2.0e-3`, or a duration `30s`.
    fn number(&mut self, pos: Pos, start: usize) -> Result<()> {
        let digits = self.digits(10);
        let too_big = |lexer: &Lexer<'_>| {
            lexer.error(
                pos,
                lexer.at - start,
                "this duration is too long",
                "a duration is at most 9223372036854775807 ms",
            )
        };
        if self.peek() == Some('#') && self.peek_at(1).is_some_and(|c| c.is_ascii_alphanumeric()) {
            let radix = digits.parse::<u32>().ok().filter(|r| (2..=36).contains(r));
            let Some(radix) = radix else {
                return Err(self.error(
                    pos,
                    self.at - start,
                    format!("`{digits}` is not a base from 2 to 36"),
                    "write e.g. 16#ff or 2#1010",
                ));
            };
            self.bump();
            let value_digits = self.digits(radix);
            if value_digits.is_empty() {
                return Err(self.error(
                    self.pos(),
                    1,
                    format!("expected a digit of base {radix}"),
                    "",
                ));
            }
            // Integers have no bound: any number of digits is one integer.
            let value = parse_int_radix(&value_digits, radix).expect("digits of the radix");
            self.push(Tok::Int(value), pos, start);
            return self.no_letters_after(pos, start);
        }
        if self.peek() == Some('.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
            let mut text = format!("{digits}.{}", self.digits(10));
            if matches!(self.peek(), Some('e' | 'E')) {
                let sign = matches!(self.peek_at(1), Some('+' | '-'));
                let digit_at = if sign { 2 } else { 1 };
                if self.peek_at(digit_at).is_some_and(|c| c.is_ascii_digit()) {
                    text.push('e');
                    self.bump();
                    if sign {
                        text.push(self.bump().unwrap_or('+'));
                    }
                    text += &self.digits(10);
                }
            }
            let value: f64 = text.parse().unwrap_or(f64::INFINITY);
            if !value.is_finite() {
                return Err(self.error(
                    pos,
                    self.at - start,
                    "this float is out of range",
                    "floats are 64-bit, as in Erlang",
                ));
            }
            self.push(Tok::Float(value), pos, start);
            return self.no_letters_after(pos, start);
        }
        let value = parse_int_radix(&digits, 10).expect("decimal digits");
        // A duration: `30s`, `500ms`, `1m`, if the unit ends the word.
        let unit = ["ms", "s", "m"].into_iter().find(|unit| {
            let n = unit.len();
            unit.chars()
                .enumerate()
                .all(|(i, u)| self.peek_at(i) == Some(u))
                && !self
                    .peek_at(n)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        if let Some(unit) = unit {
            for _ in 0..unit.len() {
                self.bump();
            }
            let factor = match unit {
                "ms" => 1,
                "s" => 1000,
                _ => 60_000,
            };
            let ms = value
                .as_i64()
                .and_then(|v| v.checked_mul(factor))
                .ok_or_else(|| too_big(self))?;
            self.push(Tok::Duration(ms), pos, start);
            return Ok(());
        }
        self.push(Tok::Int(value), pos, start);
        self.no_letters_after(pos, start)
    }

    /// `12abc` is no token in Erlang: say so here, where it is clear.
    fn no_letters_after(&self, pos: Pos, start: usize) -> Result<()> {
        if self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        {
            let mut len = self.at - start;
            while self
                .chars
                .get(start + len)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
            {
                len += 1;
            }
            return Err(self.error(
                pos,
                len,
                "a number cannot be followed by letters",
                "durations are written 30s, 500ms or 1m, and only after `after`",
            ));
        }
        Ok(())
    }

    /// `$a`, `$\n`, `$\x{41}`: the character's code, an integer.
    fn char_literal(&mut self, pos: Pos, start: usize) -> Result<()> {
        self.bump();
        let code = match self.bump() {
            None => {
                return Err(self.error(
                    pos,
                    1,
                    "`$` must be followed by a character",
                    "`$a` is the integer 97",
                ));
            }
            Some('\\') => self.escape(pos)?,
            Some(c) => c,
        };
        self.push(Tok::Int(Term::int(code as i64)), pos, start);
        Ok(())
    }

    /// The body of a string or quoted atom, after its opening quote.
    fn quoted(&mut self, quote: char, pos: Pos, what: &str) -> Result<String> {
        self.bump();
        let mut text = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(self.error(
                        pos,
                        1,
                        format!("this {what} is never closed"),
                        &format!("add a closing {quote}"),
                    ));
                }
                Some(c) if c == quote => return Ok(text),
                Some('\\') => text.push(self.escape(pos)?),
                Some(c) => text.push(c),
            }
        }
    }

    /// After a backslash: Erlang's escapes (`erl_scan`'s `escape_char`).
    fn escape(&mut self, pos: Pos) -> Result<char> {
        let unfinished =
            |lexer: &Lexer<'_>| lexer.error(pos, 1, "an escape `\\` is not finished", "");
        let c = self.bump().ok_or_else(|| unfinished(self))?;
        let code = match c {
            'b' => 8,
            'd' => 127,
            'e' => 27,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            's' => 32,
            't' => 9,
            'v' => 11,
            '0'..='7' => {
                let mut code = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            code = code * 8 + d;
                            self.bump();
                        }
                        None => break,
                    }
                }
                code
            }
            'x' => self.hex_escape(pos)?,
            '^' => {
                let c = self.bump().ok_or_else(|| unfinished(self))?;
                (c as u32) & 31
            }
            other => other as u32,
        };
        char::from_u32(code)
            .ok_or_else(|| self.error(pos, 1, format!("`{code}` is not a character"), ""))
    }

    /// `\xHH` or `\x{H...}`.
    fn hex_escape(&mut self, pos: Pos) -> Result<u32> {
        let bad = |lexer: &Lexer<'_>| {
            lexer.error(
                pos,
                1,
                "a `\\x` escape needs hex digits",
                "write \\x41 or \\x{41}",
            )
        };
        let mut text = String::new();
        if self.peek() == Some('{') {
            self.bump();
            while let Some(c) = self.peek().filter(|c| c.is_ascii_hexdigit()) {
                text.push(c);
                self.bump();
            }
            if self.bump() != Some('}') {
                return Err(bad(self));
            }
        } else {
            for _ in 0..2 {
                match self.peek().filter(|c| c.is_ascii_hexdigit()) {
                    Some(c) => {
                        text.push(c);
                        self.bump();
                    }
                    None => return Err(bad(self)),
                }
            }
        }
        u32::from_str_radix(&text, 16).map_err(|_| bad(self))
    }
}
