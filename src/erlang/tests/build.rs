//! Builders for syntax trees, so tests read close to the Erlang they stand
//! for (each test quotes its source in a comment). When the front end's
//! `code::parse(name, source)` lands on main, a test can replace its tree
//! by the quoted source: [`compile_src`]-style helpers are the only place
//! that would change.
//!
//! Lines: a clause built with [`cl`]/[`clg`] stamps its line on every node
//! that has none, so a one-line clause needs no more; [`at`] sets the line
//! of one expression (for error stacks that point inside a clause).

use crate::erlang::ast::*;

pub fn module(name: &str, functions: Vec<Function>) -> Module {
    Module {
        name: name.to_owned(),
        functions,
        source: String::new(),
        attributes: Default::default(),
    }
}

/// `name(...) -> ...; name(...) -> ...`: the clauses of one function.
pub fn func(name: &str, clauses: Vec<Clause>) -> Function {
    let arity = clauses.first().map_or(0, |c| c.patterns.len());
    let pos = clauses.first().map_or(Pos::default(), |c| c.pos);
    Function {
        name: name.to_owned(),
        arity,
        clauses,
        pos,
    }
}

/// A clause on `line` without a guard.
pub fn cl(line: u32, patterns: Vec<Pattern>, body: Vec<Expr>) -> Clause {
    clg(line, patterns, vec![], body)
}

/// A clause with a guard (`vec![vec![test, ...], ...]`: `;` of `,`).
pub fn clg(line: u32, patterns: Vec<Pattern>, guard: Guard, body: Vec<Expr>) -> Clause {
    let mut clause = Clause {
        patterns,
        guard,
        body,
        pos: Pos::new(line, 1),
    };
    stamp_clause(&mut clause, line);
    clause
}

/// `Pattern [when Guard] -> Body` in a case or receive.
pub fn arm(pattern: Pattern, guard: Guard, body: Vec<Expr>) -> CaseClause {
    CaseClause {
        pattern,
        guard,
        body,
        pos: Pos::default(),
    }
}

/// The same expression, on `line`.
pub fn at(line: u32, mut e: Expr) -> Expr {
    e.pos = Pos::new(line, 1);
    stamp_expr(&mut e, line);
    e
}

fn e(kind: ExprKind) -> Expr {
    Expr {
        kind,
        pos: Pos::default(),
    }
}

fn p(kind: PatternKind) -> Pattern {
    Pattern {
        kind,
        pos: Pos::default(),
    }
}

// ---- patterns ----

pub fn pv(name: &str) -> Pattern {
    p(PatternKind::Var(name.to_owned()))
}
pub fn any() -> Pattern {
    p(PatternKind::Wildcard)
}
pub fn pa(atom: &str) -> Pattern {
    p(PatternKind::Atom(atom.to_owned()))
}
pub fn pi(n: i64) -> Pattern {
    p(PatternKind::Int(crate::runtime::Term::int(n)))
}
pub fn pf(x: f64) -> Pattern {
    p(PatternKind::Float(x))
}
pub fn ps(s: &str) -> Pattern {
    p(PatternKind::Str(s.to_owned()))
}
pub fn pt(items: Vec<Pattern>) -> Pattern {
    p(PatternKind::Tuple(items))
}
pub fn pnil() -> Pattern {
    p(PatternKind::Nil)
}
pub fn pcons(h: Pattern, t: Pattern) -> Pattern {
    p(PatternKind::Cons(Box::new(h), Box::new(t)))
}
/// `[A, B, C]` as a pattern.
pub fn plist(items: Vec<Pattern>) -> Pattern {
    items.into_iter().rev().fold(pnil(), |t, h| pcons(h, t))
}
pub fn palias(a: Pattern, b: Pattern) -> Pattern {
    p(PatternKind::Alias(Box::new(a), Box::new(b)))
}

// ---- expressions ----

pub fn v(name: &str) -> Expr {
    e(ExprKind::Var(name.to_owned()))
}
pub fn a(atom: &str) -> Expr {
    e(ExprKind::Atom(atom.to_owned()))
}
pub fn i(n: i64) -> Expr {
    e(ExprKind::Int(crate::runtime::Term::int(n)))
}
pub fn f(x: f64) -> Expr {
    e(ExprKind::Float(x))
}
pub fn s(text: &str) -> Expr {
    e(ExprKind::Str(text.to_owned()))
}
pub fn t(items: Vec<Expr>) -> Expr {
    e(ExprKind::Tuple(items))
}
pub fn nil() -> Expr {
    e(ExprKind::Nil)
}
pub fn cons(h: Expr, t: Expr) -> Expr {
    e(ExprKind::Cons(Box::new(h), Box::new(t)))
}
/// `[A, B, C]`.
pub fn list(items: Vec<Expr>) -> Expr {
    items.into_iter().rev().fold(nil(), |t, h| cons(h, t))
}
/// `Pattern = Expr`.
pub fn m(pattern: Pattern, value: Expr) -> Expr {
    e(ExprKind::Match(pattern, Box::new(value)))
}
/// `To ! Message`.
pub fn send(to: Expr, message: Expr) -> Expr {
    e(ExprKind::Send(Box::new(to), Box::new(message)))
}
pub fn op(op: BinOp, x: Expr, y: Expr) -> Expr {
    e(ExprKind::BinOp(op, Box::new(x), Box::new(y)))
}
pub fn add(x: Expr, y: Expr) -> Expr {
    op(BinOp::Add, x, y)
}
pub fn sub(x: Expr, y: Expr) -> Expr {
    op(BinOp::Sub, x, y)
}
pub fn un(op: UnOp, x: Expr) -> Expr {
    e(ExprKind::UnOp(op, Box::new(x)))
}
/// `name(Args)`: a local function or an auto-imported BIF.
pub fn call(name: &str, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call(Callee::Local(name.to_owned()), args))
}
/// `module:name(Args)`.
pub fn rcall(module: &str, name: &str, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call(
        Callee::Remote(module.to_owned(), name.to_owned()),
        args,
    ))
}
/// `F(Args)`.
pub fn fcall(fun: Expr, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call(Callee::Fun(Box::new(fun)), args))
}
pub fn case(subject: Expr, arms: Vec<CaseClause>) -> Expr {
    e(ExprKind::Case(Box::new(subject), arms))
}
/// `if G -> Body; ... end`.
pub fn if_(branches: Vec<(Guard, Vec<Expr>)>) -> Expr {
    e(ExprKind::If(
        branches
            .into_iter()
            .map(|(guard, body)| IfClause {
                guard,
                body,
                pos: Pos::default(),
            })
            .collect(),
    ))
}
pub fn receive(arms: Vec<CaseClause>) -> Expr {
    e(ExprKind::Receive {
        clauses: arms,
        after: None,
    })
}
pub fn receive_after(arms: Vec<CaseClause>, timeout: Expr, body: Vec<Expr>) -> Expr {
    e(ExprKind::Receive {
        clauses: arms,
        after: Some((Box::new(timeout), body)),
    })
}
/// `fun (Patterns) -> Body end` (one clause).
pub fn lambda(patterns: Vec<Pattern>, body: Vec<Expr>) -> Expr {
    e(ExprKind::Fun(vec![Clause {
        patterns,
        guard: vec![],
        body,
        pos: Pos::default(),
    }]))
}
/// `fun name/arity`.
pub fn fref(name: &str, arity: usize) -> Expr {
    e(ExprKind::FunRef {
        module: None,
        name: name.to_owned(),
        arity,
    })
}
/// `fun module:name/arity`.
pub fn rref(module: &str, name: &str, arity: usize) -> Expr {
    e(ExprKind::FunRef {
        module: Some(module.to_owned()),
        name: name.to_owned(),
        arity,
    })
}
pub fn block(body: Vec<Expr>) -> Expr {
    e(ExprKind::Block(body))
}

// ---- stamping lines ----

fn stamp_clause(clause: &mut Clause, line: u32) {
    for pattern in &mut clause.patterns {
        stamp_pattern(pattern, line);
    }
    for test in clause.guard.iter_mut().flatten() {
        stamp_expr(test, line);
    }
    for expr in &mut clause.body {
        stamp_expr(expr, line);
    }
}

fn stamp_pattern(pattern: &mut Pattern, line: u32) {
    if pattern.pos.line == 0 {
        pattern.pos = Pos::new(line, 1);
    }
    match &mut pattern.kind {
        PatternKind::Tuple(items) => items.iter_mut().for_each(|p| stamp_pattern(p, line)),
        PatternKind::Cons(x, y) | PatternKind::Alias(x, y) => {
            stamp_pattern(x, line);
            stamp_pattern(y, line);
        }
        _ => {}
    }
}

fn stamp_expr(expr: &mut Expr, line: u32) {
    if expr.pos.line == 0 {
        expr.pos = Pos::new(line, 1);
    }
    let line = expr.pos.line;
    let body = |body: &mut Vec<Expr>| body.iter_mut().for_each(|e| stamp_expr(e, line));
    match &mut expr.kind {
        ExprKind::Tuple(items) | ExprKind::Block(items) => body(items),
        ExprKind::Cons(x, y) | ExprKind::Send(x, y) | ExprKind::BinOp(_, x, y) => {
            stamp_expr(x, line);
            stamp_expr(y, line);
        }
        ExprKind::Match(p, x) => {
            stamp_pattern(p, line);
            stamp_expr(x, line);
        }
        ExprKind::UnOp(_, x) => stamp_expr(x, line),
        ExprKind::Call(callee, args) => {
            if let Callee::Fun(f) = callee {
                stamp_expr(f, line);
            }
            body(args);
        }
        ExprKind::Case(subject, arms) => {
            stamp_expr(subject, line);
            arms.iter_mut().for_each(|arm| stamp_arm(arm, line));
        }
        ExprKind::If(clauses) => {
            for c in clauses {
                if c.pos.line == 0 {
                    c.pos = Pos::new(line, 1);
                }
                c.guard
                    .iter_mut()
                    .flatten()
                    .for_each(|e| stamp_expr(e, line));
                body(&mut c.body);
            }
        }
        ExprKind::Receive { clauses, after } => {
            clauses.iter_mut().for_each(|arm| stamp_arm(arm, line));
            if let Some((timeout, after_body)) = after {
                stamp_expr(timeout, line);
                body(after_body);
            }
        }
        ExprKind::Fun(clauses) => clauses.iter_mut().for_each(|c| {
            if c.pos.line == 0 {
                c.pos = Pos::new(line, 1);
            }
            stamp_clause(c, line)
        }),
        _ => {}
    }
}

fn stamp_arm(arm: &mut CaseClause, line: u32) {
    if arm.pos.line == 0 {
        arm.pos = Pos::new(line, 1);
    }
    let line = arm.pos.line;
    stamp_pattern(&mut arm.pattern, line);
    arm.guard
        .iter_mut()
        .flatten()
        .for_each(|e| stamp_expr(e, line));
    arm.body.iter_mut().for_each(|e| stamp_expr(e, line));
}
