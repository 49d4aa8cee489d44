//! A definition's syntax tree as an Elixir module (`export NAME to
//! FILE.ex`), laid out as `mix format` (Elixir 1.14) lays it out: 2-space
//! indentation, a width of 98, `do ... end` blocks, a blank line around
//! every expression of a block that spans several lines, and `pat -> body`
//! clauses on one line each when every clause of the group fits (else each
//! breaks after `->`, a blank line between them).
//!
//! The module keeps its Erlang name (`defmodule :counter do`): Erlang
//! code names modules by atoms that are values too (`spawn(counter, loop,
//! [])`, `?MODULE`, child specs, a message `{counter, N}`), so renaming
//! `counter` to `Counter` would change what a program does wherever an atom
//! is both; `:counter.start(0)` is the same call from Elixir and Erlang, and
//! exported supervisors and Erlang modules keep working beside it. A module
//! the Elixir front end defined is already `'Elixir.Counter'`, written
//! `Counter`.
//!
//! Blocks are rendered to lines at their indentation (their width is what
//! is left of 98), so that whether an expression spans several lines —
//! which decides the formatter's blank lines — is known when the block is
//! laid out.

use super::doc::*;
use crate::erlang::ast::*;
use crate::erlang::bitsyntax::Spec;
use std::collections::{BTreeSet, HashMap};

/// `mix format`'s default `line_length`.
pub const WIDTH: usize = 98;
const INDENT: usize = 2;

/// The Elixir module for a definition, or why it cannot be one.
pub fn module(module: &Module) -> Result<String, String> {
    let module = super::tidy::tidy(module);
    let mut writer = Writer::new(&module)?;
    let mut out = format!("defmodule {} do\n", alias_or_atom(&module.name));
    let mut header = Vec::new();
    for kept in &module.attributes.kept {
        let behaviour = kept
            .strip_prefix("-behaviour(")
            .or_else(|| kept.strip_prefix("-behavior("))
            .and_then(|rest| rest.strip_suffix(")."));
        if let Some(name) = behaviour {
            header.push(format!("@behaviour {}", alias_or_atom(name.trim())));
        }
    }
    if !writer.kernel_except.is_empty() {
        let except: Vec<String> = writer
            .kernel_except
            .iter()
            .map(|(n, a)| format!("{n}: {a}"))
            .collect();
        header.push(format!("import Kernel, except: [{}]", except.join(", ")));
    }
    let exported: Option<BTreeSet<(String, usize)>> =
        module.attributes.exports.as_ref().map(|exports| {
            exports
                .iter()
                .map(|(n, a, _)| (n.clone(), *a))
                .collect::<BTreeSet<_>>()
        });
    let mut functions = String::new();
    for (i, function) in module.functions.iter().enumerate() {
        if i > 0 {
            functions.push('\n');
        }
        let public = exported
            .as_ref()
            .is_none_or(|e| e.contains(&(function.name.clone(), function.arity)));
        let keyword = if public { "def" } else { "defp" };
        for (j, clause) in function.clauses.iter().enumerate() {
            if j > 0 {
                functions.push('\n');
            }
            for line in writer.function_clause(keyword, &function.name, clause) {
                push_line(&mut functions, INDENT, &line);
            }
        }
    }
    for line in &header {
        out.push_str(&format!("  {line}\n"));
    }
    if let Some(name) = &writer.record_guard {
        if !header.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "  # Erlang's is_record/3: a tuple of `size` elements, `tag` first.\n  \
             defguardp {name}(value, tag, size)\n            \
             when {}(value) and {}(value) == size and {}(value, 0) == tag\n",
            writer.kernel("is_tuple", 1),
            writer.kernel("tuple_size", 1),
            writer.kernel("elem", 2),
        ));
    }
    if !functions.is_empty() && (!header.is_empty() || writer.record_guard.is_some()) {
        out.push('\n');
    }
    out.push_str(&functions);
    out.push_str("end\n");
    match writer.problems.first() {
        Some(problem) => Err(problem.clone()),
        None => Ok(out),
    }
}

/// An Erlang term, as the session writes a child's arguments (`{a, 1}`),
/// in Elixir (`{:a, 1}`); `None` if it does not parse.
pub fn term(erlang: &str) -> Option<String> {
    let exprs = crate::erlang::syntax::parse_exprs(erlang).ok()?;
    let [only] = exprs.as_slice() else {
        return None;
    };
    let empty = Module {
        name: String::new(),
        functions: Vec::new(),
        source: String::new(),
        attributes: Attributes::default(),
    };
    let mut writer = Writer::new(&empty).ok()?;
    let (text, _) = render(&writer.expr(only, 0, 0), usize::MAX);
    Some(text)
}

fn push_line(out: &mut String, indent: usize, line: &str) {
    if !line.is_empty() {
        out.push_str(&" ".repeat(indent));
        out.push_str(line);
    }
    out.push('\n');
}

/// Kernel's functions and macros a module's own function of the same
/// name and arity would clash with (`import Kernel, except: [...]`).
const KERNEL: &[(&str, usize)] = &[
    ("abs", 1),
    ("apply", 2),
    ("apply", 3),
    ("binary_part", 3),
    ("binary_slice", 2),
    ("binary_slice", 3),
    ("bit_size", 1),
    ("byte_size", 1),
    ("ceil", 1),
    ("div", 2),
    ("elem", 2),
    ("exit", 1),
    ("floor", 1),
    ("get_in", 2),
    ("hd", 1),
    ("inspect", 1),
    ("inspect", 2),
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
    ("is_nil", 1),
    ("is_number", 1),
    ("is_pid", 1),
    ("is_port", 1),
    ("is_reference", 1),
    ("is_tuple", 1),
    ("length", 1),
    ("make_ref", 0),
    ("map_size", 1),
    ("max", 2),
    ("min", 2),
    ("node", 0),
    ("node", 1),
    ("put_elem", 3),
    ("put_in", 2),
    ("put_in", 3),
    ("raise", 1),
    ("raise", 2),
    ("rem", 2),
    ("round", 1),
    ("self", 0),
    ("send", 2),
    ("spawn", 1),
    ("spawn", 3),
    ("spawn_link", 1),
    ("spawn_link", 3),
    ("spawn_monitor", 1),
    ("spawn_monitor", 3),
    ("struct", 1),
    ("struct", 2),
    ("tap", 2),
    ("then", 2),
    ("throw", 1),
    ("tl", 1),
    ("to_charlist", 1),
    ("to_string", 1),
    ("trunc", 1),
    ("tuple_size", 1),
    ("update_in", 2),
    ("update_in", 3),
];

/// Names Elixir reads as something else than a variable or a function.
const RESERVED: &[&str] = &[
    "true", "false", "nil", "when", "and", "or", "not", "in", "fn", "do", "end", "catch", "rescue",
    "after", "else",
];

/// Special forms: a function of one of these names cannot be defined.
const SPECIAL_FORMS: &[&str] = &[
    "case",
    "cond",
    "receive",
    "try",
    "for",
    "with",
    "quote",
    "unquote",
    "import",
    "require",
    "alias",
    "super",
    "import",
    "if",
    "unless",
    "def",
    "defp",
    "defmodule",
    "defmacro",
    "use",
];

/// The Erlang BIFs Kernel has under the same name and arguments.
const KERNEL_BIFS: &[(&str, usize)] = &[
    ("self", 0),
    ("spawn", 1),
    ("spawn", 3),
    ("spawn_link", 1),
    ("spawn_link", 3),
    ("spawn_monitor", 1),
    ("spawn_monitor", 3),
    ("exit", 1),
    ("throw", 1),
    ("hd", 1),
    ("tl", 1),
    ("length", 1),
    ("abs", 1),
    ("round", 1),
    ("trunc", 1),
    ("tuple_size", 1),
    ("byte_size", 1),
    ("bit_size", 1),
    ("map_size", 1),
    ("max", 2),
    ("min", 2),
    ("node", 0),
    ("node", 1),
    ("make_ref", 0),
    ("apply", 2),
    ("apply", 3),
    ("binary_part", 3),
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
    ("is_number", 1),
    ("is_pid", 1),
    ("is_port", 1),
    ("is_reference", 1),
    ("is_tuple", 1),
];

struct Writer {
    /// The module's functions, by name and arity: a local call to one is
    /// its own, not a BIF's.
    locals: BTreeSet<(String, usize)>,
    imports: HashMap<(String, usize), String>,
    /// Kernel's functions the module defines itself.
    kernel_except: Vec<(String, usize)>,
    /// Erlang variable -> Elixir name, one per variable of the module.
    names: HashMap<String, String>,
    taken: BTreeSet<String>,
    /// The Erlang variables bound where the expression being written is.
    bound: BTreeSet<String>,
    /// What Elixir cannot say, found on the way.
    problems: Vec<String>,
    /// Writing a guard (where Elixir allows fewer expressions).
    in_guard: bool,
    /// The name of the module's `defguardp` for Erlang's `is_record/3`,
    /// once a call needs it.
    record_guard: Option<String>,
}

impl Writer {
    fn new(module: &Module) -> Result<Writer, String> {
        let mut locals = BTreeSet::new();
        let mut kernel_except = Vec::new();
        for function in &module.functions {
            let name = &function.name;
            if !is_identifier(name) || RESERVED.contains(&name.as_str()) {
                return Err(format!(
                    "`{name}/{}` cannot be an Elixir function's name",
                    function.arity
                ));
            }
            if SPECIAL_FORMS.contains(&name.as_str()) {
                return Err(format!(
                    "`{name}/{}` is one of Elixir's special forms: rename it",
                    function.arity
                ));
            }
            if KERNEL.contains(&(name.as_str(), function.arity)) {
                kernel_except.push((name.clone(), function.arity));
            }
            locals.insert((name.clone(), function.arity));
        }
        let imports = module
            .attributes
            .imports
            .iter()
            .map(|(from, name, arity)| ((name.clone(), *arity), from.clone()))
            .collect();
        Ok(Writer {
            locals,
            imports,
            kernel_except,
            names: HashMap::new(),
            taken: ["stacktrace", "caught"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            bound: BTreeSet::new(),
            problems: Vec::new(),
            in_guard: false,
            record_guard: None,
        })
    }

    /// The Elixir name of an Erlang variable: snake_case, unique in the
    /// module, never a reserved word.
    fn var(&mut self, erlang: &str) -> String {
        if let Some(name) = self.names.get(erlang) {
            return name.clone();
        }
        let mut base = snake_case(erlang);
        if RESERVED.contains(&base.trim_start_matches('_'))
            || base.trim_start_matches('_').is_empty()
        {
            base.push('_');
        }
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        self.names.insert(erlang.to_owned(), name.clone());
        name
    }

    /// A fresh name no Erlang variable has.
    fn fresh(&mut self, base: &str) -> String {
        let mut name = base.to_owned();
        let mut n = 2;
        while self.names.values().any(|v| *v == name) {
            name = format!("{base}{n}");
            n += 1;
        }
        name
    }

    /// The module's guard for `is_record/3`: `is_record`, unless the
    /// module has a function of that name and arity.
    fn record_guard(&mut self) -> String {
        if let Some(name) = &self.record_guard {
            return name.clone();
        }
        let mut name = "is_record".to_owned();
        while self.locals.contains(&(name.clone(), 3)) {
            name.push('_');
        }
        self.record_guard = Some(name.clone());
        name
    }

    fn kernel(&self, name: &str, arity: usize) -> String {
        if self.locals.contains(&(name.to_owned(), arity)) {
            format!("Kernel.{name}")
        } else {
            name.to_owned()
        }
    }

    fn function_clause(&mut self, keyword: &str, name: &str, clause: &Clause) -> Vec<String> {
        self.bound.clear();
        let patterns: Vec<Doc> = clause.patterns.iter().map(|p| self.pattern(p)).collect();
        for p in &clause.patterns {
            self.bind(p);
        }
        let call = concat([text(format!("{keyword} {name}")), args(patterns)]);
        let guard = self.guard_tests(&clause.guard);
        let body = self.block(&clause.body, INDENT * 2);
        let room = WIDTH - INDENT;
        let mut lines = match guard {
            None => render_lines(&concat([call, text(" do")]), room),
            Some(guard) => {
                let one_line = concat([call.clone(), text(" when "), guard.clone(), text(" do")]);
                if one_line.flat_width().is_some_and(|w| w <= room) {
                    render_lines(&one_line, room)
                } else {
                    // The formatter's layout of a head too long for its
                    // line: `when` on the next, 4 past `def`, the guard's
                    // operators breaking 2 past where the guard starts.
                    let mut lines = render_lines(&call, room);
                    lines.extend(render_lines(
                        &concat([text("    when "), nest(9, guard), text(" do")]),
                        room,
                    ));
                    lines
                }
            }
        };
        lines.extend(body.into_iter().map(|l| indent_line(&l, INDENT)));
        lines.push("end".to_owned());
        lines
    }

    /// ` when guard` of a clause head, or nothing.
    fn guard(&mut self, guard: &Guard) -> Doc {
        match self.guard_tests(guard) {
            Some(tests) => concat([text(" when "), tests]),
            None => concat([]),
        }
    }

    /// A guard's alternatives joined with `when`, each one's tests with
    /// `and`; `None` for no guard.
    fn guard_tests(&mut self, guard: &Guard) -> Option<Doc> {
        if guard.is_empty() {
            return None;
        }
        self.in_guard = true;
        let alternatives: Vec<Doc> = guard
            .iter()
            .map(|tests| {
                let tests: Vec<Doc> = tests.iter().map(|t| self.expr(t, 151, 0)).collect();
                chain(tests, "and")
            })
            .collect();
        self.in_guard = false;
        // Erlang's `;` is Elixir's second `when`, not `or`: a test that
        // raises fails its alternative only, and the next one is tried.
        Some(chain(alternatives, "when"))
    }

    fn bind(&mut self, p: &Pattern) {
        let mut vars = Vec::new();
        pattern_vars(p, &mut vars);
        self.bound.extend(vars);
    }

    /// A body: its expressions at `indent`, as lines relative to it, a
    /// blank line around any that spans several.
    fn block(&mut self, body: &[Expr], indent: usize) -> Vec<String> {
        let items = self.block_items(body, indent);
        join_block(items)
    }

    /// Each expression of a body, rendered at `indent`.
    fn block_items(&mut self, body: &[Expr], indent: usize) -> Vec<Vec<String>> {
        let mut flat: Vec<&Expr> = Vec::new();
        for e in body {
            match &e.kind {
                ExprKind::Block(inner) => flat.extend(inner.iter()),
                _ => flat.push(e),
            }
        }
        flat.iter()
            .map(|e| {
                let doc = self.statement(e, indent);
                render_lines(&doc, WIDTH.saturating_sub(indent))
            })
            .collect()
    }

    /// An expression of a block: `x = case ...` breaks after `=`.
    fn statement(&mut self, e: &Expr, indent: usize) -> Doc {
        self.expr(e, 0, indent)
    }

    fn bind_match(&mut self, e: &Expr) {
        if let ExprKind::Match(p, _) = &e.kind {
            self.bind(p);
        }
    }

    /// `e` at absolute indentation `indent` (for the width of the blocks
    /// inside it), in parentheses if it binds less tightly than `min`.
    fn expr(&mut self, e: &Expr, min: u16, indent: usize) -> Doc {
        let (doc, precedence) = self.bare(e, indent);
        if precedence < min {
            concat([text("("), doc, text(")")])
        } else {
            doc
        }
    }

    fn bare(&mut self, e: &Expr, indent: usize) -> (Doc, u16) {
        const TOP: u16 = 1000;
        let doc = match &e.kind {
            ExprKind::Var(v) => text(self.var(v)),
            ExprKind::Atom(a) => text(atom(a)),
            ExprKind::Int(n) => text(integer(&n.to_string())),
            ExprKind::Float(x) => text(float(*x)),
            ExprKind::Str(s) => text(charlist(s)),
            ExprKind::Nil => text("[]"),
            ExprKind::Tuple(items) => {
                let items = items.iter().map(|e| self.expr(e, 0, indent)).collect();
                bracketed("{", items, "}")
            }
            ExprKind::Cons(..) => {
                let (items, tail) = super::erlang::list_items(e);
                let items = items.iter().map(|e| self.expr(e, 0, indent)).collect();
                let tail = tail.map(|t| self.expr(t, 0, indent));
                list(items, tail)
            }
            ExprKind::Match(p, value_expr) => {
                let value = if is_do_block(value_expr) {
                    self.expr(value_expr, 100, indent + INDENT)
                } else {
                    self.expr(value_expr, 100, indent)
                };
                let p = self.pattern(p);
                self.bind_match(e);
                return (match_layout(p, value, value_expr), 100);
            }
            ExprKind::Send(to, message) => {
                let to = self.expr(to, 0, indent);
                let message = self.expr(message, 0, indent);
                call(&self.kernel("send", 2), vec![to, message])
            }
            ExprKind::BinOp(op, left, right) => return self.binop(*op, left, right, indent),
            ExprKind::UnOp(op, operand) => {
                let inner = self.expr(operand, 300, indent);
                let signed = matches!(operand.kind, ExprKind::UnOp(..))
                    || matches!(&operand.kind, ExprKind::Int(n) if n.compare(&crate::runtime::Term::int(0)).is_lt())
                    || matches!(operand.kind, ExprKind::Float(x) if x.is_sign_negative());
                let doc = match op {
                    UnOp::Not => concat([text("not "), inner]),
                    UnOp::Bnot => call(":erlang.bnot", vec![inner]),
                    UnOp::Neg if signed => concat([text("-("), inner, text(")")]),
                    UnOp::Plus if signed => concat([text("+("), inner, text(")")]),
                    UnOp::Neg => concat([text("-"), inner]),
                    UnOp::Plus => concat([text("+"), inner]),
                };
                return (doc, 300);
            }
            ExprKind::Call(callee, arguments) => self.call(callee, arguments, indent),
            ExprKind::Case(subject, arms) => {
                // A subject that is itself a `do` block is in parentheses,
                // its lines aligned after `case (`, as the formatter puts them.
                let subject = if is_do_block(subject) {
                    let inner = self.expr(subject, 0, indent + 6);
                    concat([text("("), nest(6, inner), text(")")])
                } else {
                    self.expr(subject, 0, indent)
                };
                let arms = self.case_clauses(arms, indent + INDENT);
                let mut out = vec![text("case "), subject, text(" do")];
                out.extend(arms.into_iter().map(|l| line_at(&l, INDENT)));
                out.push(Doc::HardLine);
                out.push(text("end"));
                concat(out)
            }
            // Erlang's `if` is guards: a test that raises or is not a
            // boolean fails its clause. `cond` says that only for tests that
            // are booleans and cannot raise; others are guards of a `case`.
            ExprKind::If(arms)
                if !arms
                    .iter()
                    .all(|arm| arm.guard.iter().flatten().all(is_boolean_test)) =>
            {
                let saved = self.bound.clone();
                let mut clauses = Vec::new();
                for arm in arms {
                    let head = if if_is_total(std::slice::from_ref(arm)) {
                        text("_")
                    } else {
                        concat([text("_"), self.guard(&arm.guard)])
                    };
                    let body = self.block(&arm.body, indent + INDENT * 2);
                    clauses.push((render_lines(&head, WIDTH - indent - INDENT), body));
                    self.bound = saved.clone();
                }
                let fallback = (!if_is_total(arms)).then_some("_");
                if_block("case :if do", clauses, fallback, indent)
            }
            ExprKind::If(arms) => {
                let saved = self.bound.clone();
                let mut clauses = Vec::new();
                for arm in arms {
                    let head = self.guard_expr(&arm.guard, indent + INDENT);
                    let body = self.block(&arm.body, indent + INDENT * 2);
                    clauses.push((render_lines(&head, WIDTH - indent - INDENT), body));
                    self.bound = saved.clone();
                }
                let fallback = (!if_is_total(arms)).then_some("true");
                if_block("cond do", clauses, fallback, indent)
            }
            ExprKind::Receive {
                clauses: arms,
                after,
            } => {
                let mut out = vec![text("receive do")];
                let arms = self.case_clauses(arms, indent + INDENT);
                out.extend(arms.into_iter().map(|l| line_at(&l, INDENT)));
                if let Some((timeout, body)) = after {
                    out.push(Doc::HardLine);
                    out.push(text("after"));
                    let saved = self.bound.clone();
                    let head = self.expr(timeout, 0, indent + INDENT);
                    let body = self.block(body, indent + INDENT * 2);
                    self.bound = saved;
                    let lines = layout_clauses(
                        vec![(render_lines(&head, WIDTH - indent - INDENT), body)],
                        WIDTH - indent - INDENT,
                    );
                    out.extend(lines.into_iter().map(|l| line_at(&l, INDENT)));
                }
                out.push(Doc::HardLine);
                out.push(text("end"));
                concat(out)
            }
            ExprKind::Fun(clauses) => self.fun(clauses, indent),
            // `&f/1` as an operand is in parentheses: `(&f/1) === (&f/1)`.
            ExprKind::FunRef {
                module,
                name,
                arity,
            } => {
                return (
                    match module {
                        Some(m) => text(format!(
                            "&{}.{}/{arity}",
                            alias_or_atom(m),
                            function_name(name)
                        )),
                        None => text(format!("&{}/{arity}", function_name(name))),
                    },
                    100,
                );
            }
            ExprKind::Map(fields) => {
                let fields = self.map_fields(fields, indent);
                bracketed("%{", fields, "}")
            }
            ExprKind::MapUpdate(base, fields) => self.map_update(base, fields, indent),
            ExprKind::Block(body) => {
                let lines = self.block(body, indent + INDENT);
                let mut out = vec![text("(")];
                out.extend(lines.iter().map(|l| line_at(l, INDENT)));
                out.push(Doc::HardLine);
                out.push(text(")"));
                concat(out)
            }
            ExprKind::Binary(segments) => self.binary(segments, indent),
            ExprKind::Catch(caught) => self.catch(caught, indent),
            ExprKind::Try {
                body,
                of,
                catches,
                after,
            } => self.try_(body, of.as_deref(), catches, after, indent),
        };
        (doc, TOP)
    }

    fn binop(&mut self, op: BinOp, left: &Expr, right: &Expr, indent: usize) -> (Doc, u16) {
        use BinOp::*;
        let (name, p, right_assoc) = match op {
            OrElse => ("or", 140, false),
            AndAlso => ("and", 150, false),
            Eq => ("==", 160, false),
            Ne => ("!=", 160, false),
            ExactEq => ("===", 160, false),
            ExactNe => ("!==", 160, false),
            Lt => ("<", 170, false),
            Gt => (">", 170, false),
            Le => ("<=", 170, false),
            Ge => (">=", 170, false),
            Append => ("++", 200, true),
            Subtract => ("--", 200, true),
            Add => ("+", 210, false),
            Sub => ("-", 210, false),
            Mul => ("*", 220, false),
            Div => ("/", 220, false),
            IntDiv | Rem | And | Or | Xor | Band | Bor | Bxor | Bsl | Bsr => {
                let function = match op {
                    IntDiv => self.kernel("div", 2),
                    Rem => self.kernel("rem", 2),
                    And => ":erlang.and".to_owned(),
                    Or => ":erlang.or".to_owned(),
                    Xor => ":erlang.xor".to_owned(),
                    Band => ":erlang.band".to_owned(),
                    Bor => ":erlang.bor".to_owned(),
                    Bxor => ":erlang.bxor".to_owned(),
                    Bsl => ":erlang.bsl".to_owned(),
                    _ => ":erlang.bsr".to_owned(),
                };
                let l = self.expr(left, 0, indent);
                let r = self.expr(right, 0, indent);
                return (call(&function, vec![l, r]), 1000);
            }
        };
        let (lp, rp) = if right_assoc { (p + 1, p) } else { (p, p + 1) };
        let l = self.expr(left, lp, indent);
        let r = self.expr(right, rp, indent);
        (infix(l, name, r), p)
    }

    /// An `if` clause's guard as a `cond` condition.
    fn guard_expr(&mut self, guard: &Guard, indent: usize) -> Doc {
        let alternatives: Vec<Doc> = guard
            .iter()
            .map(|tests| {
                let tests: Vec<Doc> = tests.iter().map(|t| self.expr(t, 151, indent)).collect();
                if guard.len() > 1 && tests.len() > 1 {
                    concat([text("("), join(tests, text(" and ")), text(")")])
                } else {
                    join(tests, text(" and "))
                }
            })
            .collect();
        join(alternatives, text(" or "))
    }

    fn call(&mut self, callee: &Callee, arguments: &[Expr], indent: usize) -> Doc {
        let arity = arguments.len();
        let name = match callee {
            Callee::Local(name) if self.locals.contains(&(name.clone(), arity)) => name.clone(),
            Callee::Local(name) => match self.imports.get(&(name.clone(), arity)) {
                Some(from) => format!("{}.{}", alias_or_atom(from), function_name(name)),
                None => return self.bif(name, arguments, indent),
            },
            Callee::Remote(m, f) => format!("{}.{}", alias_or_atom(m), function_name(f)),
            Callee::Fun(fun) => {
                let fun = match fun.kind {
                    ExprKind::Var(_) | ExprKind::Call(..) => self.expr(fun, 1000, indent),
                    _ => concat([text("("), self.expr(fun, 0, indent), text(")")]),
                };
                let args = arguments.iter().map(|e| self.expr(e, 0, indent)).collect();
                return concat([fun, text("."), self::args(args)]);
            }
        };
        let args = arguments.iter().map(|e| self.expr(e, 0, indent)).collect();
        call_hugging(&name, args, arguments)
    }

    /// An auto-imported BIF: Kernel's function where it has the same one,
    /// `elem`/`put_elem` (0-based) for a literal index, else `:erlang`'s.
    fn bif(&mut self, name: &str, arguments: &[Expr], indent: usize) -> Doc {
        let arity = arguments.len();
        let literal_index = |e: &Expr| match &e.kind {
            ExprKind::Int(n) => n.to_string().parse::<u64>().ok().filter(|n| *n >= 1),
            _ => None,
        };
        match (name, arguments) {
            ("element", [index, tuple]) if literal_index(index).is_some() => {
                let tuple = self.expr(tuple, 0, indent);
                let index = literal_index(index).expect("checked") - 1;
                return call(
                    &self.kernel("elem", 2),
                    vec![tuple, text(index.to_string())],
                );
            }
            ("setelement", [index, tuple, value]) if literal_index(index).is_some() => {
                let tuple = self.expr(tuple, 0, indent);
                let value = self.expr(value, 0, indent);
                let index = literal_index(index).expect("checked") - 1;
                return call(
                    &self.kernel("put_elem", 3),
                    vec![tuple, text(index.to_string()), value],
                );
            }
            // Elixir has no is_record/3, and a guard cannot call
            // `:erlang.is_record/3`: the module defines it as a guard
            // (`defguardp`), which works in a body too.
            ("is_record", [_, _, _]) => {
                let name = self.record_guard();
                let args = arguments.iter().map(|e| self.expr(e, 0, indent)).collect();
                return call(&name, args);
            }
            _ => {}
        }
        let args = arguments.iter().map(|e| self.expr(e, 0, indent)).collect();
        if KERNEL_BIFS.contains(&(name, arity)) {
            call_hugging(&self.kernel(name, arity), args, arguments)
        } else {
            call_hugging(&format!(":erlang.{}", function_name(name)), args, arguments)
        }
    }

    fn case_clauses(&mut self, arms: &[CaseClause], indent: usize) -> Vec<String> {
        let saved = self.bound.clone();
        let mut clauses = Vec::new();
        for arm in arms {
            let pattern = self.pattern(&arm.pattern);
            self.bind(&arm.pattern);
            let head = match self.guard_tests(&arm.guard) {
                None => pattern,
                Some(guard) => {
                    let one_line = concat([pattern.clone(), text(" when "), guard.clone()]);
                    // ` ->` follows the head.
                    if one_line
                        .flat_width()
                        .is_some_and(|w| w + 3 <= WIDTH - indent)
                    {
                        one_line
                    } else {
                        // The formatter's layout of a head too long for
                        // its line: `when` under the pattern, the guard's
                        // operators breaking 7 past it.
                        concat([pattern, Doc::HardLine, text("when "), nest(5, guard)])
                    }
                }
            };
            let body = self.block(&arm.body, indent + INDENT);
            clauses.push((render_lines(&head, WIDTH - indent), body));
            self.bound = saved.clone();
        }
        layout_clauses(clauses, WIDTH - indent)
    }

    /// `fn x -> x end` on one line when it fits, else broken.
    fn fun(&mut self, clauses: &[Clause], indent: usize) -> Doc {
        let saved = self.bound.clone();
        let mut rendered = Vec::new();
        for clause in clauses {
            let patterns: Vec<Doc> = clause.patterns.iter().map(|p| self.pattern(p)).collect();
            for p in &clause.patterns {
                self.bind(p);
            }
            let guard = self.guard(&clause.guard);
            let head = concat([join(patterns, text(", ")), guard]);
            let body = self.block(&clause.body, indent + INDENT * 2);
            rendered.push((render_lines(&head, WIDTH - indent - INDENT), body));
            self.bound = saved.clone();
        }
        if let [(head, body)] = rendered.as_slice() {
            let head = head.join(" ");
            let arrow = if head.is_empty() {
                "fn ->".to_owned()
            } else {
                format!("fn {head} ->")
            };
            if let [only] = body.as_slice() {
                let line = format!("{arrow} {only} end");
                if line.chars().count() + indent <= WIDTH {
                    return text(line);
                }
            }
            let mut out = vec![text(arrow)];
            out.extend(body.iter().map(|l| line_at(l, INDENT)));
            out.push(Doc::HardLine);
            out.push(text("end"));
            return concat(out);
        }
        let mut out = vec![text("fn")];
        out.extend(
            layout_clauses(rendered, WIDTH - indent - INDENT)
                .iter()
                .map(|l| line_at(l, INDENT)),
        );
        out.push(Doc::HardLine);
        out.push(text("end"));
        concat(out)
    }

    fn map_fields(&mut self, fields: &[MapField], indent: usize) -> Vec<Doc> {
        let keyword = fields.iter().all(|f| keyword_key(&f.key).is_some());
        fields
            .iter()
            .map(|f| {
                let value = self.expr(&f.value, 0, indent);
                match keyword_key(&f.key) {
                    Some(key) if keyword => concat([text(format!("{key}: ")), value]),
                    _ => {
                        // The formatter puts an operator's key in parentheses.
                        let key = self.expr(&f.key, 300, indent);
                        infix(key, "=>", value)
                    }
                }
            })
            .collect()
    }

    /// `%{m | k: v}` for the keys that must exist (`:=`), `Map.merge/2`
    /// for the ones `=>` may add.
    /// `M#{...}`: each run of `=>` fields a `Map.merge/2`, each run of
    /// `:=` fields a `%{m | ...}`, in the order written, as Erlang
    /// applies them (`M#{K := a, K => b}` ends with `b`).
    fn map_update(&mut self, base: &Expr, fields: &[MapField], indent: usize) -> Doc {
        let mut doc = self.expr(base, 0, indent);
        for run in fields.chunk_by(|a, b| a.exact == b.exact) {
            if run[0].exact {
                let fields = self.map_fields(run, indent);
                doc = group(concat([
                    text("%{"),
                    doc,
                    text(" | "),
                    join(fields, text(", ")),
                    text("}"),
                ]));
            } else {
                if self.in_guard {
                    self.problems.push(
                        "a guard puts a key in a map (`M#{K => V}`), which an Elixir guard cannot"
                            .to_owned(),
                    );
                }
                let fields = self.map_fields(run, indent);
                doc = call("Map.merge", vec![doc, bracketed("%{", fields, "}")]);
            }
        }
        doc
    }

    fn binary(&mut self, segments: &[Segment<Expr>], indent: usize) -> Doc {
        if let [only] = segments
            && let ExprKind::Str(s) = &only.value.kind
            && only.size.is_none()
            && only.specs.is_empty()
            && s.is_ascii()
        {
            return text(binary_string(s));
        }
        let mut items = Vec::new();
        for segment in segments {
            let size = segment.size.as_ref().map(|s| self.expr(s, 0, indent));
            match &segment.value.kind {
                ExprKind::Str(s) if s.is_ascii() && size.is_none() && segment.specs.is_empty() => {
                    items.push(text(binary_string(s)));
                }
                ExprKind::Str(s) => {
                    for c in s.chars() {
                        items.push(modifiers(
                            text((c as u32).to_string()),
                            size.clone(),
                            &segment.specs,
                        ));
                    }
                }
                ExprKind::Binary(_) if items.is_empty() => {
                    // `<<<<` would not read: a binary first in a binary is
                    // in parentheses, as the formatter writes it.
                    let value = self.expr(&segment.value, 0, indent);
                    let value = concat([text("("), value, text(")")]);
                    items.push(modifiers(value, size, &segment.specs));
                }
                _ => {
                    // `::` binds less tightly than any operator but `=`.
                    let value = self.expr(&segment.value, 101, indent);
                    items.push(modifiers(value, size, &segment.specs));
                }
            }
        }
        bracketed("<<", items, ">>")
    }

    /// `catch Expr` as the `try` it is.
    fn catch(&mut self, caught: &Expr, indent: usize) -> Doc {
        let value = self.fresh("caught");
        let saved = self.bound.clone();
        let body = self.block(std::slice::from_ref(caught), indent + INDENT);
        self.bound = saved;
        let mut out = vec![text("try do")];
        out.extend(body.iter().map(|l| line_at(l, INDENT)));
        out.push(Doc::HardLine);
        out.push(text("catch"));
        for line in [
            format!(":throw, {value} -> {value}"),
            format!(":exit, {value} -> {{:EXIT, {value}}}"),
            format!(":error, {value} -> {{:EXIT, {{{value}, __STACKTRACE__}}}}"),
        ] {
            out.push(line_at(&line, INDENT));
        }
        out.push(Doc::HardLine);
        out.push(text("end"));
        concat(out)
    }

    fn try_(
        &mut self,
        body: &[Expr],
        of: Option<&[CaseClause]>,
        catches: &[CaseClause],
        after: &[Expr],
        indent: usize,
    ) -> Doc {
        let saved = self.bound.clone();
        let inner = indent + INDENT;
        let body = self.block(body, inner);
        self.bound = saved.clone();
        let mut out = vec![text("try do")];
        out.extend(body.iter().map(|l| line_at(l, INDENT)));
        if let Some(arms) = of {
            out.push(Doc::HardLine);
            out.push(text("else"));
            let arms = self.case_clauses(arms, inner);
            out.extend(arms.iter().map(|l| line_at(l, INDENT)));
        }
        if !catches.is_empty() {
            out.push(Doc::HardLine);
            out.push(text("catch"));
            let mut clauses = Vec::new();
            for arm in catches {
                let (class, reason, stack) = match &arm.pattern.kind {
                    PatternKind::Tuple(parts) if parts.len() == 3 => {
                        (&parts[0], &parts[1], Some(&parts[2]))
                    }
                    _ => (&arm.pattern, &arm.pattern, None),
                };
                let head = concat([self.pattern(class), text(", "), self.pattern(reason)]);
                let mut body: Vec<Vec<String>> = Vec::new();
                if let Some(stack) = stack
                    && let PatternKind::Var(v) = &stack.kind
                    && arm.guard.iter().flatten().any(|t| uses_var(t, v))
                {
                    self.problems.push(format!(
                        "a catch clause's guard uses its stack trace `{v}`, which Elixir only has in the clause's body"
                    ));
                }
                if let Some(stack) = stack
                    && !matches!(stack.kind, PatternKind::Wildcard)
                {
                    let stack = render_lines(&self.pattern(stack), WIDTH);
                    body.push(vec![format!("{} = __STACKTRACE__", stack.join(" "))]);
                }
                self.bind(&arm.pattern);
                let head = concat([head, self.guard(&arm.guard)]);
                body.extend(self.block_items(&arm.body, inner + INDENT));
                let body = join_block(body);
                clauses.push((render_lines(&head, WIDTH - inner), body));
                self.bound = saved.clone();
            }
            out.extend(
                layout_clauses(clauses, WIDTH - inner)
                    .iter()
                    .map(|l| line_at(l, INDENT)),
            );
        }
        if !after.is_empty() {
            out.push(Doc::HardLine);
            out.push(text("after"));
            let lines = self.block(after, inner);
            self.bound = saved;
            out.extend(lines.iter().map(|l| line_at(l, INDENT)));
        }
        out.push(Doc::HardLine);
        out.push(text("end"));
        concat(out)
    }

    // -----------------------------------------------------------------
    // Patterns.

    fn pattern(&mut self, p: &Pattern) -> Doc {
        match &p.kind {
            PatternKind::Var(v) => {
                let name = self.var(v);
                if self.bound.contains(v) {
                    text(format!("^{name}"))
                } else {
                    text(name)
                }
            }
            PatternKind::Wildcard => text("_"),
            PatternKind::Atom(a) => text(atom(a)),
            PatternKind::Int(n) => text(integer(&n.to_string())),
            PatternKind::Float(x) => text(float(*x)),
            PatternKind::Str(s) => text(charlist(s)),
            PatternKind::Tuple(items) => {
                let items = items.iter().map(|p| self.pattern(p)).collect();
                bracketed("{", items, "}")
            }
            PatternKind::Nil => text("[]"),
            PatternKind::Cons(..) => {
                let mut items = Vec::new();
                let mut at = p;
                let tail = loop {
                    match &at.kind {
                        PatternKind::Cons(head, tail) => {
                            items.push(self.pattern(head));
                            at = tail;
                        }
                        PatternKind::Nil => break None,
                        _ => break Some(self.pattern(at)),
                    }
                };
                list(items, tail)
            }
            PatternKind::Alias(left, right) => {
                concat([self.pattern(left), text(" = "), self.pattern(right)])
            }
            PatternKind::Map(fields) => {
                let keyword = fields.iter().all(|f| keyword_key(&f.key).is_some());
                let items = fields
                    .iter()
                    .map(|f| {
                        let value = self.pattern(&f.value);
                        match keyword_key(&f.key) {
                            Some(key) if keyword => concat([text(format!("{key}: ")), value]),
                            _ => {
                                // A key in an Elixir pattern is a literal
                                // or a pinned variable.
                                let key = match &f.key.kind {
                                    ExprKind::Var(v) => text(format!("^{}", self.var(v))),
                                    _ => self.expr(&f.key, 0, 0),
                                };
                                infix(key, "=>", value)
                            }
                        }
                    })
                    .collect();
                bracketed("%{", items, "}")
            }
            PatternKind::Binary(segments) => {
                if let [only] = segments.as_slice()
                    && let PatternKind::Str(s) = &only.value.kind
                    && only.size.is_none()
                    && only.specs.is_empty()
                    && s.is_ascii()
                {
                    return text(binary_string(s));
                }
                let mut items = Vec::new();
                for segment in segments {
                    // A size names a variable bound before: no pin.
                    let size = segment.size.as_ref().map(|s| self.expr(s, 0, 0));
                    match &segment.value.kind {
                        PatternKind::Str(s)
                            if s.is_ascii() && size.is_none() && segment.specs.is_empty() =>
                        {
                            items.push(text(binary_string(s)));
                        }
                        PatternKind::Str(s) => {
                            for c in s.chars() {
                                items.push(modifiers(
                                    text((c as u32).to_string()),
                                    size.clone(),
                                    &segment.specs,
                                ));
                            }
                        }
                        _ => {
                            let value = self.pattern(&segment.value);
                            items.push(modifiers(value, size, &segment.specs));
                        }
                    }
                }
                bracketed("<<", items, ">>")
            }
        }
    }
}

/// The variables a pattern binds.
fn pattern_vars(p: &Pattern, out: &mut Vec<String>) {
    if let PatternKind::Var(v) = &p.kind {
        out.push(v.clone());
    }
    for child in p.children() {
        pattern_vars(child, out);
    }
}

fn uses_var(e: &Expr, name: &str) -> bool {
    if matches!(&e.kind, ExprKind::Var(v) if v == name) {
        return true;
    }
    let mut found = false;
    e.for_each_child(&mut |child| found = found || uses_var(child, name));
    found
}

/// `p = value`: a container or a `fn` starts after `=` whatever its
/// lines (the formatter's "next break fits"); a `do` block goes on the
/// next line; anything else there too when it does not fit.
fn match_layout(p: Doc, value: Doc, value_expr: &Expr) -> Doc {
    if is_do_block(value_expr) {
        return concat([p, text(" ="), nest(INDENT, concat([Doc::HardLine, value]))]);
    }
    let container = matches!(
        value_expr.kind,
        ExprKind::Tuple(_)
            | ExprKind::Cons(..)
            | ExprKind::Map(_)
            | ExprKind::Binary(_)
            | ExprKind::Fun(_)
    );
    if container {
        concat([p, text(" = "), value])
    } else {
        infix(p, "=", value)
    }
}

/// Erlang's `if` as a block of clauses (`cond do` or `case :if do`) at
/// `indent`. With `fallback`, the head of a last clause that fails as
/// Erlang's `if` does when no guard holds (`if_clause`; Elixir's `cond`
/// would raise `cond_clause`).
fn if_block(
    opener: &str,
    mut clauses: Vec<(Vec<String>, Vec<String>)>,
    fallback: Option<&str>,
    indent: usize,
) -> Doc {
    if let Some(head) = fallback {
        clauses.push((
            vec![head.to_owned()],
            vec![":erlang.error(:if_clause)".to_owned()],
        ));
    }
    let mut out = vec![text(opener)];
    out.extend(
        layout_clauses(clauses, WIDTH - indent - INDENT)
            .into_iter()
            .map(|l| line_at(&l, INDENT)),
    );
    out.push(Doc::HardLine);
    out.push(text("end"));
    concat(out)
}

/// Whether an `if` has a clause whose guard is `true`.
fn if_is_total(arms: &[IfClause]) -> bool {
    arms.iter().any(|arm| {
        arm.guard.len() == 1
            && matches!(arm.guard[0].as_slice(), [t] if matches!(&t.kind, ExprKind::Atom(a) if a == "true"))
    })
}

/// A guard test that is a boolean and cannot raise, so that `cond`
/// takes it as the guard does: a type test or a comparison of variables
/// and literals, `true`/`false`, and `and`/`or`/`not` of those.
fn is_boolean_test(e: &Expr) -> bool {
    fn plain(e: &Expr) -> bool {
        matches!(
            e.kind,
            ExprKind::Var(_)
                | ExprKind::Atom(_)
                | ExprKind::Int(_)
                | ExprKind::Float(_)
                | ExprKind::Str(_)
                | ExprKind::Nil
        )
    }
    use BinOp::*;
    match &e.kind {
        ExprKind::Atom(a) => a == "true" || a == "false",
        ExprKind::BinOp(Eq | Ne | ExactEq | ExactNe | Lt | Gt | Le | Ge, l, r) => {
            plain(l) && plain(r)
        }
        ExprKind::BinOp(AndAlso | OrElse, l, r) => is_boolean_test(l) && is_boolean_test(r),
        ExprKind::UnOp(UnOp::Not, operand) => is_boolean_test(operand),
        ExprKind::Call(Callee::Local(name), arguments) => {
            let type_test = name.starts_with("is_") && arguments.len() == 1;
            type_test && name != "is_record" && arguments.iter().all(plain)
        }
        _ => false,
    }
}

fn is_do_block(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Case(..)
            | ExprKind::If(_)
            | ExprKind::Receive { .. }
            | ExprKind::Try { .. }
            | ExprKind::Catch(_)
    )
}

/// A body's expressions one after the other, a blank line around any
/// that spans several lines.
fn join_block(items: Vec<Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous_multi = false;
    for (i, lines) in items.into_iter().enumerate() {
        let multi = lines.len() > 1;
        if i > 0 && (multi || previous_multi) {
            out.push(String::new());
        }
        out.extend(lines);
        previous_multi = multi;
    }
    out
}

/// `value::mods` of a binary segment.
fn modifiers(value: Doc, size: Option<Doc>, specs: &[Spec]) -> Doc {
    let mut mods: Vec<Doc> = specs
        .iter()
        .map(|s| match s {
            Spec::Unit(n) => text(format!("unit({n})")),
            other => text(other.text()),
        })
        .collect();
    match size {
        None if mods.is_empty() => return value,
        None => {}
        Some(size) if mods.is_empty() && size.flat_width().is_some() => {
            let is_int = matches!(&size, Doc::Text(t) if t.chars().all(|c| c.is_ascii_digit()));
            if is_int {
                return concat([value, text("::"), size]);
            }
            mods.push(concat([text("size("), size, text(")")]));
        }
        Some(size) => mods.push(concat([text("size("), size, text(")")])),
    }
    concat([value, text("::"), join(mods, text("-"))])
}

/// Clauses `head -> body`: one line each when every body is one line and
/// fits, else each broken after `->` with a blank line between them.
fn layout_clauses(clauses: Vec<(Vec<String>, Vec<String>)>, width: usize) -> Vec<String> {
    let flat = clauses.iter().all(|(head, body)| {
        head.len() == 1
            && body.len() == 1
            && head[0].chars().count() + 4 + body[0].chars().count() <= width
    });
    let mut out = Vec::new();
    for (i, (head, body)) in clauses.into_iter().enumerate() {
        if flat {
            out.push(format!("{} -> {}", head[0], body[0]));
            continue;
        }
        if i > 0 {
            out.push(String::new());
        }
        let count = head.len();
        for (j, line) in head.into_iter().enumerate() {
            if j + 1 == count {
                out.push(format!("{line} ->"));
            } else {
                out.push(line);
            }
        }
        out.extend(body.into_iter().map(|l| indent_line(&l, INDENT)));
    }
    out
}

/// A line of an already laid-out block, on its own line at `indent`.
fn line_at(line: &str, indent: usize) -> Doc {
    if line.is_empty() {
        Doc::HardLine
    } else {
        nest(indent, concat([Doc::HardLine, text(line.to_owned())]))
    }
}

fn indent_line(line: &str, indent: usize) -> String {
    if line.is_empty() {
        String::new()
    } else {
        format!("{}{line}", " ".repeat(indent))
    }
}

fn render_lines(doc: &Doc, width: usize) -> Vec<String> {
    let (text, _) = render(doc, width);
    text.lines().map(str::to_owned).collect()
}

/// A call whose last argument is a `fn` over several lines, the others
/// flat: `spawn(fn ->` ... `end)`, as the formatter keeps it; so is a
/// call whose only argument is a binary over several lines
/// (`IO.puts(<<` ... `>>)`, an interpolated string's lowering).
fn call_hugging(name: &str, mut args: Vec<Doc>, arguments: &[Expr]) -> Doc {
    let last_hugs = match arguments {
        [.., last] if matches!(last.kind, ExprKind::Fun(_)) => true,
        [only] => matches!(only.kind, ExprKind::Binary(_)),
        _ => false,
    };
    let hug = last_hugs
        && args.last().is_some_and(|d| d.flat_width().is_none())
        && args[..args.len() - 1]
            .iter()
            .all(|d| d.flat_width().is_some());
    if !hug {
        return call(name, args);
    }
    let last = args.pop().expect("a last argument");
    let mut out = vec![text(format!("{name}("))];
    for arg in args {
        out.push(arg);
        out.push(text(", "));
    }
    out.push(last);
    out.push(text(")"));
    concat(out)
}

fn call(name: &str, args: Vec<Doc>) -> Doc {
    concat([text(name.to_owned()), self::args(args)])
}

fn args(items: Vec<Doc>) -> Doc {
    bracketed("(", items, ")")
}

fn bracketed(open: &str, items: Vec<Doc>, close: &str) -> Doc {
    if items.is_empty() {
        return text(format!("{open}{close}"));
    }
    group(concat([
        text(open.to_owned()),
        nest(
            INDENT,
            concat([Doc::SoftLine, join(items, concat([text(","), Doc::Line]))]),
        ),
        Doc::SoftLine,
        text(close.to_owned()),
    ]))
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

/// `left op right`, breaking after the operator.
/// `a op b op c`, left-associative: a line too long breaks at the last
/// operator first, as the formatter breaks it.
fn chain(operands: Vec<Doc>, op: &str) -> Doc {
    let mut operands = operands.into_iter();
    let first = operands.next().unwrap_or_else(|| concat([]));
    operands.fold(first, |left, right| infix(left, op, right))
}

fn infix(left: Doc, op: &str, right: Doc) -> Doc {
    group(concat([
        left,
        text(format!(" {op}")),
        nest(INDENT, concat([Doc::Line, right])),
    ]))
}

// ---------------------------------------------------------------------
// Names and literals.

/// `Count` -> `count`, `FromPid` -> `from_pid`, `_Acc` -> `_acc`.
pub fn snake_case(erlang: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<char> = None;
    for c in erlang.chars() {
        if c.is_ascii_uppercase() {
            if previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit()) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else {
            out.push('_');
        }
        previous = Some(c);
    }
    out
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A function's name after `.` or `&`: bare when it is an identifier
/// (a reserved word is one after a dot: `:queue.in/2`), else quoted.
fn function_name(name: &str) -> String {
    if is_identifier(name) {
        name.to_owned()
    } else {
        quoted(name, '"')
    }
}

/// An atom as Elixir writes it: `:ok`, `:EXIT`, `:"a b"`, `true`.
pub fn atom(name: &str) -> String {
    if matches!(name, "true" | "false" | "nil") {
        return name.to_owned();
    }
    if name.starts_with("Elixir.") && alias(name).is_some() {
        return alias(name).expect("checked");
    }
    if bare_atom(name) {
        format!(":{name}")
    } else {
        format!(":{}", quoted(name, '"'))
    }
}

/// A module's name: `Counter` for `'Elixir.Counter'`, else the atom.
pub fn alias_or_atom(name: &str) -> String {
    alias(name).unwrap_or_else(|| atom(name))
}

fn alias(name: &str) -> Option<String> {
    let rest = name.strip_prefix("Elixir.")?;
    let valid = rest.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    valid.then(|| rest.to_owned())
}

fn bare_atom(name: &str) -> bool {
    let body = name
        .strip_suffix('?')
        .or_else(|| name.strip_suffix('!'))
        .unwrap_or(name);
    let mut chars = body.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '@')
}

/// A map key as a keyword (`a:`), when it is an atom that can be one.
fn keyword_key(key: &Expr) -> Option<String> {
    match &key.kind {
        ExprKind::Atom(a)
            if bare_atom(a)
                && !a.starts_with("Elixir.")
                && !matches!(a.as_str(), "true" | "false" | "nil") =>
        {
            Some(a.clone())
        }
        _ => None,
    }
}

/// A float as the formatter writes it: `1_000_000.0`, `1.0e20`.
fn float(x: f64) -> String {
    let text = super::erlang::float(x);
    match text.split_once('.') {
        Some((whole, fraction)) => format!("{}.{fraction}", integer(whole)),
        None => text,
    }
}

/// An integer as the formatter writes it: `100_000` past five digits.
fn integer(decimal: &str) -> String {
    let (sign, digits) = match decimal.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", decimal),
    };
    if digits.len() <= 5 {
        return decimal.to_owned();
    }
    let mut groups = Vec::new();
    let mut end = digits.len();
    while end > 0 {
        let start = end.saturating_sub(3);
        groups.push(&digits[start..end]);
        end = start;
    }
    groups.reverse();
    format!("{sign}{}", groups.join("_"))
}

/// An Erlang string (a list of characters) as an Elixir 1.14 charlist.
fn charlist(s: &str) -> String {
    quoted(s, '\'')
}

fn binary_string(s: &str) -> String {
    quoted(s, '"')
}

fn quoted(s: &str, quote: char) -> String {
    let mut out = String::from(quote);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '#' if chars.peek() == Some(&'{') => out.push_str("\\#"),
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
    out.push(quote);
    out
}
