//! What the playground accepts silently and `erlc` warns about, made
//! idiomatic before a definition is printed as Erlang:
//!
//! - a variable bound and never used (`variable 'N' is unused`) gets the
//!   `_` prefix (`_N`), in the clause where it is unused only, as
//!   `erl_lint` counts per clause of a `case` or `receive`;
//! - a variable of a fun head that shadows one of the enclosing clause
//!   (`variable 'X' shadowed in 'fun'`) is renamed throughout its fun
//!   clause (`X1`). Both mean the same program: a fun's head variables are
//!   new ones in Erlang and in the playground.

use crate::erlang::ast::*;
use std::collections::{BTreeSet, HashMap};

/// The function clauses of `module`, tidied.
pub fn tidy(module: &Module) -> Module {
    let mut module = module.clone();
    for function in &mut module.functions {
        for clause in &mut function.clauses {
            unshadow_clause(clause);
            let mut pass = Unused::default();
            pass.function_clause(clause);
            let unused = pass.unused();
            let mut rename = Unused {
                rename: Some(unused),
                ..Unused::default()
            };
            rename.function_clause(clause);
        }
    }
    module
}

// ---------------------------------------------------------------------
// Shadowing in fun heads.

fn unshadow_clause(clause: &mut Clause) {
    let mut counts = HashMap::new();
    count_clause(clause, &mut counts);
    let mut taken: BTreeSet<String> = counts.keys().cloned().collect();
    for expr in &mut clause.body {
        unshadow_expr(expr, &counts, &mut taken);
    }
}

/// Renames the head variables of each fun clause in `expr` that also
/// occur outside that fun clause (`counts` are the whole function
/// clause's). Renaming one met elsewhere is always safe: a fun head binds
/// afresh.
fn unshadow_expr(expr: &mut Expr, counts: &HashMap<String, usize>, taken: &mut BTreeSet<String>) {
    if let ExprKind::Fun(clauses) = &mut expr.kind {
        for clause in clauses.iter_mut() {
            let mut inside = HashMap::new();
            count_clause(clause, &mut inside);
            let mut heads = BTreeSet::new();
            for p in &clause.patterns {
                pattern_vars(p, &mut heads);
            }
            for name in heads {
                if counts.get(&name).copied().unwrap_or(0) > inside[&name] {
                    let fresh = fresh_name(&name, taken);
                    taken.insert(fresh.clone());
                    rename_in_clause(clause, &name, &fresh);
                }
            }
        }
    }
    expr.for_each_child_mut(&mut |e| unshadow_expr(e, counts, taken));
}

fn count_clause(clause: &Clause, counts: &mut HashMap<String, usize>) {
    let mut names = Vec::new();
    for p in &clause.patterns {
        pattern_occurrences(p, &mut names);
    }
    for e in clause.guard.iter().flatten().chain(&clause.body) {
        expr_occurrences(e, &mut names);
    }
    for n in names {
        *counts.entry(n).or_default() += 1;
    }
}

fn pattern_occurrences(p: &Pattern, out: &mut Vec<String>) {
    match &p.kind {
        PatternKind::Var(v) => out.push(v.clone()),
        PatternKind::Tuple(ps) => ps.iter().for_each(|p| pattern_occurrences(p, out)),
        PatternKind::Cons(h, t) | PatternKind::Alias(h, t) => {
            pattern_occurrences(h, out);
            pattern_occurrences(t, out);
        }
        PatternKind::Map(fields) => {
            for f in fields {
                expr_occurrences(&f.key, out);
                pattern_occurrences(&f.value, out);
            }
        }
        PatternKind::Binary(segments) => {
            for s in segments {
                pattern_occurrences(&s.value, out);
                if let Some(size) = &s.size {
                    expr_occurrences(size, out);
                }
            }
        }
        _ => {}
    }
}

fn expr_occurrences(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Var(v) => out.push(v.clone()),
        ExprKind::Match(p, _) => pattern_occurrences(p, out),
        ExprKind::Case(_, clauses) | ExprKind::Receive { clauses, .. } => {
            for c in clauses {
                pattern_occurrences(&c.pattern, out);
                c.guard
                    .iter()
                    .flatten()
                    .for_each(|g| expr_occurrences(g, out));
            }
        }
        ExprKind::If(clauses) => {
            for c in clauses {
                c.guard
                    .iter()
                    .flatten()
                    .for_each(|g| expr_occurrences(g, out));
            }
        }
        ExprKind::Try { of, catches, .. } => {
            for c in of.iter().flatten().chain(catches) {
                pattern_occurrences(&c.pattern, out);
                c.guard
                    .iter()
                    .flatten()
                    .for_each(|g| expr_occurrences(g, out));
            }
        }
        ExprKind::Fun(clauses) => {
            for c in clauses {
                c.patterns.iter().for_each(|p| pattern_occurrences(p, out));
                c.guard
                    .iter()
                    .flatten()
                    .for_each(|g| expr_occurrences(g, out));
            }
        }
        _ => {}
    }
    e.for_each_child(&mut |child| expr_occurrences(child, out));
}

fn fresh_name(name: &str, taken: &BTreeSet<String>) -> String {
    (1..)
        .map(|n| format!("{name}{n}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("a free name")
}

fn pattern_vars(p: &Pattern, out: &mut BTreeSet<String>) {
    match &p.kind {
        PatternKind::Var(v) => {
            out.insert(v.clone());
        }
        PatternKind::Tuple(ps) => ps.iter().for_each(|p| pattern_vars(p, out)),
        PatternKind::Cons(h, t) | PatternKind::Alias(h, t) => {
            pattern_vars(h, out);
            pattern_vars(t, out);
        }
        // A key's variables are uses, not bindings.
        PatternKind::Map(fields) => fields.iter().for_each(|f| pattern_vars(&f.value, out)),
        PatternKind::Binary(segments) => segments.iter().for_each(|s| pattern_vars(&s.value, out)),
        _ => {}
    }
}

/// Renames every occurrence of variable `from` in a clause.
fn rename_in_clause(clause: &mut Clause, from: &str, to: &str) {
    for p in &mut clause.patterns {
        rename_pattern(p, from, to);
    }
    for e in clause.guard.iter_mut().flatten() {
        rename_expr(e, from, to);
    }
    for e in &mut clause.body {
        rename_expr(e, from, to);
    }
}

fn rename_pattern(p: &mut Pattern, from: &str, to: &str) {
    match &mut p.kind {
        PatternKind::Var(v) if v == from => *v = to.to_owned(),
        PatternKind::Tuple(ps) => ps.iter_mut().for_each(|p| rename_pattern(p, from, to)),
        PatternKind::Cons(h, t) | PatternKind::Alias(h, t) => {
            rename_pattern(h, from, to);
            rename_pattern(t, from, to);
        }
        PatternKind::Map(fields) => {
            for f in fields {
                rename_expr(&mut f.key, from, to);
                rename_pattern(&mut f.value, from, to);
            }
        }
        PatternKind::Binary(segments) => {
            for s in segments {
                rename_pattern(&mut s.value, from, to);
                if let Some(size) = &mut s.size {
                    rename_expr(size, from, to);
                }
            }
        }
        _ => {}
    }
}

fn rename_expr(e: &mut Expr, from: &str, to: &str) {
    match &mut e.kind {
        ExprKind::Var(v) if v == from => *v = to.to_owned(),
        ExprKind::Match(p, _) => rename_pattern(p, from, to),
        ExprKind::Case(_, clauses) | ExprKind::Receive { clauses, .. } => {
            for c in clauses {
                rename_pattern(&mut c.pattern, from, to);
                c.guard
                    .iter_mut()
                    .flatten()
                    .for_each(|g| rename_expr(g, from, to));
            }
        }
        ExprKind::If(clauses) => {
            for c in clauses {
                c.guard
                    .iter_mut()
                    .flatten()
                    .for_each(|g| rename_expr(g, from, to));
            }
        }
        ExprKind::Try { of, catches, .. } => {
            for c in of.iter_mut().flatten().chain(catches) {
                rename_pattern(&mut c.pattern, from, to);
                c.guard
                    .iter_mut()
                    .flatten()
                    .for_each(|g| rename_expr(g, from, to));
            }
        }
        ExprKind::Fun(clauses) => clauses
            .iter_mut()
            .for_each(|c| rename_in_clause(c, from, to)),
        _ => {}
    }
    e.for_each_child_mut(&mut |child| rename_expr(child, from, to));
}

// ---------------------------------------------------------------------
// Unused variables.

/// One walk over a function clause in evaluation order, as `erl_lint`
/// scopes it. Each binding occurrence gets a number in visiting order;
/// the first walk finds the numbers never used, the second (`rename`)
/// walks the same way and renames those occurrences `_Name`.
#[derive(Default)]
struct Unused {
    /// Binding number -> used.
    used: Vec<bool>,
    rename: Option<BTreeSet<usize>>,
    /// Binding occurrences seen so far.
    seen: usize,
}

/// Variables in scope: name -> the bindings a use marks (several after a
/// `case` whose clauses all bind it).
type Env = HashMap<String, Vec<usize>>;

impl Unused {
    fn unused(&self) -> BTreeSet<usize> {
        (0..self.used.len()).filter(|&i| !self.used[i]).collect()
    }

    fn function_clause(&mut self, clause: &mut Clause) {
        let mut env = Env::new();
        self.clause(clause, &mut env);
    }

    fn clause(&mut self, clause: &mut Clause, env: &mut Env) {
        for p in &mut clause.patterns {
            self.pattern(p, env);
        }
        self.guard(&mut clause.guard, env);
        self.body(&mut clause.body, env);
    }

    fn guard(&mut self, guard: &mut Guard, env: &mut Env) {
        for e in guard.iter_mut().flatten() {
            self.expr(e, env);
        }
    }

    fn body(&mut self, body: &mut [Expr], env: &mut Env) {
        for e in body {
            self.expr(e, env);
        }
    }

    fn use_var(&mut self, name: &str, env: &Env) {
        if let Some(ids) = env.get(name) {
            for &id in ids {
                if let Some(u) = self.used.get_mut(id) {
                    *u = true;
                }
            }
        }
    }

    fn pattern(&mut self, p: &mut Pattern, env: &mut Env) {
        match &mut p.kind {
            PatternKind::Var(name) => {
                if env.contains_key(name.as_str()) {
                    let name = name.clone();
                    self.use_var(&name, env);
                    return;
                }
                let id = self.seen;
                self.seen += 1;
                if self.rename.is_none() {
                    self.used.push(name.starts_with('_'));
                }
                env.insert(name.clone(), vec![id]);
                if self.rename.as_ref().is_some_and(|r| r.contains(&id)) {
                    *name = format!("_{name}");
                }
            }
            PatternKind::Tuple(ps) => ps.iter_mut().for_each(|p| self.pattern(p, env)),
            PatternKind::Cons(h, t) | PatternKind::Alias(h, t) => {
                self.pattern(h, env);
                self.pattern(t, env);
            }
            // The keys use variables bound before the pattern.
            PatternKind::Map(fields) => {
                for f in fields {
                    self.expr(&mut f.key, env);
                    self.pattern(&mut f.value, env);
                }
            }
            PatternKind::Binary(segments) => {
                // A size reads variables bound before it (by earlier
                // segments too); the value binds.
                for s in segments {
                    if let Some(size) = &mut s.size {
                        self.expr(size, env);
                    }
                    self.pattern(&mut s.value, env);
                }
            }
            _ => {}
        }
    }

    /// Clauses side by side, each from `env`; afterwards a name bound in
    /// every clause stands for all of its bindings.
    fn branches<'a>(&mut self, env: &mut Env, clauses: impl Iterator<Item = Branch<'a>>) {
        let mut results: Vec<Env> = Vec::new();
        for branch in clauses {
            let mut local = env.clone();
            match branch {
                Branch::Case(c) => {
                    self.pattern(&mut c.pattern, &mut local);
                    self.guard(&mut c.guard, &mut local);
                    self.body(&mut c.body, &mut local);
                }
                Branch::If(c) => {
                    self.guard(&mut c.guard, &mut local);
                    self.body(&mut c.body, &mut local);
                }
                Branch::After(body) => self.body(body, &mut local),
            }
            results.push(local);
        }
        let Some(first) = results.first() else {
            return;
        };
        for name in first.keys() {
            if env.contains_key(name) {
                continue;
            }
            if results.iter().all(|r| r.contains_key(name)) {
                let ids = results.iter().flat_map(|r| r[name].clone()).collect();
                env.insert(name.clone(), ids);
            }
        }
    }

    fn expr(&mut self, e: &mut Expr, env: &mut Env) {
        match &mut e.kind {
            ExprKind::Var(name) => {
                let name = name.clone();
                self.use_var(&name, env);
            }
            ExprKind::Match(p, value) => {
                self.expr(value, env);
                self.pattern(p, env);
            }
            ExprKind::Case(subject, clauses) => {
                self.expr(subject, env);
                self.branches(env, clauses.iter_mut().map(Branch::Case));
            }
            ExprKind::If(clauses) => self.branches(env, clauses.iter_mut().map(Branch::If)),
            ExprKind::Receive { clauses, after } => {
                if let Some((timeout, _)) = after {
                    self.expr(timeout, env);
                }
                let mut branches: Vec<Branch> = clauses.iter_mut().map(Branch::Case).collect();
                if let Some((_, body)) = after {
                    branches.push(Branch::After(body));
                }
                self.branches(env, branches.into_iter());
            }
            ExprKind::Fun(clauses) => {
                for c in clauses {
                    let mut local = env.clone();
                    // Head variables are new, even where the name is bound.
                    for p in &c.patterns {
                        let mut names = BTreeSet::new();
                        pattern_vars(p, &mut names);
                        for n in names {
                            local.remove(&n);
                        }
                    }
                    self.clause(c, &mut local);
                }
            }
            ExprKind::Block(es) | ExprKind::Tuple(es) => {
                for e in es {
                    self.expr(e, env);
                }
            }
            // Nothing bound inside a `try` or `catch` is bound after it.
            ExprKind::Try {
                body,
                of,
                catches,
                after,
            } => {
                let mut protected = env.clone();
                self.body(body, &mut protected);
                if let Some(of) = of {
                    self.branches(&mut protected, of.iter_mut().map(Branch::Case));
                }
                self.branches(&mut env.clone(), catches.iter_mut().map(Branch::Case));
                self.body(after, &mut env.clone());
            }
            ExprKind::Catch(caught) => self.expr(caught, &mut env.clone()),
            ExprKind::Cons(a, b) | ExprKind::Send(a, b) | ExprKind::BinOp(_, a, b) => {
                self.expr(a, env);
                self.expr(b, env);
            }
            ExprKind::UnOp(_, a) => self.expr(a, env),
            ExprKind::Map(fields) => {
                for f in fields {
                    self.expr(&mut f.key, env);
                    self.expr(&mut f.value, env);
                }
            }
            ExprKind::MapUpdate(base, fields) => {
                self.expr(base, env);
                for f in fields {
                    self.expr(&mut f.key, env);
                    self.expr(&mut f.value, env);
                }
            }
            ExprKind::Call(callee, args) => {
                if let Callee::Fun(f) = callee {
                    self.expr(f, env);
                }
                for a in args {
                    self.expr(a, env);
                }
            }
            ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Nil
            | ExprKind::FunRef { .. } => {}
            ExprKind::Binary(segments) => {
                for s in segments {
                    self.expr(&mut s.value, env);
                    if let Some(size) = &mut s.size {
                        self.expr(size, env);
                    }
                }
            }
        }
    }
}

enum Branch<'a> {
    Case(&'a mut CaseClause),
    If(&'a mut IfClause),
    After(&'a mut Vec<Expr>),
}
