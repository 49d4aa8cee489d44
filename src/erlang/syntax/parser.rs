//! The parser's core and the module level: tokens in, functions out.
//!
//! A recursive-descent parser over the lexer's tokens, with Erlang's
//! grammar (`erl_parse.yrl`): a module is functions, each a list of
//! clauses `name(Patterns) when Guard -> Body` separated by `;` and ended
//! by `.`. Expressions are in `expr.rs`, patterns (which Erlang parses as
//! expressions, then checks) in `pattern.rs`.
//!
//! It never panics and always terminates: every loop consumes a token or
//! stops, and nesting deeper than [`MAX_DEPTH`] is an error rather than a
//! stack overflow (here, in the checker or in the compiler).

use super::error::{Result, error_at};
use super::lexer::{Tok, Token};
use crate::diagnostics::Diagnostic;
use crate::erlang::ast::{Attributes, Clause, Function, Guard, Pos};

/// How deeply expressions may nest (brackets, operators, clauses). Far
/// beyond any program a presenter writes, and within a test thread's 2 MB
/// stack even in a debug build (about 10 KB per level there). The command
/// language's terms and `sup` blocks nest no deeper either, with the same
/// error: one limit to document and to remember.
pub const MAX_DEPTH: usize = 64;

pub struct Parser<'a> {
    pub(super) source: &'a str,
    tokens: Vec<Token>,
    at: usize,
    depth: usize,
    /// The records `-record` has defined so far (`records.rs`).
    pub(super) records: std::collections::HashMap<String, super::records::RecordDef>,
    /// Numbers the variables a record expansion binds.
    pub(super) fresh: u32,
    /// Parsing a guard: a record field is `element/2` there.
    pub(super) in_guard: bool,
    /// Parsing a catch clause's reason: a `:` after it starts the
    /// stacktrace variable, not a remote call.
    pub(super) in_catch_pattern: bool,
}

/// The hint for a clause that does not end where it should.
pub const CLAUSE_END_HINT: &str =
    "a function clause ends with `.`; clauses of one function are separated by `;`";

impl<'a> Parser<'a> {
    pub fn new(source: &'a str, tokens: Vec<Token>) -> Parser<'a> {
        Parser {
            source,
            tokens,
            at: 0,
            depth: 0,
            records: std::collections::HashMap::new(),
            fresh: 0,
            in_guard: false,
            in_catch_pattern: false,
        }
    }

    // ----- tokens -----

    pub fn peek(&self) -> &Token {
        // The lexer always ends with `Eof`, and `bump` never passes it.
        &self.tokens[self.at.min(self.tokens.len() - 1)]
    }

    pub fn peek_tok(&self) -> &Tok {
        &self.peek().tok
    }

    /// The token before the next one, if any.
    pub fn previous(&self) -> Option<&Token> {
        self.at.checked_sub(1).and_then(|i| self.tokens.get(i))
    }

    /// The token `n` places ahead (0: the next one).
    pub fn peek_nth(&self, n: usize) -> &Tok {
        &self.tokens[(self.at + n).min(self.tokens.len() - 1)].tok
    }

    /// The token after the next one.
    pub fn peek_second(&self) -> &Tok {
        &self.tokens[(self.at + 1).min(self.tokens.len() - 1)].tok
    }

    pub fn bump(&mut self) -> Token {
        let token = self.peek().clone();
        if token.tok != Tok::Eof {
            self.at += 1;
        }
        token
    }

    pub fn is_punct(&self, punct: &str) -> bool {
        matches!(self.peek_tok(), Tok::Punct(p) if *p == punct)
    }

    pub fn is_keyword(&self, word: &str) -> bool {
        matches!(self.peek_tok(), Tok::Keyword(k) if *k == word)
    }

    /// Consumes `punct` if it comes next.
    pub fn eat_punct(&mut self, punct: &str) -> bool {
        let found = self.is_punct(punct);
        if found {
            self.bump();
        }
        found
    }

    pub fn eat_keyword(&mut self, word: &str) -> bool {
        let found = self.is_keyword(word);
        if found {
            self.bump();
        }
        found
    }

    /// Consumes a `.` if it comes next.
    pub fn eat_dot(&mut self) -> bool {
        let found = self.peek_tok() == &Tok::Dot;
        if found {
            self.bump();
        }
        found
    }

    /// Consumes `punct` or fails with "expected `punct` CONTEXT".
    pub fn expect_punct(
        &mut self,
        punct: &str,
        context: &str,
        hint: Option<String>,
    ) -> Result<Pos> {
        if self.is_punct(punct) {
            return Ok(self.bump().pos);
        }
        Err(self.error_here(
            format!(
                "expected `{punct}` {context}, found {}",
                self.describe_next()
            ),
            hint,
        ))
    }

    /// How the next token reads in a message: "`end`", "the atom `ok`".
    pub fn describe_next(&self) -> String {
        describe(self.peek_tok())
    }

    pub fn error_here(&self, message: impl Into<String>, hint: Option<String>) -> Diagnostic {
        let token = self.peek();
        error_at(self.source, token.pos, token.len, message, hint)
    }

    pub fn error_at(
        &self,
        pos: Pos,
        len: usize,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        error_at(self.source, pos, len, message, hint)
    }

    // ----- nesting -----

    /// Runs `parse` one level deeper, failing past [`MAX_DEPTH`].
    pub fn nested<T>(&mut self, parse: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.enter()?;
        let result = parse(self);
        self.depth -= 1;
        result
    }

    pub fn enter(&mut self) -> Result<()> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_here(
                "nested too deep",
                Some(format!(
                    "the playground allows {MAX_DEPTH} levels of nesting; split it into functions"
                )),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    pub fn leave(&mut self, levels: usize) {
        self.depth -= levels;
    }

    // ----- the module -----

    /// The module's attributes and every function, in order.
    pub fn forms(&mut self) -> Result<(Attributes, Vec<Function>)> {
        let mut attributes = Attributes::default();
        let mut functions = Vec::new();
        while self.peek_tok() != &Tok::Eof {
            if self.is_punct("-") && matches!(self.peek_second(), Tok::Atom(_)) {
                self.attribute(&mut attributes)?;
            } else {
                functions.push(self.function()?);
            }
        }
        Ok((attributes, functions))
    }

    /// `name(...) -> ... ; name(...) -> ... .`
    fn function(&mut self) -> Result<Function> {
        let (name, pos, first) = self.function_clause()?;
        let arity = first.patterns.len();
        let mut clauses = vec![first];
        loop {
            match self.peek_tok() {
                Tok::Dot => {
                    self.bump();
                    break;
                }
                Tok::Punct(";") => {
                    self.bump();
                    let next_at = self.peek().clone();
                    let (next_name, _, clause) = self.function_clause()?;
                    if next_name != name || clause.patterns.len() != arity {
                        return Err(self.error_at(
                            next_at.pos,
                            next_at.len,
                            format!(
                                "head mismatch: this clause is {next_name}/{}, the function it continues is {name}/{arity}",
                                clause.patterns.len()
                            ),
                            Some(format!("end {name}/{arity} with `.` before starting another function; {CLAUSE_END_HINT}")),
                        ));
                    }
                    clauses.push(clause);
                }
                Tok::Eof => {
                    return Err(self.error_here(
                        format!("expected `.` at the end of function {name}/{arity}"),
                        Some(CLAUSE_END_HINT.to_string()),
                    ));
                }
                _ => {
                    return Err(self.error_here(
                        format!(
                            "expected `.` or `;` after a clause of {name}/{arity}, found {}",
                            self.describe_next()
                        ),
                        Some(CLAUSE_END_HINT.to_string()),
                    ));
                }
            }
        }
        Ok(Function {
            name,
            arity,
            clauses,
            pos,
        })
    }

    /// `name(Patterns) [when Guard] -> Body`.
    fn function_clause(&mut self) -> Result<(String, Pos, Clause)> {
        let token = self.peek().clone();
        let name = match &token.tok {
            Tok::Atom(name) => name.clone(),
            Tok::Var(var) => {
                return Err(self.error_here(
                    format!("expected a function name, found the variable `{var}`"),
                    Some("function names are lowercase atoms: `loop(N) -> ...`".into()),
                ));
            }
            Tok::Dot => {
                return Err(self.error_here(
                    "a `.` with no function clause before it",
                    Some("a function ends with one `.`".into()),
                ));
            }
            other => {
                return Err(self.error_here(
                    format!("expected a function clause, found {}", describe(other)),
                    Some("a definition holds function clauses: `start(N) -> loop(N).`".into()),
                ));
            }
        };
        self.bump();
        if !self.is_punct("(") {
            return Err(self.error_here(
                format!(
                    "expected `(` after the function name `{name}`, found {}",
                    self.describe_next()
                ),
                Some(format!(
                    "a function clause is written `{name}(Args) -> Body.`"
                )),
            ));
        }
        let clause = self.clause_after_name(token.pos)?;
        Ok((name, token.pos, clause))
    }

    /// `(Patterns) [when Guard] -> Body`: a function's or a fun's clause.
    pub fn clause_after_name(&mut self, pos: Pos) -> Result<Clause> {
        let patterns = self.head_patterns()?;
        let guard = self.optional_guard()?;
        self.expect_punct(
            "->",
            "before the clause's body",
            Some("a clause is `Head -> Body`".into()),
        )?;
        let body = self.body()?;
        Ok(Clause {
            patterns,
            guard,
            body,
            pos,
        })
    }

    /// `(P1, P2, ...)`, possibly empty.
    fn head_patterns(&mut self) -> Result<Vec<crate::erlang::ast::Pattern>> {
        let open = self.expect_punct("(", "opening the arguments", None)?;
        let mut patterns = Vec::new();
        if self.eat_punct(")") {
            return Ok(patterns);
        }
        loop {
            let expr = self.expr()?;
            patterns.push(self.to_pattern(expr)?);
            if self.eat_punct(",") {
                continue;
            }
            if self.eat_punct(")") {
                return Ok(patterns);
            }
            return Err(self.error_here(
                format!(
                    "expected `,` or `)` after an argument, found {}",
                    self.describe_next()
                ),
                Some(format!(
                    "the `(` at line {}, column {} is not closed",
                    open.line, open.column
                )),
            ));
        }
    }

    /// `when G1, G2; G3`, or nothing.
    pub fn optional_guard(&mut self) -> Result<Guard> {
        if !self.eat_keyword("when") {
            return Ok(Vec::new());
        }
        self.guard()
    }

    /// `G1, G2; G3`: alternatives of conjunctions.
    pub fn guard(&mut self) -> Result<Guard> {
        let outer = std::mem::replace(&mut self.in_guard, true);
        let guard = self.guard_alternatives();
        self.in_guard = outer;
        guard
    }

    fn guard_alternatives(&mut self) -> Result<Guard> {
        let mut alternatives = vec![self.exprs()?];
        while self.eat_punct(";") {
            alternatives.push(self.exprs()?);
        }
        Ok(alternatives)
    }
}

/// How a token reads in a message.
pub fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Atom(a) => format!("the atom `{a}`"),
        Tok::Var(v) => format!("the variable `{v}`"),
        Tok::Int(i) => format!("the number `{i}`"),
        Tok::Float(f) => format!("the number `{f:?}`"),
        Tok::Str(_) => "a string".into(),
        Tok::Duration(ms) => format!("the duration `{ms}ms`"),
        Tok::Keyword(k) => format!("`{k}`"),
        Tok::Punct(p) => format!("`{p}`"),
        Tok::Dot => "`.`".into(),
        Tok::Eof => "the end of the definition".into(),
    }
}
