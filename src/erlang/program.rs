//! Loading definitions into a runtime and starting processes that run
//! them: the glue between compiled code and the runtime's
//! [`Program`](crate::runtime::Program) contract, whose implementation is
//! the interpreter ([`Vm`]).
//!
//! A definition is loaded into the runtime's code table
//! ([`crate::runtime::CodeTable`]) under its name, as an
//! `Arc<CompiledModule>` numbered with its version. Spawning looks the
//! *current* version up once; the process then holds that version (its
//! frames refer to it), so loading a new version changes what new
//! processes and new remote calls run, never the code under a running one:
//! Erlang's rule, where a local call stays in its version and a fully
//! qualified call `counter:loop(N)` goes to the newest.
//!
//! Loading keeps Erlang's two versions: the shell's `c/1` calls
//! `code:purge/1` before it loads, so loading a third version kills the
//! processes still running the first ([`crate::runtime::Runtime::purge`])
//! and drops it. A purged version is marked so
//! ([`CompiledModule::is_purged`]): a local fun of it that a process still
//! holds raises `{badfun, F}` when called, as on the BEAM.

use super::module::{CompiledModule, FunValue};
use super::vm::errors::{self, Raise};
use super::vm::interpreter::Vm;
use crate::runtime::code_table::{self, Module, SpawnError, Spawner, StartContext};
use crate::runtime::{
    Atom, EventId, Pid, Process, Program, Purged, Ref, Runtime, SpawnOpts, Step, Term,
};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// Makes `module` the current version of its name in `runtime` (see
/// [`load_for`]).
pub fn load(runtime: &Runtime, module: Arc<CompiledModule>) -> Option<Purged> {
    load_for(runtime, module, None)
}

/// Makes `module` the next version of its name in `runtime`, on account of
/// event `by` (the shell's `def`): the old version, if there is one, is
/// purged first (its processes killed, see the module docs), and what the
/// purge did is returned.
pub fn load_for(
    runtime: &Runtime,
    module: Arc<CompiledModule>,
    by: Option<EventId>,
) -> Option<Purged> {
    // Code in the process language may call the standard library (a
    // comprehension is `lists:flatmap/2`): every runtime that loads some
    // has it.
    if !runtime.code().is_native(Atom::new("lists")) {
        super::stdlib::preload(runtime.code());
    }
    let purged = purge(runtime, module.name, by);
    let version = runtime.code().next_version(module.name);
    module.version.store(version, Ordering::Relaxed);
    runtime.code().load(module.name, version, module);
    purged
}

/// `code:purge(Module)`: kills the processes still running the old version
/// of `name`, removes it, and marks it purged, so that the funs of it left
/// in other processes' data fail with `badfun`. `None` if there is no old
/// version.
pub fn purge(runtime: &Runtime, name: Atom, by: Option<EventId>) -> Option<Purged> {
    let purged = runtime.purge(name, by)?;
    if let Some(module) = as_compiled(purged.code.clone()) {
        module.purged.store(true, Ordering::Relaxed);
    }
    Some(purged)
}

/// Both loaded versions of `name`, current first.
pub fn versions(runtime: &Runtime, name: Atom) -> Vec<Arc<CompiledModule>> {
    let Some(versions) = runtime.code().versions(name) else {
        return Vec::new();
    };
    std::iter::once(versions.current)
        .chain(versions.old)
        .filter_map(|loaded| as_compiled(loaded.code))
        .collect()
}

/// The current version of the definition `name` loaded in `runtime`.
pub fn lookup(runtime: &Runtime, name: Atom) -> Option<Arc<CompiledModule>> {
    as_compiled(runtime.code().current(name)?)
}

/// The remote calls of `module` that can only fail with `undef`, as
/// erlc's xref reports them: `M:F/A` where `M` is known (a module of the
/// runtime, a loaded definition, `module` itself) and has no such
/// function. A call into a module not loaded yet is not one: it may be
/// defined later.
pub fn undefined_calls(runtime: &Runtime, module: &CompiledModule) -> Vec<String> {
    let mut missing = Vec::new();
    for import in &module.imports {
        let exported =
            |code: &CompiledModule| code.exports.contains_key(&(import.function, import.arity));
        let defined = if import.module == module.name {
            exported(module)
        } else {
            match lookup(runtime, import.module) {
                Some(code) => exported(&code),
                // A module of the runtime's without such a BIF (the
                // compiler made every BIF call a BIF instruction).
                None if super::vm::bifs::is_bif_module(import.module.name()) => false,
                None => true,
            }
        };
        let name = format!("{}:{}/{}", import.module, import.function, import.arity);
        if !defined && !missing.contains(&name) {
            missing.push(name);
        }
    }
    missing
}

/// The current version of `name`, as seen from a process.
pub(crate) fn current(process: &Process, name: Atom) -> Option<Arc<CompiledModule>> {
    as_compiled(process.code().current(name)?)
}

fn as_compiled(code: crate::runtime::LoadedCode) -> Option<Arc<CompiledModule>> {
    code_table::downcast::<CompiledModule>(code)
}

/// A definition is a module of the code table like a built-in kind: the
/// shell's `spawn counter(0)` and a supervisor's child start it as
/// `counter:start(0)`.
impl Module for CompiledModule {
    fn is_native(&self) -> bool {
        false
    }

    fn struct_fields(&self) -> Option<&[Atom]> {
        self.struct_fields.as_deref()
    }

    fn check_start(
        &self,
        function: Atom,
        args: &[Term],
        _context: &StartContext,
        _whereis: &dyn Fn(Atom) -> Option<Pid>,
    ) -> Result<(), SpawnError> {
        let arities: Vec<u32> = self
            .function_names()
            .into_iter()
            .filter(|(name, _)| *name == function)
            .map(|(_, arity)| arity)
            .collect();
        if arities.contains(&(args.len() as u32)) {
            Ok(())
        } else {
            Err(Box::new(NoStart {
                module: self.name,
                function,
                given: args.len(),
                arities,
            }))
        }
    }

    fn start(
        &self,
        spawner: Spawner<'_>,
        function: Atom,
        args: &[Term],
        context: &StartContext,
    ) -> Result<Pid, SpawnError> {
        self.check_start(function, args, context, &|_| None)?;
        let started = match spawner {
            Spawner::Process { parent, link } => {
                spawn(parent, self.name, function, args.to_vec(), link)
            }
            Spawner::Top(runtime) => spawn_top(runtime, self.name, function, args.to_vec()),
        };
        started.map_err(|_| {
            Box::new(NoStart {
                module: self.name,
                function,
                given: args.len(),
                arities: Vec::new(),
            }) as SpawnError
        })
    }
}

/// A definition without the `start/N` a spawn asked for. `arities` are the
/// `start/N` it has.
#[derive(Clone, Debug, PartialEq)]
pub struct NoStart {
    pub module: Atom,
    pub function: Atom,
    pub given: usize,
    pub arities: Vec<u32>,
}

impl std::fmt::Display for NoStart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, function, given) = (self.module.name(), self.function.name(), self.given);
        if self.arities.is_empty() {
            return write!(
                f,
                "`{kind}` has no {function}/{given}: `spawn {kind}(...)` calls {kind}:{function}(...)"
            );
        }
        let starts: Vec<String> = self
            .arities
            .iter()
            .map(|n| format!("{function}/{n}"))
            .collect();
        let counts: Vec<String> = self.arities.iter().map(u32::to_string).collect();
        // "1 argument", "2 arguments", "1 or 2 arguments".
        let noun = if self.arities.as_slice() == [1] {
            "argument"
        } else {
            "arguments"
        };
        write!(
            f,
            "`{kind}` has no {function}/{given}, only {}: give it {} {noun}",
            starts.join(", "),
            counts.join(" or ")
        )
    }
}

impl std::error::Error for NoStart {}

/// Starts `module:function(args...)` in a new process whose parent is
/// `parent` (linked to it if `link`): what `spawn(M, F, A)` and
/// `spawn_link` do, for a loaded definition. `Err` (with a reason term,
/// `undef`-like) if the definition or the function does not exist: the
/// shell and supervisors check before they spawn (see
/// `behavior::spawn_kind`); the `spawn/3` BIF instead starts a process that
/// dies with `undef`, as the BEAM does.
pub fn spawn(
    parent: &Process,
    module: Atom,
    function: Atom,
    args: Vec<Term>,
    link: bool,
) -> Result<Pid, Term> {
    let vm = prepare(current(parent, module), module, function, args)?;
    let (pid, _) = parent.spawn_program_with(module.name(), Box::new(vm), link, false);
    Ok(pid)
}

/// Like [`spawn`], with no parent (for tests and tools).
pub fn spawn_top(
    runtime: &Runtime,
    module: Atom,
    function: Atom,
    args: Vec<Term>,
) -> Result<Pid, Term> {
    let vm = prepare(lookup(runtime, module), module, function, args)?;
    Ok(runtime.spawn_program(module.name(), Box::new(vm)))
}

fn prepare(
    code: Option<Arc<CompiledModule>>,
    module: Atom,
    function: Atom,
    args: Vec<Term>,
) -> Result<Vm, Term> {
    let found = code.and_then(|code| {
        let func = code.function(function, args.len() as u32)?;
        Some((code, func))
    });
    match found {
        Some((code, func)) => Ok(Vm::new(code, func, args)),
        None => Err(undef(module, function, args)),
    }
}

/// A program running `module:function(args)` from `process`'s code
/// table (one that ends at once with `undef` if there is no such
/// function), to run inside a native process (`runtime::run_within`).
pub(crate) fn program_for(
    process: &Process,
    module: Atom,
    function: Atom,
    args: Vec<Term>,
) -> Box<dyn Program> {
    let code = process.code().current(module).and_then(as_compiled);
    compiled_program(code, module, function, args)
}

/// `module:function(args)` of `code` as a program: the VM at the
/// function, or one that ends at once with `undef` if there is none.
fn compiled_program(
    code: Option<Arc<CompiledModule>>,
    module: Atom,
    function: Atom,
    args: Vec<Term>,
) -> Box<dyn Program> {
    match prepare(code, module, function, args) {
        Ok(vm) => Box::new(vm),
        Err(reason) => Box::new(Doomed(Some(reason))),
    }
}

/// `{undef, [{M, F, Args, []}]}`: the exit reason of a process spawned to
/// run a function that does not exist.
fn undef(module: Atom, function: Atom, args: Vec<Term>) -> Term {
    let mut raise = Raise::error(Term::atom("undef"));
    raise.top = Some(errors::frame(module, function, Term::list(args), None));
    errors::exit_reason(raise, Vec::new())
}

/// A process that ends at once with a reason (a `spawn` of something
/// undefined, as the BEAM's would).
struct Doomed(Option<Term>);

impl Program for Doomed {
    fn run(&mut self, _: &Process) -> Step {
        Step::Exit(self.0.take().unwrap_or_else(Term::normal))
    }
}

/// `spawn(M, F, A)` and friends from the process language: a loaded
/// definition, else a native module of that name (a built-in kind, started
/// with the arguments `A`, whatever `F` is), else a process that dies
/// `undef`.
pub(crate) fn spawn_mfa(
    parent: &Process,
    module: Atom,
    function: Atom,
    args: Vec<Term>,
    link: bool,
    monitor: bool,
) -> Result<(Pid, Option<Ref>), Raise> {
    let options = SpawnOpts {
        link,
        monitor,
        max_heap_size: None,
    };
    spawn_mfa_opts(parent, module, function, args, options)
}

/// `spawn_opt(M, F, A, Options)`: [`spawn_mfa`] with the options parsed
/// (see `bifs::spawn_options`). Past the process limit (OTP's `+P`) it
/// raises `system_limit`, as the BEAM's spawns do.
pub(crate) fn spawn_mfa_opts(
    parent: &Process,
    module: Atom,
    function: Atom,
    args: Vec<Term>,
    options: SpawnOpts,
) -> Result<(Pid, Option<Ref>), Raise> {
    check_process_limit(parent)?;
    let loaded = parent.code().current(module);
    if let Some(native) = loaded.as_ref().filter(|code| code.is_native()) {
        let spawner = Spawner::Process {
            parent,
            link: options.link,
        };
        let pid = native
            .start(spawner, function, &args, &StartContext::none())
            .map_err(|_| Raise::badarg())?;
        if let Some(limit) = options.max_heap_size {
            parent.set_max_heap_size_of(pid, limit);
        }
        let reference = options.monitor.then(|| parent.monitor(pid));
        return Ok((pid, reference));
    }
    let kind = initial_call_kind(module, function, &args);
    let program = compiled_program(loaded.and_then(as_compiled), module, function, args);
    Ok(parent.spawn_program_opts(kind.name(), program, options))
}

/// The kind the views show for a process spawned as `M:F(Args)`: `M`,
/// except for one started through `proc_lib`, which is shown by its
/// translated initial call, as OTP's `i()` shows it
/// (`proc_lib:translate_initial_call/1`): the module it runs, and for a
/// gen_server or gen_statem its callback module (`counter`, not
/// `proc_lib` or `gen`).
fn initial_call_kind(module: Atom, function: Atom, args: &[Term]) -> Atom {
    if (module.name(), function.name()) != ("proc_lib", "init_p") {
        return module;
    }
    let [_, _, m, f, a] = args else {
        return module;
    };
    let (Some(m), Some(f)) = (m.as_atom(), f.as_atom()) else {
        return module;
    };
    if (m.name(), f.name()) == ("gen", "init_it") {
        // gen:init_it(GenMod, Starter, Parent, [Name,] Mod, Args, Options).
        let items = a.list_to_vec().unwrap_or_default();
        let callback = match items.len() {
            6 => items[3].as_atom(),
            7 => items[4].as_atom(),
            _ => None,
        };
        return callback.unwrap_or(m);
    }
    m
}

/// `system_limit` when no more processes may be spawned.
fn check_process_limit(parent: &Process) -> Result<(), Raise> {
    if parent.at_process_limit() {
        return Err(Raise::error(Term::from_atom(Atom::SYSTEM_LIMIT)));
    }
    Ok(())
}

/// `spawn(Fun)` and friends: a fun of no arguments. OTP spawns
/// `erlang:apply(Fun, [])`, so a fun of a purged version starts a process
/// that dies with `{{badfun, Fun}, [{erlang, apply, 2, []}]}`.
pub(crate) fn spawn_fun(
    parent: &Process,
    fun: &Term,
    link: bool,
    monitor: bool,
) -> Result<(Pid, Option<Ref>), Raise> {
    let options = SpawnOpts {
        link,
        monitor,
        max_heap_size: None,
    };
    spawn_fun_opts(parent, fun, options)
}

/// `spawn_opt(Fun, Options)`: [`spawn_fun`] with the options parsed;
/// `system_limit` past the process limit.
pub(crate) fn spawn_fun_opts(
    parent: &Process,
    fun: &Term,
    options: SpawnOpts,
) -> Result<(Pid, Option<Ref>), Raise> {
    check_process_limit(parent)?;
    let value = FunValue::of(fun);
    let arity = value.as_ref().map(FunValue::arity);
    match value {
        Some(FunValue::Local { module, .. }) if arity == Some(0) && module.is_purged() => {
            let mut raise = Raise::tagged("badfun", fun.clone());
            raise.top = Some(errors::frame(
                Atom::new("erlang"),
                Atom::new("apply"),
                Term::int(2),
                None,
            ));
            let doomed = Doomed(Some(errors::exit_reason(raise, Vec::new())));
            Ok(parent.spawn_program_opts(module.name.name(), Box::new(doomed), options))
        }
        Some(FunValue::Local {
            module,
            function,
            captured,
        }) if module.functions[function as usize].arity == captured.len() as u32 => {
            let name = module.name;
            let vm = Vm::new(module, function, captured);
            Ok(parent.spawn_program_opts(name.name(), Box::new(vm), options))
        }
        Some(FunValue::External {
            module,
            function,
            arity: 0,
        }) => spawn_mfa_opts(parent, module, function, Vec::new(), options),
        _ => Err(Raise::badarg()),
    }
}
