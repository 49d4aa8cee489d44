//! letitcrash: a playground for Erlang/OTP-style processes.
//!
//! A presenter types short commands (`spawn`, `send`, `link`, `kill`,
//! `sup ... { ... }`) and the audience watches processes crash and
//! supervisors bring them back; the same commands replay from demo scripts
//! and check themselves in tutorials. What the playground shows is what the
//! BEAM does: the rules it follows are in `OTP-SEMANTICS.md`, and every rule
//! has a test named after it.
//!
//! # Layers
//!
//! One library with a thin binary (`src/main.rs`) on top. Each layer calls
//! only the layers below it; the one import circle left is inside the
//! runtime's core (process, node, scheduler), described in
//! docs/architecture.md.
//!
//! ```text
//! main.rs, cli.rs  the binary and its subcommands (clap)
//! repl/            front end: the interactive shell (rustyline), piped mode
//! script/          front end: `run` (paced replay) and `check`
//! serve.rs         front end: `letitcrash serve`
//! bench/, endurance/  measuring tools: `bench`, `soak`, `leak`, `fuzz`
//! frontend/        what the front ends share: prompt, session options,
//!                  the transcript loop, opening a session with the stage
//! stage/           the session in a browser; the session's observer
//! session/         the evaluator: statements become runtime calls
//! commands/        the presenter's command language: parser, AST, help
//! erlang/          the process language: syntax, checker, compiler,
//!                  bytecode VM, its standard library (in Erlang), export
//!                  to Erlang
//! elixir/          Elixir source (`defmodule`, expressions at the
//!                  prompt) lowered to erlang/'s syntax tree
//! view/            pure functions from data to text and SVG; the event feed
//! supervisor/      the supervisor process: specs, strategies, intensity
//! behavior/        built-in kinds, native modules in the code table
//! runtime/         pids, terms, processes, signals, scheduler, timers,
//!                  names, the code table, events
//! diagnostics.rs   every error with a position, rendered one way
//! style.rs         the palette by meaning, and the colour switch
//! ```
//!
//! - [`runtime`] is a small BEAM: lightweight processes (Rust `async`
//!   state machines) run by a hand-written M:N scheduler with preemption by
//!   reductions; links, monitors, exit signals and trap_exit; timers on a
//!   wall or virtual clock; a deterministic single-threaded mode; an event
//!   stream; and the code table, the one registry of what can be spawned.
//!   It knows nothing of the layers above.
//! - [`supervisor`] is OTP's `supervisor` as a native process, with the
//!   four strategies, restart intensity, restart types, shutdown, and the
//!   `start_child`/`which_children`/... API.
//! - [`behavior`] holds the kinds a presenter can spawn, native modules of
//!   the code table: the StateServer and the `stateful` worker that
//!   restores its state after a crash among them.
//! - [`erlang`] is the process language (`def counter { ... }`): compiled
//!   to a register bytecode and run by an interpreter that is one more
//!   `runtime::Program`, with reductions, tail calls, selective receive
//!   and OTP 25's exit reasons. A loaded definition is a module of the
//!   code table beside the built-in kinds. Defining it again is hot code
//!   loading as Erlang's code server does it: the code table keeps a
//!   current and an old version, a process moves to new code at a fully
//!   qualified call, and a purge (`Runtime::purge`) kills the processes
//!   still in old code. `erlang::export` writes a definition (and, from
//!   descriptions the session makes, a running supervision tree) as Erlang
//!   modules that `erlc` compiles, laid out as `erlfmt` would.
//! - [`view`] renders: it takes data (events, process info, supervisor
//!   snapshots) and returns coloured or plain text.
//! - [`commands`] parses the presenter's commands (and takes a line that
//!   is none as Erlang); [`session`] evaluates them in a
//!   [`session::Session`]: the runtime, a shell process acting for the
//!   presenter, variables. Erlang typed at the prompt is compiled and run
//!   as the shell process, as `erl` evaluates it in its shell.
//! - [`stage`] serves a session to browsers: the tree as live SVG for the
//!   projector, and the audience demo on phones (hyper on tokio, server-sent
//!   events, its own threads). It is the session's observer.
//! - [`frontend`] is what [`repl`], [`script`] and [`serve`] share;
//!   [`bench`] measures the runtime; [`endurance`] runs the soak, leak
//!   and fuzz runs CI puts it through.

// The term's tagged word (`runtime/term/word.rs`) is the one place that
// needs `unsafe`, measured to be worth it (runtime/term/DESIGN.md); the
// compiler keeps it the only one.
#![deny(unsafe_code)]

pub mod behavior;
pub mod bench;
pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod elixir;
pub mod endurance;
pub mod erlang;
pub mod frontend;
pub mod repl;
pub mod runtime;
pub mod script;
pub mod serve;
pub mod session;
pub mod stage;
pub mod style;
pub mod supervisor;
pub mod view;
