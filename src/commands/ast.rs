//! The abstract syntax tree of the v1 command language.
//!
//! The parser (`lang::parser`) turns text into these types and the evaluator
//! (written elsewhere) turns them into runtime calls. Nothing here knows about
//! processes or terminals: the AST only records what the presenter *wrote*,
//! with enough position information (`Span`) for a failing expectation or an
//! evaluation error to point back at the script.

use std::time::Duration;

/// Where a statement sits in its source (a script file or one REPL entry).
///
/// `line` and `column` are 1-based and count characters, which is what a
/// human reads in an editor; `offset` and `len` are byte positions, which is
/// what code slicing the source needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub len: usize,
}

/// A term as written: a message, an exit reason, a pattern or a kind argument.
///
/// Terms are expressions rather than values because they may mention
/// variables and `self`, which only the evaluator can resolve.
#[derive(Debug, Clone, PartialEq)]
pub enum TermExpr {
    /// `ok`, `'EXIT'`, `'A-D'`: quoted atoms are plain atoms once parsed.
    Atom(String),
    Int(i64),
    Float(f64),
    Str(String),
    Tuple(Vec<TermExpr>),
    List(Vec<TermExpr>),
    /// `<0.N.0>` (only local pids exist, so `N` is all we keep).
    Pid(u64),
    /// `#Ref<0.N>`, as printed by `monitor`, so a reference can be pasted back.
    Ref(u64),
    /// A capitalised word, bound by `X = ...` or by matching a pattern.
    Var(String),
    /// `self`: the shell's own pid, wherever it stands.
    SelfPid,
    /// `_`: matches anything. The parser only accepts it in patterns.
    Wildcard,
    /// `250ms`, `5s`, `1m`. The parser only accepts it as a kind argument
    /// (`ticker(1s)`), because a message has no duration type in Erlang.
    Duration(Duration),
    /// `#{count => 1}`, or in a pattern `#{count := N}` (the map has the
    /// key, its value matches): `(key, value)` pairs. A key is a value,
    /// never `_` or a variable to bind, as in Erlang.
    Map(Vec<(TermExpr, TermExpr)>),
}

/// Who a command acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A variable holding a pid, e.g. `W`.
    Var(String),
    /// A registered name, e.g. `c` or `'my server'`.
    Name(String),
    /// A literal pid `<0.N.0>`.
    Pid(u64),
    /// The shell process.
    SelfPid,
    /// A child inside a supervision tree: `demo/w1` or `top/db/conn`.
    Path(Vec<String>),
}

/// A process kind with its arguments: `counter`, `ticker(1s)`, `crasher(500ms, boom)`.
#[derive(Debug, Clone, PartialEq)]
pub struct KindSpec {
    pub name: String,
    pub args: Vec<TermExpr>,
}

/// What `spawn ... link` / `spawn ... monitor` ties to the shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpawnOpt {
    Link,
    Monitor,
}

/// What `wait TARGET ...` waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitFor {
    Alive,
    Dead,
    Restarted,
}

/// Which processes `ps` lists: `ps` (all of them, or with many a summary
/// and the first rows), `ps N` (the first N), `ps all`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PsRows {
    Default,
    First(usize),
    All,
}

/// How chatty the event log is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogLevel {
    Quiet,
    Normal,
    Verbose,
}

pub use crate::supervisor::{RestartType, Shutdown, Strategy};
/// A supervisor's strategy, a child's restart type and shutdown are the
/// supervisor's own types: what the presenter writes is exactly what the
/// supervisor is given.
use crate::view::theme::Theme;

/// `sup NAME [STRATEGY] [intensity N] [period DURATION] { CHILD ... }`.
///
/// Options the presenter left out stay `None` so the evaluator applies OTP's
/// defaults in one place (intensity 1, period 5s).
#[derive(Debug, Clone, PartialEq)]
pub struct SupSpec {
    pub name: String,
    pub strategy: Strategy,
    pub intensity: Option<u32>,
    pub period: Option<Duration>,
    pub children: Vec<ChildSpecAst>,
}

/// One child line inside a `sup { ... }` block.
#[derive(Debug, Clone, PartialEq)]
pub enum ChildSpecAst {
    Worker {
        id: String,
        kind: KindSpec,
        restart: Option<RestartType>,
        shutdown: Option<Shutdown>,
    },
    /// A nested supervisor, reached as `outer/ID`. Like a worker it may
    /// have a restart type and a shutdown (S4); `None` means OTP's
    /// defaults for a supervisor (permanent, infinity).
    Sup {
        spec: SupSpec,
        restart: Option<RestartType>,
        shutdown: Option<Shutdown>,
    },
}

impl ChildSpecAst {
    /// The child id, which is the supervisor's name for a nested supervisor.
    pub fn id(&self) -> &str {
        match self {
            ChildSpecAst::Worker { id, .. } => id,
            ChildSpecAst::Sup { spec, .. } => &spec.name,
        }
    }
}

/// What `start_child` is given: a full child spec, or the extra arguments
/// for a `simple_one_for_one` supervisor's template.
#[derive(Debug, Clone, PartialEq)]
pub enum StartChildArg {
    Spec(ChildSpecAst),
    Args(Vec<TermExpr>),
}

/// `expect ...`: a check a script makes about the running system.
#[derive(Debug, Clone, PartialEq)]
pub enum Expectation {
    Alive(Target),
    Dead {
        target: Target,
        reason: Option<TermExpr>,
    },
    Message {
        target: Target,
        pattern: TermExpr,
    },
    NoMessage {
        target: Target,
        pattern: TermExpr,
    },
    /// Restarts of the child at `path` so far.
    Restarts {
        path: Target,
        count: u64,
    },
    /// Children of `sup` running now.
    Children {
        sup: Target,
        count: u64,
    },
    /// `TARGET` still resolves to the pid held in `var`.
    Same {
        target: Target,
        var: String,
    },
    /// `TARGET` now resolves to a different pid than the one in `var`.
    Changed {
        target: Target,
        var: String,
    },
    Reply {
        target: Target,
        request: TermExpr,
        pattern: TermExpr,
    },
}

/// One command of the language; see the table in DESIGN.md.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // processes
    Spawn {
        kind: KindSpec,
        name: Option<String>,
        link_or_monitor: Option<SpawnOpt>,
    },
    Exit {
        target: Target,
        reason: TermExpr,
    },
    Kill {
        target: Target,
    },
    Crash {
        target: Target,
        reason: Option<TermExpr>,
    },
    Trap {
        target: Target,
        on: bool,
    },
    // messages
    /// Both `send T M` and `T ! M`.
    Send {
        target: Target,
        message: TermExpr,
    },
    Call {
        target: Target,
        request: TermExpr,
        timeout: Option<Duration>,
    },
    Flush,
    Receive {
        pattern: Option<TermExpr>,
        timeout: Option<Duration>,
    },
    // links and monitors: with one target, the shell is the other side
    Link {
        a: Target,
        b: Option<Target>,
    },
    Unlink {
        a: Target,
        b: Option<Target>,
    },
    Monitor {
        a: Target,
        b: Option<Target>,
    },
    Demonitor {
        reference: TermExpr,
    },
    // names
    Register {
        name: String,
        target: Target,
    },
    Unregister {
        name: String,
    },
    Whereis {
        target: Target,
    },
    // supervisors
    Sup(SupSpec),
    StartChild {
        sup: Target,
        child: StartChildArg,
    },
    /// The child is an id (a bare name), or for the instances of a
    /// `simple_one_for_one` a pid: a pid literal, a variable or any target.
    TerminateChild {
        sup: Target,
        child: Target,
    },
    RestartChild {
        sup: Target,
        id: String,
    },
    DeleteChild {
        sup: Target,
        id: String,
    },
    WhichChildren {
        sup: Target,
    },
    CountChildren {
        sup: Target,
    },
    // views
    Tree {
        sup: Option<Target>,
    },
    Ps(PsRows),
    Info {
        target: Target,
    },
    Mailbox {
        target: Target,
    },
    Regs,
    // time
    Sleep(Duration),
    Wait {
        target: Target,
        until: WaitFor,
        timeout: Option<Duration>,
    },
    // presenting
    Say(String),
    Pause,
    Clear,
    Reset,
    /// `slowmo 500ms` or `slowmo off` (`None`).
    Slowmo(Option<Duration>),
    Log(LogLevel),
    /// `syntax elixir` or `syntax erlang`: how terms and errors are written.
    Syntax(crate::view::Syntax),
    Trace {
        target: Target,
        on: bool,
    },
    // process code
    /// `def NAME { CLAUSES }`: a module in the process language
    /// (`crate::erlang`), parsed and checked when it is evaluated.
    Def {
        name: String,
        /// The text between the braces, as written.
        source: String,
        /// Where `source` starts in the statement's text: the line (0 for
        /// the statement's first) and the column on it (0-based, in
        /// characters), so a compile error can name the script's
        /// FILE:LINE:COL.
        line_offset: usize,
        column_offset: usize,
    },
    /// `show NAME` or `show NAME@N`: a definition's source (of version N).
    Show(String),
    /// `versions NAME`: a definition's versions and who runs each.
    Versions(String),
    /// `purge NAME`: `code:purge/1`, the old version and its processes go.
    Purge(String),
    /// `load FILE`: every `def` block of a file.
    Load(std::path::PathBuf),
    /// `export NAME [to FILE]`, `export sup SUP [to FILE]`: Erlang source
    /// for a definition, or `supervisor` modules for a running tree.
    Export {
        what: ExportWhat,
        file: Option<std::path::PathBuf>,
    },
    // explaining what happened
    /// `why TARGET`: the chain of causes of a death, back to the first.
    Why {
        target: Target,
    },
    /// `seq on|off|show|mermaid|svg ...`: message sequence charts.
    Seq(SeqCommand),
    /// `tree --mermaid [SUP]`: the tree as a Mermaid flowchart.
    TreeMermaid {
        sup: Option<Target>,
    },
    /// `tree --svg FILE [SUP] [--light]`: the tree as the projector draws
    /// it, in one of the stage's themes.
    TreeSvg {
        file: String,
        sup: Option<Target>,
        theme: Theme,
    },
    /// `stage on [PORT] | off | status`: serve the session to browsers.
    Stage(StageCommand),
    /// `audience open | close | reset | intensity N`: the audience demo.
    Audience(AudienceCommand),
    // help
    Help(Option<String>),
    Kinds,
    Quit,
    // checks
    Expect(Expectation),
    // variables
    /// `W = spawn counter`, `X = {a, 1}` (value is `Eval`), `Me = self`.
    Assign {
        var: String,
        value: Box<Command>,
    },
    /// `{ok, P} = start_child s`: the value matched against a pattern, as
    /// in Erlang's shell; the pattern's unbound variables are bound.
    Match {
        pattern: TermExpr,
        value: Box<Command>,
    },
    /// A bare term: the right-hand side of `X = {a, 1}`, or a line like `W`
    /// that just shows a variable's value.
    Eval(TermExpr),
    /// A line that is no command but Erlang: an expression sequence with
    /// an optional `.` (`X = lists:seq(1, 3).`, `self() ! hello`,
    /// `flush().`), evaluated by the shell process as `erl` would. The
    /// text as written, parsed again and compiled when it is evaluated.
    Erlang(String),
    /// `defmodule Name do ... end` (Elixir, `crate::elixir`): its modules
    /// are parsed, compiled and loaded when it is evaluated, as `def`'s.
    /// The whole statement as written.
    Defmodule(String),
    /// A line that is no command and no Erlang but Elixir (`send(pid,
    /// :hi)`, `Counter.start(0) |> Process.alive?()`), evaluated by the
    /// shell process as `iex` would. A line that reads as Erlang too is
    /// Elixir when the session's syntax is (`syntax elixir`).
    Elixir(String),
}

/// What `export` writes as Erlang.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportWhat {
    /// A definition, by name.
    Definition(String),
    /// A running supervisor (its tree).
    Sup(Target),
    /// The whole session as an OTP application of this name (`export app
    /// NAME [to DIR]`).
    App(String),
    /// The same as a Mix project, its modules in Elixir (`export app NAME
    /// [to DIR] --mix`).
    MixApp(String),
}

/// What a `seq` command asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeqCommand {
    /// `seq on A B C`: start recording a chart with these lifelines.
    On(Vec<Target>),
    /// `seq off`: stop recording (the chart stays for `show`).
    Off,
    /// `seq show`: the chart in the terminal.
    Show,
    /// `seq mermaid`: the chart as a Mermaid `sequenceDiagram`.
    Mermaid,
    /// `seq svg FILE [--dark|--light]`: the chart as an SVG file, in one
    /// of the stage's themes (dark unless told).
    Svg { file: String, theme: Theme },
}

/// One parsed statement with everything a REPL or script runner needs to
/// show it, run it and check it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub command: Command,
    pub span: Span,
    /// The statement's text as written (several lines for a `sup` block).
    pub source: String,
    /// The `#=> ` lines that directly follow the statement in a script,
    /// without the prefix: the output a `check` run compares against.
    pub expected_output: Vec<String>,
    /// Plain `#` comment lines before the statement (without the `#`), which
    /// a replayer shows when asked to (`--comments`).
    pub comments: Vec<String>,
}

/// `stage ...`.
#[derive(Clone, Debug, PartialEq)]
pub enum StageCommand {
    /// Start serving, on this port (default 8080).
    On(Option<u16>),
    Off,
    Status,
}

/// `audience ...`.
#[derive(Clone, Debug, PartialEq)]
pub enum AudienceCommand {
    /// Start the audience tree (if it is not running) and let phones join.
    Open,
    /// No new members; those in can still crash.
    Close,
    /// Forget every member and start the audience tree afresh.
    Reset,
    /// The restarts a partition allows in 5s; rebuilds the tree, members
    /// rejoin.
    Intensity(u32),
}
