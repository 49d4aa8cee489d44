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
//! only the layers below it:
//!
//! ```text
//! main.rs      the binary: the allocator, then cli.rs
//! cli.rs       CLI: repl | run FILE | check FILE... | bench | serve (clap)
//! repl/        the interactive shell: rustyline, completion, live events
//! script/      replaying demo scripts, and check mode for expectations
//! lang/        the command language: nom parser -> AST -> evaluator (Session)
//! bench/       `letitcrash bench`: spawn, ring, restart, fairness figures
//! stage/       the session in a browser: projector page, audience demo (HTTP)
//! view/        pure functions from data to text: event lines, ps, info, tree
//! supervisor/  the supervisor process: specs, strategies, restart intensity
//! behavior/    built-in process kinds: echo, counter, state_server, ...
//! code/        the process language: syntax tree, compiler, bytecode VM, export to Erlang
//! runtime/     pids, terms, processes, signals, scheduler, timers, events
//! ```
//!
//! - [`runtime`] is a small BEAM: lightweight processes (Rust `async`
//!   state machines) run by a hand-written M:N scheduler with preemption by
//!   reductions; links, monitors, exit signals and trap_exit; timers on a
//!   wall or virtual clock; a deterministic single-threaded mode; an event
//!   stream. It knows nothing of the layers above.
//! - [`supervisor`] is OTP's `supervisor` as a native process, with the
//!   four strategies, restart intensity, restart types, shutdown, and the
//!   `start_child`/`which_children`/... API.
//! - [`behavior`] holds the kinds a presenter can spawn, the StateServer and
//!   the `stateful` worker that restores its state after a crash among them.
//! - [`code`] is the process language (`def counter { ... }`): compiled to
//!   a register bytecode and run by an interpreter that is one more
//!   `runtime::Program`, with reductions, tail calls, selective receive
//!   and OTP 25's exit reasons. A loaded definition is a kind like the
//!   built-in ones. Defining it again is hot code loading as Erlang's code
//!   server does it: the runtime's code table keeps a current and an old
//!   version, a process moves to new code at a fully qualified call, and
//!   a purge (`Runtime::purge`) kills the processes still in old code.
//!   `code::export` writes a definition (and, from descriptions the
//!   session makes, a running supervision tree) as Erlang modules that
//!   `erlc` compiles, laid out as `erlfmt` would.
//! - [`view`] renders: it takes data (events, process info, supervisor
//!   snapshots) and returns coloured or plain text.
//! - [`lang`] parses commands and evaluates them in a [`lang::Session`]:
//!   the runtime, a shell process acting for the presenter, variables.
//! - [`stage`] serves a session to browsers: the tree as live SVG for the
//!   projector, and the audience demo on phones (tiny_http, server-sent
//!   events, its own threads).
//! - [`repl`] and [`script`] drive a session from a terminal or a file;
//!   [`bench`] measures the runtime; [`endurance`] runs the soak, leak
//!   and fuzz runs CI puts it through.

pub mod behavior;
pub mod bench;
pub mod cli;
pub mod commands;
pub mod diagnostics;
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
