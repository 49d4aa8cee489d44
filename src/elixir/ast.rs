//! What the Elixir parser gives: Elixir's syntax as written, close to
//! Elixir's own quoted form (a call is a name, arguments and `do` blocks;
//! `case`, `if` and `def` are calls too), before [`super::lower`] turns it
//! into Erlang's syntax tree. Positions are those of the Erlang tree
//! ([`Pos`]), so errors and stack frames point at the Elixir source.

use crate::erlang::ast::Pos;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Int(i64),
    Float(f64),
    Atom(String),
    /// A string's parts: text, and interpolated expressions.
    Str(Vec<Part>),
    /// `'abc'`.
    Chars(String),
    Var(String),
    /// `MyApp.Counter`: its segments.
    Alias(Vec<String>),
    Tuple(Vec<Node>),
    /// `[a, b | tail]`.
    List(Vec<Node>, Option<Box<Node>>),
    /// `%{k => v}`, and `%{base | k: v}` with a base.
    Map(Option<Box<Node>>, Vec<(Node, Node)>),
    /// `%Name{k: v}`, `%Name{base | k: v}`.
    Struct(Box<Node>, Option<Box<Node>>, Vec<(Node, Node)>),
    /// `<<x::8, rest::binary>>`: each value with its type spec (`::`'s
    /// right side) if any.
    Bin(Vec<(Node, Option<Node>)>),
    /// A binary operator, as written (`+`, `|>`, `when`, `not in`).
    Op(&'static str, Box<Node>, Box<Node>),
    /// `-x`, `!x`, `not x`, `^x` (a pin).
    Unary(&'static str, Box<Node>),
    /// `name(args)`, `Mod.name(args)`, `name args`, with `do` blocks.
    Call {
        module: Option<Box<Node>>,
        name: String,
        args: Vec<Node>,
        /// `do ... else ... end` sections, by keyword, in order.
        blocks: Vec<(String, Body)>,
    },
    /// `map.key`: a field (also `Mod.fun` without parentheses, which
    /// the lowering reads as a call).
    Field(Box<Node>, String),
    /// `fun.(args)`.
    Apply(Box<Node>, Vec<Node>),
    Fn(Vec<Stab>),
    /// `&expr`: `&Mod.f/1`, `&f/1`, `&(&1 + 1)`.
    Capture(Box<Node>),
    /// `&1`.
    CaptureArg(u32),
    /// `@name` read.
    Attr(String),
    /// `@name value` (in a module's body).
    AttrSet(String, Box<Node>),
    /// `(a; b)`, several expressions in brackets.
    Block(Vec<Node>),
    /// `(pattern -> body; ...)`: clauses in brackets, the value of a
    /// keyword block (`case x, do: (1 -> :a; _ -> :b)`).
    Clauses(Vec<Stab>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Lit(String),
    Expr(Node),
}

/// `args when guard -> body`: a clause of `fn`, `case`, `receive`, ...
#[derive(Clone, Debug, PartialEq)]
pub struct Stab {
    pub args: Vec<Node>,
    pub guard: Option<Node>,
    pub body: Vec<Node>,
    pub pos: Pos,
}

/// What a `do` block (or one of its `else`, `after`, ... sections) holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Exprs(Vec<Node>),
    Clauses(Vec<Stab>),
}

impl Node {
    pub fn new(kind: Kind, pos: Pos) -> Node {
        Node { kind, pos }
    }
}
