//! The standard library written in the process language itself, as Wren
//! writes its core library in Wren: each module here is Erlang source
//! (`lists.erl`), compiled once per run of the tool and preloaded into
//! every session's code table, so that `lists:sort/1` is a call into
//! ordinary bytecode: charged reductions, preemptible, with OTP's stack
//! frames, and exercised by everything that calls it.
//!
//! What the VM already has as BIFs (`lists:reverse/1,2`, `seq/2`, `map/2`,
//! `foldl/3`) is resolved by the compiler before any module is looked up,
//! so those stay BIFs; the rest of the module is here. A preloaded module
//! sits in the code table as the built-in kinds do, under any loaded
//! module of its name (`names::RUNTIME_MODULES` keeps definitions from
//! taking these names).
//!
//! Imports: the process language's own parser and compiler, and the
//! runtime's code table.

use super::CompiledModule;
use crate::runtime::{Atom, CodeTable};
use std::sync::{Arc, OnceLock};

/// Each module's name and source.
const SOURCES: &[(&str, &str)] = &[
    ("application", include_str!("application.erl")),
    ("calendar", include_str!("calendar.erl")),
    ("dict", include_str!("dict.erl")),
    ("gb_sets", include_str!("gb_sets.erl")),
    ("gb_trees", include_str!("gb_trees.erl")),
    ("gen", include_str!("gen.erl")),
    ("gen_server", include_str!("gen_server.erl")),
    ("gen_statem", include_str!("gen_statem.erl")),
    ("lists", include_str!("lists.erl")),
    ("orddict", include_str!("orddict.erl")),
    ("ordsets", include_str!("ordsets.erl")),
    ("proc_lib", include_str!("proc_lib.erl")),
    ("proplists", include_str!("proplists.erl")),
    ("queue", include_str!("queue.erl")),
    ("sets", include_str!("sets.erl")),
    ("string", include_str!("string.erl")),
    ("supervisor", include_str!("supervisor.erl")),
    ("sys", include_str!("sys.erl")),
    ("timer", include_str!("timer.erl")),
    // Elixir's standard library, as Erlang modules named as Elixir names
    // them (`Enum` is 'Elixir.Enum').
    ("Elixir.Access", include_str!("elixir/Access.erl")),
    ("Elixir.Agent", include_str!("elixir/Agent.erl")),
    (
        "Elixir.Agent.Server",
        include_str!("elixir/Agent.Server.erl"),
    ),
    ("Elixir.Application", include_str!("elixir/Application.erl")),
    (
        "Elixir.ArgumentError",
        include_str!("elixir/ArgumentError.erl"),
    ),
    (
        "Elixir.ArithmeticError",
        include_str!("elixir/ArithmeticError.erl"),
    ),
    (
        "Elixir.BadArityError",
        include_str!("elixir/BadArityError.erl"),
    ),
    (
        "Elixir.BadBooleanError",
        include_str!("elixir/BadBooleanError.erl"),
    ),
    (
        "Elixir.BadFunctionError",
        include_str!("elixir/BadFunctionError.erl"),
    ),
    ("Elixir.BadMapError", include_str!("elixir/BadMapError.erl")),
    (
        "Elixir.BadStructError",
        include_str!("elixir/BadStructError.erl"),
    ),
    (
        "Elixir.CaseClauseError",
        include_str!("elixir/CaseClauseError.erl"),
    ),
    (
        "Elixir.CondClauseError",
        include_str!("elixir/CondClauseError.erl"),
    ),
    (
        "Elixir.DynamicSupervisor",
        include_str!("elixir/DynamicSupervisor.erl"),
    ),
    (
        "Elixir.DynamicSupervisor.Default",
        include_str!("elixir/DynamicSupervisor.Default.erl"),
    ),
    ("Elixir.Enum", include_str!("elixir/Enum.erl")),
    (
        "Elixir.Enum.EmptyError",
        include_str!("elixir/Enum.EmptyError.erl"),
    ),
    (
        "Elixir.Enum.OutOfBoundsError",
        include_str!("elixir/Enum.OutOfBoundsError.erl"),
    ),
    ("Elixir.ErlangError", include_str!("elixir/ErlangError.erl")),
    ("Elixir.Exception", include_str!("elixir/Exception.erl")),
    ("Elixir.Float", include_str!("elixir/Float.erl")),
    (
        "Elixir.FunctionClauseError",
        include_str!("elixir/FunctionClauseError.erl"),
    ),
    ("Elixir.Function", include_str!("elixir/Function.erl")),
    ("Elixir.GenServer", include_str!("elixir/GenServer.erl")),
    ("Elixir.IO", include_str!("elixir/IO.erl")),
    ("Elixir.Integer", include_str!("elixir/Integer.erl")),
    ("Elixir.Kernel", include_str!("elixir/Kernel.erl")),
    ("Elixir.KeyError", include_str!("elixir/KeyError.erl")),
    ("Elixir.Keyword", include_str!("elixir/Keyword.erl")),
    ("Elixir.List", include_str!("elixir/List.erl")),
    ("Elixir.List.Chars", include_str!("elixir/List.Chars.erl")),
    ("Elixir.Logger", include_str!("elixir/Logger.erl")),
    ("Elixir.Map", include_str!("elixir/Map.erl")),
    ("Elixir.MapSet", include_str!("elixir/MapSet.erl")),
    ("Elixir.MatchError", include_str!("elixir/MatchError.erl")),
    ("Elixir.Process", include_str!("elixir/Process.erl")),
    (
        "Elixir.Protocol.UndefinedError",
        include_str!("elixir/Protocol.UndefinedError.erl"),
    ),
    ("Elixir.Range", include_str!("elixir/Range.erl")),
    ("Elixir.Registry", include_str!("elixir/Registry.erl")),
    (
        "Elixir.Registry.Partition",
        include_str!("elixir/Registry.Partition.erl"),
    ),
    (
        "Elixir.RuntimeError",
        include_str!("elixir/RuntimeError.erl"),
    ),
    ("Elixir.Stream", include_str!("elixir/Stream.erl")),
    ("Elixir.String", include_str!("elixir/String.erl")),
    (
        "Elixir.String.Chars",
        include_str!("elixir/String.Chars.erl"),
    ),
    ("Elixir.Supervisor", include_str!("elixir/Supervisor.erl")),
    (
        "Elixir.Supervisor.Default",
        include_str!("elixir/Supervisor.Default.erl"),
    ),
    (
        "Elixir.SystemLimitError",
        include_str!("elixir/SystemLimitError.erl"),
    ),
    ("Elixir.Task", include_str!("elixir/Task.erl")),
    (
        "Elixir.TryClauseError",
        include_str!("elixir/TryClauseError.erl"),
    ),
    ("Elixir.Tuple", include_str!("elixir/Tuple.erl")),
    (
        "Elixir.UndefinedFunctionError",
        include_str!("elixir/UndefinedFunctionError.erl"),
    ),
    (
        "Elixir.WithClauseError",
        include_str!("elixir/WithClauseError.erl"),
    ),
];

/// Whether `name` is a module of this library: one of OTP's (`supervisor`,
/// `gen_server`) or of Elixir's (`Elixir.Agent`), which a real release has
/// too, so `export app` may name it in a child spec as it is.
pub fn is_library_module(name: &str) -> bool {
    SOURCES.iter().any(|(module, _)| *module == name)
}

/// The modules, compiled on first use.
fn modules() -> &'static [(Atom, Arc<CompiledModule>)] {
    static MODULES: OnceLock<Vec<(Atom, Arc<CompiledModule>)>> = OnceLock::new();
    MODULES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(name, source)| (Atom::new(name), compile(name, source)))
            .collect()
    })
}

/// A module of the library, which must compile: a mistake in it is the
/// tool's, found by the first test that starts a session.
fn compile(name: &str, source: &str) -> Arc<CompiledModule> {
    let show = |error: crate::diagnostics::Diagnostic| {
        format!(
            "the standard library's {name}.erl: {}:{}: {}",
            error.line, error.column, error.message
        )
    };
    let module = super::parse(name, source).unwrap_or_else(|e| panic!("{}", show(e)));
    super::check(&module).unwrap_or_else(|e| panic!("{}", show(e)));
    super::compile(&module).unwrap_or_else(|e| panic!("{}", show(e)))
}

/// Preloads the standard library into `code` (a session's runtime, a
/// test's).
pub fn preload(code: &CodeTable) {
    for (name, module) in modules() {
        code.preload(*name, module.clone());
    }
}
