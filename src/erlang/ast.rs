//! The syntax tree of the process language: Erlang function clauses.
//!
//! The parser (`syntax/`) builds it from the text inside `def NAME { ... }`;
//! the checker and the compiler (`compile.rs`) read it. It mirrors what
//! `erl_parse` gives for the same Erlang, minus what the playground does not
//! have (records, try, list comprehensions), so that every
//! program accepted here is a valid Erlang module of that name and can be
//! exported back to Erlang (issue 11).
//!
//! Every node carries its [`Pos`]: the line for the stack frames of runtime
//! errors (`{counter, loop, 1, [{line, 4}]}`), line and column for compile
//! errors with a caret.

use crate::runtime::Term;

pub use super::bitsyntax::Segment;

/// A place in the definition's source: 1-based line and column (in
/// characters). Lines count from the line of `def`, so a REPL entry and a
/// script agree; a script adds its own offset when it reports FILE:LINE:COL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A whole definition: `def counter { start(N) -> loop(N). ... }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub name: String,
    /// In the order they were first defined.
    pub functions: Vec<Function>,
    /// The text between the braces, as written (for `show` and export).
    pub source: String,
    /// `-module`, `-export`, `-import` and the rest (`syntax/attributes.rs`).
    pub attributes: Attributes,
}

/// A module's attributes. A `def` needs none: it is the module named
/// after it, and every function can be called from outside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attributes {
    /// `-module(Name).`, and where the name is.
    pub module: Option<(String, Pos)>,
    /// `-export([f/1, ...]).`, every one of them together, each with
    /// where it is written; `None` (no `-export`, or
    /// `-compile(export_all)`): every function.
    pub exports: Option<Vec<(String, usize, Pos)>>,
    /// `-import(Module, [f/1, ...]).`: `(module, function, arity)`.
    pub imports: Vec<(String, String, usize)>,
    /// Every other attribute as written (`-behaviour(gen_server).`,
    /// `-spec ...`): read, kept for the export, no effect.
    pub kept: Vec<String>,
    /// The fields of the struct the module defines, in order: Elixir's
    /// `defstruct`, or `-struct([name, age]).` in Erlang (kept too). Only
    /// `inspect` uses it, to print them in this order.
    pub struct_fields: Option<Vec<String>>,
}

/// All the clauses of `name/arity`, which must be written together, as
/// Erlang requires.
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    pub name: String,
    pub arity: usize,
    pub clauses: Vec<Clause>,
    pub pos: Pos,
}

/// `name(Patterns) when Guard -> Body` (in a function), `fun(Patterns) when
/// Guard -> Body` (in a fun): the head's patterns, the guard, the body.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub patterns: Vec<Pattern>,
    pub guard: Guard,
    /// At least one expression; the value of the last is the clause's.
    pub body: Vec<Expr>,
    pub pos: Pos,
}

/// `when G1, G2; G3`: alternatives separated by `;`, each a list of guard
/// tests that must all be `true` (`,`). Empty when there is no `when`.
/// A guard test that raises an exception just fails (is not `true`).
pub type Guard = Vec<Vec<Expr>>;

/// A clause of `case`, `receive`: one pattern, a guard, a body.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    pub pattern: Pattern,
    pub guard: Guard,
    pub body: Vec<Expr>,
    pub pos: Pos,
}

/// A clause of `if`: a guard and a body.
#[derive(Clone, Debug, PartialEq)]
pub struct IfClause {
    pub guard: Guard,
    pub body: Vec<Expr>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub pos: Pos,
}

impl Pattern {
    /// The patterns directly inside this one, in source order: a tuple's
    /// elements, a list cell's head and tail, both sides of `=`, a map's
    /// values (its keys are expressions) and a binary's segment values
    /// (their sizes are expressions).
    pub fn children(&self) -> Vec<&Pattern> {
        match &self.kind {
            PatternKind::Tuple(items) => items.iter().collect(),
            PatternKind::Cons(a, b) | PatternKind::Alias(a, b) => vec![a, b],
            PatternKind::Map(fields) => fields.iter().map(|f| &f.value).collect(),
            PatternKind::Binary(segments) => segments.iter().map(|s| &s.value).collect(),
            PatternKind::Var(_)
            | PatternKind::Wildcard
            | PatternKind::Atom(_)
            | PatternKind::Int(_)
            | PatternKind::Float(_)
            | PatternKind::Str(_)
            | PatternKind::Nil => Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// Binds the variable if unbound; if bound, the value must be equal
    /// (`=:=`).
    Var(String),
    /// `_` (and `_Name`: matches anything, binds nothing a later use may
    /// rely on; the checker warns about nothing here).
    Wildcard,
    Atom(String),
    /// An integer literal, of any size.
    Int(Term),
    Float(f64),
    /// `"abc"`: a string, the list of its character codes.
    Str(String),
    Tuple(Vec<Pattern>),
    /// `[]`.
    Nil,
    /// `[H | T]`; `[A, B]` is `Cons(A, Cons(B, Nil))`.
    Cons(Box<Pattern>, Box<Pattern>),
    /// `P1 = P2` inside a pattern: both must match.
    Alias(Box<Pattern>, Box<Pattern>),
    /// `#{K := P, ...}`: a map that has every key, each value matching its
    /// pattern (`#{}` matches any map). See [`MapPatternField`].
    Map(Vec<MapPatternField>),
    /// `<<N:8, Body:N/binary, Rest/binary>>` (see `bitsyntax.rs`).
    Binary(Vec<Segment<Pattern>>),
}

/// `K := P` in a map pattern. The key is an expression, as in Erlang: a
/// literal, a variable bound *before* the pattern, or a term built of
/// them (`#{{tag, Id} := V}`); it is evaluated, never bound.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPatternField {
    pub key: Expr,
    pub value: Pattern,
    pub pos: Pos,
}

/// `K => V` (put: adds or replaces) or `K := V` (update: the key must be
/// there), as `erl_parse`'s `map_field_assoc` and `map_field_exact`.
#[derive(Clone, Debug, PartialEq)]
pub struct MapField {
    pub key: Expr,
    pub exact: bool,
    pub value: Expr,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub pos: Pos,
}

impl Expr {
    /// Calls `f` on each expression directly inside this one, clause
    /// bodies included (a `case`'s, a `receive`'s, a fun's), but not the
    /// patterns or guards, which callers that need them visit themselves.
    pub fn for_each_child_mut(&mut self, f: &mut dyn FnMut(&mut Expr)) {
        match &mut self.kind {
            ExprKind::Tuple(es) | ExprKind::Block(es) => es.iter_mut().for_each(f),
            ExprKind::Cons(a, b) | ExprKind::Send(a, b) | ExprKind::BinOp(_, a, b) => {
                f(a);
                f(b);
            }
            ExprKind::Match(_, e) | ExprKind::UnOp(_, e) => f(e),
            ExprKind::Call(callee, args) => {
                if let Callee::Fun(fun) = callee {
                    f(fun);
                }
                args.iter_mut().for_each(f);
            }
            ExprKind::Case(subject, clauses) => {
                f(subject);
                clauses.iter_mut().flat_map(|c| &mut c.body).for_each(f);
            }
            ExprKind::If(clauses) => clauses.iter_mut().flat_map(|c| &mut c.body).for_each(f),
            ExprKind::Receive { clauses, after } => {
                clauses
                    .iter_mut()
                    .flat_map(|c| &mut c.body)
                    .for_each(&mut *f);
                if let Some((timeout, body)) = after {
                    f(timeout);
                    body.iter_mut().for_each(f);
                }
            }
            ExprKind::Fun(clauses) => clauses.iter_mut().flat_map(|c| &mut c.body).for_each(f),
            ExprKind::Try {
                body,
                of,
                catches,
                after,
            } => {
                body.iter_mut().for_each(&mut *f);
                of.iter_mut()
                    .flatten()
                    .chain(catches.iter_mut())
                    .flat_map(|c| &mut c.body)
                    .for_each(&mut *f);
                after.iter_mut().for_each(f);
            }
            ExprKind::Catch(e) => f(e),
            ExprKind::Map(fields) => fields.iter_mut().for_each(|m| {
                f(&mut m.key);
                f(&mut m.value);
            }),
            ExprKind::MapUpdate(base, fields) => {
                f(base);
                fields.iter_mut().for_each(|m| {
                    f(&mut m.key);
                    f(&mut m.value);
                });
            }
            ExprKind::Binary(segments) => {
                for s in segments {
                    f(&mut s.value);
                    if let Some(size) = &mut s.size {
                        f(size);
                    }
                }
            }
            ExprKind::Var(_)
            | ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Nil
            | ExprKind::FunRef { .. } => {}
        }
    }

    /// [`Expr::for_each_child_mut`], reading.
    pub fn for_each_child(&self, f: &mut dyn FnMut(&Expr)) {
        match &self.kind {
            ExprKind::Tuple(es) | ExprKind::Block(es) => es.iter().for_each(f),
            ExprKind::Cons(a, b) | ExprKind::Send(a, b) | ExprKind::BinOp(_, a, b) => {
                f(a);
                f(b);
            }
            ExprKind::Match(_, e) | ExprKind::UnOp(_, e) => f(e),
            ExprKind::Call(callee, args) => {
                if let Callee::Fun(fun) = callee {
                    f(fun);
                }
                args.iter().for_each(f);
            }
            ExprKind::Case(subject, clauses) => {
                f(subject);
                clauses.iter().flat_map(|c| &c.body).for_each(f);
            }
            ExprKind::If(clauses) => clauses.iter().flat_map(|c| &c.body).for_each(f),
            ExprKind::Receive { clauses, after } => {
                clauses.iter().flat_map(|c| &c.body).for_each(&mut *f);
                if let Some((timeout, body)) = after {
                    f(timeout);
                    body.iter().for_each(f);
                }
            }
            ExprKind::Fun(clauses) => clauses.iter().flat_map(|c| &c.body).for_each(f),
            ExprKind::Try {
                body,
                of,
                catches,
                after,
            } => {
                body.iter().for_each(&mut *f);
                of.iter()
                    .flatten()
                    .chain(catches.iter())
                    .flat_map(|c| &c.body)
                    .for_each(&mut *f);
                after.iter().for_each(f);
            }
            ExprKind::Catch(e) => f(e),
            ExprKind::Map(fields) => fields.iter().for_each(|m| {
                f(&m.key);
                f(&m.value);
            }),
            ExprKind::MapUpdate(base, fields) => {
                f(base);
                fields.iter().for_each(|m| {
                    f(&m.key);
                    f(&m.value);
                });
            }
            ExprKind::Binary(segments) => {
                for s in segments {
                    f(&s.value);
                    if let Some(size) = &s.size {
                        f(size);
                    }
                }
            }
            ExprKind::Var(_)
            | ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Nil
            | ExprKind::FunRef { .. } => {}
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Var(String),
    Atom(String),
    /// An integer literal, of any size.
    Int(Term),
    Float(f64),
    Str(String),
    Tuple(Vec<Expr>),
    Nil,
    Cons(Box<Expr>, Box<Expr>),
    /// `Pattern = Expr`: the value of Expr, which must match.
    Match(Pattern, Box<Expr>),
    /// `To ! Message`: the value is Message.
    Send(Box<Expr>, Box<Expr>),
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    UnOp(UnOp, Box<Expr>),
    /// A call: `loop(N)`, `other:start(X)`, `F(X)`, `io:format(...)`, and
    /// the BIFs (`self()`, `element(2, T)`), which the compiler resolves.
    Call(Callee, Vec<Expr>),
    Case(Box<Expr>, Vec<CaseClause>),
    If(Vec<IfClause>),
    Receive {
        clauses: Vec<CaseClause>,
        /// `after Timeout -> Body`; the timeout is an expression
        /// (`0`, `1000`, `infinity`, `T`); `after 30s` is parsed as
        /// `after 30000`, its obvious Erlang translation.
        after: Option<(Box<Expr>, Vec<Expr>)>,
    },
    /// `fun (X) -> ... ; (Y) -> ... end`: a closure over the variables
    /// bound where it is made.
    Fun(Vec<Clause>),
    /// `fun name/arity` (module `None`) or `fun m:name/arity`.
    FunRef {
        module: Option<String>,
        name: String,
        arity: usize,
    },
    /// `begin E1, E2 end`.
    Block(Vec<Expr>),
    /// `#{K => V, ...}`: a new map (every field is `=>`).
    Map(Vec<MapField>),
    /// `Expr#{K => V, K2 := V2}`: the map `Expr` with these keys put or
    /// updated; `{badmap, Expr}` if it is not a map, `{badkey, K2}` if a
    /// `:=` key is missing.
    MapUpdate(Box<Expr>, Vec<MapField>),
    /// `<<E1, E2:Size/Specifiers, "text">>` (see `bitsyntax.rs`).
    Binary(Vec<Segment<Expr>>),
    /// `try Body [of Clauses] [catch CatchClauses] [after After] end`.
    /// A catch clause `Class:Reason:Stack when G -> B` is kept as a case
    /// clause whose pattern is the tuple `{Class, Reason, Stack}` (the
    /// class `throw` when not written, the stack `_`), so every walk over
    /// patterns and guards reads it with no new kind of clause; the
    /// export writes it back in Erlang's form.
    Try {
        body: Vec<Expr>,
        of: Option<Vec<CaseClause>>,
        catches: Vec<CaseClause>,
        after: Vec<Expr>,
    },
    /// `catch Expr`: the value of Expr, or what its exception becomes
    /// (`throw(X)` gives X, `exit(R)` gives `{'EXIT', R}`, an error
    /// `{'EXIT', {R, Stack}}`).
    Catch(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Callee {
    /// `name(...)`: a function of this module, or an auto-imported BIF
    /// (`self`, `spawn`, `element`, ...), as Erlang resolves them: a local
    /// function of the same name and arity wins.
    Local(String),
    /// `module:name(...)`: another definition, or a BIF module
    /// (`erlang`, `lists`, `io`, `timer`).
    Remote(String, String),
    /// `F(...)`, `(fun(X) -> X end)(...)`: any expression that should
    /// evaluate to a fun.
    Fun(Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    /// `/`: always a float.
    Div,
    /// `div`, `rem`: integers only.
    IntDiv,
    Rem,
    /// `==`, `/=`: numbers compare by value (`1 == 1.0`).
    Eq,
    Ne,
    /// `=:=`, `=/=`: exact.
    ExactEq,
    ExactNe,
    Lt,
    Gt,
    /// `=<`, `>=`.
    Le,
    Ge,
    /// `++`, `--`.
    Append,
    Subtract,
    /// `andalso`, `orelse`: the right side only if needed.
    AndAlso,
    OrElse,
    /// `and`, `or`, `xor`: both sides, booleans only.
    And,
    Or,
    Xor,
    /// `band`, `bor`, `bxor`, `bsl`, `bsr`: integers of any size.
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Plus,
    Not,
    /// `bnot`: integers of any size.
    Bnot,
}

impl Pos {
    pub fn new(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }
}
