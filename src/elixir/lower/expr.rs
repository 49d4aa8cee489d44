//! Expressions: operators, calls (local, remote, Kernel's, which become
//! Erlang's BIFs), the block forms (`case`, `cond`, `if`, `with`,
//! `receive`, `try`), `fn` and `&` captures, strings, maps and structs.

use super::pattern::{expr_at, literal_segment};
use super::{Lowerer, Result};
use crate::elixir::ast::{Body, Kind, Node, Part, Stab};
use crate::erlang::ast::{
    BinOp, Callee, CaseClause, Clause, Expr, ExprKind, Function, MapField, Pattern, PatternKind,
    Pos, Segment, UnOp,
};
use crate::erlang::bitsyntax::Spec;
use std::collections::HashMap;

/// Kernel's functions that are Erlang BIFs of the same name and arity.
const SAME_IN_ERLANG: &[(&str, usize)] = &[
    ("self", 0),
    ("node", 0),
    ("node", 1),
    ("make_ref", 0),
    ("spawn", 1),
    ("spawn", 3),
    ("spawn_link", 1),
    ("spawn_link", 3),
    ("spawn_monitor", 1),
    ("spawn_monitor", 3),
    ("hd", 1),
    ("tl", 1),
    ("length", 1),
    ("map_size", 1),
    ("tuple_size", 1),
    ("byte_size", 1),
    ("bit_size", 1),
    ("abs", 1),
    ("round", 1),
    ("trunc", 1),
    ("is_atom", 1),
    ("is_binary", 1),
    ("is_bitstring", 1),
    ("is_boolean", 1),
    ("is_float", 1),
    ("is_function", 1),
    ("is_function", 2),
    ("is_integer", 1),
    ("is_list", 1),
    ("is_map", 1),
    ("is_map_key", 2),
    ("is_number", 1),
    ("is_pid", 1),
    ("is_port", 1),
    ("is_reference", 1),
    ("is_tuple", 1),
    ("exit", 1),
    ("throw", 1),
    ("max", 2),
    ("min", 2),
    ("apply", 2),
    ("apply", 3),
    ("binary_part", 3),
];

impl Lowerer<'_> {
    pub fn expr(&mut self, node: &Node) -> Result<Expr> {
        let pos = node.pos;
        let at = |kind| expr_at(kind, pos);
        Ok(match &node.kind {
            Kind::Int(n) => at(ExprKind::Int(crate::runtime::Term::int(*n))),
            Kind::Float(f) => at(ExprKind::Float(*f)),
            Kind::Atom(a) => at(ExprKind::Atom(a.clone())),
            Kind::Alias(segments) => at(ExprKind::Atom(self.alias_module(segments))),
            Kind::Chars(text) => at(ExprKind::Str(text.clone())),
            Kind::Str(parts) => self.string(parts, pos)?,
            Kind::Var(name) if name == "__MODULE__" => at(ExprKind::Atom(self.module.name.clone())),
            Kind::Var(name) => match self.vars.get(name) {
                Some(var) => at(ExprKind::Var(var.clone())),
                None if self.module.locals.contains(&(name.clone(), 0)) => {
                    at(ExprKind::Call(Callee::Local(name.clone()), Vec::new()))
                }
                None if self.module.shell => {
                    at(ExprKind::Call(Callee::Local(name.clone()), Vec::new()))
                }
                None => {
                    return Err(self.error(
                        pos,
                        format!("undefined variable \"{name}\""),
                        "bind it first (x = ...), or call a function with parentheses: name()",
                    ));
                }
            },
            Kind::Tuple(items) => at(ExprKind::Tuple(self.exprs(items)?)),
            Kind::List(items, tail) => {
                let mut list = match tail {
                    Some(tail) => self.expr(tail)?,
                    None => at(ExprKind::Nil),
                };
                for item in items.iter().rev() {
                    let head = self.expr(item)?;
                    list = expr_at(ExprKind::Cons(Box::new(head), Box::new(list)), item.pos);
                }
                list
            }
            Kind::Map(None, fields) => at(ExprKind::Map(self.map_fields(fields, false)?)),
            Kind::Map(Some(base), fields) => {
                let base = self.expr(base)?;
                at(ExprKind::MapUpdate(
                    Box::new(base),
                    self.map_fields(fields, true)?,
                ))
            }
            Kind::Struct(name, base, fields) => {
                let base = match base {
                    Some(base) => self.expr(base)?,
                    None => {
                        let module = match &name.kind {
                            Kind::Alias(segments) => self.alias_module(segments),
                            _ => self.module.name.clone(),
                        };
                        let callee = if module == self.module.name {
                            Callee::Local("__struct__".into())
                        } else {
                            Callee::Remote(module, "__struct__".into())
                        };
                        at(ExprKind::Call(callee, Vec::new()))
                    }
                };
                if fields.is_empty() {
                    return Ok(base);
                }
                at(ExprKind::MapUpdate(
                    Box::new(base),
                    self.map_fields(fields, true)?,
                ))
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
                            expr_at(ExprKind::Str(text.clone()), value.pos)
                        }
                        _ => self.expr(value)?,
                    };
                    segments.push(Segment {
                        value,
                        size,
                        specs,
                        pos,
                    });
                }
                at(ExprKind::Binary(segments))
            }
            Kind::Op(op, left, right) => self.binary_op(op, left, right, pos)?,
            Kind::Unary(op, operand) => match *op {
                "-" => at(ExprKind::UnOp(UnOp::Neg, Box::new(self.expr(operand)?))),
                "+" => at(ExprKind::UnOp(UnOp::Plus, Box::new(self.expr(operand)?))),
                "not" => at(ExprKind::UnOp(UnOp::Not, Box::new(self.expr(operand)?))),
                "!" => {
                    let value = self.expr(operand)?;
                    let yes = at(ExprKind::Atom("true".into()));
                    let no = at(ExprKind::Atom("false".into()));
                    self.truthy(value, vec![no], vec![yes], pos)
                }
                _ => {
                    return Err(self.error(
                        pos,
                        "`^` pins a variable only in a pattern",
                        "use the variable itself here",
                    ));
                }
            },
            Kind::Call {
                module,
                name,
                args,
                blocks,
            } => self.call(module.as_deref(), name, args, blocks, pos)?,
            Kind::Field(receiver, field) => {
                let value = self.expr(receiver)?;
                self.field(value, field, pos)
            }
            Kind::Apply(fun, args) => {
                let fun = self.expr(fun)?;
                at(ExprKind::Call(
                    Callee::Fun(Box::new(fun)),
                    self.exprs(args)?,
                ))
            }
            Kind::Fn(clauses) => at(ExprKind::Fun(
                clauses
                    .iter()
                    .map(|clause| self.stab(clause))
                    .collect::<Result<_>>()?,
            )),
            Kind::Capture(inner) => self.capture(inner, pos)?,
            Kind::CaptureArg(n) => {
                let Some(args) = &self.capture else {
                    return Err(self.error(
                        pos,
                        format!("&{n} outside a capture"),
                        "write &(&1 + 1), or fn x -> x + 1 end",
                    ));
                };
                match args.get((*n as usize).wrapping_sub(1)) {
                    Some(var) => at(ExprKind::Var(var.clone())),
                    None => {
                        return Err(self.error(
                            pos,
                            format!("&{n} has no place here"),
                            "the arguments are &1, &2, ...",
                        ));
                    }
                }
            }
            Kind::Attr(name) => {
                let value = self.attribute(name, pos)?;
                self.expr(&value)?
            }
            Kind::AttrSet(name, _) => {
                return Err(self.error(
                    pos,
                    format!("@{name} is set in a module's body, not in a function"),
                    "move it out of the function",
                ));
            }
            Kind::Block(nodes) => at(ExprKind::Block(self.body(nodes, pos)?)),
            Kind::Clauses(_) => {
                return Err(self.error(
                    pos,
                    "clauses in brackets are a block's, not a value",
                    "they go after `do:`, `else:` or `after:`: case x, do: (1 -> :one; _ -> :other)",
                ));
            }
        })
    }

    /// `value.field` as Elixir compiles it: the map's value for the key,
    /// `{badkey, Key, Map}` for a map without it, and for anything else
    /// a call of the function `field` of the module it names.
    fn field(&mut self, value: Expr, field: &str, pos: Pos) -> Expr {
        let found = self.fresh_var("field");
        let map = self.fresh_var("map");
        let other = self.fresh_var("other");
        let key = || expr_at(ExprKind::Atom(field.to_string()), pos);
        let error = expr_at(
            ExprKind::Tuple(vec![
                expr_at(ExprKind::Atom("badkey".into()), pos),
                key(),
                var_expr(&map, pos),
            ]),
            pos,
        );
        self.case(
            value,
            vec![
                (
                    pat(
                        PatternKind::Map(vec![crate::erlang::ast::MapPatternField {
                            key: key(),
                            value: pat(PatternKind::Var(found.clone()), pos),
                            pos,
                        }]),
                        pos,
                    ),
                    Vec::new(),
                    vec![var_expr(&found, pos)],
                ),
                (
                    pat(PatternKind::Var(map.clone()), pos),
                    vec![vec![call(
                        "erlang",
                        "is_map",
                        vec![var_expr(&map, pos)],
                        pos,
                    )]],
                    vec![call("erlang", "error", vec![error], pos)],
                ),
                (
                    pat(PatternKind::Var(other.clone()), pos),
                    Vec::new(),
                    vec![call(
                        "erlang",
                        "apply",
                        vec![var_expr(&other, pos), key(), expr_at(ExprKind::Nil, pos)],
                        pos,
                    )],
                ),
            ],
            pos,
        )
    }

    fn exprs(&mut self, nodes: &[Node]) -> Result<Vec<Expr>> {
        nodes.iter().map(|node| self.expr(node)).collect()
    }

    pub(super) fn attribute(&self, name: &str, pos: Pos) -> Result<Node> {
        self.module.attributes.get(name).cloned().ok_or_else(|| {
            self.error(
                pos,
                format!("@{name} was not set"),
                "set it in the module's body first: @name value",
            )
        })
    }

    fn map_fields(&mut self, fields: &[(Node, Node)], exact: bool) -> Result<Vec<MapField>> {
        fields
            .iter()
            .map(|(key, value)| {
                Ok(MapField {
                    key: self.expr(key)?,
                    exact,
                    value: self.expr(value)?,
                    pos: key.pos,
                })
            })
            .collect()
    }

    /// `"a#{x}b"`: a binary; an interpolated value that is not a binary
    /// goes through `String.Chars.to_string/1`, as Elixir compiles it.
    fn string(&mut self, parts: &[Part], pos: Pos) -> Result<Expr> {
        let mut segments = Vec::new();
        for part in parts {
            match part {
                Part::Lit(text) if text.is_empty() => {}
                Part::Lit(text) => segments.push(literal_segment(text, pos)),
                Part::Expr(node) => {
                    let value = self.expr(node)?;
                    let var = self.fresh_var("interp");
                    let converted = self.case(
                        value,
                        vec![
                            (
                                pat(PatternKind::Var(var.clone()), pos),
                                vec![vec![call(
                                    "erlang",
                                    "is_binary",
                                    vec![var_expr(&var, pos)],
                                    pos,
                                )]],
                                vec![var_expr(&var, pos)],
                            ),
                            (
                                pat(PatternKind::Var(var.clone() + "o"), pos),
                                Vec::new(),
                                vec![call(
                                    "Elixir.String.Chars",
                                    "to_string",
                                    vec![var_expr(&(var + "o"), pos)],
                                    pos,
                                )],
                            ),
                        ],
                        pos,
                    );
                    segments.push(Segment {
                        value: converted,
                        size: None,
                        specs: vec![Spec::Binary],
                        pos: node.pos,
                    });
                }
            }
        }
        Ok(expr_at(ExprKind::Binary(segments), pos))
    }

    /// `x::8`, `rest::binary`, `n::integer-size(16)-little`.
    pub(super) fn bin_spec(&mut self, spec: Option<&Node>) -> Result<(Option<Expr>, Vec<Spec>)> {
        let mut size = None;
        let mut specs = Vec::new();
        let mut stack: Vec<&Node> = spec.into_iter().collect();
        while let Some(node) = stack.pop() {
            match &node.kind {
                Kind::Op("-", a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                Kind::Int(_) => size = Some(self.expr(node)?),
                Kind::Call {
                    module: None,
                    name,
                    args,
                    ..
                } if name == "size" && args.len() == 1 => size = Some(self.expr(&args[0])?),
                Kind::Call {
                    module: None,
                    name,
                    args,
                    ..
                } if name == "unit" && args.len() == 1 => {
                    if let Kind::Int(n) = args[0].kind {
                        specs.push(Spec::Unit(n.clamp(1, 256) as u16));
                    }
                }
                Kind::Var(name) => match Spec::named(name) {
                    Some(spec) => specs.push(spec),
                    None if self.vars.contains_key(name) => size = Some(self.expr(node)?),
                    None => {
                        return Err(self.error(
                            node.pos,
                            format!("unknown binary type `{name}`"),
                            "binary, integer, float, utf8, size(N), little, signed, ...",
                        ));
                    }
                },
                _ => {
                    return Err(self.error(
                        node.pos,
                        "this is not a binary segment's type",
                        "write x::8, rest::binary or n::integer-size(16)",
                    ));
                }
            }
        }
        Ok((size, specs))
    }

    fn binary_op(&mut self, op: &str, left: &Node, right: &Node, pos: Pos) -> Result<Expr> {
        let arith = match op {
            "+" => Some(BinOp::Add),
            "-" => Some(BinOp::Sub),
            "*" => Some(BinOp::Mul),
            "/" => Some(BinOp::Div),
            "==" => Some(BinOp::Eq),
            "!=" => Some(BinOp::Ne),
            "===" => Some(BinOp::ExactEq),
            "!==" => Some(BinOp::ExactNe),
            "<" => Some(BinOp::Lt),
            ">" => Some(BinOp::Gt),
            "<=" => Some(BinOp::Le),
            ">=" => Some(BinOp::Ge),
            "++" => Some(BinOp::Append),
            "--" => Some(BinOp::Subtract),
            "and" => Some(BinOp::AndAlso),
            "or" => Some(BinOp::OrElse),
            _ => None,
        };
        if let Some(op) = arith {
            let left = self.expr(left)?;
            let right = self.expr(right)?;
            return Ok(expr_at(
                ExprKind::BinOp(op, Box::new(left), Box::new(right)),
                pos,
            ));
        }
        match op {
            "=" => {
                let value = self.expr(right)?;
                let mut bound = HashMap::new();
                let pattern = self.pattern(left, &mut bound)?;
                self.bind(bound);
                Ok(expr_at(ExprKind::Match(pattern, Box::new(value)), pos))
            }
            "|>" => {
                let piped = match &right.kind {
                    Kind::Call {
                        module,
                        name,
                        args,
                        blocks,
                    } => {
                        let mut args = args.clone();
                        args.insert(0, left.clone());
                        Kind::Call {
                            module: module.clone(),
                            name: name.clone(),
                            args,
                            blocks: blocks.clone(),
                        }
                    }
                    Kind::Apply(fun, args) => {
                        let mut args = args.clone();
                        args.insert(0, left.clone());
                        Kind::Apply(fun.clone(), args)
                    }
                    Kind::Var(name) => Kind::Call {
                        module: None,
                        name: name.clone(),
                        args: vec![left.clone()],
                        blocks: Vec::new(),
                    },
                    _ => {
                        return Err(self.error(
                            right.pos,
                            "the right side of `|>` is a call",
                            "write x |> f(y), which is f(x, y)",
                        ));
                    }
                };
                self.expr(&Node::new(piped, right.pos))
            }
            "<>" => {
                let mut segments = Vec::new();
                for side in [left, right] {
                    let value = self.expr(side)?;
                    match value.kind {
                        ExprKind::Binary(inner) => segments.extend(inner),
                        _ => segments.push(Segment {
                            value,
                            size: None,
                            specs: vec![Spec::Binary],
                            pos: side.pos,
                        }),
                    }
                }
                Ok(expr_at(ExprKind::Binary(segments), pos))
            }
            "&&" | "||" => {
                let value = self.expr(left)?;
                let var = self.fresh_var("value");
                let other = self.scoped(|this| this.expr(right))?;
                let kept = var_expr(&var, pos);
                let falsy = |p: &str| pat(PatternKind::Atom(p.into()), pos);
                let clauses = if op == "&&" {
                    vec![
                        (
                            falsy("false"),
                            Vec::new(),
                            vec![expr_at(ExprKind::Atom("false".into()), pos)],
                        ),
                        (
                            falsy("nil"),
                            Vec::new(),
                            vec![expr_at(ExprKind::Atom("nil".into()), pos)],
                        ),
                        (pat(PatternKind::Wildcard, pos), Vec::new(), vec![other]),
                    ]
                } else {
                    vec![
                        (falsy("false"), Vec::new(), vec![other.clone()]),
                        (falsy("nil"), Vec::new(), vec![other]),
                        (pat(PatternKind::Var(var), pos), Vec::new(), vec![kept]),
                    ]
                };
                Ok(self.case(value, clauses, pos))
            }
            "in" | "not in" => {
                let member = self.membership(left, right, pos)?;
                Ok(if op == "in" {
                    member
                } else {
                    expr_at(ExprKind::UnOp(UnOp::Not, Box::new(member)), pos)
                })
            }
            // `first..last` and `first..last//step`: a %Range{}. Without a
            // step, Elixir 1.14 counts down from a first above the last.
            ".." => {
                let (last, step) = match &right.kind {
                    Kind::Op("//", last, step) => (last.as_ref(), Some(step.as_ref())),
                    _ => (right, None),
                };
                let literal = |node: &Node| match &node.kind {
                    Kind::Int(n) => Some(*n),
                    Kind::Unary("-", inner) => match inner.kind {
                        Kind::Int(n) => Some(-n),
                        _ => None,
                    },
                    _ => None,
                };
                let step = match (step, literal(left), literal(last)) {
                    (Some(step), _, _) => self.expr(step)?,
                    (None, Some(first), Some(last)) => expr_at(
                        ExprKind::Int(crate::runtime::Term::int(if first <= last {
                            1
                        } else {
                            -1
                        })),
                        pos,
                    ),
                    // Known only when it runs: Range.new/2 picks the step.
                    (None, _, _) => {
                        let (first, last) = (self.expr(left)?, self.expr(last)?);
                        return Ok(call("Elixir.Range", "new", vec![first, last], pos));
                    }
                };
                let first = self.expr(left)?;
                let last = self.expr(last)?;
                let field = |key: &str, value: Expr| MapField {
                    key: expr_at(ExprKind::Atom(key.into()), pos),
                    exact: false,
                    value,
                    pos,
                };
                Ok(expr_at(
                    ExprKind::Map(vec![
                        field(
                            "__struct__",
                            expr_at(ExprKind::Atom("Elixir.Range".into()), pos),
                        ),
                        field("first", first),
                        field("last", last),
                        field("step", step),
                    ]),
                    pos,
                ))
            }
            "when" => Err(self.error(
                pos,
                "`when` goes in a clause's head",
                "write pattern when guard -> body",
            )),
            "<-" => Err(self.error(
                pos,
                "`<-` goes in `with` and `for`",
                "with {:ok, x} <- f() do ... end",
            )),
            "\\\\" => Err(self.error(
                pos,
                "a default argument goes in a def's head",
                "def f(x \\\\ 1)",
            )),
            _ => Err(self.error(
                pos,
                format!("the operator `{op}` is not read here"),
                "see docs/language.md, section Elixir",
            )),
        }
    }

    /// `x in [a, b]`: a chain of `=:=` when the list is written out (so
    /// it works in guards), a range check for `a..b`, else
    /// `lists:member/2`.
    fn membership(&mut self, left: &Node, right: &Node, pos: Pos) -> Result<Expr> {
        let value = self.expr(left)?;
        match &right.kind {
            Kind::List(items, None) if !items.is_empty() => {
                let mut tests = Vec::new();
                for item in items {
                    let item = self.expr(item)?;
                    tests.push(expr_at(
                        ExprKind::BinOp(BinOp::ExactEq, Box::new(value.clone()), Box::new(item)),
                        pos,
                    ));
                }
                Ok(tests
                    .into_iter()
                    .reduce(|a, b| {
                        expr_at(
                            ExprKind::BinOp(BinOp::OrElse, Box::new(a), Box::new(b)),
                            pos,
                        )
                    })
                    .unwrap_or_else(|| expr_at(ExprKind::Atom("false".into()), pos)))
            }
            // `x in first..last//step` (guard-safe): an integer between the
            // ends, in the step's direction, a whole number of steps from
            // the first. Without a step the range counts down when first
            // is above last, as Elixir 1.14 infers it.
            Kind::Op("..", first, rest) => {
                let (last, step) = match &rest.kind {
                    Kind::Op("//", last, step) => (last.as_ref(), Some(self.expr(step)?)),
                    _ => (rest.as_ref(), None),
                };
                let first = self.expr(first)?;
                let last = self.expr(last)?;
                let bin = |op, a: &Expr, b: &Expr| {
                    expr_at(
                        ExprKind::BinOp(op, Box::new(a.clone()), Box::new(b.clone())),
                        pos,
                    )
                };
                let int = |n: i64| expr_at(ExprKind::Int(crate::runtime::Term::int(n)), pos);
                let between = |low: &Expr, high: &Expr| {
                    bin(
                        BinOp::AndAlso,
                        &bin(BinOp::Le, low, &value),
                        &bin(BinOp::Le, &value, high),
                    )
                };
                let up = between(&first, &last);
                let down = between(&last, &first);
                let within = match &step {
                    Some(step) => bin(
                        BinOp::OrElse,
                        &bin(BinOp::AndAlso, &bin(BinOp::Gt, step, &int(0)), &up),
                        &bin(BinOp::AndAlso, &bin(BinOp::Lt, step, &int(0)), &down),
                    ),
                    None => bin(
                        BinOp::OrElse,
                        &bin(BinOp::AndAlso, &bin(BinOp::Le, &first, &last), &up),
                        &bin(BinOp::AndAlso, &bin(BinOp::Gt, &first, &last), &down),
                    ),
                };
                let is_int = call("erlang", "is_integer", vec![value.clone()], pos);
                let mut test = bin(BinOp::AndAlso, &is_int, &within);
                if let Some(step) = &step {
                    let offset = bin(BinOp::Sub, &value, &first);
                    let on_step = bin(BinOp::ExactEq, &bin(BinOp::Rem, &offset, step), &int(0));
                    test = bin(BinOp::AndAlso, &test, &on_step);
                }
                Ok(test)
            }
            Kind::List(items, None) if items.is_empty() => {
                Ok(expr_at(ExprKind::Atom("false".into()), pos))
            }
            // Anything else is Enum.member?/2 (a list, a range in a
            // variable, a map, a MapSet), which a guard does not allow,
            // as Elixir does not.
            _ => {
                let enumerable = self.expr(right)?;
                Ok(call("Elixir.Enum", "member?", vec![enumerable, value], pos))
            }
        }
    }

    /// `case Value of` the clauses, each `(pattern, guard, body)`.
    pub(super) fn case(
        &mut self,
        value: Expr,
        clauses: Vec<(Pattern, crate::erlang::ast::Guard, Vec<Expr>)>,
        pos: Pos,
    ) -> Expr {
        expr_at(
            ExprKind::Case(
                Box::new(value),
                clauses
                    .into_iter()
                    .map(|(pattern, guard, body)| CaseClause {
                        pattern,
                        guard,
                        body,
                        pos,
                    })
                    .collect(),
            ),
            pos,
        )
    }

    /// Elixir's truthiness: `then` unless `value` is `false` or `nil`.
    pub(super) fn truthy(
        &mut self,
        value: Expr,
        then: Vec<Expr>,
        otherwise: Vec<Expr>,
        pos: Pos,
    ) -> Expr {
        self.case(
            value,
            vec![
                (
                    pat(PatternKind::Atom("false".into()), pos),
                    Vec::new(),
                    otherwise.clone(),
                ),
                (
                    pat(PatternKind::Atom("nil".into()), pos),
                    Vec::new(),
                    otherwise,
                ),
                (pat(PatternKind::Wildcard, pos), Vec::new(), then),
            ],
            pos,
        )
    }

    /// `&Mod.fun/2`, `&fun/2`, `&(&1 + 1)`.
    fn capture(&mut self, inner: &Node, pos: Pos) -> Result<Expr> {
        if let Kind::Op("/", target, arity) = &inner.kind
            && let Kind::Int(arity) = arity.kind
        {
            let arity = arity.max(0) as usize;
            match &target.kind {
                Kind::Call {
                    module: Some(module),
                    name,
                    args,
                    ..
                } if args.is_empty() => {
                    let module = self.module_of(module)?;
                    return Ok(expr_at(
                        ExprKind::FunRef {
                            module: Some(module),
                            name: name.clone(),
                            arity,
                        },
                        pos,
                    ));
                }
                Kind::Var(name) => {
                    let (module, name) = if self.module.locals.contains(&(name.clone(), arity)) {
                        (None, name.clone())
                    } else if SAME_IN_ERLANG.contains(&(name.as_str(), arity)) {
                        (Some("erlang".to_string()), name.clone())
                    } else {
                        return Err(self.error(
                            target.pos,
                            format!("undefined function {name}/{arity}"),
                            "capture a function of this module, or Mod.fun/arity",
                        ));
                    };
                    return Ok(expr_at(
                        ExprKind::FunRef {
                            module,
                            name,
                            arity,
                        },
                        pos,
                    ));
                }
                _ => {}
            }
        }
        let count = max_capture_arg(inner);
        if count == 0 {
            return Err(self.error(
                pos,
                "a capture needs &1 or a function/arity",
                "write &(&1 + 1) or &Mod.fun/1",
            ));
        }
        let vars: Vec<String> = (1..=count)
            .map(|i| self.fresh_var(&format!("capture{i}")))
            .collect();
        let saved = self.capture.replace(vars.clone());
        let body = self.scoped(|this| this.expr(inner));
        self.capture = saved;
        Ok(expr_at(
            ExprKind::Fun(vec![Clause {
                patterns: vars
                    .iter()
                    .map(|v| pat(PatternKind::Var(v.clone()), pos))
                    .collect(),
                guard: Vec::new(),
                body: vec![body?],
                pos,
            }]),
            pos,
        ))
    }

    /// The module a remote call names: an alias, an atom (`:lists`).
    fn module_of(&mut self, module: &Node) -> Result<String> {
        match &module.kind {
            Kind::Alias(segments) => Ok(self.alias_module(segments)),
            Kind::Atom(name) => Ok(name.clone()),
            Kind::Var(name) if name == "__MODULE__" => Ok(self.module.name.clone()),
            _ => Err(self.error(
                module.pos,
                "a remote call names its module",
                "write Mod.fun(x) or :erlang_module.fun(x)",
            )),
        }
    }

    fn call(
        &mut self,
        module: Option<&Node>,
        name: &str,
        args: &[Node],
        blocks: &[(String, Body)],
        pos: Pos,
    ) -> Result<Expr> {
        if let Some(module) = module {
            if let Kind::Var(var) = &module.kind
                && var != "__MODULE__"
            {
                // `mod.fun(x)` with a module in a variable.
                let module = self.expr(module)?;
                let args = self.exprs(args)?;
                let list = args
                    .into_iter()
                    .rev()
                    .fold(expr_at(ExprKind::Nil, pos), |tail, head| {
                        expr_at(ExprKind::Cons(Box::new(head), Box::new(tail)), pos)
                    });
                return Ok(call(
                    "erlang",
                    "apply",
                    vec![module, expr_at(ExprKind::Atom(name.into()), pos), list],
                    pos,
                ));
            }
            let module = self.module_of(module)?;
            if module == "Elixir.Kernel" {
                return self.call(None, name, args, blocks, pos);
            }
            let args = self.exprs(args)?;
            return Ok(call(&module, name, args, pos));
        }
        let (args, blocks) = keyword_blocks(args, blocks);
        let arity = args.len();
        if let Some(special) = self.special_form(name, &args, &blocks, pos)? {
            return Ok(special);
        }
        if self.module.locals.contains(&(name.to_string(), arity)) {
            return Ok(expr_at(
                ExprKind::Call(Callee::Local(name.into()), self.exprs(&args)?),
                pos,
            ));
        }
        if SAME_IN_ERLANG.contains(&(name, arity)) {
            let args = self.exprs(&args)?;
            return Ok(call("erlang", name, args, pos));
        }
        let lowered = self.exprs(&args)?;
        let one = |i: usize| lowered[i].clone();
        let int = |n: i64| expr_at(ExprKind::Int(crate::runtime::Term::int(n)), pos);
        let plus_one = |e: Expr| {
            expr_at(
                ExprKind::BinOp(BinOp::Add, Box::new(e), Box::new(int(1))),
                pos,
            )
        };
        Ok(match (name, arity) {
            ("div", 2) => expr_at(
                ExprKind::BinOp(BinOp::IntDiv, Box::new(one(0)), Box::new(one(1))),
                pos,
            ),
            ("rem", 2) => expr_at(
                ExprKind::BinOp(BinOp::Rem, Box::new(one(0)), Box::new(one(1))),
                pos,
            ),
            ("elem", 2) => call("erlang", "element", vec![plus_one(one(1)), one(0)], pos),
            ("put_elem", 3) => call(
                "erlang",
                "setelement",
                vec![plus_one(one(1)), one(0), one(2)],
                pos,
            ),
            ("send", 2) => expr_at(ExprKind::Send(Box::new(one(0)), Box::new(one(1))), pos),
            ("is_nil", 1) => expr_at(
                ExprKind::BinOp(
                    BinOp::ExactEq,
                    Box::new(one(0)),
                    Box::new(expr_at(ExprKind::Atom("nil".into()), pos)),
                ),
                pos,
            ),
            ("to_string", 1) => call("Elixir.String.Chars", "to_string", lowered, pos),
            ("to_charlist", 1) => call("Elixir.List.Chars", "to_charlist", lowered, pos),
            (
                "raise" | "inspect" | "struct" | "get_in" | "put_in" | "update_in" | "then" | "tap",
                _,
            ) => call("Elixir.Kernel", name, lowered, pos),
            ("reraise", 2) => call(
                "erlang",
                "raise",
                vec![expr_at(ExprKind::Atom("error".into()), pos), one(0), one(1)],
                pos,
            ),
            _ if self.module.shell => {
                expr_at(ExprKind::Call(Callee::Local(name.into()), lowered), pos)
            }
            _ => {
                return Err(self.error(
                    pos,
                    format!("undefined function {name}/{arity}"),
                    &format!("define it in this module, or call it on its module: Mod.{name}(...)"),
                ));
            }
        })
    }

    /// The calls that are Elixir's syntax: `case`, `if`, `fn`'s kin.
    fn special_form(
        &mut self,
        name: &str,
        args: &[Node],
        blocks: &[(String, Body)],
        pos: Pos,
    ) -> Result<Option<Expr>> {
        let block = |key: &str| blocks.iter().find(|(k, _)| k == key).map(|(_, b)| b);
        let exprs_of = |body: Option<&Body>| match body {
            Some(Body::Exprs(exprs)) => exprs.clone(),
            _ => Vec::new(),
        };
        let clauses_of = |body: Option<&Body>| match body {
            Some(Body::Clauses(clauses)) => clauses.clone(),
            _ => Vec::new(),
        };
        Ok(Some(match (name, args) {
            ("case", [subject]) => {
                let value = self.expr(subject)?;
                let clauses = self.case_clauses(&clauses_of(block("do")))?;
                expr_at(ExprKind::Case(Box::new(value), clauses), pos)
            }
            ("cond", []) => {
                let clauses = clauses_of(block("do"));
                let mut result = call(
                    "erlang",
                    "error",
                    vec![expr_at(ExprKind::Atom("cond_clause".into()), pos)],
                    pos,
                );
                for clause in clauses.iter().rev() {
                    let [condition] = clause.args.as_slice() else {
                        return Err(self.error(
                            clause.pos,
                            "a cond clause has one condition",
                            "condition -> body",
                        ));
                    };
                    let body = self.scoped(|this| this.body(&clause.body, clause.pos))?;
                    if condition.kind == Kind::Atom("true".into()) {
                        result = expr_at(ExprKind::Block(body), clause.pos);
                        continue;
                    }
                    let value = self.scoped(|this| this.expr(condition))?;
                    result = self.truthy(value, body, vec![result], clause.pos);
                }
                result
            }
            // `require Logger` in a function or at the prompt: its macros
            // are functions here, so it only answers the module, as iex.
            (
                "require",
                [
                    Node {
                        kind: Kind::Alias(segments),
                        ..
                    },
                ],
            ) => expr_at(ExprKind::Atom(self.alias_module(segments)), pos),
            // `match?(pattern, expr)` (a guard after `when` too): a case
            // whose pattern's variables stay inside it, as Kernel's macro.
            ("match?", [pattern, subject]) => {
                let value = self.expr(subject)?;
                let (pattern, guard) = match &pattern.kind {
                    Kind::Op("when", pattern, guard) => (pattern.as_ref(), Some(guard.as_ref())),
                    _ => (pattern, None),
                };
                let clause = self.stab(&Stab {
                    args: vec![pattern.clone()],
                    guard: guard.cloned(),
                    body: vec![Node::new(Kind::Atom("true".into()), pos)],
                    pos,
                })?;
                let matched = CaseClause {
                    pattern: clause.patterns.into_iter().next().expect("one pattern"),
                    guard: clause.guard,
                    body: clause.body,
                    pos,
                };
                let otherwise = CaseClause {
                    pattern: pat(PatternKind::Wildcard, pos),
                    guard: Vec::new(),
                    body: vec![expr_at(ExprKind::Atom("false".into()), pos)],
                    pos,
                };
                expr_at(
                    ExprKind::Case(Box::new(value), vec![matched, otherwise]),
                    pos,
                )
            }
            ("if" | "unless", [condition]) => {
                let value = self.expr(condition)?;
                let then = self.scoped(|this| this.body(&exprs_of(block("do")), pos))?;
                let otherwise = self.scoped(|this| this.body(&exprs_of(block("else")), pos))?;
                if name == "if" {
                    self.truthy(value, then, otherwise, pos)
                } else {
                    self.truthy(value, otherwise, then, pos)
                }
            }
            ("receive", []) => {
                let clauses = self.case_clauses(&clauses_of(block("do")))?;
                let after = match clauses_of(block("after")).as_slice() {
                    [] => None,
                    [clause] if clause.args.len() == 1 => {
                        let timeout = self.expr(&clause.args[0])?;
                        let body = self.scoped(|this| this.body(&clause.body, clause.pos))?;
                        Some((Box::new(timeout), body))
                    }
                    _ => {
                        return Err(self.error(
                            pos,
                            "`after` has one clause: timeout -> body",
                            "after 1000 -> :timeout",
                        ));
                    }
                };
                expr_at(ExprKind::Receive { clauses, after }, pos)
            }
            ("try", []) => self.try_expr(blocks, pos)?,
            ("with", _) => self.with(args, &exprs_of(block("do")), block("else"), pos)?,
            ("for", _) => self.for_form(args, blocks, pos)?,
            ("__MODULE__", []) => expr_at(ExprKind::Atom(self.module.name.clone()), pos),
            _ => return Ok(None),
        }))
    }

    fn case_clauses(&mut self, stabs: &[Stab]) -> Result<Vec<CaseClause>> {
        stabs
            .iter()
            .map(|stab| {
                if stab.args.len() != 1 {
                    return Err(self.error(
                        stab.pos,
                        "a clause here has one pattern",
                        "pattern -> body",
                    ));
                }
                let clause = self.stab(stab)?;
                Ok(CaseClause {
                    pattern: clause
                        .patterns
                        .into_iter()
                        .next()
                        .unwrap_or(pat(PatternKind::Wildcard, stab.pos)),
                    guard: clause.guard,
                    body: clause.body,
                    pos: clause.pos,
                })
            })
            .collect()
    }

    /// `with p <- e, ... do body else clauses end`: nested `case`s.
    fn with(
        &mut self,
        steps: &[Node],
        body: &[Node],
        otherwise: Option<&Body>,
        pos: Pos,
    ) -> Result<Expr> {
        let else_clauses = match otherwise {
            Some(Body::Clauses(clauses)) => Some(clauses.clone()),
            _ => None,
        };
        self.scoped(|this| {
            let exprs = this.with_steps(steps, body, else_clauses.as_deref(), pos)?;
            Ok(expr_at(ExprKind::Block(exprs), pos))
        })
    }

    fn with_steps(
        &mut self,
        steps: &[Node],
        body: &[Node],
        otherwise: Option<&[Stab]>,
        pos: Pos,
    ) -> Result<Vec<Expr>> {
        let Some((step, rest)) = steps.split_first() else {
            return self.body(body, pos);
        };
        let Kind::Op("<-", left, right) = &step.kind else {
            let first = self.expr(step)?;
            let mut exprs = vec![first];
            exprs.extend(self.with_steps(rest, body, otherwise, pos)?);
            return Ok(exprs);
        };
        let value = self.expr(right)?;
        let (pattern_node, guard_node) = match &left.kind {
            Kind::Op("when", p, g) => (&**p, Some(&**g)),
            _ => (&**left, None),
        };
        let matched = self.scoped(|this| {
            let mut bound = HashMap::new();
            let pattern = this.pattern(pattern_node, &mut bound)?;
            this.bind(bound);
            let guard = match guard_node {
                Some(g) => this.guard(g)?,
                None => Vec::new(),
            };
            let body = this.with_steps(rest, body, otherwise, pos)?;
            Ok((pattern, guard, body))
        })?;
        let var = self.fresh_var("with");
        let unmatched = match otherwise {
            None => vec![var_expr(&var, pos)],
            Some(clauses) => {
                let mut clauses = self.case_clauses(clauses)?;
                clauses.push(CaseClause {
                    pattern: pat(PatternKind::Var(var.clone() + "e"), pos),
                    guard: Vec::new(),
                    body: vec![call(
                        "erlang",
                        "error",
                        vec![expr_at(
                            ExprKind::Tuple(vec![
                                expr_at(ExprKind::Atom("with_clause".into()), pos),
                                var_expr(&(var.clone() + "e"), pos),
                            ]),
                            pos,
                        )],
                        pos,
                    )],
                    pos,
                });
                vec![expr_at(
                    ExprKind::Case(Box::new(var_expr(&var, pos)), clauses),
                    pos,
                )]
            }
        };
        Ok(vec![self.case(
            value,
            vec![
                matched,
                (pat(PatternKind::Var(var), pos), Vec::new(), unmatched),
            ],
            pos,
        )])
    }

    /// `for` with its options: `into:` (the list into a collectable, by
    /// Enum.into/2), `uniq: true`, and `reduce: acc` with `acc -> ...`
    /// clauses (a list of one-argument funs, one per element, folded over
    /// the initial accumulator in order).
    fn for_form(&mut self, args: &[Node], blocks: &[(String, Body)], pos: Pos) -> Result<Expr> {
        let mut steps = args.to_vec();
        let mut body = blocks
            .iter()
            .find(|(key, _)| key == "do")
            .map(|(_, body)| body.clone());
        let mut options: Vec<(String, Node)> = Vec::new();
        if let Some(Node {
            kind: Kind::List(items, None),
            ..
        }) = steps.last()
        {
            let pairs: Option<Vec<(String, Node)>> = items
                .iter()
                .map(|item| match &item.kind {
                    Kind::Tuple(pair) => match pair.as_slice() {
                        [key, value] => match &key.kind {
                            Kind::Atom(key) => Some((key.clone(), value.clone())),
                            _ => None,
                        },
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            if let Some(pairs) = pairs.filter(|pairs| {
                !pairs.is_empty()
                    && pairs
                        .iter()
                        .all(|(key, _)| matches!(key.as_str(), "into" | "uniq" | "reduce" | "do"))
            }) {
                steps.pop();
                for (key, value) in pairs {
                    if key == "do" {
                        body = Some(Body::Exprs(vec![value]));
                    } else {
                        options.push((key, value));
                    }
                }
            }
        }
        let option = |name: &str| {
            options
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        if let Some(initial) = option("reduce") {
            let Some(Body::Clauses(clauses)) = body else {
                return Err(self.error(
                    pos,
                    "`for ..., reduce: acc` takes `acc -> ...` clauses",
                    "for x <- list, reduce: 0 do\n  acc -> acc + x\nend",
                ));
            };
            let initial = self.expr(&initial)?;
            let step = Node::new(Kind::Fn(clauses), pos);
            let steps_funs = self.comprehension(&steps, &[step], pos)?;
            let (fun, acc) = (self.fresh_var("step"), self.fresh_var("acc"));
            let apply = expr_at(
                ExprKind::Call(
                    Callee::Fun(Box::new(var_expr(&fun, pos))),
                    vec![var_expr(&acc, pos)],
                ),
                pos,
            );
            let folder = expr_at(
                ExprKind::Fun(vec![Clause {
                    patterns: vec![
                        pat(PatternKind::Var(fun), pos),
                        pat(PatternKind::Var(acc), pos),
                    ],
                    guard: Vec::new(),
                    body: vec![apply],
                    pos,
                }]),
                pos,
            );
            return Ok(call(
                "lists",
                "foldl",
                vec![folder, initial, steps_funs],
                pos,
            ));
        }
        let body = match body {
            Some(Body::Exprs(exprs)) => exprs,
            _ => Vec::new(),
        };
        let mut list = self.comprehension(&steps, &body, pos)?;
        if let Some(uniq) = option("uniq") {
            let uniq = self.expr(&uniq)?;
            let deduplicated = call("Elixir.Enum", "uniq", vec![list.clone()], pos);
            list = self.truthy(uniq, vec![deduplicated], vec![list], pos);
        }
        if let Some(into) = option("into") {
            let into = self.expr(&into)?;
            list = call("Elixir.Enum", "into", vec![list, into], pos);
        }
        Ok(list)
    }

    /// `for x <- list, filter, do: body`: `lists:flatmap/2` over each
    /// generator, as Erlang's comprehensions expand.
    fn comprehension(&mut self, steps: &[Node], body: &[Node], pos: Pos) -> Result<Expr> {
        self.scoped(|this| this.comprehension_steps(steps, body, pos))
    }

    fn comprehension_steps(&mut self, steps: &[Node], body: &[Node], pos: Pos) -> Result<Expr> {
        let Some((step, rest)) = steps.split_first() else {
            let value = self.body(body, pos)?;
            return Ok(expr_at(
                ExprKind::Cons(
                    Box::new(expr_at(ExprKind::Block(value), pos)),
                    Box::new(expr_at(ExprKind::Nil, pos)),
                ),
                pos,
            ));
        };
        let Kind::Op("<-", left, right) = &step.kind else {
            let test = self.expr(step)?;
            let inner = self.comprehension_steps(rest, body, pos)?;
            return Ok(self.truthy(test, vec![inner], vec![expr_at(ExprKind::Nil, pos)], pos));
        };
        // Any enumerable generates (a range, a map, a MapSet), as Elixir's
        // `for` takes it through Enumerable; lists:flatmap/2 wants a list.
        let enumerable = self.expr(right)?;
        let list = call("Elixir.Enum", "to_list", vec![enumerable], pos);
        let clause = self.scoped(|this| {
            let mut bound = HashMap::new();
            let pattern = this.pattern(left, &mut bound)?;
            this.bind(bound);
            let inner = this.comprehension_steps(rest, body, pos)?;
            Ok(Clause {
                patterns: vec![pattern],
                guard: Vec::new(),
                body: vec![inner],
                pos,
            })
        })?;
        let skip = Clause {
            patterns: vec![pat(PatternKind::Wildcard, pos)],
            guard: Vec::new(),
            body: vec![expr_at(ExprKind::Nil, pos)],
            pos,
        };
        let fun = expr_at(ExprKind::Fun(vec![clause, skip]), pos);
        Ok(call("lists", "flatmap", vec![fun, list], pos))
    }

    /// `try do ... rescue ... catch ... else ... after ... end`.
    pub(super) fn try_expr(&mut self, blocks: &[(String, Body)], pos: Pos) -> Result<Expr> {
        let mut body = Vec::new();
        let mut of = None;
        let mut catches = Vec::new();
        let mut after = Vec::new();
        for (key, block) in blocks {
            match (key.as_str(), block) {
                ("do", Body::Exprs(exprs)) => body = self.scoped(|this| this.body(exprs, pos))?,
                ("after", Body::Exprs(exprs)) => {
                    after = self.scoped(|this| this.body(exprs, pos))?
                }
                ("else", Body::Clauses(clauses)) => of = Some(self.case_clauses(clauses)?),
                ("rescue", Body::Clauses(clauses)) => catches.push(self.rescue(clauses, pos)?),
                ("catch", Body::Clauses(clauses)) => {
                    for clause in clauses {
                        catches.push(self.catch_clause(clause)?);
                    }
                }
                _ => {
                    return Err(self.error(
                        pos,
                        format!(
                            "`{key}` in `try` takes {}",
                            if key == "do" || key == "after" {
                                "expressions"
                            } else {
                                "clauses"
                            }
                        ),
                        "try do ... rescue e -> ... catch v -> ... after ... end",
                    ));
                }
            }
        }
        Ok(expr_at(
            ExprKind::Try {
                body,
                of,
                catches,
                after,
            },
            pos,
        ))
    }

    /// `catch value ->` (a throw) or `catch kind, value ->`.
    fn catch_clause(&mut self, stab: &Stab) -> Result<CaseClause> {
        let clause = self.stab(stab)?;
        let mut patterns = clause.patterns;
        let (class, reason) = match patterns.len() {
            1 => (
                pat(PatternKind::Atom("throw".into()), stab.pos),
                patterns.remove(0),
            ),
            2 => {
                let reason = patterns.remove(1);
                (patterns.remove(0), reason)
            }
            _ => {
                return Err(self.error(
                    stab.pos,
                    "catch takes value or kind, value",
                    "catch :exit, reason -> ...",
                ));
            }
        };
        Ok(CaseClause {
            pattern: pat(
                PatternKind::Tuple(vec![class, reason, pat(PatternKind::Wildcard, stab.pos)]),
                stab.pos,
            ),
            guard: clause.guard,
            body: clause.body,
            pos: clause.pos,
        })
    }

    /// Every `rescue` clause in one catch of errors: the reason made an
    /// exception (`Exception.normalize/3` unless it is one already), then
    /// matched against the clauses in turn; no match raises it again.
    fn rescue(&mut self, clauses: &[Stab], pos: Pos) -> Result<CaseClause> {
        let reason = self.fresh_var("reason");
        let stack = self.fresh_var("stack");
        let exception = self.fresh_var("exception");
        let raw = self.fresh_var("raw");
        let error = || expr_at(ExprKind::Atom("error".into()), pos);
        let normalized = self.case(
            var_expr(&reason, pos),
            vec![
                (
                    pat(
                        PatternKind::Map(vec![crate::erlang::ast::MapPatternField {
                            key: expr_at(ExprKind::Atom("__exception__".into()), pos),
                            value: pat(PatternKind::Atom("true".into()), pos),
                            pos,
                        }]),
                        pos,
                    ),
                    Vec::new(),
                    vec![var_expr(&reason, pos)],
                ),
                (
                    pat(PatternKind::Var(raw.clone()), pos),
                    Vec::new(),
                    vec![call(
                        "Elixir.Exception",
                        "normalize",
                        vec![error(), var_expr(&raw, pos), var_expr(&stack, pos)],
                        pos,
                    )],
                ),
            ],
            pos,
        );
        let mut cases = Vec::new();
        for clause in clauses {
            let [arg] = clause.args.as_slice() else {
                return Err(self.error(
                    clause.pos,
                    "a rescue clause has one pattern",
                    "rescue e in RuntimeError -> ...",
                ));
            };
            let (binding, modules) = match &arg.kind {
                Kind::Op("in", var, modules) => (Some(&**var), Some(&**modules)),
                Kind::Alias(_) | Kind::List(..) => (None, Some(arg)),
                _ => (Some(arg), None),
            };
            let case_clause = self.scoped(|this| {
                let mut bound = HashMap::new();
                let var_pattern = match binding {
                    Some(node) => this.pattern(node, &mut bound)?,
                    None => pat(PatternKind::Wildcard, clause.pos),
                };
                this.bind(bound);
                let (pattern, guard) = match modules {
                    None => (var_pattern, Vec::new()),
                    Some(modules) => {
                        let names: Vec<&Node> = match &modules.kind {
                            Kind::List(items, None) => items.iter().collect(),
                            _ => vec![modules],
                        };
                        let module_var = this.fresh_var("module");
                        let mut tests = Vec::new();
                        for name in names {
                            let module = this.expr(name)?;
                            tests.push(expr_at(
                                ExprKind::BinOp(
                                    BinOp::ExactEq,
                                    Box::new(var_expr(&module_var, pos)),
                                    Box::new(module),
                                ),
                                pos,
                            ));
                        }
                        let test = tests
                            .into_iter()
                            .reduce(|a, b| {
                                expr_at(
                                    ExprKind::BinOp(BinOp::OrElse, Box::new(a), Box::new(b)),
                                    pos,
                                )
                            })
                            .unwrap_or_else(|| expr_at(ExprKind::Atom("false".into()), pos));
                        let map = pat(
                            PatternKind::Map(vec![crate::erlang::ast::MapPatternField {
                                key: expr_at(ExprKind::Atom("__struct__".into()), pos),
                                value: pat(PatternKind::Var(module_var), pos),
                                pos,
                            }]),
                            pos,
                        );
                        (
                            pat(
                                PatternKind::Alias(Box::new(var_pattern), Box::new(map)),
                                pos,
                            ),
                            vec![vec![test]],
                        )
                    }
                };
                let body = this.body(&clause.body, clause.pos)?;
                Ok(CaseClause {
                    pattern,
                    guard,
                    body,
                    pos: clause.pos,
                })
            })?;
            cases.push(case_clause);
        }
        cases.push(CaseClause {
            pattern: pat(PatternKind::Wildcard, pos),
            guard: Vec::new(),
            body: vec![call(
                "erlang",
                "raise",
                vec![error(), var_expr(&reason, pos), var_expr(&stack, pos)],
                pos,
            )],
            pos,
        });
        let body = vec![
            expr_at(
                ExprKind::Match(
                    pat(PatternKind::Var(exception.clone()), pos),
                    Box::new(normalized),
                ),
                pos,
            ),
            expr_at(
                ExprKind::Case(Box::new(var_expr(&exception, pos)), cases),
                pos,
            ),
        ];
        Ok(CaseClause {
            pattern: pat(
                PatternKind::Tuple(vec![
                    pat(PatternKind::Atom("error".into()), pos),
                    pat(PatternKind::Var(reason), pos),
                    pat(PatternKind::Var(stack), pos),
                ]),
                pos,
            ),
            guard: Vec::new(),
            body,
            pos,
        })
    }

    /// `__struct__/0` (the defaults) and `__struct__/1` (the defaults
    /// with a keyword list's values) of a module with `defstruct`.
    pub(super) fn struct_functions(
        &self,
        fields: &[(String, Node)],
        pos: Pos,
    ) -> Result<Vec<Function>> {
        let mut lowerer = Lowerer::new(self.source, self.module.clone());
        let mut map = vec![MapField {
            key: expr_at(ExprKind::Atom("__struct__".into()), pos),
            exact: false,
            value: expr_at(ExprKind::Atom(self.module.name.clone()), pos),
            pos,
        }];
        for (name, default) in fields {
            map.push(MapField {
                key: expr_at(ExprKind::Atom(name.clone()), pos),
                exact: false,
                value: lowerer.expr(default)?,
                pos,
            });
        }
        let defaults = Function {
            name: "__struct__".into(),
            arity: 0,
            clauses: vec![Clause {
                patterns: Vec::new(),
                guard: Vec::new(),
                body: vec![expr_at(ExprKind::Map(map), pos)],
                pos,
            }],
            pos,
        };
        let put = expr_at(
            ExprKind::Fun(vec![Clause {
                patterns: vec![
                    pat(
                        PatternKind::Tuple(vec![
                            pat(PatternKind::Var("K".into()), pos),
                            pat(PatternKind::Var("V".into()), pos),
                        ]),
                        pos,
                    ),
                    pat(PatternKind::Var("Acc".into()), pos),
                ],
                guard: Vec::new(),
                body: vec![expr_at(
                    ExprKind::MapUpdate(
                        Box::new(var_expr("Acc", pos)),
                        vec![MapField {
                            key: var_expr("K", pos),
                            exact: true,
                            value: var_expr("V", pos),
                            pos,
                        }],
                    ),
                    pos,
                )],
                pos,
            }]),
            pos,
        );
        let with_values = Function {
            name: "__struct__".into(),
            arity: 1,
            clauses: vec![Clause {
                patterns: vec![pat(PatternKind::Var("Kv".into()), pos)],
                guard: Vec::new(),
                body: vec![call(
                    "lists",
                    "foldl",
                    vec![
                        put,
                        expr_at(
                            ExprKind::Call(Callee::Local("__struct__".into()), Vec::new()),
                            pos,
                        ),
                        var_expr("Kv", pos),
                    ],
                    pos,
                )],
                pos,
            }],
            pos,
        };
        Ok(vec![defaults, with_values])
    }
}

/// `if x, do: a, else: b`, `receive do: (m -> m), after: (0 -> :none)`:
/// keyword blocks as `do` blocks, clauses in brackets as their clauses.
fn keyword_blocks(args: &[Node], blocks: &[(String, Body)]) -> (Vec<Node>, Vec<(String, Body)>) {
    if !blocks.is_empty() {
        return (args.to_vec(), blocks.to_vec());
    }
    if let Some(Node {
        kind: Kind::List(items, None),
        ..
    }) = args.last()
    {
        let mut found = Vec::new();
        for item in items {
            if let Kind::Tuple(pair) = &item.kind
                && let [key, value] = pair.as_slice()
                && let Kind::Atom(key) = &key.kind
                && matches!(key.as_str(), "do" | "else" | "after" | "rescue" | "catch")
            {
                let body = match &value.kind {
                    Kind::Clauses(clauses) => Body::Clauses(clauses.clone()),
                    _ => Body::Exprs(vec![value.clone()]),
                };
                found.push((key.clone(), body));
            }
        }
        if !found.is_empty() && found.len() == items.len() {
            return (args[..args.len() - 1].to_vec(), found);
        }
    }
    (args.to_vec(), Vec::new())
}

fn max_capture_arg(node: &Node) -> u32 {
    let mut max = 0;
    fn walk(node: &Node, max: &mut u32) {
        match &node.kind {
            Kind::CaptureArg(n) => *max = (*max).max(*n),
            Kind::Capture(_) => {}
            // `&Task.async(fn -> f(&1) end)`: the outer capture's argument,
            // which Elixir reads through the fn too.
            Kind::Fn(stabs) => {
                for stab in stabs {
                    stab.body.iter().for_each(|n| walk(n, max));
                    if let Some(guard) = &stab.guard {
                        walk(guard, max);
                    }
                }
            }
            Kind::Tuple(items) | Kind::Block(items) | Kind::Apply(_, items) => {
                if let Kind::Apply(fun, _) = &node.kind {
                    walk(fun, max);
                }
                items.iter().for_each(|n| walk(n, max));
            }
            Kind::List(items, tail) => {
                items.iter().for_each(|n| walk(n, max));
                if let Some(tail) = tail {
                    walk(tail, max);
                }
            }
            Kind::Map(base, fields) | Kind::Struct(_, base, fields) => {
                if let Some(base) = base {
                    walk(base, max);
                }
                for (k, v) in fields {
                    walk(k, max);
                    walk(v, max);
                }
            }
            Kind::Op(_, a, b) => {
                walk(a, max);
                walk(b, max);
            }
            Kind::Unary(_, a) | Kind::Field(a, _) => walk(a, max),
            Kind::Call { module, args, .. } => {
                if let Some(module) = module {
                    walk(module, max);
                }
                args.iter().for_each(|n| walk(n, max));
            }
            Kind::Str(parts) => parts.iter().for_each(|p| {
                if let Part::Expr(e) = p {
                    walk(e, max)
                }
            }),
            Kind::Bin(items) => items.iter().for_each(|(v, _)| walk(v, max)),
            _ => {}
        }
    }
    walk(node, &mut max);
    max
}

pub(super) fn call(module: &str, name: &str, args: Vec<Expr>, pos: Pos) -> Expr {
    expr_at(
        ExprKind::Call(Callee::Remote(module.into(), name.into()), args),
        pos,
    )
}

pub(super) fn var_expr(name: &str, pos: Pos) -> Expr {
    expr_at(ExprKind::Var(name.into()), pos)
}

pub(super) fn pat(kind: PatternKind, pos: Pos) -> Pattern {
    Pattern { kind, pos }
}
