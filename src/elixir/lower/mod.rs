//! The Elixir syntax tree to the Erlang front end's
//! ([`crate::erlang::ast`]), as `elixir_erl` compiles Elixir to Erlang's
//! abstract format: `defmodule Counter` is the module `'Elixir.Counter'`,
//! `def`/`defp` its functions (only `def`s exported), `case`/`receive`/
//! `try`/`fn` their Erlang namesakes, `if`/`cond`/`&&`/`!` a `case` on
//! Elixir's truthiness (only `false` and `nil` are falsy), `with` nested
//! `case`s, `|>` the call it writes, a string a binary.
//!
//! Elixir rebinds variables; Erlang does not. Every binding gets a fresh
//! Erlang name (`x` becomes `X@1`, then `X@2`), as elixir_erl does, and a
//! clause's bindings stay inside it.
//!
//! - `mod.rs`: modules (`defmodule`, `def`, attributes, `use`,
//!   `defstruct`, `alias`);
//! - `expr.rs`: expressions and the calls Kernel makes to Erlang;
//! - `pattern.rs`: patterns and guards;
//! - `using.rs`: what `use GenServer` and its kin define.

mod expr;
mod pattern;
mod using;

use super::ast::{Body, Kind, Node, Stab};
use crate::diagnostics::Diagnostic;
use crate::erlang::ast::{self, Attributes, Clause, Expr, Function, Pos};
use crate::erlang::syntax::error_at;
use std::collections::{BTreeMap, HashMap};

pub type Result<T> = std::result::Result<T, Diagnostic>;

/// What a module knows while its functions are lowered.
#[derive(Clone, Default)]
pub struct ModuleScope {
    /// `'Elixir.Counter'` without quotes; empty at the prompt.
    pub name: String,
    /// `alias MyApp.Counter`: `Counter` -> `Elixir.MyApp.Counter`.
    pub aliases: HashMap<String, String>,
    /// `@name value`, as written (lowered where read).
    pub attributes: HashMap<String, Node>,
    /// The module's own functions, by name and arity.
    pub locals: std::collections::HashSet<(String, usize)>,
    /// At the prompt, a call of an unknown local function stays a local
    /// call (the shell's own, `flush()`), instead of an error.
    pub shell: bool,
}

/// Lowers expressions: the module scope, the variables bound so far, and
/// the counter that makes fresh names.
pub struct Lowerer<'a> {
    source: &'a str,
    pub module: ModuleScope,
    /// Elixir name -> the Erlang variable it is now.
    pub vars: BTreeMap<String, String>,
    fresh: u32,
    /// Inside `&(...)`: the Erlang variables of `&1`, `&2`, ...
    capture: Option<Vec<String>>,
}

impl<'a> Lowerer<'a> {
    pub fn new(source: &'a str, module: ModuleScope) -> Lowerer<'a> {
        Lowerer {
            source,
            module,
            vars: BTreeMap::new(),
            fresh: 0,
            capture: None,
        }
    }

    pub(crate) fn error(&self, pos: Pos, message: impl Into<String>, hint: &str) -> Diagnostic {
        error_at(self.source, pos, 1, message, Some(hint.to_string()))
    }

    /// A fresh Erlang variable for the Elixir name `name`.
    fn fresh_var(&mut self, name: &str) -> String {
        self.fresh += 1;
        let mut chars = name.trim_start_matches('_').chars();
        let first: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        format!("{first}{}@{}", chars.as_str(), self.fresh)
    }

    /// The module an alias names: `Counter` (or what `alias` made it).
    fn alias_module(&self, segments: &[String]) -> String {
        if let Some(full) = self.module.aliases.get(&segments[0]) {
            let mut name = full.clone();
            for rest in &segments[1..] {
                name.push('.');
                name.push_str(rest);
            }
            return name;
        }
        format!("Elixir.{}", segments.join("."))
    }
}

/// A module lowered, with the position of its `defmodule`.
pub struct Lowered {
    pub module: ast::Module,
    pub pos: Pos,
}

/// Every `defmodule` of `nodes` (nested ones too, as modules of their
/// own), and the top-level expressions that are not modules.
pub fn modules(source: &str, nodes: Vec<Node>) -> Result<(Vec<Lowered>, Vec<Node>)> {
    let mut modules = Vec::new();
    let mut rest = Vec::new();
    for node in nodes {
        match defmodule_parts(source, &node)? {
            Some((ModuleName::Alias(alias), body)) => {
                let name = format!("Elixir.{}", alias.join("."));
                lower_module(source, &name, &HashMap::new(), body, node.pos, &mut modules)?;
            }
            Some((ModuleName::Atom(name), body)) => {
                lower_module(source, name, &HashMap::new(), body, node.pos, &mut modules)?;
            }
            None => rest.push(node),
        }
    }
    Ok((modules, rest))
}

/// What a `defmodule` names: an alias (`MyApp.Counter`, the module
/// `'Elixir.MyApp.Counter'`) or an atom (`:counter`, Erlang's way, which
/// `export NAME to FILE.ex` writes for a module named in Erlang).
enum ModuleName<'a> {
    Alias(&'a [String]),
    Atom(&'a str),
}

/// `defmodule Name do body end`: the name and the body; `None` for what
/// is not a `defmodule`, an error for one whose name is neither.
fn defmodule_parts<'a>(
    source: &str,
    node: &'a Node,
) -> Result<Option<(ModuleName<'a>, &'a [Node])>> {
    let Kind::Call {
        module: None,
        name,
        args,
        blocks,
    } = &node.kind
    else {
        return Ok(None);
    };
    if name != "defmodule" {
        return Ok(None);
    }
    let module = match args.as_slice() {
        [
            Node {
                kind: Kind::Alias(segments),
                ..
            },
        ] => ModuleName::Alias(segments),
        [
            Node {
                kind: Kind::Atom(atom),
                ..
            },
        ] => ModuleName::Atom(atom),
        [other, ..] => {
            return Err(error_at(
                source,
                other.pos,
                1,
                "a module's name is an alias or an atom",
                Some(
                    "write it capitalised, as `Counter` or `MyApp.Counter` (or `:counter`)".into(),
                ),
            ));
        }
        [] => {
            return Err(error_at(
                source,
                node.pos,
                "defmodule".len(),
                "defmodule needs a name",
                Some("write `defmodule Counter do ... end`".into()),
            ));
        }
    };
    Ok(Some(match blocks.first() {
        Some((_, Body::Exprs(body))) => (module, body.as_slice()),
        _ => (module, &[][..]),
    }))
}

/// One `def`/`defp` clause as written.
struct DefClause<'n> {
    name: String,
    public: bool,
    args: &'n [Node],
    guard: Option<&'n Node>,
    body: Vec<Node>,
    /// `rescue`/`catch`/`after` of an implicit `try`.
    handlers: Vec<(String, Body)>,
    /// `def f(a, b \\ 1)` with no body: it only declares defaults.
    head_only: bool,
    pos: Pos,
}

fn lower_module(
    source: &str,
    name: &str,
    outer_aliases: &HashMap<String, String>,
    body: &[Node],
    pos: Pos,
    out: &mut Vec<Lowered>,
) -> Result<()> {
    let mut scope = ModuleScope {
        name: name.to_string(),
        aliases: outer_aliases.clone(),
        ..Default::default()
    };
    let mut attributes = Attributes::default();
    let mut clauses: Vec<DefClause<'_>> = Vec::new();
    let mut uses: Vec<(String, Option<Node>, Pos)> = Vec::new();
    let mut fields: Option<Vec<(String, Node)>> = None;
    let probe = Lowerer::new(source, ModuleScope::default());
    for item in body {
        match defmodule_parts(source, item)? {
            Some((ModuleName::Alias(segments), inner)) => {
                let inner_name = format!("{name}.{}", segments.join("."));
                // Inside Outer, `Inner` names Outer.Inner.
                scope
                    .aliases
                    .insert(segments[0].clone(), format!("{name}.{}", segments[0]));
                lower_module(source, &inner_name, &scope.aliases, inner, item.pos, out)?;
                continue;
            }
            // An atom names the module itself, wherever it is nested.
            Some((ModuleName::Atom(inner_name), inner)) => {
                lower_module(source, inner_name, &scope.aliases, inner, item.pos, out)?;
                continue;
            }
            None => {}
        }
        match &item.kind {
            Kind::AttrSet(attr, value) => match attr.as_str() {
                "impl" | "doc" | "moduledoc" | "spec" | "type" | "typep" | "opaque"
                | "callback" | "since" | "deprecated" | "typedoc" | "dialyzer" | "compile" => {}
                "behaviour" => {
                    if let Kind::Alias(segments) = &value.kind {
                        let module = Lowerer::new(source, scope.clone()).alias_module(segments);
                        attributes.kept.push(format!("-behaviour('{module}')."));
                    }
                }
                _ => {
                    scope.attributes.insert(attr.clone(), (**value).clone());
                }
            },
            Kind::Call {
                module: None,
                name: call,
                args,
                blocks,
            } => match call.as_str() {
                "def" | "defp" => {
                    clauses.push(def_clause(&probe, call == "def", args, blocks, item.pos)?)
                }
                "alias" | "require" | "import" => {
                    if call == "alias" {
                        add_alias(&probe, &mut scope, args, item.pos)?;
                    }
                }
                "use" => {
                    let Some(Node {
                        kind: Kind::Alias(segments),
                        ..
                    }) = args.first()
                    else {
                        return Err(probe.error(
                            item.pos,
                            "expected a module after `use`",
                            "use GenServer",
                        ));
                    };
                    uses.push((segments.join("."), args.get(1).cloned(), item.pos));
                }
                "defstruct" => fields = Some(struct_fields(&probe, args, item.pos)?),
                _ => {
                    return Err(probe.error(
                        item.pos,
                        format!("`{call}` cannot stand in a module's body"),
                        "a module holds def, defp, defstruct, alias, use and @attributes",
                    ));
                }
            },
            _ => {
                return Err(probe.error(
                    item.pos,
                    "this cannot stand in a module's body",
                    "a module holds def, defp, defstruct, alias, use and @attributes",
                ));
            }
        }
    }
    // Every arity a function can be called with, defaults included, is
    // known before any body is lowered (a call may come before the def).
    for clause in &clauses {
        let defaults = clause.args.iter().filter(|a| is_default(a)).count();
        for arity in clause.args.len() - defaults..=clause.args.len() {
            scope.locals.insert((clause.name.clone(), arity));
        }
    }
    let mut functions: Vec<Function> = Vec::new();
    let mut exports: Vec<(String, usize, Pos)> = Vec::new();
    let export = |name: &str, arity: usize, pos: Pos, exports: &mut Vec<(String, usize, Pos)>| {
        if !exports.iter().any(|(n, a, _)| n == name && *a == arity) {
            exports.push((name.to_string(), arity, pos));
        }
    };
    for clause in &clauses {
        let arity = clause.args.len();
        if clause.public {
            export(&clause.name, arity, clause.pos, &mut exports);
        }
        if !clause.head_only {
            let mut lowerer = Lowerer::new(source, scope.clone());
            let lowered = lowerer.def_clause(clause)?;
            add_clause(&mut functions, &clause.name, arity, lowered, clause.pos);
        }
        // `def f(a, b \\ 1)` also defines f/1, calling f(a, 1).
        let defaults = clause.args.iter().filter(|a| is_default(a)).count();
        for missing in 1..=defaults {
            let lower_arity = arity - missing;
            if functions
                .iter()
                .any(|f| f.name == clause.name && f.arity == lower_arity)
            {
                continue;
            }
            let mut lowerer = Lowerer::new(source, scope.clone());
            let forward = lowerer.default_forward(clause, missing)?;
            if clause.public {
                export(&clause.name, lower_arity, clause.pos, &mut exports);
            }
            add_clause(
                &mut functions,
                &clause.name,
                lower_arity,
                forward,
                clause.pos,
            );
        }
    }
    if let Some(fields) = fields {
        // What `__info__(:struct)` tells Elixir's inspect: the order.
        attributes.struct_fields = Some(fields.iter().map(|(name, _)| name.clone()).collect());
        let lowerer = Lowerer::new(source, scope.clone());
        for function in lowerer.struct_functions(&fields, pos)? {
            export(&function.name, function.arity, pos, &mut exports);
            functions.push(function);
        }
    }
    for (used, options, at) in &uses {
        let added = using::defaults(source, &scope, used, options.as_ref(), &functions, *at)?;
        if let Some(behaviour) = using::behaviour(used) {
            attributes.kept.push(format!("-behaviour('{behaviour}')."));
        }
        for function in added {
            export(&function.name, function.arity, *at, &mut exports);
            functions.push(function);
        }
    }
    attributes.exports = Some(exports);
    out.push(Lowered {
        module: ast::Module {
            name: name.to_string(),
            functions,
            source: source.to_string(),
            attributes,
        },
        pos,
    });
    Ok(())
}

fn add_clause(functions: &mut Vec<Function>, name: &str, arity: usize, clause: Clause, pos: Pos) {
    match functions
        .iter_mut()
        .find(|f| f.name == name && f.arity == arity)
    {
        Some(function) => function.clauses.push(clause),
        None => functions.push(Function {
            name: name.to_string(),
            arity,
            clauses: vec![clause],
            pos,
        }),
    }
}

fn is_default(node: &Node) -> bool {
    matches!(node.kind, Kind::Op("\\\\", _, _))
}

/// `alias MyApp.Counter` (or `alias MyApp.Counter, as: C`).
fn add_alias(probe: &Lowerer<'_>, scope: &mut ModuleScope, args: &[Node], pos: Pos) -> Result<()> {
    let Some(Node {
        kind: Kind::Alias(segments),
        ..
    }) = args.first()
    else {
        return Err(probe.error(
            pos,
            "expected a module after `alias`",
            "alias MyApp.Counter",
        ));
    };
    let full = Lowerer::new(probe.source, scope.clone()).alias_module(segments);
    let mut short = segments.last().cloned().unwrap_or_default();
    if let Some(Node {
        kind: Kind::List(options, None),
        ..
    }) = args.get(1)
    {
        for option in options {
            if let Kind::Tuple(pair) = &option.kind
                && let [key, value] = pair.as_slice()
                && key.kind == Kind::Atom("as".into())
                && let Kind::Alias(name) = &value.kind
            {
                short = name.join(".");
            }
        }
    }
    scope.aliases.insert(short, full);
    Ok(())
}

/// `defstruct [:a, b: 1]` or `defstruct a: 1`: each field and its default.
fn struct_fields(probe: &Lowerer<'_>, args: &[Node], pos: Pos) -> Result<Vec<(String, Node)>> {
    let Some(Node {
        kind: Kind::List(items, None),
        ..
    }) = args.first()
    else {
        return Err(probe.error(
            pos,
            "expected the struct's fields",
            "defstruct [:name, count: 0]",
        ));
    };
    let mut fields = Vec::new();
    for item in items {
        match &item.kind {
            Kind::Atom(name) => {
                fields.push((name.clone(), Node::new(Kind::Atom("nil".into()), item.pos)))
            }
            Kind::Tuple(pair) if pair.len() == 2 => match &pair[0].kind {
                Kind::Atom(name) => fields.push((name.clone(), pair[1].clone())),
                _ => {
                    return Err(probe.error(
                        item.pos,
                        "a field's name is an atom",
                        "defstruct [:name, count: 0]",
                    ));
                }
            },
            _ => {
                return Err(probe.error(
                    item.pos,
                    "a field is :name or name: default",
                    "defstruct [:name, count: 0]",
                ));
            }
        }
    }
    Ok(fields)
}

/// A `def`'s head, guard and body, from the ways Elixir writes one.
fn def_clause<'n>(
    probe: &Lowerer<'_>,
    public: bool,
    args: &'n [Node],
    blocks: &'n [(String, Body)],
    pos: Pos,
) -> Result<DefClause<'n>> {
    let hint = "def name(args) do ... end, or def name(args), do: ...";
    let (head, keywords) = match args {
        [head] => (head, None),
        [head, keywords] => (head, Some(keywords)),
        _ => return Err(probe.error(pos, "expected a function head after `def`", hint)),
    };
    let (call, guard) = match &head.kind {
        Kind::Op("when", call, guard) => (&**call, Some(&**guard)),
        _ => (head, None),
    };
    let (name, call_args): (String, &[Node]) = match &call.kind {
        Kind::Call {
            module: None,
            name,
            args,
            blocks,
        } if blocks.is_empty() => (name.clone(), args),
        Kind::Var(name) => (name.clone(), &[]),
        _ => return Err(probe.error(call.pos, "expected a function head", hint)),
    };
    let mut body = Vec::new();
    let mut handlers = Vec::new();
    match (blocks, keywords) {
        (
            [],
            Some(Node {
                kind: Kind::List(items, None),
                ..
            }),
        ) => {
            for item in items {
                if let Kind::Tuple(pair) = &item.kind
                    && let [key, value] = pair.as_slice()
                    && key.kind == Kind::Atom("do".into())
                {
                    body.push(value.clone());
                }
            }
        }
        (blocks, None) if !blocks.is_empty() => {
            for (kw, block) in blocks {
                match (kw.as_str(), block) {
                    ("do", Body::Exprs(exprs)) => body = exprs.clone(),
                    ("do", Body::Clauses(_)) => {
                        return Err(probe.error(
                            pos,
                            "a function's body has no `->` clauses",
                            hint,
                        ));
                    }
                    _ => handlers.push((kw.clone(), block.clone())),
                }
            }
        }
        ([], None) if call_args.iter().any(is_default) => {
            return Ok(DefClause {
                name,
                public,
                args: call_args,
                guard,
                body,
                handlers,
                head_only: true,
                pos,
            });
        }
        _ => return Err(probe.error(pos, "expected the function's body", hint)),
    }
    Ok(DefClause {
        name,
        public,
        args: call_args,
        guard,
        body,
        handlers,
        head_only: false,
        pos,
    })
}

impl Lowerer<'_> {
    /// One clause of a function: its patterns, guard and body.
    fn def_clause(&mut self, clause: &DefClause<'_>) -> Result<Clause> {
        let mut bound = HashMap::new();
        let mut patterns = Vec::new();
        for arg in clause.args {
            let arg = match &arg.kind {
                Kind::Op("\\\\", pattern, _) => &**pattern,
                _ => arg,
            };
            patterns.push(self.pattern(arg, &mut bound)?);
        }
        self.bind(bound);
        let guard = match clause.guard {
            Some(guard) => self.guard(guard)?,
            None => Vec::new(),
        };
        let body = if clause.handlers.is_empty() {
            self.body(&clause.body, clause.pos)?
        } else {
            let mut blocks = vec![("do".to_string(), Body::Exprs(clause.body.clone()))];
            blocks.extend(clause.handlers.iter().cloned());
            vec![self.try_expr(&blocks, clause.pos)?]
        };
        Ok(Clause {
            patterns,
            guard,
            body,
            pos: clause.pos,
        })
    }

    /// `f/1` for `def f(a, b \\ 1)`: calls `f(a, 1)`.
    fn default_forward(&mut self, clause: &DefClause<'_>, missing: usize) -> Result<Clause> {
        let defaults: Vec<usize> = clause
            .args
            .iter()
            .enumerate()
            .filter(|(_, a)| is_default(a))
            .map(|(i, _)| i)
            .collect();
        // The last `missing` defaults are filled in.
        let filled = &defaults[defaults.len() - missing..];
        let mut patterns = Vec::new();
        let mut args = Vec::new();
        for (i, arg) in clause.args.iter().enumerate() {
            if filled.contains(&i) {
                let Kind::Op(_, _, default) = &arg.kind else {
                    continue;
                };
                args.push(self.expr(default)?);
            } else {
                let var = self.fresh_var("arg");
                patterns.push(ast::Pattern {
                    kind: ast::PatternKind::Var(var.clone()),
                    pos: arg.pos,
                });
                args.push(Expr {
                    kind: ast::ExprKind::Var(var),
                    pos: arg.pos,
                });
            }
        }
        Ok(Clause {
            patterns,
            guard: Vec::new(),
            body: vec![Expr {
                kind: ast::ExprKind::Call(ast::Callee::Local(clause.name.clone()), args),
                pos: clause.pos,
            }],
            pos: clause.pos,
        })
    }

    /// A body: expressions in order, each seeing what the ones before
    /// bound. Never empty (an empty body is `nil`).
    pub fn body(&mut self, nodes: &[Node], pos: Pos) -> Result<Vec<Expr>> {
        let mut exprs = Vec::new();
        for node in nodes {
            exprs.push(self.expr(node)?);
        }
        if exprs.is_empty() {
            exprs.push(Expr {
                kind: ast::ExprKind::Atom("nil".into()),
                pos,
            });
        }
        Ok(exprs)
    }

    /// A clause's body in a scope of its own: what it binds stays in it.
    fn scoped<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let saved = self.vars.clone();
        let result = f(self);
        self.vars = saved;
        result
    }

    /// A `->` clause (of `case`, `receive`, `fn`, ...), in its own scope.
    fn stab(&mut self, stab: &Stab) -> Result<Clause> {
        self.scoped(|this| {
            let mut bound = HashMap::new();
            let mut patterns = Vec::new();
            for arg in &stab.args {
                patterns.push(this.pattern(arg, &mut bound)?);
            }
            this.bind(bound);
            let guard = match &stab.guard {
                Some(guard) => this.guard(guard)?,
                None => Vec::new(),
            };
            let body = this.body(&stab.body, stab.pos)?;
            Ok(Clause {
                patterns,
                guard,
                body,
                pos: stab.pos,
            })
        })
    }
}
