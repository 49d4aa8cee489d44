//! What `erlc` rejects in a parsed definition, found before it is compiled
//! and reported with a caret, as `erl_lint` reports it:
//!
//! - a call to an undefined local function (`function loop/2 undefined`),
//!   or `fun name/arity` naming one; auto-imported BIFs (`self/0`,
//!   `element/2`, see [`names::AUTO_IMPORTED`]) need no definition, and a
//!   local function that shadows one is an ambiguous call;
//! - a function defined twice, i.e. clauses not written together
//!   (`function loop/1 already defined`);
//! - a variable used before it is bound (`variable 'X' is unbound`), or
//!   bound in only some clauses of a `case`, `if` or `receive` and used
//!   after it (`variable 'X' unsafe in 'case'`);
//! - in guards, anything but guard expressions: no local calls, matches,
//!   sends or blocks;
//! - maps: `:=` in a new map, a pattern's key that is not bound before the
//!   pattern, an update certain to fail (`check/maps.rs`);
//! - in a binary pattern, a size using a variable that is neither bound
//!   before the pattern nor by an earlier segment of the same binary
//!   (`bits.rs`).
//!
//! Scoping is `erl_lint`'s: a sequence passes its bindings on; the parts
//! of one expression (a tuple's elements, a call's arguments, an
//! operator's operands) are checked side by side with the bindings from
//! before it, and all their bindings hold after it; a variable bound in
//! every clause of a `case`, `if` or `receive` (its `after` counts as one)
//! is bound after it; a fun's clauses see the enclosing bindings, and the
//! variables of a fun head are new ones (shadowing, which Erlang warns
//! about but accepts); nothing bound inside a fun is seen outside.

mod maps;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diagnostics::Diagnostic;
use crate::erlang::ast::{
    BinOp, Callee, CaseClause, Clause, Expr, ExprKind, Function, Guard, Module, Pattern,
    PatternKind, Pos,
};
use crate::erlang::names;
use crate::erlang::syntax;

mod bits;

type Result<T> = std::result::Result<T, Diagnostic>;

/// Checks a parsed definition; the first problem, in source order, is the
/// error.
pub fn check(module: &Module) -> Result<()> {
    let checker = Checker {
        module,
        defined: module
            .functions
            .iter()
            .map(|f| (f.name.as_str(), f.arity))
            .collect(),
    };
    let mut first_at: HashMap<(&str, usize), Pos> = HashMap::new();
    for function in &module.functions {
        let key = (function.name.as_str(), function.arity);
        let imported = module
            .attributes
            .imports
            .iter()
            .find(|(_, name, arity)| *name == function.name && *arity == function.arity);
        if let Some((from, _, _)) = imported {
            return Err(checker.error(
                function.pos,
                function.name.chars().count(),
                format!("defining imported function {}/{}", function.name, function.arity),
                Some(format!(
                    "-import({from}, ...) brings in {}/{}: rename this one, or drop it from the import",
                    function.name, function.arity
                )),
            ));
        }
        if let Some(first) = first_at.get(&key) {
            return Err(checker.error(
                function.pos,
                function.name.chars().count(),
                format!("function {}/{} already defined", function.name, function.arity),
                Some(format!(
                    "its first clauses are at line {}: the clauses of one function are written together, separated by `;`",
                    first.line
                )),
            ));
        }
        first_at.insert(key, function.pos);
        checker.function(function)?;
    }
    // What `-export` names must exist, as erl_lint says.
    for (name, arity, at) in module.attributes.exports.iter().flatten() {
        if !checker.defined.contains(&(name.as_str(), *arity)) {
            return Err(checker.error(
                *at,
                name.chars().count(),
                format!("function {name}/{arity} undefined"),
                Some(format!(
                    "-export lists {name}/{arity}, which this module does not define"
                )),
            ));
        }
    }
    Ok(())
}

/// Checks an expression sequence typed at the shell's prompt (`source`
/// is its text, for the caret) with the variables `bound` already bound,
/// as `erl_lint` checks a function body, and returns the variables bound
/// after it: those bound before and those it binds for sure (one bound in
/// only some clauses of a `case` is not). There are no local functions.
pub fn bound_after(
    source: &str,
    exprs: &[Expr],
    bound: impl IntoIterator<Item = String>,
) -> Result<BTreeSet<String>> {
    let module = Module {
        name: String::new(),
        functions: Vec::new(),
        source: source.to_string(),
        attributes: Default::default(),
    };
    let checker = Checker {
        module: &module,
        defined: BTreeSet::new(),
    };
    let mut scope = Scope::default();
    for name in bound {
        scope.bind(&name);
    }
    checker.body(exprs, &mut scope)?;
    Ok(scope.bound)
}

struct Checker<'a> {
    module: &'a Module,
    defined: BTreeSet<(&'a str, usize)>,
}

/// The variables bound at a point of a clause, and those bound in only
/// some clauses of an earlier `case`/`if`/`receive` (with what and where).
#[derive(Clone, Default)]
struct Scope {
    bound: BTreeSet<String>,
    unsafe_vars: BTreeMap<String, (&'static str, Pos)>,
}

impl Scope {
    fn bind(&mut self, name: &str) {
        self.unsafe_vars.remove(name);
        self.bound.insert(name.to_string());
    }
}

impl Checker<'_> {
    fn error(&self, pos: Pos, len: usize, message: String, hint: Option<String>) -> Diagnostic {
        syntax::error_at(&self.module.source, pos, len, message, hint)
    }

    fn function(&self, function: &Function) -> Result<()> {
        for clause in &function.clauses {
            self.clause(clause, &Scope::default())?;
        }
        Ok(())
    }

    /// A function's or a fun's clause: the head's variables are new.
    fn clause(&self, clause: &Clause, outer: &Scope) -> Result<()> {
        let mut scope = outer.clone();
        for pattern in &clause.patterns {
            self.map_keys(pattern, outer)?;
        }
        for pattern in &clause.patterns {
            self.binary_sizes(pattern, outer)?;
            self.head_pattern(pattern, &mut scope);
        }
        self.guard(&clause.guard, &scope)?;
        self.body(&clause.body, &mut scope)
    }

    /// Binds every variable of a head pattern, shadowing outer ones.
    fn head_pattern(&self, pattern: &Pattern, scope: &mut Scope) {
        for_each_var(pattern, &mut |name| scope.bind(name));
    }

    fn body(&self, body: &[Expr], scope: &mut Scope) -> Result<()> {
        for expr in body {
            self.expr(expr, scope)?;
        }
        Ok(())
    }

    /// Checks `exprs` side by side from the same bindings; all their new
    /// bindings hold afterwards (`erl_lint`'s `expr_list`).
    fn side_by_side(&self, exprs: &[&Expr], scope: &mut Scope) -> Result<()> {
        let before = scope.clone();
        for expr in exprs {
            let mut own = before.clone();
            self.expr(expr, &mut own)?;
            for name in own.bound.difference(&before.bound) {
                scope.bind(name);
            }
        }
        Ok(())
    }

    fn expr(&self, expr: &Expr, scope: &mut Scope) -> Result<()> {
        match &expr.kind {
            ExprKind::Var(name) => self.use_var(name, expr.pos, scope),
            ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Nil => Ok(()),
            ExprKind::Tuple(elements) => {
                self.side_by_side(&elements.iter().collect::<Vec<_>>(), scope)
            }
            // A list's cells side by side, without recursion on the tail.
            ExprKind::Cons(..) => self.side_by_side(&list_parts(expr), scope),
            ExprKind::Match(pattern, value) => {
                self.expr(value, scope)?;
                self.pattern(pattern, scope)
            }
            ExprKind::Send(to, message) => self.side_by_side(&[to, message], scope),
            ExprKind::BinOp(op @ (BinOp::AndAlso | BinOp::OrElse), left, right) => {
                self.expr(left, scope)?;
                // The right side may not run: what it binds is unsafe.
                let mut right_scope = scope.clone();
                self.expr(right, &mut right_scope)?;
                let what = if *op == BinOp::AndAlso {
                    "andalso"
                } else {
                    "orelse"
                };
                for name in right_scope
                    .bound
                    .difference(&scope.bound)
                    .cloned()
                    .collect::<Vec<_>>()
                {
                    scope.unsafe_vars.insert(name, (what, expr.pos));
                }
                Ok(())
            }
            ExprKind::BinOp(_, left, right) => self.side_by_side(&[left, right], scope),
            ExprKind::UnOp(_, operand) => self.expr(operand, scope),
            ExprKind::Call(callee, args) => self.call(callee, args, expr.pos, scope),
            ExprKind::Case(subject, clauses) => {
                self.expr(subject, scope)?;
                let branches = clauses
                    .iter()
                    .map(|clause| self.case_clause(clause, scope))
                    .collect::<Result<Vec<_>>>()?;
                merge_branches(scope, branches, "case", expr.pos);
                Ok(())
            }
            ExprKind::If(clauses) => {
                let branches = clauses
                    .iter()
                    .map(|clause| {
                        let mut own = scope.clone();
                        self.guard(&clause.guard, &own)?;
                        self.body(&clause.body, &mut own)?;
                        Ok(own)
                    })
                    .collect::<Result<Vec<_>>>()?;
                merge_branches(scope, branches, "if", expr.pos);
                Ok(())
            }
            ExprKind::Receive { clauses, after } => {
                let mut branches = clauses
                    .iter()
                    .map(|clause| self.case_clause(clause, scope))
                    .collect::<Result<Vec<_>>>()?;
                if let Some((timeout, body)) = after {
                    // The timeout is evaluated before waiting; its bindings
                    // are the `after` branch's.
                    let mut own = scope.clone();
                    self.expr(timeout, &mut own)?;
                    self.body(body, &mut own)?;
                    branches.push(own);
                }
                merge_branches(scope, branches, "receive", expr.pos);
                Ok(())
            }
            ExprKind::Fun(clauses) => {
                for clause in clauses {
                    self.clause(clause, scope)?;
                }
                Ok(())
            }
            ExprKind::FunRef {
                module: None,
                name,
                arity,
            } => {
                if self.defined.contains(&(name.as_str(), *arity))
                    || names::is_auto_imported(name, *arity)
                {
                    Ok(())
                } else {
                    Err(self.undefined(name, *arity, expr.pos, 3))
                }
            }
            ExprKind::FunRef {
                module: Some(_), ..
            } => Ok(()),
            ExprKind::Block(body) => self.body(body, scope),
            ExprKind::Map(fields) => self.map_expr(fields, scope),
            ExprKind::MapUpdate(base, fields) => self.map_update(expr, base, fields, scope),
            ExprKind::Binary(segments) => self.side_by_side(&bits::parts(segments), scope),
            ExprKind::Try {
                body,
                of,
                catches,
                after,
            } => self.try_expr(body, of.as_deref(), catches, after, expr.pos, scope),
            ExprKind::Catch(caught) => {
                // What the expression binds may not be bound if it raised.
                let mut own = scope.clone();
                self.expr(caught, &mut own)?;
                merge_branches(scope, vec![own, scope.clone()], "catch", expr.pos);
                Ok(())
            }
        }
    }

    /// `try`: the `of` clauses see what the body binds, the catch clauses
    /// and `after` only what was bound before; nothing bound inside may be
    /// used after the `end` (`erl_lint`: "unsafe in 'try'").
    fn try_expr(
        &self,
        body: &[Expr],
        of: Option<&[CaseClause]>,
        catches: &[CaseClause],
        after: &[Expr],
        pos: Pos,
        scope: &mut Scope,
    ) -> Result<()> {
        let mut branches = Vec::new();
        let mut protected = scope.clone();
        self.body(body, &mut protected)?;
        for clause in of.unwrap_or_default() {
            branches.push(self.case_clause(clause, &protected)?);
        }
        // What the body binds may not be bound when a catch clause or
        // `after` runs: unsafe there.
        let mut outside = scope.clone();
        for name in protected.bound.difference(&scope.bound) {
            outside.unsafe_vars.insert(name.clone(), ("try", pos));
        }
        branches.push(protected);
        for clause in catches {
            if let PatternKind::Tuple(parts) = &clause.pattern.kind
                && let Some(Pattern {
                    kind: PatternKind::Var(stack),
                    pos,
                }) = parts.get(2)
                && scope.bound.contains(stack)
            {
                return Err(self.error(
                    *pos,
                    stack.chars().count(),
                    format!("stacktrace variable '{stack}' must not be previously bound"),
                    Some("name the stacktrace with a new variable".into()),
                ));
            }
            branches.push(self.case_clause(clause, &outside)?);
        }
        let mut after_scope = outside.clone();
        self.body(after, &mut after_scope)?;
        branches.push(after_scope);
        // An empty branch: every new binding is unsafe, none bound.
        branches.push(scope.clone());
        merge_branches(scope, branches, "try", pos);
        Ok(())
    }

    fn case_clause(&self, clause: &CaseClause, scope: &Scope) -> Result<Scope> {
        let mut own = scope.clone();
        self.pattern(&clause.pattern, &mut own)?;
        self.guard(&clause.guard, &own)?;
        self.body(&clause.body, &mut own)?;
        Ok(own)
    }

    fn call(&self, callee: &Callee, args: &[Expr], pos: Pos, scope: &mut Scope) -> Result<()> {
        let mut parts: Vec<&Expr> = Vec::with_capacity(args.len() + 1);
        if let Callee::Fun(fun) = callee {
            parts.push(fun);
        }
        parts.extend(args);
        self.side_by_side(&parts, scope)?;
        let Callee::Local(name) = callee else {
            return Ok(());
        };
        let arity = args.len();
        let defined = self.defined.contains(&(name.as_str(), arity));
        let bif = names::is_auto_imported(name, arity);
        let len = name.chars().count();
        match (defined, bif) {
            (true, false) | (false, true) => Ok(()),
            (true, true) => Err(self.error(
                pos,
                len,
                format!("ambiguous call of overridden auto-imported BIF {name}/{arity}"),
                Some(format!(
                    "call erlang:{name}/{arity} for the BIF, or rename your function"
                )),
            )),
            (false, false) => Err(self.undefined(name, arity, pos, len)),
        }
    }

    fn undefined(&self, name: &str, arity: usize, pos: Pos, len: usize) -> Diagnostic {
        let others: Vec<String> = self
            .defined
            .iter()
            .filter(|(defined, _)| *defined == name)
            .map(|(n, a)| format!("{n}/{a}"))
            .collect();
        let hint = if others.is_empty() {
            format!(
                "define {name}/{arity} in this definition, or call another one as `module:{name}(...)`"
            )
        } else {
            format!(
                "this definition has {}; the number of arguments must match",
                others.join(", ")
            )
        };
        self.error(
            pos,
            len,
            format!("function {name}/{arity} undefined"),
            Some(hint),
        )
    }

    fn use_var(&self, name: &str, pos: Pos, scope: &Scope) -> Result<()> {
        if scope.bound.contains(name) {
            return Ok(());
        }
        let len = name.chars().count();
        if let Some((what, at)) = scope.unsafe_vars.get(name) {
            return Err(self.error(
                pos,
                len,
                format!("variable '{name}' unsafe in '{what}' (line {})", at.line),
                Some(format!(
                    "'{name}' is bound in only some branches of the `{what}` at line {}: bind it in every one, or only use it inside",
                    at.line
                )),
            ));
        }
        let hint = if name == "_" {
            "`_` matches anything in a pattern but has no value".to_string()
        } else {
            format!("bind it first, e.g. `{name} = ...`, or take it as an argument")
        };
        Err(self.error(
            pos,
            len,
            format!("variable '{name}' is unbound"),
            Some(hint),
        ))
    }

    /// A pattern of a match or a case/receive clause: new variables are
    /// bound, bound ones are compared.
    fn pattern(&self, pattern: &Pattern, scope: &mut Scope) -> Result<()> {
        self.map_keys(pattern, scope)?;
        self.binary_sizes(pattern, scope)?;
        let mut result = Ok(());
        for_each_var_at(pattern, &mut |name, pos| {
            if result.is_ok() && scope.unsafe_vars.contains_key(name) {
                result = self.use_var(name, pos, scope);
            }
        });
        result?;
        for_each_var(pattern, &mut |name| scope.bind(name));
        Ok(())
    }

    fn guard(&self, guard: &Guard, scope: &Scope) -> Result<()> {
        for test in guard.iter().flatten() {
            self.guard_expr(test, scope)?;
        }
        Ok(())
    }

    /// What `erl_lint`'s `gexpr` accepts: variables, literals, tuples,
    /// lists, arithmetic, boolean and comparison operators, guard BIFs.
    fn guard_expr(&self, expr: &Expr, scope: &Scope) -> Result<()> {
        let illegal = |what: &str| {
            self.error(
                expr.pos,
                1,
                "illegal guard expression".into(),
                Some(format!(
                    "{what} cannot appear in a guard; guards allow comparisons, arithmetic, `andalso`/`orelse` and tests such as is_integer(X)"
                )),
            )
        };
        match &expr.kind {
            ExprKind::Var(name) => self.use_var(name, expr.pos, scope),
            ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Nil => Ok(()),
            ExprKind::Tuple(elements) => {
                elements.iter().try_for_each(|e| self.guard_expr(e, scope))
            }
            ExprKind::Cons(..) => list_parts(expr)
                .into_iter()
                .try_for_each(|e| self.guard_expr(e, scope)),
            ExprKind::BinOp(BinOp::Append | BinOp::Subtract, ..) => Err(illegal("`++` and `--`")),
            ExprKind::BinOp(_, left, right) => {
                self.guard_expr(left, scope)?;
                self.guard_expr(right, scope)
            }
            ExprKind::UnOp(_, operand) => self.guard_expr(operand, scope),
            ExprKind::Call(callee, args) => {
                let name = match callee {
                    Callee::Local(name) => name,
                    Callee::Remote(module, name) if module == "erlang" => name,
                    Callee::Remote(module, name) => {
                        return Err(self.error(
                            expr.pos,
                            module.chars().count(),
                            format!("call to remote function {module}:{name}/{} is illegal in guard", args.len()),
                            Some("only BIFs such as is_integer/1 or element/2 may be called in a guard".into()),
                        ));
                    }
                    Callee::Fun(_) => return Err(illegal("a call of a fun")),
                };
                if !names::is_guard_bif(name, args.len()) {
                    return Err(self.error(
                        expr.pos,
                        name.chars().count(),
                        format!(
                            "call to local/imported function {name}/{} is illegal in guard",
                            args.len()
                        ),
                        Some(
                            "only BIFs such as is_integer/1 or element/2 may be called in a guard"
                                .into(),
                        ),
                    ));
                }
                args.iter().try_for_each(|arg| self.guard_expr(arg, scope))
            }
            ExprKind::Match(..) => Err(illegal("a match `=`")),
            ExprKind::Send(..) => Err(illegal("a send `!`")),
            ExprKind::Case(..)
            | ExprKind::If(_)
            | ExprKind::Receive { .. }
            | ExprKind::Try { .. }
            | ExprKind::Block(_) => Err(illegal("a block expression")),
            ExprKind::Catch(_) => Err(illegal("a `catch`")),
            ExprKind::Fun(_) | ExprKind::FunRef { .. } => Err(illegal("a fun")),
            ExprKind::Map(_) | ExprKind::MapUpdate(..) => self.guard_map(expr, scope),
            ExprKind::Binary(segments) => bits::parts(segments)
                .into_iter()
                .try_for_each(|e| self.guard_expr(e, scope)),
        }
    }
}

/// After a `case`/`if`/`receive`: variables new in every branch are bound,
/// those new in only some are unsafe (`erl_lint`'s `icrt_export`).
fn merge_branches(scope: &mut Scope, branches: Vec<Scope>, what: &'static str, pos: Pos) {
    let before = scope.bound.clone();
    let mut new_in_some: BTreeSet<String> = BTreeSet::new();
    for branch in &branches {
        new_in_some.extend(branch.bound.difference(&before).cloned());
    }
    for name in new_in_some {
        if branches.iter().all(|branch| branch.bound.contains(&name)) {
            scope.bind(&name);
        } else {
            scope.unsafe_vars.insert(name, (what, pos));
        }
    }
    // What a branch made unsafe stays unsafe after it.
    for branch in branches {
        for (name, at) in branch.unsafe_vars {
            if !scope.bound.contains(&name) {
                scope.unsafe_vars.entry(name).or_insert(at);
            }
        }
    }
}

/// The heads of a list expression and its final tail.
fn list_parts(mut expr: &Expr) -> Vec<&Expr> {
    let mut parts = Vec::new();
    while let ExprKind::Cons(head, tail) = &expr.kind {
        parts.push(&**head);
        expr = tail;
    }
    parts.push(expr);
    parts
}

fn for_each_var(pattern: &Pattern, f: &mut impl FnMut(&str)) {
    for_each_var_at(pattern, &mut |name, _| f(name));
}

fn for_each_var_at(pattern: &Pattern, f: &mut impl FnMut(&str, Pos)) {
    match &pattern.kind {
        PatternKind::Var(name) => f(name, pattern.pos),
        PatternKind::Tuple(elements) => elements.iter().for_each(|e| for_each_var_at(e, f)),
        PatternKind::Cons(head, tail) | PatternKind::Alias(head, tail) => {
            for_each_var_at(head, f);
            for_each_var_at(tail, f);
        }
        // A map key's variables are uses (see `map_keys`), not bindings.
        PatternKind::Map(fields) => fields.iter().for_each(|m| for_each_var_at(&m.value, f)),
        PatternKind::Binary(segments) => segments.iter().for_each(|s| for_each_var_at(&s.value, f)),
        PatternKind::Wildcard
        | PatternKind::Atom(_)
        | PatternKind::Int(_)
        | PatternKind::Float(_)
        | PatternKind::Str(_)
        | PatternKind::Nil => {}
    }
}
