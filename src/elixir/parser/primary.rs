//! The primary expressions: literals, names and calls, brackets (tuples,
//! lists, maps, structs, binaries), `fn`, `@attribute`.

use super::{ITEM_BP, Parser, Result};
use crate::elixir::ast::{Body, Kind, Node, Part};
use crate::elixir::lexer::{StrPart, Tok};

impl Parser<'_> {
    pub(super) fn primary(&mut self) -> Result<Node> {
        let token = self.bump();
        let pos = token.pos;
        let kind = match token.tok {
            Tok::Int(n) => Kind::Int(n),
            Tok::Float(f) => Kind::Float(f),
            Tok::Atom(a) => Kind::Atom(a),
            Tok::Kw(kw @ ("true" | "false" | "nil")) => Kind::Atom(kw.to_string()),
            Tok::Str(parts) => Kind::Str(self.parts(parts)?),
            Tok::Chars(text) => Kind::Chars(text),
            Tok::Words(words, modifier) => Kind::List(
                words
                    .into_iter()
                    .map(|word| {
                        let kind = match modifier {
                            'a' => Kind::Atom(word),
                            'c' => Kind::Chars(word),
                            _ => Kind::Str(vec![Part::Lit(word)]),
                        };
                        Node::new(kind, pos)
                    })
                    .collect(),
                None,
            ),
            Tok::CaptureArg(n) => Kind::CaptureArg(n),
            Tok::Alias(name) => Kind::Alias(vec![name]),
            Tok::Ident(name) => return self.name(name, pos),
            Tok::Op("(") => {
                // `body` restores `no_do` itself: `do` blocks are back
                // inside brackets.
                let body = self.body()?;
                self.expect(Tok::Op(")"), "close the bracket with `)`")?;
                match body {
                    Body::Clauses(clauses) => Kind::Clauses(clauses),
                    Body::Exprs(mut exprs) if exprs.len() == 1 => return Ok(exprs.remove(0)),
                    Body::Exprs(exprs) => Kind::Block(exprs),
                }
            }
            Tok::Op("{") => Kind::Tuple(self.call_args("}")?),
            Tok::Op("[") => return self.list(pos),
            Tok::Op("%") => return self.map_or_struct(pos),
            Tok::Op("<<") => return self.binary(pos),
            Tok::Op("@") => return self.attribute(pos),
            Tok::Kw("fn") => {
                let body = self.body()?;
                self.expect(Tok::Kw("end"), "`fn` ends with `end`")?;
                match body {
                    Body::Clauses(clauses) => Kind::Fn(clauses),
                    Body::Exprs(_) => {
                        return Err(self.error_here(
                            "expected `->` in the `fn`".into(),
                            "write fn x -> x + 1 end",
                        ));
                    }
                }
            }
            tok => {
                self.at -= 1;
                return Err(self.error_here(
                    format!("expected an expression, found {}", super::describe(&tok)),
                    "an expression is a value, a name, a call or an operation",
                ));
            }
        };
        Ok(Node::new(kind, pos))
    }

    /// A string's parts, each interpolation parsed as an expression.
    fn parts(&mut self, parts: Vec<StrPart>) -> Result<Vec<Part>> {
        parts
            .into_iter()
            .map(|part| match part {
                StrPart::Lit(text) => Ok(Part::Lit(text)),
                StrPart::Interp(tokens) => {
                    let mut inner = Parser::new(self.source, tokens);
                    let exprs = inner.program()?;
                    match exprs.len() {
                        1 => Ok(Part::Expr(exprs.into_iter().next().unwrap_or_else(|| {
                            Node::new(Kind::Atom("nil".into()), inner.pos())
                        }))),
                        0 => Ok(Part::Expr(Node::new(Kind::Atom("nil".into()), inner.pos()))),
                        _ => Ok(Part::Expr(Node::new(Kind::Block(exprs), inner.pos()))),
                    }
                }
            })
            .collect()
    }

    /// A name: a call with parentheses, one without, or a variable.
    fn name(&mut self, name: String, pos: crate::erlang::ast::Pos) -> Result<Node> {
        if self.tok() == &Tok::Op("(") && !self.peek().spaced {
            self.bump();
            let args = self.call_args(")")?;
            return self.with_do(None, name, args, pos);
        }
        if self.starts_bare_args() {
            let args = self.bare_args()?;
            return self.with_do(None, name, args, pos);
        }
        if !self.no_do && self.tok() == &Tok::Kw("do") {
            return self.with_do(None, name, Vec::new(), pos);
        }
        Ok(Node::new(Kind::Var(name), pos))
    }

    /// `[a, b | t]`, `[a: 1]` (just after `[`).
    fn list(&mut self, pos: crate::erlang::ast::Pos) -> Result<Node> {
        let mut items = Vec::new();
        let mut tail = None;
        loop {
            self.skip_eol();
            if self.eat(&Tok::Op("]")) {
                break;
            }
            if let Tok::Key(_) = self.tok() {
                let mut rest = self.call_args("]")?;
                if let Some(Node {
                    kind: Kind::List(keywords, None),
                    ..
                }) = rest.pop()
                {
                    items.extend(keywords);
                }
                break;
            }
            items.push(self.expr_bp(ITEM_BP)?);
            self.skip_eol();
            if self.eat(&Tok::Op("|")) {
                self.skip_eol();
                tail = Some(Box::new(self.expr()?));
                self.expect(Tok::Op("]"), "a list's tail is its last item: [h | t]")?;
                break;
            }
            if !self.eat(&Tok::Op(",")) {
                self.expect(Tok::Op("]"), "the items are separated by `,`")?;
                break;
            }
        }
        Ok(Node::new(Kind::List(items, tail), pos))
    }

    /// `%{...}` or `%Name{...}` (just after `%`).
    fn map_or_struct(&mut self, pos: crate::erlang::ast::Pos) -> Result<Node> {
        let name = match self.tok().clone() {
            Tok::Op("{") => None,
            Tok::Alias(_) => Some(self.postfix_alias()?),
            Tok::Ident(name) if name == "__MODULE__" => {
                let at = self.bump().pos;
                Some(Node::new(Kind::Var(name), at))
            }
            _ => {
                return Err(self.error_here(
                    format!(
                        "expected `{{` or a struct's name, found {}",
                        self.describe_next()
                    ),
                    "a map is %{k => v}, a struct %Name{k: v}",
                ));
            }
        };
        self.expect(Tok::Op("{"), "a map's fields go in `{}`")?;
        let mut base = None;
        let mut fields = Vec::new();
        loop {
            self.skip_eol();
            if self.eat(&Tok::Op("}")) {
                break;
            }
            if let Tok::Key(key) = self.tok().clone() {
                let at = self.bump().pos;
                self.skip_eol();
                let value = self.expr_bp(ITEM_BP)?;
                fields.push((Node::new(Kind::Atom(key), at), value));
            } else {
                let key = self.expr_bp(ITEM_BP)?;
                self.skip_eol();
                if fields.is_empty() && base.is_none() && self.eat(&Tok::Op("|")) {
                    base = Some(Box::new(key));
                    continue;
                }
                self.expect(
                    Tok::Op("=>"),
                    "a map's field is `key => value` or `key: value`",
                )?;
                self.skip_eol();
                let value = self.expr_bp(ITEM_BP)?;
                fields.push((key, value));
            }
            self.skip_eol();
            if !self.eat(&Tok::Op(",")) {
                self.expect(Tok::Op("}"), "the fields are separated by `,`")?;
                break;
            }
        }
        Ok(Node::new(
            match name {
                Some(name) => Kind::Struct(Box::new(name), base, fields),
                None => Kind::Map(base, fields),
            },
            pos,
        ))
    }

    /// `Foo.Bar` as a struct's name.
    fn postfix_alias(&mut self) -> Result<Node> {
        let token = self.bump();
        let Tok::Alias(first) = token.tok else {
            unreachable!("called on an alias")
        };
        let mut segments = vec![first];
        while self.tok() == &Tok::Op(".") {
            if let Tok::Alias(next) = self.nth(1).tok.clone() {
                self.bump();
                self.bump();
                segments.push(next);
            } else {
                break;
            }
        }
        Ok(Node::new(Kind::Alias(segments), token.pos))
    }

    /// `<<a, b::8, rest::binary>>` (just after `<<`).
    fn binary(&mut self, pos: crate::erlang::ast::Pos) -> Result<Node> {
        let mut segments = Vec::new();
        loop {
            self.skip_eol();
            if self.eat(&Tok::Op(">>")) {
                break;
            }
            let value = self.expr_bp(5)?;
            let spec = if self.eat(&Tok::Op("::")) {
                Some(self.expr_bp(5)?)
            } else {
                None
            };
            segments.push((value, spec));
            self.skip_eol();
            if !self.eat(&Tok::Op(",")) {
                self.expect(Tok::Op(">>"), "a binary ends with `>>`")?;
                break;
            }
        }
        Ok(Node::new(Kind::Bin(segments), pos))
    }

    /// `@name` (read) or `@name value` (set, in a module's body).
    fn attribute(&mut self, pos: crate::erlang::ast::Pos) -> Result<Node> {
        let Tok::Ident(name) = self.tok().clone() else {
            return Err(self.error_here(
                format!(
                    "expected an attribute's name after `@`, found {}",
                    self.describe_next()
                ),
                "write @name value, and read it as @name",
            ));
        };
        self.bump();
        if self.starts_bare_args() {
            let saved = self.no_do;
            self.no_do = true;
            let value = self.expr();
            self.no_do = saved;
            return Ok(Node::new(Kind::AttrSet(name, Box::new(value?)), pos));
        }
        Ok(Node::new(Kind::Attr(name), pos))
    }
}
