//! The process language: the Erlang subset a presenter writes in the REPL, compiled
//! to bytecode and run by our own scheduler, with reductions, exactly as the
//! BEAM would run the same module.
//!
//! ```text
//! def counter {                      commands/ reads the block (`def NAME { }`)
//!   start(N) -> loop(N).             syntax/   text -> ast::Module
//!   loop(N) ->                       check.rs  unbound variables, unknown
//!     receive                                  local functions (as erlc)
//!       incr -> loop(N + 1);         compile.rs ast -> bytecode (opcodes.rs)
//!       {get, From} ->               vm/       the interpreter loop, BIFs,
//!         From ! {count, N},                   errors with OTP's stack
//!         loop(N)                    program.rs a `runtime::Program`: one
//!     end.                                     time slice of a VM process
//! }
//! ```
//!
//! A definition is a module: loaded into the runtime's code table under its
//! name, beside the built-in kinds (native modules of the same table, which
//! a definition of the same name shadows), it can be spawned
//! (`spawn counter(0)` calls `counter:start(0)`), be a child of supervisors,
//! and be called from other definitions (`counter:loop(N)`).
//!
//! The standard library people call beyond the VM's BIFs is written in
//! this language too (`stdlib/`, `lists.erl`), compiled once and preloaded
//! by every session.
//!
//! Compile errors are [`crate::diagnostics::Diagnostic`]s (line, column, caret,
//! hint): the same rendering as the command language's, so a presenter sees
//! one kind of error whatever they typed.
//!
//! Imports: the runtime, the diagnostics, and the view's way of printing a
//! reason; never the command language, the session or the built-in kinds
//! (they meet in the runtime's code table).

pub mod ast;
pub mod bitsyntax;
pub mod check;
pub mod compile;
pub mod exception;
pub mod export;
pub mod module;
pub mod names;
pub mod opcodes;
pub mod program;
pub mod stdlib;
pub mod syntax;
pub mod vm;

#[cfg(test)]
mod tests;

pub use crate::view::reason::compact as describe_reason;
pub use check::check;
pub use module::CompiledModule;
pub use program::{load, lookup, spawn, spawn_top};
pub use syntax::parse_module as parse;
pub use syntax::parse_module_in as parse_in;

use crate::diagnostics::Diagnostic;
use std::sync::Arc;

/// Compiles a definition (see [`compile::compile`]); an error's source
/// line is the caller's to fill in ([`Diagnostic::quote`]).
pub fn compile(module: &ast::Module) -> Result<Arc<CompiledModule>, Diagnostic> {
    let mut compiled = compile::compile(module)?;
    // With `-export`, only what it lists is reachable from outside (a
    // remote call, a spawn, `fun M:F/A`): anything else is `undef`.
    if let Some(exports) = &module.attributes.exports {
        compiled.exports.retain(|(name, arity), _| {
            exports
                .iter()
                .any(|(n, a, _)| name.name() == n && *arity as usize == *a)
        });
    }
    Ok(Arc::new(compiled))
}
