//! A definition's syntax tree as Erlang source, laid out as `erlfmt` lays
//! it out: 4-space indentation, a width of 100 columns, `case`, `receive`,
//! `if` and `begin` always over several lines with their clauses indented,
//! maps `#{K => V}` flat or one field a line,
//! a clause `Pattern -> Body` on one line when its body is one expression
//! and every clause of the group fits (otherwise every clause of the group
//! breaks after `->`), and calls, tuples and lists broken one element per
//! line when they do not fit; binaries like lists (`bits.rs`).

use super::doc::*;
use crate::erlang::ast::*;

/// erlfmt's default `print_width`.
pub const WIDTH: usize = 100;
const INDENT: usize = 4;

/// The clauses of one function, ending with `.`.
pub fn function(function: &Function) -> Doc {
    let heads: Vec<Doc> = function
        .clauses
        .iter()
        .map(|c| {
            concat([
                Doc::Mark(c.pos.line),
                text(atom(&function.name)),
                args(c.patterns.iter().map(pattern).collect()),
                guard_doc(&c.guard),
            ])
        })
        .collect();
    let bodies = function.clauses.iter().map(|c| c.body.as_slice());
    concat([clauses(heads, bodies.collect()), text(".")])
}

/// Clause heads and bodies: `Head -> Body` on one line each if every body
/// is one expression and every clause fits, else each breaks after `->`.
fn clauses(heads: Vec<Doc>, bodies: Vec<&[Expr]>) -> Doc {
    let bodies: Vec<Vec<Doc>> = bodies
        .into_iter()
        .map(|b| b.iter().map(|e| expr(e, 0)).collect())
        .collect();
    let may_be_flat = heads.iter().zip(&bodies).all(|(head, body)| {
        body.len() == 1 && head.flat_width().is_some() && body[0].flat_width().is_some()
    });
    let mut out = Vec::new();
    let count = heads.len();
    for (i, (head, body)) in heads.into_iter().zip(bodies).enumerate() {
        if i > 0 {
            out.push(Doc::HardLine);
        }
        out.push(head);
        out.push(text(" ->"));
        let separator = if may_be_flat {
            Doc::Line
        } else {
            Doc::HardLine
        };
        out.push(nest(
            INDENT,
            concat([separator, join(body, concat([text(","), Doc::HardLine]))]),
        ));
        if i + 1 < count {
            out.push(text(";"));
        }
    }
    if may_be_flat {
        Doc::Lines(Box::new(concat(out)))
    } else {
        concat(out)
    }
}

fn guard_doc(guard: &Guard) -> Doc {
    if guard.is_empty() {
        return concat([]);
    }
    let alternatives = guard.iter().map(|tests| {
        join(
            tests.iter().map(|t| expr(t, 0)),
            concat([text(","), Doc::Line]),
        )
    });
    group(concat([text(" when "), join(alternatives, text("; "))]))
}

/// `(A, B)`: flat, or one per line.
fn args(items: Vec<Doc>) -> Doc {
    bracketed("(", items, ")")
}

pub(super) fn bracketed(open: &str, items: Vec<Doc>, close: &str) -> Doc {
    if items.is_empty() {
        return text(format!("{open}{close}"));
    }
    group(concat([
        text(open),
        nest(
            INDENT,
            concat([Doc::SoftLine, join(items, concat([text(","), Doc::Line]))]),
        ),
        Doc::SoftLine,
        text(close),
    ]))
}

// ---------------------------------------------------------------------
// Expressions.

/// Binding strength, as `erl_parse` has it (higher binds tighter).
fn precedence(e: &Expr) -> u16 {
    match &e.kind {
        // `catch` takes everything after it: lower than any operator.
        ExprKind::Catch(_) => 50,
        ExprKind::Match(..) | ExprKind::Send(..) => 100,
        ExprKind::BinOp(op, ..) => binop(*op).1,
        ExprKind::UnOp(..) => 600,
        _ => 1000,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Assoc {
    Left,
    Right,
    None,
}

fn binop(op: BinOp) -> (&'static str, u16, Assoc) {
    use BinOp::*;
    match op {
        OrElse => ("orelse", 150, Assoc::Left),
        AndAlso => ("andalso", 160, Assoc::Left),
        Eq => ("==", 200, Assoc::None),
        Ne => ("/=", 200, Assoc::None),
        ExactEq => ("=:=", 200, Assoc::None),
        ExactNe => ("=/=", 200, Assoc::None),
        Lt => ("<", 200, Assoc::None),
        Gt => (">", 200, Assoc::None),
        Le => ("=<", 200, Assoc::None),
        Ge => (">=", 200, Assoc::None),
        Append => ("++", 300, Assoc::Right),
        Subtract => ("--", 300, Assoc::Right),
        Add => ("+", 400, Assoc::Left),
        Sub => ("-", 400, Assoc::Left),
        Or => ("or", 400, Assoc::Left),
        Xor => ("xor", 400, Assoc::Left),
        Mul => ("*", 500, Assoc::Left),
        Div => ("/", 500, Assoc::Left),
        IntDiv => ("div", 500, Assoc::Left),
        Rem => ("rem", 500, Assoc::Left),
        And => ("and", 500, Assoc::Left),
        Bor => ("bor", 400, Assoc::Left),
        Bxor => ("bxor", 400, Assoc::Left),
        Band => ("band", 500, Assoc::Left),
        Bsl => ("bsl", 400, Assoc::Left),
        Bsr => ("bsr", 400, Assoc::Left),
    }
}

/// `e`, in parentheses if it binds less tightly than `min`.
pub fn expr(e: &Expr, min: u16) -> Doc {
    let doc = concat([Doc::Mark(e.pos.line), bare(e)]);
    if precedence(e) < min {
        concat([text("("), doc, text(")")])
    } else {
        doc
    }
}

/// An infix operator: `Left Op Right`, breaking after the operator.
fn infix(left: Doc, op: &str, right: Doc) -> Doc {
    group(concat([
        left,
        text(format!(" {op}")),
        nest(INDENT, concat([Doc::Line, right])),
    ]))
}

fn bare(e: &Expr) -> Doc {
    match &e.kind {
        ExprKind::Var(v) => text(v.clone()),
        ExprKind::Atom(a) => text(atom(a)),
        ExprKind::Int(n) => text(n.to_string()),
        ExprKind::Float(x) => text(float(*x)),
        ExprKind::Str(s) => text(string(s)),
        ExprKind::Nil => text("[]"),
        ExprKind::Tuple(items) => bracketed("{", items.iter().map(|e| expr(e, 0)).collect(), "}"),
        ExprKind::Cons(..) => {
            let (items, tail) = list_items(e);
            list(
                items.into_iter().map(|e| expr(e, 0)).collect(),
                tail.map(|t| expr(t, 0)),
            )
        }
        ExprKind::Match(p, value) => infix(pattern(p), "=", expr(value, 100)),
        ExprKind::Send(to, message) => infix(expr(to, 101), "!", expr(message, 100)),
        ExprKind::BinOp(op, left, right) => {
            let (name, p, assoc) = binop(*op);
            let (l, r) = match assoc {
                Assoc::Left => (p, p + 1),
                Assoc::Right => (p + 1, p),
                Assoc::None => (p + 1, p + 1),
            };
            infix(expr(left, l), name, expr(right, r))
        }
        ExprKind::UnOp(op, operand) => {
            let inner = expr(operand, 600);
            // `- -1` and `-(-X)` need a separator.
            let signed = matches!(operand.kind, ExprKind::UnOp(..))
                || matches!(&operand.kind, ExprKind::Int(n) if n.compare(&crate::runtime::Term::int(0)).is_lt())
                || matches!(operand.kind, ExprKind::Float(x) if x.is_sign_negative());
            match op {
                UnOp::Not => concat([text("not "), inner]),
                UnOp::Bnot => concat([text("bnot "), inner]),
                UnOp::Neg if signed => concat([text("-("), inner, text(")")]),
                UnOp::Plus if signed => concat([text("+("), inner, text(")")]),
                UnOp::Neg => concat([text("-"), inner]),
                UnOp::Plus => concat([text("+"), inner]),
            }
        }
        ExprKind::Call(callee, arguments) => {
            let name = match callee {
                Callee::Local(name) => text(atom(name)),
                Callee::Remote(m, f) => text(format!("{}:{}", atom(m), atom(f))),
                Callee::Fun(fun) => match fun.kind {
                    ExprKind::Var(_) => expr(fun, 1000),
                    _ => concat([text("("), expr(fun, 0), text(")")]),
                },
            };
            concat([name, args(arguments.iter().map(|e| expr(e, 0)).collect())])
        }
        ExprKind::Case(subject, arms) => concat([
            group(concat([
                text("case"),
                nest(INDENT, concat([Doc::Line, expr(subject, 0)])),
                Doc::Line,
                text("of"),
            ])),
            nest(INDENT, concat([Doc::HardLine, case_clauses(arms)])),
            Doc::HardLine,
            text("end"),
        ]),
        ExprKind::If(arms) => {
            let heads = arms
                .iter()
                .map(|c| {
                    let alternatives = c
                        .guard
                        .iter()
                        .map(|tests| join(tests.iter().map(|t| expr(t, 0)), text(", ")));
                    concat([Doc::Mark(c.pos.line), join(alternatives, text("; "))])
                })
                .collect();
            let bodies = arms.iter().map(|c| c.body.as_slice()).collect();
            concat([
                text("if"),
                nest(INDENT, concat([Doc::HardLine, clauses(heads, bodies)])),
                Doc::HardLine,
                text("end"),
            ])
        }
        ExprKind::Receive {
            clauses: arms,
            after,
        } => {
            let mut out = vec![text("receive")];
            if !arms.is_empty() {
                out.push(nest(INDENT, concat([Doc::HardLine, case_clauses(arms)])));
            }
            if let Some((timeout, body)) = after {
                out.push(Doc::HardLine);
                let head = concat([text("after "), expr(timeout, 0)]);
                out.push(clauses(vec![head], vec![body.as_slice()]));
            }
            out.push(Doc::HardLine);
            out.push(text("end"));
            concat(out)
        }
        ExprKind::Fun(fun_clauses) => fun(fun_clauses),
        ExprKind::FunRef {
            module,
            name,
            arity,
        } => match module {
            Some(m) => text(format!("fun {}:{}/{arity}", atom(m), atom(name))),
            None => text(format!("fun {}/{arity}", atom(name))),
        },
        ExprKind::Map(fields) => map(fields),
        ExprKind::MapUpdate(base, fields) => concat([map_base(base), map(fields)]),
        ExprKind::Block(body) => concat([
            text("begin"),
            nest(
                INDENT,
                concat([
                    Doc::HardLine,
                    join(
                        body.iter().map(|e| expr(e, 0)),
                        concat([text(","), Doc::HardLine]),
                    ),
                ]),
            ),
            Doc::HardLine,
            text("end"),
        ]),
        ExprKind::Binary(segments) => super::bits::binary(segments),
        ExprKind::Catch(caught) => concat([text("catch "), expr(caught, 50)]),
        ExprKind::Try {
            body,
            of,
            catches,
            after,
        } => {
            let exprs = |body: &[Expr]| {
                join(
                    body.iter().map(|e| expr(e, 0)),
                    concat([text(","), Doc::HardLine]),
                )
            };
            let mut out = vec![
                text("try"),
                nest(INDENT, concat([Doc::HardLine, exprs(body)])),
                Doc::HardLine,
            ];
            if let Some(arms) = of {
                out.push(text("of"));
                out.push(nest(INDENT, concat([Doc::HardLine, case_clauses(arms)])));
                out.push(Doc::HardLine);
            }
            if !catches.is_empty() {
                let heads = catches
                    .iter()
                    .map(|c| {
                        concat([
                            Doc::Mark(c.pos.line),
                            catch_pattern(&c.pattern),
                            guard_doc(&c.guard),
                        ])
                    })
                    .collect();
                let bodies = catches.iter().map(|c| c.body.as_slice()).collect();
                out.push(text("catch"));
                out.push(nest(
                    INDENT,
                    concat([Doc::HardLine, clauses(heads, bodies)]),
                ));
                out.push(Doc::HardLine);
            }
            if !after.is_empty() {
                out.push(text("after"));
                out.push(nest(INDENT, concat([Doc::HardLine, exprs(after)])));
                out.push(Doc::HardLine);
            }
            out.push(text("end"));
            concat(out)
        }
    }
}

/// A catch clause's pattern, kept as `{Class, Reason, Stack}`
/// (`ExprKind::Try`), written back as `Class:Reason:Stack`.
fn catch_pattern(p: &Pattern) -> Doc {
    let PatternKind::Tuple(parts) = &p.kind else {
        return pattern(p);
    };
    let [class, reason, stack] = parts.as_slice() else {
        return pattern(p);
    };
    let mut out = vec![pattern(class), text(":"), pattern(reason)];
    if !matches!(stack.kind, PatternKind::Wildcard) {
        out.push(text(":"));
        out.push(pattern(stack));
    }
    concat(out)
}

fn case_clauses(arms: &[CaseClause]) -> Doc {
    let heads = arms
        .iter()
        .map(|c| {
            concat([
                Doc::Mark(c.pos.line),
                pattern(&c.pattern),
                guard_doc(&c.guard),
            ])
        })
        .collect();
    clauses(heads, arms.iter().map(|c| c.body.as_slice()).collect())
}

/// `fun(X) -> X end` on one line when it fits; several clauses always
/// break: `fun` / `(a) -> 1;` / `(b) -> 2` / `end`.
fn fun(fun_clauses: &[Clause]) -> Doc {
    let head = |c: &Clause| {
        concat([
            Doc::Mark(c.pos.line),
            args(c.patterns.iter().map(pattern).collect()),
            guard_doc(&c.guard),
        ])
    };
    if let [only] = fun_clauses {
        let body = join(
            only.body.iter().map(|e| expr(e, 0)),
            concat([text(","), Doc::HardLine]),
        );
        return group(concat([
            text("fun"),
            head(only),
            text(" ->"),
            nest(INDENT, concat([Doc::Line, body])),
            Doc::Line,
            text("end"),
        ]));
    }
    let heads = fun_clauses.iter().map(head).collect();
    let bodies = fun_clauses.iter().map(|c| c.body.as_slice()).collect();
    concat([
        text("fun"),
        nest(INDENT, concat([Doc::HardLine, clauses(heads, bodies)])),
        Doc::HardLine,
        text("end"),
    ])
}

/// The elements of a list expression and its tail, if that is not `[]`.
/// A list's items and its tail (`None` for a proper list).
pub(super) fn list_items(mut e: &Expr) -> (Vec<&Expr>, Option<&Expr>) {
    let mut items = Vec::new();
    loop {
        match &e.kind {
            ExprKind::Cons(head, tail) => {
                items.push(&**head);
                e = tail;
            }
            ExprKind::Nil => return (items, None),
            _ => return (items, Some(e)),
        }
    }
}

fn list(items: Vec<Doc>, tail: Option<Doc>) -> Doc {
    match tail {
        None => bracketed("[", items, "]"),
        Some(tail) => group(concat([
            text("["),
            nest(
                INDENT,
                concat([
                    Doc::SoftLine,
                    join(items, concat([text(","), Doc::Line])),
                    text(" | "),
                    tail,
                ]),
            ),
            Doc::SoftLine,
            text("]"),
        ])),
    }
}

// ---------------------------------------------------------------------
// Patterns and literals.

pub fn pattern(p: &Pattern) -> Doc {
    match &p.kind {
        PatternKind::Var(v) => text(v.clone()),
        PatternKind::Wildcard => text("_"),
        PatternKind::Atom(a) => text(atom(a)),
        PatternKind::Int(n) => text(n.to_string()),
        PatternKind::Float(x) => text(float(*x)),
        PatternKind::Str(s) => text(string(s)),
        PatternKind::Tuple(items) => bracketed("{", items.iter().map(pattern).collect(), "}"),
        PatternKind::Nil => text("[]"),
        PatternKind::Cons(..) => {
            let mut items = Vec::new();
            let mut at = p;
            let tail = loop {
                match &at.kind {
                    PatternKind::Cons(head, tail) => {
                        items.push(pattern(head));
                        at = tail;
                    }
                    PatternKind::Nil => break None,
                    _ => break Some(pattern(at)),
                }
            };
            list(items, tail)
        }
        PatternKind::Alias(left, right) => concat([pattern(left), text(" = "), pattern(right)]),
        PatternKind::Map(fields) => bracketed(
            "#{",
            fields
                .iter()
                .map(|f| infix(expr(&f.key, 0), ":=", pattern(&f.value)))
                .collect(),
            "}",
        ),
        PatternKind::Binary(segments) => super::bits::binary_pattern(segments),
    }
}

/// `#{K => V, K2 := V2}`: on one line when it fits, else one field a line
/// between `#{` and `}`, as erlfmt lays maps out.
fn map(fields: &[MapField]) -> Doc {
    let items = fields
        .iter()
        .map(|f| {
            let op = if f.exact { ":=" } else { "=>" };
            infix(expr(&f.key, 0), op, expr(&f.value, 0))
        })
        .collect();
    bracketed("#{", items, "}")
}

/// The map an update starts from: what `erl_parse` takes there bare
/// (`expr_max`: a variable, a bracketed term, a block, another map),
/// anything else in parentheses (`(f(X))#{a => 1}`).
fn map_base(base: &Expr) -> Doc {
    let bare = matches!(
        base.kind,
        ExprKind::Var(_)
            | ExprKind::Atom(_)
            | ExprKind::Str(_)
            | ExprKind::Nil
            | ExprKind::Tuple(_)
            | ExprKind::Cons(..)
            | ExprKind::Map(_)
            | ExprKind::MapUpdate(..)
            | ExprKind::Case(..)
            | ExprKind::If(_)
            | ExprKind::Receive { .. }
            | ExprKind::Fun(_)
            | ExprKind::Block(_)
    );
    if bare {
        expr(base, 0)
    } else {
        concat([text("("), expr(base, 0), text(")")])
    }
}

/// An atom as Erlang writes it: bare when it can be, else quoted.
pub fn atom(name: &str) -> String {
    let mut chars = name.chars();
    let bare = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@')
        && !crate::erlang::names::is_reserved_word(name);
    if bare {
        name.to_owned()
    } else {
        let mut out = String::from("'");
        for c in name.chars() {
            escape(c, '\'', &mut out);
        }
        out.push('\'');
        out
    }
}

pub fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        escape(c, '"', &mut out);
    }
    out.push('"');
    out
}

fn escape(c: char, quote: char, out: &mut String) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
            out.push_str(&format!("\\x{{{:X}}}", c as u32));
        }
        c => out.push(c),
    }
}

/// A float literal Erlang reads back as the same float: always with a
/// fraction (`1.0`, `1.0e20`).
pub fn float(x: f64) -> String {
    let text = format!("{x:?}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if !mantissa.contains('.') => {
            format!("{mantissa}.0e{exponent}")
        }
        _ => text,
    }
}
