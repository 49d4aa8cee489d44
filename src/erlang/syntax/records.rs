//! Records, as the compiler's `erl_expand_records` has them: a record is a
//! tuple whose first element is its name, and the record syntax is sugar
//! this parser turns into tuples, `case`s and `element/2` before anything
//! else sees the code.
//!
//! - `-record(point, {x = 0, y, z :: integer()}).` defines one (types are
//!   read and dropped); it must come before its uses;
//! - `#point{y = 2}` is `{point, 0, 2, undefined}`: unset fields take
//!   their default, or `undefined`; `_ = V` sets every field not named;
//! - in a pattern, unset fields match anything: `#point{x = X}` is
//!   `{point, X, _, _}`;
//! - `P#point.x` is the field, and `P#point{x = 1}` a copy with it
//!   changed, each `{badrecord, P}` when `P` is not a `point` (a `case`
//!   on the tuple's shape); in a guard `P#point.x` is `element(2, P)`;
//! - `#point.x` is the field's position (2), `record_info(fields, point)`
//!   and `record_info(size, point)` are constants, and `is_record(P,
//!   point)` checks the size too (`is_record/3`).
//!
//! The variables the expansion binds are named with an `@`
//! (`Rec@1`), which Erlang allows in a variable and no program writes.

use super::error::Result;
use super::lexer::Tok;
use super::parser::Parser;
use crate::erlang::ast::{Callee, CaseClause, Expr, ExprKind, Pattern, PatternKind, Pos};
use crate::runtime::Term;

/// A record's fields, in order, with their defaults.
#[derive(Clone, Debug, Default)]
pub struct RecordDef {
    pub fields: Vec<(String, Option<Expr>)>,
}

/// The stand-in for a field not named in `#r{...}`: its default in an
/// expression, `_` in a pattern (see [`strip_defaults`]).
const DEFAULT_MARK: (&str, &str) = ("$record", "default");

fn expr(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

fn atom(name: &str, pos: Pos) -> Expr {
    expr(ExprKind::Atom(name.to_owned()), pos)
}

impl Parser<'_> {
    /// `-record(Name, {Field [= Default] [:: Type], ...}).`, after `-record`.
    pub fn record_attribute(&mut self) -> Result<(String, RecordDef)> {
        let hint = Some("-record(point, {x = 0, y}).".to_owned());
        self.expect_punct("(", "after -record", hint.clone())?;
        let name = match self.peek_tok().clone() {
            Tok::Atom(name) => {
                self.bump();
                name
            }
            _ => {
                return Err(self.error_here(
                    format!("expected the record's name, found {}", self.describe_next()),
                    hint,
                ));
            }
        };
        self.expect_punct(",", "after the record's name", hint.clone())?;
        self.expect_punct("{", "before the record's fields", hint.clone())?;
        let mut def = RecordDef::default();
        if !self.eat_punct("}") {
            loop {
                let field = match self.peek_tok().clone() {
                    Tok::Atom(field) => {
                        self.bump();
                        field
                    }
                    _ => {
                        return Err(self.error_here(
                            format!("expected a field's name, found {}", self.describe_next()),
                            hint,
                        ));
                    }
                };
                if def.fields.iter().any(|(f, _)| *f == field) {
                    return Err(self.error_here(
                        format!("field {field} already defined in record {name}"),
                        None,
                    ));
                }
                let default = if self.eat_punct("=") {
                    Some(self.expr()?)
                } else {
                    None
                };
                if self.eat_punct("::") {
                    self.skip_type()?;
                }
                def.fields.push((field, default));
                if self.eat_punct("}") {
                    break;
                }
                self.expect_punct(",", "or `}` after a field", hint.clone())?;
            }
        }
        self.expect_punct(")", "after the record's fields", hint)?;
        Ok((name, def))
    }

    /// A type after `::`, up to the `,` or `}` that ends the field.
    fn skip_type(&mut self) -> Result<()> {
        let mut depth = 0usize;
        loop {
            match self.peek_tok() {
                Tok::Punct("(" | "[" | "{" | "<<") => depth += 1,
                Tok::Punct(")" | "]" | ">>") => depth = depth.saturating_sub(1),
                Tok::Punct("}") if depth == 0 => return Ok(()),
                Tok::Punct("}") => depth -= 1,
                Tok::Punct(",") if depth == 0 => return Ok(()),
                Tok::Dot | Tok::Eof => {
                    return Err(self.error_here("the field's type is never finished", None));
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// The record `name`, or "record NAME undefined" at it.
    fn record(&self, name: &str, pos: Pos) -> Result<RecordDef> {
        self.records.get(name).cloned().ok_or_else(|| {
            self.error_at(
                pos,
                name.chars().count() + 1,
                format!("record {name} undefined"),
                Some(format!(
                    "define it first: -record({name}, {{field1, field2}})."
                )),
            )
        })
    }

    /// The name after a `#` (the next token), and where it is.
    fn record_name(&mut self) -> Result<(String, Pos)> {
        let token = self.bump();
        match token.tok {
            Tok::Atom(name) => Ok((name, token.pos)),
            _ => unreachable!("called when an atom follows `#`"),
        }
    }

    /// The position of `field` in the tuple (the name is at 1).
    fn field_index(&mut self, name: &str, def: &RecordDef) -> Result<(usize, Pos)> {
        let token = self.peek().clone();
        let Tok::Atom(field) = token.tok else {
            return Err(self.error_here(
                format!("expected a field of {name}, found {}", self.describe_next()),
                None,
            ));
        };
        self.bump();
        match def.fields.iter().position(|(f, _)| *f == field) {
            Some(i) => Ok((i + 2, token.pos)),
            None => Err(self.error_at(
                token.pos,
                token.len,
                format!("field {field} undefined in record {name}"),
                Some(format!(
                    "{name} has {}",
                    def.fields
                        .iter()
                        .map(|(f, _)| f.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            )),
        }
    }

    /// `{f = V, ...}` after `#name`: each named field's value, and the
    /// value of `_ = V` if given.
    fn record_values(
        &mut self,
        name: &str,
        def: &RecordDef,
    ) -> Result<(Vec<Option<Expr>>, Option<Expr>)> {
        self.expect_punct("{", &format!("after #{name}"), None)?;
        let mut values = vec![None; def.fields.len()];
        let mut rest = None;
        if self.eat_punct("}") {
            return Ok((values, rest));
        }
        loop {
            if matches!(self.peek_tok(), Tok::Var(v) if v == "_") {
                self.bump();
                self.expect_punct("=", "after `_`", None)?;
                rest = Some(self.expr()?);
            } else {
                let (index, _) = self.field_index(name, def)?;
                self.expect_punct(
                    "=",
                    "after the field's name",
                    Some(format!("#{name}{{field = Value}}")),
                )?;
                values[index - 2] = Some(self.expr()?);
            }
            if self.eat_punct("}") {
                return Ok((values, rest));
            }
            self.expect_punct(",", "or `}` between fields", None)?;
        }
    }

    /// `#name{...}` or `#name.field` where an expression starts; the `#`
    /// is at `hash`.
    pub(super) fn record_expr(&mut self, hash: Pos) -> Result<Expr> {
        let (name, at) = self.record_name()?;
        let def = self.record(&name, at)?;
        if self.eat_punct(".") {
            let (index, _) = self.field_index(&name, &def)?;
            return Ok(expr(ExprKind::Int(Term::int(index as i64)), hash));
        }
        let (values, rest) = self.record_values(&name, &def)?;
        let mut elements = vec![atom(&name, hash)];
        for ((_, default), value) in def.fields.iter().zip(values) {
            elements.push(match (value, &rest) {
                (Some(value), _) => value,
                (None, Some(rest)) => rest.clone(),
                (None, None) => {
                    let default = default.clone().unwrap_or_else(|| atom("undefined", hash));
                    let (m, f) = DEFAULT_MARK;
                    expr(
                        ExprKind::Call(Callee::Remote(m.into(), f.into()), vec![default]),
                        hash,
                    )
                }
            });
        }
        Ok(expr(ExprKind::Tuple(elements), hash))
    }

    /// `Base#name.field` or `Base#name{...}`, after `base`.
    pub(super) fn record_postfix(&mut self, base: Expr) -> Result<Expr> {
        let hash = self.bump().pos;
        let (name, at) = self.record_name()?;
        let def = self.record(&name, at)?;
        let size = def.fields.len() + 1;
        self.fresh += 1;
        let n = self.fresh;
        let bad = format!("Rec@{n}");
        let badrecord = CaseClause {
            pattern: Pattern {
                kind: PatternKind::Var(bad.clone()),
                pos: hash,
            },
            guard: Vec::new(),
            body: vec![expr(
                ExprKind::Call(
                    Callee::Remote("erlang".into(), "error".into()),
                    vec![expr(
                        ExprKind::Tuple(vec![
                            atom("badrecord", hash),
                            expr(ExprKind::Var(bad), hash),
                        ]),
                        hash,
                    )],
                ),
                hash,
            )],
            pos: hash,
        };
        let shape = |vars: &dyn Fn(usize) -> PatternKind| Pattern {
            kind: PatternKind::Tuple(
                std::iter::once(Pattern {
                    kind: PatternKind::Atom(name.clone()),
                    pos: hash,
                })
                .chain((2..=size).map(|i| Pattern {
                    kind: vars(i),
                    pos: hash,
                }))
                .collect(),
            ),
            pos: hash,
        };
        if self.eat_punct(".") {
            let (index, _) = self.field_index(&name, &def)?;
            if self.in_guard {
                return Ok(expr(
                    ExprKind::Call(
                        Callee::Local("element".into()),
                        vec![expr(ExprKind::Int(Term::int(index as i64)), hash), base],
                    ),
                    hash,
                ));
            }
            let field = format!("Field@{n}");
            let good = CaseClause {
                pattern: shape(&|i| {
                    if i == index {
                        PatternKind::Var(field.clone())
                    } else {
                        PatternKind::Wildcard
                    }
                }),
                guard: Vec::new(),
                body: vec![expr(ExprKind::Var(field.clone()), hash)],
                pos: hash,
            };
            return Ok(expr(
                ExprKind::Case(Box::new(base), vec![good, badrecord]),
                hash,
            ));
        }
        let (values, rest) = self.record_values(&name, &def)?;
        if rest.is_some() {
            return Err(self.error_at(
                hash,
                1,
                "`_ = V` only sets the fields of a new record",
                None,
            ));
        }
        let kept = |i: usize| format!("F{i}@{n}");
        let good = CaseClause {
            pattern: shape(&|i| {
                if values[i - 2].is_some() {
                    PatternKind::Wildcard
                } else {
                    PatternKind::Var(kept(i))
                }
            }),
            guard: Vec::new(),
            body: vec![expr(
                ExprKind::Tuple(
                    std::iter::once(atom(&name, hash))
                        .chain(values.iter().enumerate().map(|(j, v)| match v {
                            Some(value) => value.clone(),
                            None => expr(ExprKind::Var(kept(j + 2)), hash),
                        }))
                        .collect(),
                ),
                hash,
            )],
            pos: hash,
        };
        Ok(expr(
            ExprKind::Case(Box::new(base), vec![good, badrecord]),
            hash,
        ))
    }

    /// `record_info(fields | size, Name)` and `is_record(X, Name)` with a
    /// record this module defines: constants, and the size-checking
    /// `is_record/3`.
    pub(super) fn record_call(
        &self,
        name: &str,
        args: &mut Vec<Expr>,
        pos: Pos,
    ) -> Result<Option<Expr>> {
        match (name, args.as_slice()) {
            ("record_info", [what, record]) => {
                let (ExprKind::Atom(what), ExprKind::Atom(record)) = (&what.kind, &record.kind)
                else {
                    return Err(self.error_at(
                        pos,
                        name.len(),
                        "record_info/2 takes two atoms",
                        Some("record_info(fields, point)".into()),
                    ));
                };
                let def = self.record(record, args[1].pos)?;
                match what.as_str() {
                    "fields" => {
                        let mut list = expr(ExprKind::Nil, pos);
                        for (field, _) in def.fields.iter().rev() {
                            list = expr(
                                ExprKind::Cons(Box::new(atom(field, pos)), Box::new(list)),
                                pos,
                            );
                        }
                        Ok(Some(list))
                    }
                    "size" => Ok(Some(expr(
                        ExprKind::Int(Term::int(def.fields.len() as i64 + 1)),
                        pos,
                    ))),
                    _ => Err(self.error_at(
                        args[0].pos,
                        what.len(),
                        "record_info/2 asks for `fields` or `size`",
                        None,
                    )),
                }
            }
            ("is_record", [_, record]) => {
                if let ExprKind::Atom(record) = &record.kind
                    && let Some(def) = self.records.get(record)
                {
                    let size = def.fields.len() as i64 + 1;
                    args.push(expr(ExprKind::Int(Term::int(size)), pos));
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }
}

/// Replaces each unset field's stand-in with its default, everywhere in
/// the expressions of a function (patterns made their stand-ins `_`).
pub fn strip_defaults(expr: &mut Expr) {
    if let ExprKind::Call(Callee::Remote(m, f), args) = &mut expr.kind
        && (m.as_str(), f.as_str()) == DEFAULT_MARK
    {
        let default = args.pop().expect("a default");
        *expr = default;
    }
    match &mut expr.kind {
        ExprKind::Case(_, clauses) | ExprKind::Receive { clauses, .. } => {
            for clause in clauses {
                clause.guard.iter_mut().flatten().for_each(strip_defaults);
            }
        }
        ExprKind::If(clauses) => {
            for clause in clauses {
                clause.guard.iter_mut().flatten().for_each(strip_defaults);
            }
        }
        ExprKind::Try { of, catches, .. } => {
            for clause in of.iter_mut().flatten().chain(catches) {
                clause.guard.iter_mut().flatten().for_each(strip_defaults);
            }
        }
        ExprKind::Fun(clauses) => {
            for clause in clauses {
                clause.guard.iter_mut().flatten().for_each(strip_defaults);
            }
        }
        _ => {}
    }
    expr.for_each_child_mut(&mut strip_defaults);
}

/// True for a field's stand-in: a pattern reads it as `_`.
pub fn is_default_mark(expr: &Expr) -> bool {
    matches!(&expr.kind, ExprKind::Call(Callee::Remote(m, f), _) if (m.as_str(), f.as_str()) == DEFAULT_MARK)
}
