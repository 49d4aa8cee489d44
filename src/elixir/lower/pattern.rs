//! Patterns and guards. A variable in a pattern is a fresh binding (the
//! same one wherever it repeats in that pattern), `^x` the value `x` has,
//! `_` and `_name` match anything; `"prefix" <> rest` is a binary pattern
//! and `%Name{}` a map with its `__struct__`.

use super::{Lowerer, Result};
use crate::elixir::ast::{Kind, Node, Part};
use crate::erlang::ast::{
    Expr, ExprKind, Guard, MapPatternField, Pattern, PatternKind, Pos, Segment,
};
use crate::erlang::bitsyntax::Spec;
use std::collections::HashMap;

impl Lowerer<'_> {
    /// The variables a pattern bound join the scope.
    pub(super) fn bind(&mut self, bound: HashMap<String, String>) {
        self.vars.extend(bound);
    }

    pub(super) fn pattern(
        &mut self,
        node: &Node,
        bound: &mut HashMap<String, String>,
    ) -> Result<Pattern> {
        let pos = node.pos;
        let at = |kind| Pattern { kind, pos };
        Ok(match &node.kind {
            Kind::Var(name) if name.starts_with('_') => at(PatternKind::Wildcard),
            Kind::Var(name) => {
                let var = match bound.get(name) {
                    Some(var) => var.clone(),
                    None => {
                        let var = self.fresh_var(name);
                        bound.insert(name.clone(), var.clone());
                        var
                    }
                };
                at(PatternKind::Var(var))
            }
            Kind::Unary("^", inner) => match &inner.kind {
                Kind::Var(name) => match self.vars.get(name) {
                    Some(var) => at(PatternKind::Var(var.clone())),
                    None => {
                        return Err(self.error(
                            inner.pos,
                            format!("undefined variable ^{name}"),
                            "a pin reads a variable bound before the pattern",
                        ));
                    }
                },
                _ => return Err(self.error(pos, "`^` pins a variable", "write ^name")),
            },
            Kind::Int(n) => at(PatternKind::Int(crate::runtime::Term::int(*n))),
            Kind::Unary("-", inner) if matches!(inner.kind, Kind::Int(_)) => {
                let Kind::Int(n) = inner.kind else {
                    unreachable!()
                };
                at(PatternKind::Int(crate::runtime::Term::int(-n)))
            }
            Kind::Float(f) => at(PatternKind::Float(*f)),
            Kind::Atom(a) => at(PatternKind::Atom(a.clone())),
            Kind::Alias(segments) => at(PatternKind::Atom(self.alias_module(segments))),
            Kind::Chars(text) => at(PatternKind::Str(text.clone())),
            Kind::Str(parts) => {
                let mut segments = Vec::new();
                for part in parts {
                    match part {
                        Part::Lit(text) => segments.push(literal_segment(text, pos)),
                        Part::Expr(_) => {
                            return Err(self.error(
                                pos,
                                "a pattern cannot interpolate",
                                "match the start with \"prefix\" <> rest",
                            ));
                        }
                    }
                }
                at(PatternKind::Binary(segments))
            }
            Kind::Tuple(items) => at(PatternKind::Tuple(
                items
                    .iter()
                    .map(|item| self.pattern(item, bound))
                    .collect::<Result<_>>()?,
            )),
            Kind::List(items, tail) => {
                let mut list = match tail {
                    Some(tail) => self.pattern(tail, bound)?,
                    None => at(PatternKind::Nil),
                };
                for item in items.iter().rev() {
                    let head = self.pattern(item, bound)?;
                    list = Pattern {
                        kind: PatternKind::Cons(Box::new(head), Box::new(list)),
                        pos: item.pos,
                    };
                }
                list
            }
            Kind::Op("=", left, right) => {
                let left = self.pattern(left, bound)?;
                let right = self.pattern(right, bound)?;
                at(PatternKind::Alias(Box::new(left), Box::new(right)))
            }
            Kind::Op("<>", left, right) => {
                let Kind::Str(parts) = &left.kind else {
                    return Err(self.error(
                        left.pos,
                        "the left side of `<>` in a pattern is a string",
                        "write \"prefix\" <> rest",
                    ));
                };
                let mut segments = Vec::new();
                for part in parts {
                    if let Part::Lit(text) = part {
                        segments.push(literal_segment(text, pos));
                    }
                }
                let rest = self.pattern(right, bound)?;
                segments.push(Segment {
                    value: rest,
                    size: None,
                    specs: vec![Spec::Binary],
                    pos: right.pos,
                });
                at(PatternKind::Binary(segments))
            }
            Kind::Map(None, fields) => at(PatternKind::Map(self.map_pattern(fields, bound)?)),
            Kind::Struct(name, None, fields) => {
                let mut map = self.map_pattern(fields, bound)?;
                let module = match &name.kind {
                    Kind::Alias(segments) => self.alias_module(segments),
                    _ => self.module.name.clone(),
                };
                map.insert(
                    0,
                    MapPatternField {
                        key: expr_at(ExprKind::Atom("__struct__".into()), pos),
                        value: at(PatternKind::Atom(module)),
                        pos,
                    },
                );
                at(PatternKind::Map(map))
            }
            Kind::Bin(items) => {
                let mut segments = Vec::new();
                for (value, spec) in items {
                    let (size, specs) = self.bin_spec(spec.as_ref())?;
                    let value = match &value.kind {
                        Kind::Str(parts) if parts.len() == 1 => {
                            let Part::Lit(text) = &parts[0] else {
                                unreachable!("one literal part")
                            };
                            Pattern {
                                kind: PatternKind::Str(text.clone()),
                                pos: value.pos,
                            }
                        }
                        _ => self.pattern(value, bound)?,
                    };
                    segments.push(Segment {
                        value,
                        size,
                        specs,
                        pos,
                    });
                }
                at(PatternKind::Binary(segments))
            }
            Kind::Attr(name) => {
                let value = self.attribute(name, pos)?;
                return self.pattern(&value, bound);
            }
            _ => {
                return Err(self.error(
                    pos,
                    "this cannot be a pattern",
                    "a pattern is made of literals, variables, tuples, lists, maps and ^pins",
                ));
            }
        })
    }

    fn map_pattern(
        &mut self,
        fields: &[(Node, Node)],
        bound: &mut HashMap<String, String>,
    ) -> Result<Vec<MapPatternField>> {
        fields
            .iter()
            .map(|(key, value)| {
                // `%{^key => v}`: the key is the pinned variable's value.
                let key_expr = match &key.kind {
                    Kind::Unary("^", inner) => self.expr(inner)?,
                    _ => self.expr(key)?,
                };
                Ok(MapPatternField {
                    key: key_expr,
                    value: self.pattern(value, bound)?,
                    pos: key.pos,
                })
            })
            .collect()
    }

    /// A guard: one test (Elixir writes `or`/`and`, never `;`).
    pub(super) fn guard(&mut self, node: &Node) -> Result<Guard> {
        Ok(vec![vec![self.expr(node)?]])
    }
}

pub(super) fn expr_at(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

/// A string literal in a binary: UTF-8, as Elixir's strings are.
pub(super) fn literal_segment<T: From<(String, Pos)>>(text: &str, pos: Pos) -> Segment<T> {
    Segment {
        value: T::from((text.to_string(), pos)),
        size: None,
        specs: if text.is_ascii() {
            Vec::new()
        } else {
            vec![Spec::Utf8]
        },
        pos,
    }
}

impl From<(String, Pos)> for Pattern {
    fn from((text, pos): (String, Pos)) -> Pattern {
        Pattern {
            kind: PatternKind::Str(text),
            pos,
        }
    }
}

impl From<(String, Pos)> for Expr {
    fn from((text, pos): (String, Pos)) -> Expr {
        Expr {
            kind: ExprKind::Str(text),
            pos,
        }
    }
}
