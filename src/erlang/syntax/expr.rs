//! Expressions, with Erlang's operator precedences (`erl_parse.yrl`):
//!
//! ```text
//! 100 right     =  !              (a match's left side is a pattern)
//! 150 left      orelse
//! 160 left      andalso
//! 200 nonassoc  == /= =:= =/= < > =< >=
//! 300 right     ++ --
//! 400 left      + - or xor bor bxor bsl bsr
//! 500 left      * / div rem and band
//! 600 prefix    + - not bnot
//! 800           m:f  (then a call's argument list)
//! ```
//!
//! Binary operators are parsed by precedence climbing over this table;
//! the primaries (`expr_max` in `erl_parse`) are literals, variables, tuples, lists, `( )`, `begin`, `case`, `if`,
//! `receive`, `fun`; binaries (`<<...>>`) are in `bits.rs`, maps (`#{...}`,
//! `Expr#{...}`) in `map.rs`.

use super::error::Result;
use super::lexer::Tok;
use super::parser::{Parser, describe};
use crate::erlang::ast::{
    BinOp, Callee, CaseClause, Clause, Expr, ExprKind, IfClause, Pattern, PatternKind, Pos, UnOp,
};

/// A list literal longer than this is an error: the compiler and checker
/// walk a list's cells recursively.
pub const MAX_LIST_ELEMENTS: usize = 1000;

impl Parser<'_> {
    /// `E1, E2, ...`: a body or a guard conjunction (at least one).
    pub fn exprs(&mut self) -> Result<Vec<Expr>> {
        let mut exprs = vec![self.expr()?];
        while self.eat_punct(",") {
            exprs.push(self.expr()?);
        }
        Ok(exprs)
    }

    /// A clause body: like `exprs`, with a hint when it is missing.
    pub fn body(&mut self) -> Result<Vec<Expr>> {
        if matches!(self.peek_tok(), Tok::Dot | Tok::Eof | Tok::Keyword("end"))
            || self.is_punct(";")
        {
            return Err(self.error_here(
                format!(
                    "expected the clause's body after `->`, found {}",
                    self.describe_next()
                ),
                Some("a clause needs at least one expression, e.g. `ok`".into()),
            ));
        }
        self.exprs()
    }

    pub fn expr(&mut self) -> Result<Expr> {
        self.nested(|p| p.binary(MATCH))
    }

    /// Precedence climbing over the table above: the operand, then every
    /// operator at least as tight as `min`. One method for all levels
    /// keeps the stack shallow per nesting level. Each link of a chain
    /// counts as a level of nesting, since the tree it builds is as deep as
    /// the chain is long.
    fn binary(&mut self, min: u16) -> Result<Expr> {
        let mut left = self.prefix()?;
        let mut links = 0;
        let result = loop {
            let Some((op, precedence, assoc)) = infix(self.peek_tok()) else {
                break Ok(left);
            };
            if precedence < min {
                break Ok(left);
            }
            if let Err(e) = self.enter() {
                break Err(e);
            }
            links += 1;
            let op_token = self.bump();
            let right_min = match assoc {
                Assoc::Right => precedence,
                Assoc::Left | Assoc::None => precedence + 1,
            };
            let right = match self.binary(right_min) {
                Ok(right) => right,
                Err(e) => break Err(e),
            };
            left = match self.combine(op, left, right, op_token.pos) {
                Ok(combined) => combined,
                Err(e) => break Err(e),
            };
            if assoc == Assoc::None
                && infix(self.peek_tok()).is_some_and(|(_, p, _)| p == precedence)
            {
                break Err(self.error_here(
                    "comparisons do not chain",
                    Some("write `A < B andalso B < C`, or add parentheses".into()),
                ));
            }
        };
        self.leave(links);
        result
    }

    fn combine(&self, op: Infix, left: Expr, right: Expr, pos: Pos) -> Result<Expr> {
        let kind = match op {
            Infix::Match => ExprKind::Match(self.to_pattern(left)?, Box::new(right)),
            Infix::Send => ExprKind::Send(Box::new(left), Box::new(right)),
            Infix::Op(op) => ExprKind::BinOp(op, Box::new(left), Box::new(right)),
        };
        Ok(Expr { kind, pos })
    }

    /// `-X`, `+X`, `not X`, `bnot X`, and `catch Expr`, which takes
    /// the whole expression after it (`catch X = f()` catches the match
    /// too), as `erl_parse` reads it.
    fn prefix(&mut self) -> Result<Expr> {
        if self.is_keyword("catch") {
            let pos = self.bump().pos;
            let caught = self.nested(|p| p.expr())?;
            return Ok(Expr {
                kind: ExprKind::Catch(Box::new(caught)),
                pos,
            });
        }
        let op = match self.peek_tok() {
            Tok::Punct("-") => UnOp::Neg,
            Tok::Punct("+") => UnOp::Plus,
            Tok::Keyword("not") => UnOp::Not,
            Tok::Keyword("bnot") => UnOp::Bnot,
            _ => return self.expr_700(),
        };
        let op_token = self.bump();
        let operand = self.nested(|p| p.prefix())?;
        Ok(Expr {
            kind: ExprKind::UnOp(op, Box::new(operand)),
            pos: op_token.pos,
        })
    }

    /// A call (`f(...)`, `m:f(...)`, `F(...)`) or a primary. The error
    /// paths live in their own functions: this one is on the recursion
    /// path, and its frame is paid at every level of nesting.
    fn expr_700(&mut self) -> Result<Expr> {
        let first = self.primary()?;
        if self.is_punct(":") && !self.in_catch_pattern {
            let call = self.remote_call(first)?;
            self.no_update_of_a_call()?;
            return Ok(call);
        }
        if self.is_punct("#") {
            return self.map_updates(first);
        }
        if !self.is_punct("(") {
            return Ok(first);
        }
        let pos = first.pos;
        let callee = match first.kind {
            ExprKind::Atom(name) => Callee::Local(name),
            _ => Callee::Fun(Box::new(first)),
        };
        let mut args = self.arguments()?;
        if let Callee::Local(name) = &callee
            && let Some(constant) = self.record_call(name, &mut args, pos)?
        {
            return Ok(constant);
        }
        self.no_update_of_a_call()?;
        Ok(Expr {
            kind: ExprKind::Call(callee, args),
            pos,
        })
    }

    /// `module:function(...)`, after `module`.
    fn remote_call(&mut self, first: Expr) -> Result<Expr> {
        self.bump();
        let second = self.primary()?;
        let (ExprKind::Atom(module), ExprKind::Atom(function)) = (&first.kind, &second.kind) else {
            // `Mod:f(...)`, `M:F(...)`: the module or the function is a
            // value, so the call is `erlang:apply/3`, as the BEAM runs it.
            if !self.is_punct("(") {
                return Err(self.error_here(
                    format!(
                        "expected `(` after a remote function, found {}",
                        self.describe_next()
                    ),
                    Some("call it: `Module:function(...)`".into()),
                ));
            }
            let pos = first.pos;
            let args = self.arguments()?;
            let mut list = Expr {
                kind: ExprKind::Nil,
                pos,
            };
            for arg in args.into_iter().rev() {
                list = Expr {
                    kind: ExprKind::Cons(Box::new(arg), Box::new(list)),
                    pos,
                };
            }
            return Ok(Expr {
                kind: ExprKind::Call(
                    Callee::Remote("erlang".into(), "apply".into()),
                    vec![first, second, list],
                ),
                pos,
            });
        };
        let (module, function) = (module.clone(), function.clone());
        if !self.is_punct("(") {
            return Err(self.error_here(
                format!(
                    "expected `(` after `{module}:{function}`, found {}",
                    self.describe_next()
                ),
                Some(format!("call it: `{module}:{function}(...)`")),
            ));
        }
        let args = self.arguments()?;
        Ok(Expr {
            kind: ExprKind::Call(Callee::Remote(module, function), args),
            pos: first.pos,
        })
    }

    /// `(E1, E2, ...)`, possibly empty.
    fn arguments(&mut self) -> Result<Vec<Expr>> {
        let open = self.expect_punct("(", "", None)?;
        if self.eat_punct(")") {
            return Ok(Vec::new());
        }
        let args = self.exprs()?;
        self.close("(", ")", open, "the arguments")?;
        Ok(args)
    }

    /// Consumes the closing bracket of one opened at `open`.
    pub(super) fn close(
        &mut self,
        opener: &str,
        closer: &str,
        open: Pos,
        what: &str,
    ) -> Result<()> {
        if self.eat_punct(closer) {
            return Ok(());
        }
        Err(self.error_here(
            format!(
                "expected `,` or `{closer}` after {what}, found {}",
                self.describe_next()
            ),
            Some(format!(
                "the `{opener}` at line {}, column {} is not closed",
                open.line, open.column
            )),
        ))
    }

    pub(super) fn unsupported(&self, word: &str, what: &str) -> crate::diagnostics::Diagnostic {
        self.error_here(
            format!("`{word}` is not supported by the playground"),
            Some(format!("the playground's Erlang has no {what}")),
        )
    }

    pub(super) fn primary(&mut self) -> Result<Expr> {
        let pos = self.peek().pos;
        let kind = match self.peek_tok() {
            Tok::Var(_) | Tok::Atom(_) | Tok::Int(_) | Tok::Float(_) => match self.bump().tok {
                Tok::Var(name) => ExprKind::Var(name),
                Tok::Atom(name) => ExprKind::Atom(name),
                Tok::Int(i) => ExprKind::Int(i),
                Tok::Float(f) => ExprKind::Float(f),
                _ => unreachable!("matched above"),
            },
            Tok::Str(_) => ExprKind::Str(self.strings()),
            Tok::Punct("(") => {
                self.bump();
                let inner = self.expr()?;
                self.close("(", ")", pos, "the expression")?;
                return Ok(inner);
            }
            Tok::Punct("{") => {
                self.bump();
                let elements = if self.is_punct("}") {
                    Vec::new()
                } else {
                    self.exprs()?
                };
                self.close("{", "}", pos, "a tuple element")?;
                ExprKind::Tuple(elements)
            }
            Tok::Punct("[") => return self.list(),
            Tok::Keyword("begin") => {
                self.bump();
                let body = self.exprs()?;
                self.end_of("begin", pos)?;
                ExprKind::Block(body)
            }
            Tok::Keyword("case") => return self.case_expr(),
            Tok::Keyword("if") => return self.if_expr(),
            Tok::Keyword("receive") => return self.receive_expr(),
            Tok::Keyword("try") => return self.try_expr(),
            Tok::Keyword("fun") => return self.fun_expr(),
            Tok::Punct("#") => return self.map_expr(),
            Tok::Punct("<<") => return self.bin_expr(),
            _ => return Err(self.no_expression()),
        };
        Ok(Expr { kind, pos })
    }

    /// `"abc" "def"` is one string, as in Erlang.
    fn strings(&mut self) -> String {
        let mut text = String::new();
        while let Tok::Str(more) = self.peek_tok() {
            text += more;
            self.bump();
        }
        text
    }

    /// Why the next token starts no expression.
    #[cold]
    pub(super) fn no_expression(&self) -> crate::diagnostics::Diagnostic {
        match self.peek_tok() {
            Tok::Duration(_) => self.error_here(
                "a duration such as `30s` is only allowed as the timeout of `after`",
                Some("elsewhere write milliseconds, e.g. 30000".into()),
            ),
            Tok::Keyword(word @ ("maybe" | "cond" | "let" | "else")) => {
                self.unsupported(word, "such expression")
            }
            Tok::Punct("<") if self.after_less_or_equal() => self.error_here(
                "expected an expression, found `<`",
                Some(
                    "`=<<` reads as `=<` then `<`, as in Erlang: write `B = <<...>>` with a space"
                        .into(),
                ),
            ),
            Tok::Punct("?") => self.unsupported("?", "macros"),
            other => self.error_here(
                format!("expected an expression, found {}", describe(other)),
                None,
            ),
        }
    }

    /// `[]`, `[A, B]`, `[H | T]`, `[A, B | T]`.
    fn list(&mut self) -> Result<Expr> {
        let open = self.bump().pos;
        if self.eat_punct("]") {
            return Ok(Expr {
                kind: ExprKind::Nil,
                pos: open,
            });
        }
        let mut elements = vec![self.expr()?];
        if self.is_punct("||") {
            let element = elements.pop().expect("one element");
            return self.comprehension(element, open, super::comprehensions::Comprehension::List);
        }
        while self.eat_punct(",") {
            if elements.len() == MAX_LIST_ELEMENTS {
                return Err(self.error_here(
                    format!("a list literal may have at most {MAX_LIST_ELEMENTS} elements"),
                    Some("build long lists with lists:seq/2 or recursion".into()),
                ));
            }
            elements.push(self.expr()?);
        }
        let mut tail = if self.eat_punct("|") {
            self.expr()?
        } else {
            Expr {
                kind: ExprKind::Nil,
                pos: self.peek().pos,
            }
        };
        self.close("[", "]", open, "a list element")?;
        let count = elements.len();
        for (i, head) in elements.into_iter().rev().enumerate() {
            let pos = if i + 1 == count { open } else { head.pos };
            tail = Expr {
                kind: ExprKind::Cons(Box::new(head), Box::new(tail)),
                pos,
            };
        }
        Ok(tail)
    }

    /// The `end` of a block opened by `keyword` at `open`.
    fn end_of(&mut self, keyword: &str, open: Pos) -> Result<()> {
        if self.eat_keyword("end") {
            return Ok(());
        }
        let message = match self.peek_tok() {
            Tok::Dot | Tok::Eof => {
                format!("`end` missing for `{keyword}` opened at line {}", open.line)
            }
            _ => format!(
                "expected `end` to close `{keyword}`, found {}",
                self.describe_next()
            ),
        };
        Err(self.error_here(
            message,
            Some(format!(
                "the `{keyword}` at line {}, column {} needs its `end`",
                open.line, open.column
            )),
        ))
    }

    /// Consumes `;` between clauses; `false` when the clauses are over.
    /// A clause followed by something else than `;`, `end` (or `after`
    /// in a receive) gets a message naming the block.
    fn clause_separator(&mut self, keyword: &str, open: Pos, allow_after: bool) -> Result<bool> {
        if self.eat_punct(";") {
            return Ok(true);
        }
        if self.is_keyword("end") || (allow_after && self.is_keyword("after")) {
            return Ok(false);
        }
        self.end_of(keyword, open).map(|()| false)
    }

    /// `case E of P [when G] -> B; ... end`.
    fn case_expr(&mut self) -> Result<Expr> {
        let open = self.bump().pos;
        let subject = self.expr()?;
        if !self.eat_keyword("of") {
            return Err(self.error_here(
                format!(
                    "expected `of` after `case`'s expression, found {}",
                    self.describe_next()
                ),
                Some("case Expr of Pattern -> Body; ... end".into()),
            ));
        }
        let clauses = self.case_clauses("case", open, false)?;
        self.end_of("case", open)?;
        Ok(Expr {
            kind: ExprKind::Case(Box::new(subject), clauses),
            pos: open,
        })
    }

    fn case_clauses(
        &mut self,
        keyword: &str,
        open: Pos,
        allow_after: bool,
    ) -> Result<Vec<CaseClause>> {
        let mut clauses = Vec::new();
        loop {
            let pos = self.peek().pos;
            let pattern = self.expr()?;
            let pattern = self.to_pattern(pattern)?;
            let shape = format!("a `{keyword}` clause is `Pattern -> Body`");
            clauses.push(self.clause_after_pattern(pattern, pos, "the clause's pattern", shape)?);
            if !self.clause_separator(keyword, open, allow_after)? {
                return Ok(clauses);
            }
        }
    }

    /// `if G -> B; ... end`.
    fn if_expr(&mut self) -> Result<Expr> {
        let open = self.bump().pos;
        let mut clauses = Vec::new();
        loop {
            let pos = self.peek().pos;
            let guard = self.guard()?;
            self.expect_punct(
                "->",
                "after the `if` clause's guard",
                Some("an `if` clause is `Guard -> Body`".into()),
            )?;
            let body = self.body()?;
            clauses.push(IfClause { guard, body, pos });
            if !self.clause_separator("if", open, false)? {
                break;
            }
        }
        self.end_of("if", open)?;
        Ok(Expr {
            kind: ExprKind::If(clauses),
            pos: open,
        })
    }

    /// `receive P [when G] -> B; ... [after T -> B] end`, clauses optional
    /// when there is an `after`.
    fn receive_expr(&mut self) -> Result<Expr> {
        let open = self.bump().pos;
        let clauses = if self.is_keyword("after") {
            Vec::new()
        } else {
            self.case_clauses("receive", open, true)?
        };
        let after = if self.eat_keyword("after") {
            let timeout = self.timeout()?;
            self.expect_punct(
                "->",
                "after the timeout",
                Some("after Timeout -> Body".into()),
            )?;
            let body = self.body()?;
            Some((Box::new(timeout), body))
        } else {
            None
        };
        self.end_of("receive", open)?;
        Ok(Expr {
            kind: ExprKind::Receive { clauses, after },
            pos: open,
        })
    }

    /// The rest of a clause whose pattern is read: the guard, `->` (the
    /// error says what comes `after` and the clause's `shape`), the body.
    fn clause_after_pattern(
        &mut self,
        pattern: Pattern,
        pos: Pos,
        after: &str,
        shape: String,
    ) -> Result<CaseClause> {
        let guard = self.optional_guard()?;
        self.expect_punct("->", &format!("after {after}"), Some(shape))?;
        let body = self.body()?;
        Ok(CaseClause {
            pattern,
            guard,
            body,
            pos,
        })
    }

    /// `try Body [of Clauses] [catch CatchClauses] [after Body] end`: at
    /// least one of `catch` and `after`.
    fn try_expr(&mut self) -> Result<Expr> {
        let open = self.bump().pos;
        let body = self.exprs()?;
        let of = if self.eat_keyword("of") {
            Some(self.try_of_clauses()?)
        } else {
            None
        };
        let catches = if self.eat_keyword("catch") {
            self.catch_clauses(open)?
        } else {
            Vec::new()
        };
        let after = if self.eat_keyword("after") {
            self.exprs()?
        } else {
            Vec::new()
        };
        if catches.is_empty() && after.is_empty() {
            return Err(self.error_here(
                format!(
                    "expected `catch` or `after` in `try`, found {}",
                    self.describe_next()
                ),
                Some("try Expr catch Class:Reason -> Body end".into()),
            ));
        }
        self.end_of("try", open)?;
        Ok(Expr {
            kind: ExprKind::Try {
                body,
                of,
                catches,
                after,
            },
            pos: open,
        })
    }

    /// The `of` clauses of a `try`, which end at `catch`, `after` or
    /// `end`.
    fn try_of_clauses(&mut self) -> Result<Vec<CaseClause>> {
        let mut clauses = Vec::new();
        loop {
            let pos = self.peek().pos;
            let pattern = self.expr()?;
            let pattern = self.to_pattern(pattern)?;
            let shape = "a `try ... of` clause is `Pattern -> Body`".to_owned();
            clauses.push(self.clause_after_pattern(pattern, pos, "the clause's pattern", shape)?);
            if !self.eat_punct(";") {
                return Ok(clauses);
            }
            if self.is_keyword("catch") || self.is_keyword("after") || self.is_keyword("end") {
                return Err(self.error_here(
                    "a `;` before `catch`, `after` or `end`",
                    Some("the last clause has no `;` after it".into()),
                ));
            }
        }
    }

    /// `[Class:]Reason[:Stack] [when G] -> Body; ...`, each kept as a case
    /// clause on `{Class, Reason, Stack}` (see `ExprKind::Try`).
    fn catch_clauses(&mut self, open: Pos) -> Result<Vec<CaseClause>> {
        let mut clauses = Vec::new();
        loop {
            let pos = self.peek().pos;
            let pattern = self.catch_pattern()?;
            let shape = "a catch clause is `Class:Reason:Stack -> Body`".to_owned();
            clauses.push(self.clause_after_pattern(
                pattern,
                pos,
                "the catch clause's pattern",
                shape,
            )?);
            if !self.eat_punct(";") {
                if !self.is_keyword("after") && !self.is_keyword("end") {
                    return Err(self.error_here(
                        format!(
                            "expected `;`, `after` or `end` after a catch clause, found {}",
                            self.describe_next()
                        ),
                        Some(format!(
                            "the `try` at line {}, column {} needs its `end`",
                            open.line, open.column
                        )),
                    ));
                }
                return Ok(clauses);
            }
        }
    }

    /// A catch clause's `Class:Reason:Stack` as the pattern `{Class,
    /// Reason, Stack}`: the class an atom, a variable or `_` (`throw` when
    /// left out), the stack a variable or `_`.
    fn catch_pattern(&mut self) -> Result<Pattern> {
        let pos = self.peek().pos;
        let explicit_class = matches!(self.peek_tok(), Tok::Atom(_) | Tok::Var(_))
            && matches!(self.peek_second(), Tok::Punct(":"));
        let class = if explicit_class {
            let token = self.bump();
            self.bump();
            let class = match token.tok {
                Tok::Atom(name) => PatternKind::Atom(name),
                Tok::Var(name) if name == "_" => PatternKind::Wildcard,
                Tok::Var(name) => PatternKind::Var(name),
                _ => unreachable!("checked above"),
            };
            if let PatternKind::Atom(name) = &class
                && !matches!(name.as_str(), "throw" | "error" | "exit")
            {
                return Err(self.error_at(
                    token.pos,
                    name.len(),
                    format!("`{name}` is not a class of exception"),
                    Some("the class is `throw`, `error`, `exit`, a variable or `_`".into()),
                ));
            }
            Pattern {
                kind: class,
                pos: token.pos,
            }
        } else {
            Pattern {
                kind: PatternKind::Atom("throw".into()),
                pos,
            }
        };
        let saved = std::mem::replace(&mut self.in_catch_pattern, true);
        let reason = self.expr();
        self.in_catch_pattern = saved;
        let reason = self.to_pattern(reason?)?;
        let stack = if self.eat_punct(":") {
            let token = self.bump();
            match token.tok {
                Tok::Var(name) if name == "_" => Pattern {
                    kind: PatternKind::Wildcard,
                    pos: token.pos,
                },
                Tok::Var(name) => Pattern {
                    kind: PatternKind::Var(name),
                    pos: token.pos,
                },
                other => {
                    return Err(self.error_at(
                        token.pos,
                        1,
                        format!(
                            "expected a variable for the stacktrace, found {}",
                            describe(&other)
                        ),
                        Some("Class:Reason:Stack binds the stacktrace to a new variable".into()),
                    ));
                }
            }
        } else {
            Pattern {
                kind: PatternKind::Wildcard,
                pos,
            }
        };
        Ok(Pattern {
            kind: PatternKind::Tuple(vec![class, reason, stack]),
            pos,
        })
    }

    /// The timeout of `after`: an expression, or a duration (`30s`) read
    /// as its milliseconds.
    fn timeout(&mut self) -> Result<Expr> {
        let token = self.peek().clone();
        if let Tok::Duration(ms) = token.tok {
            self.bump();
            return Ok(Expr {
                kind: ExprKind::Int(crate::runtime::Term::int(ms)),
                pos: token.pos,
            });
        }
        self.expr()
    }

    /// `fun (Ps) -> B; (Ps) -> B end`, `fun name/arity`, `fun m:name/arity`.
    fn fun_expr(&mut self) -> Result<Expr> {
        let open = self.bump().pos;
        match self.peek_tok().clone() {
            Tok::Punct("(") => {
                let mut clauses: Vec<Clause> = Vec::new();
                loop {
                    let pos = self.peek().pos;
                    let clause = self.clause_after_name(pos)?;
                    if let Some(first) = clauses.first()
                        && first.patterns.len() != clause.patterns.len()
                    {
                        return Err(self.error_at(
                            pos,
                            1,
                            "the clauses of a fun must have the same number of arguments",
                            None,
                        ));
                    }
                    clauses.push(clause);
                    if !self.eat_punct(";") {
                        break;
                    }
                    if !self.is_punct("(") {
                        return Err(self.error_here(
                            format!(
                                "expected `(` starting the fun's next clause, found {}",
                                self.describe_next()
                            ),
                            Some("fun clauses are `(Args) -> Body` separated by `;`".into()),
                        ));
                    }
                }
                self.end_of("fun", open)?;
                Ok(Expr {
                    kind: ExprKind::Fun(clauses),
                    pos: open,
                })
            }
            // `fun M:F/A` with a variable in it: a fun made when it runs.
            Tok::Var(_) | Tok::Atom(_)
                if self.peek_second() == &Tok::Punct(":")
                    && (matches!(self.peek_tok(), Tok::Var(_))
                        || matches!(self.peek_nth(2), Tok::Var(_))
                        || matches!(self.peek_nth(4), Tok::Var(_))) =>
            {
                self.dynamic_fun_ref(open)
            }
            Tok::Atom(first) => {
                self.bump();
                let (module, name) = if self.eat_punct(":") {
                    match self.bump().tok {
                        Tok::Atom(name) => (Some(first), name),
                        _ => {
                            return Err(self.error_at(
                                open,
                                3,
                                "expected `fun module:name/arity`",
                                Some("the playground's fun references name atoms".into()),
                            ));
                        }
                    }
                } else {
                    (None, first)
                };
                self.expect_punct("/", "and the arity in `fun name/arity`", None)?;
                let arity = match self.peek_tok() {
                    Tok::Int(n) if n.as_small().is_some_and(|n| (0..=255).contains(&n)) => {
                        n.as_small().expect("small") as usize
                    }
                    _ => {
                        return Err(self.error_here(
                            format!(
                                "expected the arity (a number of arguments), found {}",
                                self.describe_next()
                            ),
                            Some(format!("e.g. `fun {name}/1`")),
                        ));
                    }
                };
                self.bump();
                Ok(Expr {
                    kind: ExprKind::FunRef {
                        module,
                        name,
                        arity,
                    },
                    pos: open,
                })
            }
            Tok::Var(_) if self.peek_second() == &Tok::Punct("(") => Err(self.error_here(
                "named funs are not supported by the playground",
                Some("use a function of the definition, and `fun name/arity`".into()),
            )),
            other => Err(self.error_here(
                format!(
                    "expected `(` or a function name after `fun`, found {}",
                    describe(&other)
                ),
                Some("fun (X) -> ... end, or fun name/arity".into()),
            )),
        }
    }
}

impl Parser<'_> {
    /// `fun M:F/A` where any of the three is a variable:
    /// `erlang:make_fun(M, F, A)`, as the BEAM makes it when it runs.
    fn dynamic_fun_ref(&mut self, open: Pos) -> Result<Expr> {
        let part = |parser: &mut Self| -> Result<Expr> {
            let token = parser.bump();
            let kind = match token.tok {
                Tok::Var(name) => ExprKind::Var(name),
                Tok::Atom(name) => ExprKind::Atom(name),
                Tok::Int(n) => ExprKind::Int(n),
                other => {
                    return Err(parser.error_at(
                        token.pos,
                        token.len,
                        format!(
                            "expected `fun Module:Function/Arity`, found {}",
                            describe(&other)
                        ),
                        None,
                    ));
                }
            };
            Ok(Expr {
                kind,
                pos: token.pos,
            })
        };
        let module = part(self)?;
        self.expect_punct(":", "in `fun Module:Function/Arity`", None)?;
        let function = part(self)?;
        self.expect_punct("/", "in `fun Module:Function/Arity`", None)?;
        let arity = part(self)?;
        Ok(Expr {
            kind: ExprKind::Call(
                Callee::Remote("erlang".into(), "make_fun".into()),
                vec![module, function, arity],
            ),
            pos: open,
        })
    }
}

/// The loosest level: `=` and `!`.
const MATCH: u16 = 100;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Assoc {
    Left,
    Right,
    None,
}

#[derive(Clone, Copy)]
enum Infix {
    Match,
    Send,
    Op(BinOp),
}

/// The infix operator a token is, with its precedence and associativity
/// (`erl_parse.yrl`'s `Right 100 '=' '!'` ... `Left 500 mult_op`).
fn infix(tok: &Tok) -> Option<(Infix, u16, Assoc)> {
    use BinOp::*;
    let (op, precedence, assoc) = match tok {
        Tok::Punct("=") => (Infix::Match, MATCH, Assoc::Right),
        Tok::Punct("!") => (Infix::Send, MATCH, Assoc::Right),
        Tok::Keyword("orelse") => (Infix::Op(OrElse), 150, Assoc::Left),
        Tok::Keyword("andalso") => (Infix::Op(AndAlso), 160, Assoc::Left),
        Tok::Punct(p) => {
            let op = match *p {
                "==" => Eq,
                "/=" => Ne,
                "=:=" => ExactEq,
                "=/=" => ExactNe,
                "<" => Lt,
                ">" => Gt,
                "=<" => Le,
                ">=" => Ge,
                "++" => Append,
                "--" => Subtract,
                "+" => Add,
                "-" => Sub,
                "*" => Mul,
                "/" => Div,
                _ => return None,
            };
            let (precedence, assoc) = match op {
                Append | Subtract => (300, Assoc::Right),
                Add | Sub => (400, Assoc::Left),
                Mul | Div => (500, Assoc::Left),
                _ => (200, Assoc::None),
            };
            (Infix::Op(op), precedence, assoc)
        }
        Tok::Keyword("or") => (Infix::Op(Or), 400, Assoc::Left),
        Tok::Keyword("xor") => (Infix::Op(Xor), 400, Assoc::Left),
        Tok::Keyword("div") => (Infix::Op(IntDiv), 500, Assoc::Left),
        Tok::Keyword("rem") => (Infix::Op(Rem), 500, Assoc::Left),
        Tok::Keyword("and") => (Infix::Op(And), 500, Assoc::Left),
        // erl_parse.yrl: `bsl` and `bsr` are add_ops, like `bor`, `bxor`.
        Tok::Keyword("bor") => (Infix::Op(Bor), 400, Assoc::Left),
        Tok::Keyword("bxor") => (Infix::Op(Bxor), 400, Assoc::Left),
        Tok::Keyword("bsl") => (Infix::Op(Bsl), 400, Assoc::Left),
        Tok::Keyword("bsr") => (Infix::Op(Bsr), 400, Assoc::Left),
        Tok::Keyword("band") => (Infix::Op(Band), 500, Assoc::Left),
        _ => return None,
    };
    Some((op, precedence, assoc))
}
