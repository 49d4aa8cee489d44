//! `export`: what the presenter built, as Erlang a reader can take to a
//! real OTP application (`code::export`).
//!
//! - `export counter [to FILE]`: the definition as a module;
//! - `export sup demo [to FILE]`: the running tree as `supervisor`
//!   callback modules, one per supervisor (nested ones into files of their
//!   own beside FILE). The tree's shape and flags come from the running
//!   supervisors (their children now, in start order); each child's kind,
//!   arguments and shutdown from the `sup` block and `start_child` that
//!   made it, which the session keeps;
//! - `export app NAME [to DIR] [--mix]`: those trees, the ones a callback
//!   module of the session started, and the ones other code started
//!   (Elixir's `Supervisor.start_link/2`) written from their running
//!   supervisors' snapshots, with every definition, as a project.

use std::path::Path;

use super::error::{EvalError, EvalResult};
use super::{Line, Outcome, Session};
use crate::commands::ast::{ChildSpecAst, ExportWhat, SupSpec, Target};
use crate::erlang::export::{self, sup};
use crate::runtime::Term;
use crate::runtime::term::View;
use crate::supervisor::{ChildType, RestartType, Shutdown, SupervisorSnapshot, api};

impl Session {
    pub(super) fn export(&mut self, what: &ExportWhat, file: Option<&Path>) -> EvalResult<Outcome> {
        let modules = match what {
            ExportWhat::Definition(name) => {
                let name = &self.definition_name(name);
                let definition = self.definitions.get(name).ok_or_else(|| {
                    if crate::behavior::find(name).is_some() {
                        EvalError::new(format!(
                            "`{name}` is a built-in kind: it is written in Rust, not Erlang"
                        ))
                        .with_hint("`export` writes definitions (`def NAME { ... }`) and trees (`export sup NAME`)")
                    } else {
                        self.no_definition(name)
                    }
                })?;
                if file.is_some_and(is_elixir_file) {
                    return self.export_elixir(name, &definition.module, file.expect("checked"));
                }
                vec![(name.clone(), export::module(&definition.module).text)]
            }
            ExportWhat::Sup(target) => {
                let description = self.describe_sup(target)?;
                sup::modules(&description)
            }
            ExportWhat::App(name) => return self.export_app(name, file, false),
            ExportWhat::MixApp(name) => return self.export_app(name, file, true),
        };
        match file {
            None => {
                let text = modules
                    .iter()
                    .enumerate()
                    .map(|(i, (name, text))| match i {
                        0 => text.clone(),
                        _ => format!("%% ---- {}.erl ----\n{text}", name),
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                Ok(Outcome::line(Line::Text(text.trim_end().to_owned())))
            }
            Some(path) => {
                let mut outcome = Outcome::none();
                for (i, (name, text)) in modules.iter().enumerate() {
                    let target = match i {
                        0 => path.to_path_buf(),
                        _ => path.with_file_name(format!("{name}.erl")),
                    };
                    std::fs::write(&target, text).map_err(|e| {
                        EvalError::new(format!("cannot write {}: {e}", target.display()))
                    })?;
                    outcome
                        .lines
                        .push(Line::Notice(format!("wrote {}", target.display())));
                }
                outcome.lines.push(Line::Value("ok".to_owned()));
                Ok(outcome)
            }
        }
    }

    /// `export NAME to FILE.ex`: the definition as an Elixir module.
    fn export_elixir(
        &self,
        name: &str,
        module: &crate::erlang::ast::Module,
        path: &Path,
    ) -> EvalResult<Outcome> {
        let text = export::elixir::module(module).map_err(|why| {
            EvalError::new(format!("cannot export `{name}` to Elixir: {why}"))
                .with_hint("rename it in the definition, or export it to FILE.erl")
        })?;
        std::fs::write(path, text)
            .map_err(|e| EvalError::new(format!("cannot write {}: {e}", path.display())))?;
        Ok(Outcome {
            lines: vec![
                Line::Notice(format!("wrote {}", path.display())),
                Line::Value("ok".to_owned()),
            ],
            value: None,
            ok: true,
        })
    }

    /// `export app NAME [to DIR] [--mix]`: every running tree the session
    /// started with `sup` or by calling a supervisor callback module it
    /// defined, every definition, as a rebar3 project in DIR (by default
    /// `./NAME`), or with `--mix` as a Mix project in Elixir.
    fn export_app(&mut self, name: &str, dir: Option<&Path>, mix: bool) -> EvalResult<Outcome> {
        let roots: Vec<String> = self.sup_specs.iter().map(|s| s.name.clone()).collect();
        let mut trees = Vec::new();
        for root in roots {
            let target = Target::Name(root);
            if self.resolve(&target).is_ok() {
                trees.push(self.describe_sup(&target)?);
            }
        }
        let CodeTrees {
            callbacks: callback_trees,
            snapshots,
            left_out,
        } = self.code_trees(name, mix)?;
        trees.extend(snapshots);
        let mut definitions = Vec::new();
        for (module, d) in &self.definitions {
            let text = if mix {
                export::elixir::module(&d.module).map_err(|why| {
                    EvalError::new(format!("cannot export `{module}` to Elixir: {why}"))
                        .with_hint("rename it in the definition, or export the app without --mix")
                })?
            } else {
                export::module(&d.module).text
            };
            definitions.push((module.clone(), text));
        }
        let kind_help = crate::behavior::kinds()
            .iter()
            .map(|k| (k.name.to_owned(), k.help.to_owned()))
            .collect();
        let app = export::app::App {
            name: name.to_owned(),
            trees,
            callback_trees,
            definitions,
            kind_help,
        };
        let project = if mix {
            export::mix::project(&app)
        } else {
            export::app::project(&app)
        };
        let files = project.map_err(|why| {
            EvalError::new(format!("cannot export `{name}`: {why}"))
                .with_hint("`export app` writes one module per definition and supervisor")
        })?;
        let dir = dir.map_or_else(|| Path::new(name).to_path_buf(), Path::to_path_buf);
        for (path, text) in &files {
            let target = dir.join(path);
            let written = target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&target, text));
            written
                .map_err(|e| EvalError::new(format!("cannot write {}: {e}", target.display())))?;
        }
        let mut lines: Vec<Line> = left_out.into_iter().map(Line::Notice).collect();
        lines.extend([
            Line::Notice(format!(
                "wrote {} files in {}: {}",
                files.len(),
                dir.display(),
                if mix {
                    format!("`mix compile` there builds {name}, `iex -S mix` starts it")
                } else {
                    format!("`rebar3 compile` there builds {name}, `rebar3 shell` starts it")
                }
            )),
            Line::Value("ok".to_owned()),
        ]);
        Ok(Outcome {
            lines,
            value: None,
            ok: true,
        })
    }

    /// The running trees the session started from code rather than with
    /// `sup`: each registered supervisor whose initial call is
    /// `{supervisor, Mod, 1}` (as proc_lib records it) and which no other
    /// running supervisor has as a child, in start order.
    ///
    /// - `Mod` a definition that exports `start_link/0` (`{ok, _} =
    ///   game_sup:start_link()`): the application starts the tree by it,
    ///   and `Mod:init/1` says the rest (the first list);
    /// - `Mod` a definition without one: left out, with a line saying why;
    /// - any other `Mod` (Elixir's `Supervisor.start_link(children, opts)`
    ///   runs `Supervisor.Default`, which has no `start_link/0`): a
    ///   supervisor module written from what the running supervisor knows
    ///   (the second list), or left out with a line saying why when a
    ///   child's start function could not run in the application.
    ///
    /// The third list: the lines saying which trees are left out, and why.
    fn code_trees(&mut self, app: &str, mix: bool) -> EvalResult<CodeTrees> {
        let registered = self.runtime().registered();
        let names: std::collections::BTreeMap<crate::runtime::Pid, crate::runtime::Atom> =
            registered.iter().map(|(name, pid)| (*pid, *name)).collect();
        let mut sup_roots = Vec::new();
        for spec in &self.sup_specs {
            if let Ok(pid) = self.resolve(&Target::Name(spec.name.clone())) {
                sup_roots.push(pid);
            }
        }
        let found = self.shell.run(move |me| async move {
            let mut candidates = Vec::new();
            for (name, pid) in registered {
                let Some(contents) = me.inspect(pid) else {
                    continue;
                };
                let module = contents.dictionary.iter().find_map(|(key, value)| {
                    if !key.is_atom(crate::runtime::Atom::new("$initial_call")) {
                        return None;
                    }
                    match value.as_tuple()? {
                        [m, module, arity]
                            if m.is_atom(crate::runtime::Atom::new("supervisor"))
                                && arity.as_i64() == Some(1) =>
                        {
                            module.as_atom()
                        }
                        _ => None,
                    }
                });
                if let Some(module) = module {
                    candidates.push((pid, name, module));
                }
            }
            // The pids below any running supervisor: a tree nested in
            // another is started by its parent, not the app.
            let mut children = std::collections::BTreeSet::new();
            let mut snapshots = std::collections::BTreeMap::new();
            let supervisors = sup_roots
                .into_iter()
                .chain(candidates.iter().map(|(pid, _, _)| *pid));
            for pid in supervisors {
                if let Ok(snapshot) = api::snapshot(&me, pid).await {
                    child_pids(&snapshot, &mut children);
                    snapshots.insert(pid, snapshot);
                }
            }
            candidates.retain(|(pid, _, _)| !children.contains(pid));
            candidates.sort();
            candidates
                .into_iter()
                .map(|(pid, name, module)| (name, module, snapshots.remove(&pid)))
                .collect::<Vec<_>>()
        })?;
        // The module names the application already has, which a tree's
        // supervisor modules must not take.
        let mut taken: std::collections::BTreeSet<String> =
            self.definitions.keys().cloned().collect();
        taken.extend([format!("{app}_app"), format!("{app}_sup")]);
        for spec in &self.sup_specs {
            collect_spec_names(spec, &mut taken);
        }
        let mut trees = CodeTrees::default();
        for (name, module, snapshot) in found {
            if let Some(definition) = self.definitions.get(module.name()) {
                let module = &definition.module;
                let has_start_link = module
                    .functions
                    .iter()
                    .any(|f| f.name == "start_link" && f.arity == 0)
                    && module
                        .attributes
                        .exports
                        .as_ref()
                        .is_none_or(|e| e.iter().any(|(f, a, _)| f == "start_link" && *a == 0));
                if has_start_link {
                    trees.callbacks.push(export::app::CallbackTree {
                        name: name.name().to_owned(),
                        module: module.name.clone(),
                    });
                } else {
                    trees.left_out.push(format!(
                        "{name} is left out: the application would start it by {}:start_link(), \
                         which {} does not export",
                        module.name, module.name
                    ));
                }
                continue;
            }
            let Some(snapshot) = snapshot else {
                trees.left_out.push(format!(
                    "{name} is left out: it did not answer for its children"
                ));
                continue;
            };
            let described = self
                .describe_snapshot(name.name(), true, &snapshot, &names, mix)
                .and_then(|tree| {
                    let modules: Vec<String> =
                        sup::modules(&tree).into_iter().map(|(m, _)| m).collect();
                    match modules.iter().find(|m| taken.contains(*m)) {
                        Some(clash) => Err(format!(
                            "its supervisor module would be called `{clash}`, \
                             as a module the application has already"
                        )),
                        None => {
                            taken.extend(modules);
                            Ok(tree)
                        }
                    }
                });
            match described {
                Ok(tree) => trees.snapshots.push(tree),
                Err(why) => trees.left_out.push(format!("{name} is left out: {why}")),
            }
        }
        Ok(trees)
    }

    /// A running supervisor as `export sup` writes one, from its
    /// snapshot: its flags, and each child's id, start function, restart,
    /// shutdown and type, in start order. A child supervisor whose start
    /// module the application has not got (`Supervisor.start_link/2`'s
    /// nested ones) is written the same way, from its own snapshot; every
    /// other child is started by its start function as it is. Why not,
    /// when a start function could not run in the application: its
    /// module is neither a definition nor a library module the
    /// application has (Elixir's only with `--mix`), or its arguments
    /// hold a term no source text can write (a fun, a pid).
    fn describe_snapshot(
        &self,
        name: &str,
        registered: bool,
        snapshot: &SupervisorSnapshot,
        names: &std::collections::BTreeMap<crate::runtime::Pid, crate::runtime::Atom>,
        mix: bool,
    ) -> Result<sup::Sup, String> {
        if snapshot.strategy == crate::supervisor::Strategy::SimpleOneForOne {
            return Err(format!(
                "{name} is simple_one_for_one: a running one keeps its instances, \
                 not the child spec they were started from"
            ));
        }
        let mut children = Vec::new();
        for child in &snapshot.children {
            let id = child.id.name();
            let Some((module, function, args)) = &child.start else {
                return Err(format!(
                    "the child {id} of {name} was started by letitcrash's own code, \
                     not by a start function a module could name"
                ));
            };
            let is_definition = self.definitions.contains_key(module.name());
            let start = if child.child_type == ChildType::Supervisor && !is_definition {
                let (Some(pid), Some(nested)) = (child.pid(), &child.nested) else {
                    return Err(format!(
                        "its supervisor {name}/{id} is not running, so its children are unknown"
                    ));
                };
                let (nested_name, nested_registered) = match names.get(&pid) {
                    Some(registered) => (registered.name().to_owned(), true),
                    None => (id.to_owned(), false),
                };
                let described =
                    self.describe_snapshot(&nested_name, nested_registered, nested, names, mix)?;
                sup::Start::Supervisor(Box::new(described))
            } else {
                let library = crate::erlang::stdlib::is_library_module(module.name())
                    && (mix || !module.name().starts_with("Elixir."));
                if !is_definition && !library {
                    return Err(format!(
                        "the child {id} of {name} starts by {}:{}/{}, and {} is neither a \
                         definition of the session nor a library module the application has",
                        module,
                        function,
                        args.iter_list().count(),
                        module
                    ));
                }
                let args = args.list_to_vec().unwrap_or_default();
                if let Some(what) = args.iter().find_map(unwritable) {
                    return Err(format!(
                        "the start arguments of the child {id} of {name} hold a {what}, \
                         which no source text can write"
                    ));
                }
                sup::Start::Function {
                    module: module.name().to_owned(),
                    function: function.name().to_owned(),
                    args: args.iter().map(Term::to_string).collect(),
                    child_type: child.child_type.name().to_owned(),
                    modules: child.kind.name().to_owned(),
                }
            };
            children.push(sup::Child {
                id: id.to_owned(),
                start,
                restart: child.restart.name().to_owned(),
                shutdown: child.shutdown.to_string(),
            });
        }
        Ok(sup::Sup {
            name: name.to_owned(),
            registered,
            strategy: snapshot.strategy.name().to_owned(),
            intensity: snapshot.intensity,
            period: snapshot.period.as_secs(),
            children,
        })
    }

    /// `start_child SUP CHILD`: the child as written, for `export sup`.
    pub(super) fn record_child(&mut self, sup: &Target, child: &ChildSpecAst) {
        let path: Vec<String> = match sup {
            Target::Name(name) => vec![name.clone()],
            Target::Path(path) => path.clone(),
            _ => return,
        };
        let Some(spec) = find_spec(&mut self.sup_specs, &path) else {
            return;
        };
        if !spec.children.iter().any(|c| c.id() == child.id()) {
            spec.children.push(child.clone());
        }
    }

    /// The tree below `target` as `export sup` writes it.
    fn describe_sup(&mut self, target: &Target) -> EvalResult<sup::Sup> {
        let path: Vec<String> = match target {
            Target::Name(name) => vec![name.clone()],
            Target::Path(path) => path.clone(),
            _ => {
                return Err(EvalError::new("export sup takes a supervisor's name")
                    .with_hint("export sup demo, or export sup demo/inner for a nested one"));
            }
        };
        let pid = self.resolve(target)?;
        let snapshot = self
            .shell
            .run(move |me| async move { api::snapshot(&me, pid).await })?
            .map_err(|reason| EvalError::new(format!("not a supervisor: {reason}")))?;
        let mut specs = self.sup_specs.clone();
        let spec = find_spec(&mut specs, &path)
            .ok_or_else(|| {
                EvalError::new(format!("{} was not started with `sup`", path.join("/")))
            })?
            .clone();
        self.describe(&spec, Some(&snapshot), path.len() == 1)
    }

    fn describe(
        &self,
        spec: &SupSpec,
        snapshot: Option<&SupervisorSnapshot>,
        registered: bool,
    ) -> EvalResult<sup::Sup> {
        let (strategy, intensity, period) = match snapshot {
            Some(s) => (s.strategy, s.intensity, s.period),
            None => {
                let defaults = crate::supervisor::SupervisorSpec::default();
                (
                    spec.strategy,
                    spec.intensity.unwrap_or(defaults.intensity),
                    spec.period.unwrap_or(defaults.period),
                )
            }
        };
        // The children that exist now, in start order; a simple_one_for_one
        // supervisor has its template only (instances are started by
        // start_child with extra arguments).
        let written: Vec<&ChildSpecAst> = match snapshot {
            Some(s) if strategy != crate::supervisor::Strategy::SimpleOneForOne => s
                .children
                .iter()
                .filter_map(|c| spec.children.iter().find(|w| w.id() == c.id.name()))
                .collect(),
            _ => spec.children.iter().collect(),
        };
        let mut children = Vec::new();
        for child in written {
            children.push(self.describe_child(child, snapshot)?);
        }
        Ok(sup::Sup {
            name: spec.name.clone(),
            registered,
            strategy: strategy.name().to_owned(),
            intensity,
            period: period.as_secs(),
            children,
        })
    }

    fn describe_child(
        &self,
        child: &ChildSpecAst,
        snapshot: Option<&SupervisorSnapshot>,
    ) -> EvalResult<sup::Child> {
        let (start, restart, shutdown, default_shutdown) = match child {
            ChildSpecAst::Worker {
                kind,
                restart,
                shutdown,
                ..
            } => {
                let args: Vec<String> = self
                    .kind_args(kind)?
                    .iter()
                    .map(|t| t.to_string())
                    .collect();
                let start = if self.definitions.contains_key(&kind.name) {
                    sup::Start::Definition {
                        module: kind.name.clone(),
                        args,
                    }
                } else {
                    sup::Start::BuiltIn {
                        kind: kind.name.clone(),
                        args,
                    }
                };
                (start, restart, shutdown, ChildType::Worker)
            }
            ChildSpecAst::Sup {
                spec,
                restart,
                shutdown,
            } => {
                let nested = snapshot
                    .and_then(|s| s.children.iter().find(|c| c.id.name() == spec.name))
                    .and_then(|c| c.nested.as_deref());
                let described = self.describe(spec, nested, false)?;
                (
                    sup::Start::Supervisor(Box::new(described)),
                    restart,
                    shutdown,
                    ChildType::Supervisor,
                )
            }
        };
        let shutdown = match (shutdown, default_shutdown) {
            (Some(s), _) => *s,
            (None, ChildType::Worker) => Shutdown::Timeout(std::time::Duration::from_millis(5000)),
            (None, ChildType::Supervisor) => Shutdown::Infinity,
        };
        Ok(sup::Child {
            id: child.id().to_owned(),
            start,
            restart: restart.unwrap_or(RestartType::Permanent).name().to_owned(),
            shutdown: shutdown.to_string(),
        })
    }
}

/// What `export app` makes of the trees code started (`code_trees`).
#[derive(Default)]
struct CodeTrees {
    callbacks: Vec<export::app::CallbackTree>,
    snapshots: Vec<sup::Sup>,
    left_out: Vec<String>,
}

/// The modules a `sup` tree becomes: its name and its nested
/// supervisors' ids.
fn collect_spec_names(spec: &SupSpec, out: &mut std::collections::BTreeSet<String>) {
    out.insert(spec.name.clone());
    for child in &spec.children {
        if let ChildSpecAst::Sup { spec, .. } = child {
            collect_spec_names(spec, out);
        }
    }
}

/// What in `term` no source text can write, if anything: a fun, a pid,
/// a reference (a port is none of the playground's terms).
fn unwritable(term: &Term) -> Option<&'static str> {
    match term.view() {
        View::Fun(_) => Some("fun"),
        View::Pid(_) => Some("pid"),
        View::Ref(_) => Some("reference"),
        View::Cons(head, tail) => unwritable(head).or_else(|| unwritable(tail)),
        View::Tuple(items) => items.iter().find_map(unwritable),
        View::Map(map) => map
            .iter()
            .find_map(|(k, v)| unwritable(k).or_else(|| unwritable(v))),
        View::Int(_)
        | View::Big(_)
        | View::Float(_)
        | View::Atom(_)
        | View::Nil
        | View::Bits(_) => None,
    }
}

/// Every running child's pid of a tree, at any depth.
fn child_pids(
    snapshot: &SupervisorSnapshot,
    out: &mut std::collections::BTreeSet<crate::runtime::Pid>,
) {
    for child in &snapshot.children {
        if let crate::supervisor::ChildState::Running(pid) = child.state {
            out.insert(pid);
        }
        if let Some(nested) = &child.nested {
            child_pids(nested, out);
        }
    }
}

/// The `sup` block at `path` (a top-level name, then child ids).
fn find_spec<'a>(specs: &'a mut [SupSpec], path: &[String]) -> Option<&'a mut SupSpec> {
    let (first, rest) = path.split_first()?;
    let mut spec = specs.iter_mut().find(|s| &s.name == first)?;
    for id in rest {
        spec = spec.children.iter_mut().find_map(|c| match c {
            ChildSpecAst::Sup { spec, .. } if &spec.name == id => Some(spec),
            _ => None,
        })?;
    }
    Some(spec)
}

/// `FILE.ex` or `FILE.exs`: the export is Elixir.
fn is_elixir_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ex" || e == "exs")
}
