//! Tokens to the Elixir syntax tree ([`super::ast`]): a Pratt parser with
//! Elixir's operator precedence, calls with and without parentheses, `do`
//! blocks and `->` clauses.
//!
//! Newlines end expressions, except where one cannot end: inside
//! brackets, after an operator or a comma, and before a `|>` that starts
//! the next line. A call without parentheses inside another's arguments
//! never takes a `do` block (`if valid?(x) do` gives the block to `if`),
//! as in Elixir. Nesting is bounded by the Erlang front end's
//! [`MAX_DEPTH`], so no input overflows the stack.

mod primary;

use super::ast::{Body, Kind, Node, Stab};
use super::lexer::{Tok, Token};
use crate::diagnostics::Diagnostic;
use crate::erlang::ast::Pos;
use crate::erlang::syntax::{MAX_DEPTH, error_at};

pub type Result<T> = std::result::Result<T, Diagnostic>;

pub struct Parser<'a> {
    source: &'a str,
    tokens: Vec<Token>,
    at: usize,
    depth: usize,
    /// Inside a call's arguments written without parentheses: a `do`
    /// there belongs to the outer call.
    no_do: bool,
}

/// Binding powers (left, right) of the binary operators, Elixir's table
/// from the lowest (`\\`) up.
fn binary(tok: &Tok) -> Option<(&'static str, u8, u8)> {
    let (op, left, right) = match tok {
        Tok::Op("\\\\") => ("\\\\", 1, 2),
        Tok::Op("<-") => ("<-", 1, 2),
        Tok::Kw("when") => ("when", 3, 3),
        Tok::Op("::") => ("::", 4, 4),
        Tok::Op("=") => ("=", 7, 7),
        Tok::Op("||") => ("||", 8, 9),
        Tok::Kw("or") => ("or", 8, 9),
        Tok::Op("&&") => ("&&", 10, 11),
        Tok::Kw("and") => ("and", 10, 11),
        Tok::Op(op @ ("==" | "!=" | "===" | "!==" | "=~")) => (*op, 12, 13),
        Tok::Op(op @ ("<" | ">" | "<=" | ">=")) => (*op, 14, 15),
        Tok::Op("|>") => ("|>", 16, 17),
        Tok::Kw("in") => ("in", 18, 19),
        // `first..last//step`: `//` binds as `..` does, and the lowering
        // reads `a..(b//c)` as the range with a step.
        Tok::Op(op @ ("++" | "--" | "<>" | ".." | "//")) => (*op, 20, 20),
        Tok::Op(op @ ("+" | "-")) => (*op, 22, 23),
        Tok::Op(op @ ("*" | "/")) => (*op, 24, 25),
        _ => return None,
    };
    Some((op, left, right))
}

/// Unary operators bind tighter than every binary one.
const UNARY_BP: u8 = 26;
/// `&`'s operand: everything above `=`... as in Elixir, below `|`.
const CAPTURE_BP: u8 = 7;
/// Inside `[h | t]` and `%{m | k: v}`: stop at `|` and `=>`.
const ITEM_BP: u8 = 5;

/// The operators a line may start with and still continue the previous
/// one.
fn continues_line(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Op("|>" | "<>" | "++" | "&&" | "||") | Tok::Kw("and" | "or")
    )
}

impl<'a> Parser<'a> {
    pub fn new(source: &'a str, tokens: Vec<Token>) -> Parser<'a> {
        Parser {
            source,
            tokens,
            at: 0,
            depth: 0,
            no_do: false,
        }
    }

    // ----- tokens -----

    fn peek(&self) -> &Token {
        &self.tokens[self.at.min(self.tokens.len() - 1)]
    }

    fn tok(&self) -> &Tok {
        &self.peek().tok
    }

    fn nth(&self, n: usize) -> &Token {
        &self.tokens[(self.at + n).min(self.tokens.len() - 1)]
    }

    fn pos(&self) -> Pos {
        self.peek().pos
    }

    fn bump(&mut self) -> Token {
        let token = self.peek().clone();
        if token.tok != Tok::Eof {
            self.at += 1;
        }
        token
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        if self.tok() == tok {
            self.bump();
            true
        } else {
            false
        }
    }

    fn skip_eol(&mut self) {
        while self.tok() == &Tok::Eol {
            self.bump();
        }
    }

    fn expect(&mut self, tok: Tok, hint: &str) -> Result<()> {
        self.skip_eol();
        if self.eat(&tok) {
            return Ok(());
        }
        Err(self.error_here(
            format!(
                "expected {}, found {}",
                describe(&tok),
                self.describe_next()
            ),
            hint,
        ))
    }

    pub fn error_here(&self, message: String, hint: &str) -> Diagnostic {
        error_at(self.source, self.pos(), 1, message, Some(hint.to_string()))
    }

    fn describe_next(&self) -> String {
        describe(self.tok())
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here(
                format!("this is nested more than {MAX_DEPTH} levels deep"),
                "split it into functions",
            ));
        }
        Ok(())
    }

    // ----- sequences -----

    /// The whole text: top-level expressions (`defmodule`s among them).
    pub fn program(&mut self) -> Result<Vec<Node>> {
        let exprs = self.exprs()?;
        self.skip_eol();
        if self.tok() != &Tok::Eof {
            return Err(self.error_here(
                format!("unexpected {}", self.describe_next()),
                "every `do` needs its `end`; separate expressions with newlines",
            ));
        }
        Ok(exprs)
    }

    /// Expressions separated by newlines, up to a token that ends a block
    /// (`end`, `else`, `)`, ...).
    fn exprs(&mut self) -> Result<Vec<Node>> {
        let mut exprs = Vec::new();
        loop {
            self.skip_eol();
            if self.ends_block() {
                return Ok(exprs);
            }
            exprs.push(self.expr()?);
            if !matches!(self.tok(), Tok::Eol | Tok::Eof) && !self.ends_block() {
                return Err(self.error_here(
                    format!("unexpected {} after the expression", self.describe_next()),
                    "one expression per line (or separate them with `;`)",
                ));
            }
        }
    }

    fn ends_block(&self) -> bool {
        matches!(
            self.tok(),
            Tok::Eof
                | Tok::Kw("end" | "else" | "after" | "rescue" | "catch")
                | Tok::Op(")" | "]" | "}" | "->")
        )
    }

    /// A block's content: clauses (`pattern -> body`) or expressions.
    fn body(&mut self) -> Result<Body> {
        self.skip_eol();
        if self.ends_block() && self.tok() != &Tok::Op("->") {
            return Ok(Body::Exprs(Vec::new()));
        }
        let saved = self.no_do;
        self.no_do = false;
        let result = self.body_inner();
        self.no_do = saved;
        result
    }

    fn body_inner(&mut self) -> Result<Body> {
        let mut clauses: Vec<Stab> = Vec::new();
        let mut exprs = Vec::new();
        loop {
            self.skip_eol();
            if self.ends_block() && self.tok() != &Tok::Op("->") {
                break;
            }
            let pos = self.pos();
            // `-> body` with no arguments (`fn -> ... end`).
            let mut head = Vec::new();
            if self.tok() != &Tok::Op("->") {
                head.push(self.expr()?);
                while self.eat(&Tok::Op(",")) {
                    self.skip_eol();
                    head.push(self.expr()?);
                }
            }
            if self.eat(&Tok::Op("->")) {
                let (args, guard) = split_guard(head);
                clauses.push(Stab {
                    args,
                    guard,
                    body: Vec::new(),
                    pos,
                });
                continue;
            }
            if head.len() > 1 {
                return Err(self.error_here(
                    format!("expected `->`, found {}", self.describe_next()),
                    "a clause is `pattern -> body`",
                ));
            }
            match clauses.last_mut() {
                Some(clause) => clause.body.extend(head),
                None => exprs.extend(head),
            }
            if !matches!(self.tok(), Tok::Eol | Tok::Eof) && !self.ends_block() {
                return Err(self.error_here(
                    format!("unexpected {} after the expression", self.describe_next()),
                    "one expression per line (or separate them with `;`)",
                ));
            }
        }
        if clauses.is_empty() {
            return Ok(Body::Exprs(exprs));
        }
        if !exprs.is_empty() {
            return Err(error_at(
                self.source,
                exprs[0].pos,
                1,
                "expressions before the first clause",
                Some("every line of this block must be in a `pattern -> body` clause".into()),
            ));
        }
        Ok(Body::Clauses(clauses))
    }

    /// `do ... [else|after|rescue|catch ...] end`, just after `do`.
    fn do_block(&mut self) -> Result<Vec<(String, Body)>> {
        // The `do` itself, which the hint names, is the token just read.
        let start = match self.at.checked_sub(1).map(|i| &self.tokens[i]) {
            Some(Token {
                tok: Tok::Kw("do"),
                pos,
                ..
            }) => *pos,
            _ => self.pos(),
        };
        let mut blocks = vec![("do".to_string(), self.body()?)];
        loop {
            self.skip_eol();
            match self.tok().clone() {
                Tok::Kw("end") => {
                    self.bump();
                    return Ok(blocks);
                }
                Tok::Kw(kw @ ("else" | "after" | "rescue" | "catch")) => {
                    self.bump();
                    blocks.push((kw.to_string(), self.body()?));
                }
                _ => {
                    return Err(error_at(
                        self.source,
                        self.pos(),
                        1,
                        format!("expected `end`, found {}", self.describe_next()),
                        Some(format!(
                            "the `do` at line {}, column {} needs its `end`",
                            start.line, start.column
                        )),
                    ));
                }
            }
        }
    }

    // ----- expressions -----

    pub fn expr(&mut self) -> Result<Node> {
        self.expr_bp(0)
    }

    fn expr_bp(&mut self, min_bp: u8) -> Result<Node> {
        self.enter()?;
        let result = self.expr_bp_inner(min_bp);
        self.depth -= 1;
        result
    }

    fn expr_bp_inner(&mut self, min_bp: u8) -> Result<Node> {
        let mut lhs = self.unary()?;
        loop {
            // A `|>` on the next line goes on with this expression.
            if self.tok() == &Tok::Eol {
                let mut n = 0;
                while self.nth(n).tok == Tok::Eol {
                    n += 1;
                }
                if continues_line(&self.nth(n).tok) {
                    self.skip_eol();
                } else {
                    return Ok(lhs);
                }
            }
            let (op, left, right) =
                if self.tok() == &Tok::Kw("not") && self.nth(1).tok == Tok::Kw("in") {
                    ("not in", 18, 19)
                } else {
                    match binary(self.tok()) {
                        Some(found) => found,
                        None => return Ok(lhs),
                    }
                };
            if left < min_bp {
                return Ok(lhs);
            }
            let pos = self.bump().pos;
            if op == "not in" {
                self.bump();
            }
            self.skip_eol();
            let rhs = self.expr_bp(right)?;
            lhs = Node::new(Kind::Op(op, Box::new(lhs), Box::new(rhs)), pos);
        }
    }

    fn unary(&mut self) -> Result<Node> {
        let pos = self.pos();
        let op = match self.tok() {
            Tok::Op("-") => "-",
            Tok::Op("+") => "+",
            Tok::Op("!") => "!",
            Tok::Kw("not") => "not",
            Tok::Op("^") => "^",
            Tok::Op("&") => {
                self.bump();
                let operand = self.expr_bp(CAPTURE_BP)?;
                return Ok(Node::new(Kind::Capture(Box::new(operand)), pos));
            }
            _ => return self.postfix(),
        };
        self.bump();
        let operand = self.expr_bp(UNARY_BP)?;
        Ok(match (op, operand.kind) {
            ("-", Kind::Int(n)) => Node::new(Kind::Int(-n), pos),
            ("-", Kind::Float(f)) => Node::new(Kind::Float(-f), pos),
            (_, kind) => Node::new(Kind::Unary(op, Box::new(Node::new(kind, operand.pos))), pos),
        })
    }

    /// A primary expression with its `.field`, `.call()`, `.()` and `[k]`.
    fn postfix(&mut self) -> Result<Node> {
        let mut node = self.primary()?;
        loop {
            let spaced = self.peek().spaced;
            match self.tok().clone() {
                Tok::Op(".") => {
                    let pos = self.bump().pos;
                    self.skip_eol();
                    node = self.after_dot(node, pos)?;
                }
                Tok::Op("[") if !spaced => {
                    let pos = self.bump().pos;
                    self.skip_eol();
                    let key = self.expr()?;
                    self.expect(Tok::Op("]"), "`map[key]` ends with `]`")?;
                    node = Node::new(
                        Kind::Call {
                            module: Some(Box::new(Node::new(
                                Kind::Alias(vec!["Access".into()]),
                                pos,
                            ))),
                            name: "get".into(),
                            args: vec![node, key],
                            blocks: Vec::new(),
                        },
                        pos,
                    );
                }
                _ => return Ok(node),
            }
        }
    }

    fn after_dot(&mut self, receiver: Node, pos: Pos) -> Result<Node> {
        match self.tok().clone() {
            Tok::Alias(name) => {
                self.bump();
                match receiver.kind {
                    Kind::Alias(mut segments) => {
                        segments.push(name);
                        Ok(Node::new(Kind::Alias(segments), receiver.pos))
                    }
                    _ => Err(self
                        .error_here("an alias goes after an alias".into(), "write MyApp.Counter")),
                }
            }
            Tok::Op("(") => {
                self.bump();
                let args = self.call_args(")")?;
                Ok(Node::new(Kind::Apply(Box::new(receiver), args), pos))
            }
            Tok::Ident(name) => {
                let token = self.bump();
                let remote = matches!(receiver.kind, Kind::Alias(_) | Kind::Atom(_))
                    || (matches!(receiver.kind, Kind::Var(_))
                        && self.tok() == &Tok::Op("(")
                        && !self.peek().spaced);
                if self.tok() == &Tok::Op("(") && !self.peek().spaced {
                    self.bump();
                    let args = self.call_args(")")?;
                    return self.with_do(Some(receiver), name, args, token.pos);
                }
                if remote && self.starts_bare_args() {
                    let args = self.bare_args()?;
                    return self.with_do(Some(receiver), name, args, token.pos);
                }
                if remote {
                    return self.with_do(Some(receiver), name, Vec::new(), token.pos);
                }
                Ok(Node::new(Kind::Field(Box::new(receiver), name), token.pos))
            }
            Tok::Kw(kw) => {
                let token = self.bump();
                Ok(Node::new(
                    Kind::Field(Box::new(receiver), kw.to_string()),
                    token.pos,
                ))
            }
            _ => Err(self.error_here(
                format!("expected a name after `.`, found {}", self.describe_next()),
                "write Mod.fun(x), map.key or fun.(x)",
            )),
        }
    }

    /// A call, and the `do` block after it, if it may take one.
    fn with_do(
        &mut self,
        module: Option<Node>,
        name: String,
        args: Vec<Node>,
        pos: Pos,
    ) -> Result<Node> {
        let mut blocks = Vec::new();
        if !self.no_do && self.tok() == &Tok::Kw("do") {
            self.bump();
            blocks = self.do_block()?;
        }
        Ok(Node::new(
            Kind::Call {
                module: module.map(Box::new),
                name,
                args,
                blocks,
            },
            pos,
        ))
    }

    /// Whether the next token starts the arguments of a call written
    /// without parentheses (`send pid, :hi`): it starts an expression, is
    /// spaced from the name, and is not an operator.
    fn starts_bare_args(&self) -> bool {
        let token = self.peek();
        token.spaced
            && matches!(
                &token.tok,
                Tok::Int(_)
                    | Tok::Float(_)
                    | Tok::Atom(_)
                    | Tok::Alias(_)
                    | Tok::Ident(_)
                    | Tok::Key(_)
                    | Tok::Str(_)
                    | Tok::Chars(_)
                    | Tok::Words(..)
                    | Tok::CaptureArg(_)
                    | Tok::Op("{" | "%" | "@" | "&" | "^" | "[" | "<<" | "!")
                    | Tok::Kw("fn" | "not" | "true" | "false" | "nil")
            )
    }

    /// Arguments without parentheses, up to the end of the line or `do`.
    fn bare_args(&mut self) -> Result<Vec<Node>> {
        let saved = self.no_do;
        self.no_do = true;
        let result = self.args_until(None);
        self.no_do = saved;
        result
    }

    /// `(args)` or `[items]` just after the bracket: the arguments, a
    /// trailing keyword list gathered into one list.
    fn call_args(&mut self, close: &'static str) -> Result<Vec<Node>> {
        let saved = self.no_do;
        self.no_do = false;
        let result = self.args_until(Some(close));
        self.no_do = saved;
        result
    }

    fn args_until(&mut self, close: Option<&'static str>) -> Result<Vec<Node>> {
        let mut args = Vec::new();
        let mut keywords = Vec::new();
        let mut keywords_pos = self.pos();
        loop {
            if let Some(close) = close {
                self.skip_eol();
                if self.eat(&Tok::Op(close)) {
                    break;
                }
            }
            if let Tok::Key(key) = self.tok().clone() {
                if keywords.is_empty() {
                    keywords_pos = self.pos();
                }
                let pos = self.bump().pos;
                self.skip_eol();
                let value = self.expr()?;
                keywords.push(Node::new(
                    Kind::Tuple(vec![Node::new(Kind::Atom(key), pos), value]),
                    pos,
                ));
            } else if !keywords.is_empty() {
                return Err(self.error_here(
                    "keyword arguments go last".into(),
                    "write f(x, a: 1), not f(a: 1, x)",
                ));
            } else {
                args.push(self.expr()?);
            }
            if close.is_some() {
                self.skip_eol();
            }
            if !self.eat(&Tok::Op(",")) {
                if let Some(close) = close {
                    self.expect(Tok::Op(close), "the arguments are separated by `,`")?;
                }
                break;
            }
            self.skip_eol();
        }
        if !keywords.is_empty() {
            args.push(Node::new(Kind::List(keywords, None), keywords_pos));
        }
        Ok(args)
    }
}

/// `x when g` as a clause's last argument: the arguments and the guard.
fn split_guard(mut head: Vec<Node>) -> (Vec<Node>, Option<Node>) {
    let guarded = match head.last() {
        Some(Node {
            kind: Kind::Op("when", _, _),
            ..
        }) => head.pop(),
        _ => None,
    };
    match guarded {
        Some(Node {
            kind: Kind::Op(_, arg, guard),
            ..
        }) => {
            // `fn when g -> ...`? No: `x when g` always has its argument.
            head.push(*arg);
            (head, Some(*guard))
        }
        _ => (head, None),
    }
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Int(n) => format!("the number {n}"),
        Tok::Float(f) => format!("the number {f}"),
        Tok::Atom(a) => format!("the atom :{a}"),
        Tok::Alias(a) => format!("`{a}`"),
        Tok::Ident(i) => format!("`{i}`"),
        Tok::Key(k) => format!("`{k}:`"),
        Tok::Str(_) => "a string".into(),
        Tok::Chars(_) => "a charlist".into(),
        Tok::Words(..) => "a sigil".into(),
        Tok::CaptureArg(n) => format!("`&{n}`"),
        Tok::Op(op) => format!("`{op}`"),
        Tok::Kw(kw) => format!("`{kw}`"),
        Tok::Eol => "the end of the line".into(),
        Tok::Eof => "the end of the text".into(),
    }
}

#[cfg(test)]
mod tests;
