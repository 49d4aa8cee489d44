//! A supervision tree as `supervisor` callback modules (`export sup`).
//!
//! The session describes a running tree ([`Sup`]: flags and child specs,
//! the children in start order); this writes one module per supervisor,
//! named after it: `start_link/0` and `init/1`, the flags as a map and each
//! child spec as a map, as OTP's documentation writes them. A nested
//! supervisor is a module of its own, started by its parent's child spec.
//!
//! How a worker starts depends on its kind:
//! - a definition's `start/N` *is* the process (as `spawn counter(0)`
//!   runs it), while OTP calls a child's start function in the supervisor
//!   and wants `{ok, Pid}`: the module gets `start_worker/3`, which
//!   spawns and links it, and the spec starts `{Sup, start_worker,
//!   [Kind, start, Args]}`;
//! - a built-in kind has no Erlang module: the spec says
//!   `{Kind, start_link, Args}` with a comment to write one.

use super::erlang::atom;

/// A supervisor as `export sup` writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sup {
    /// The module name: the supervisor's registered name, or its child id.
    pub name: String,
    /// Registered (`{local, Name}`): a top-level supervisor.
    pub registered: bool,
    pub strategy: String,
    pub intensity: u32,
    /// In seconds.
    pub period: u64,
    pub children: Vec<Child>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Child {
    pub id: String,
    pub start: Start,
    /// `permanent`, `transient` or `temporary`.
    pub restart: String,
    /// `brutal_kill`, milliseconds or `infinity`.
    pub shutdown: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// A definition (`def counter`): its name, and its arguments as
    /// Erlang terms.
    Definition {
        module: String,
        args: Vec<String>,
    },
    /// A built-in kind of letitcrash.
    BuiltIn {
        kind: String,
        args: Vec<String>,
    },
    Supervisor(Box<Sup>),
    /// A supervisor callback module the session defined (`def game_sup {
    /// -behaviour(supervisor). ... }`), started by its own `start_link/0`
    /// as the session started it: its `init/1` says the rest of the tree.
    Callback {
        module: String,
    },
    /// A start function `{M, F, A}` as the running supervisor has it (a
    /// child spec written in Erlang or Elixir), `M` a definition or a
    /// library module: written as it is, since it returns `{ok, Pid}`
    /// as OTP wants.
    Function {
        module: String,
        function: String,
        /// Erlang terms.
        args: Vec<String>,
        /// `worker` or `supervisor`.
        child_type: String,
        /// The spec's first `modules` entry (the start module by default).
        modules: String,
    },
}

/// Every module of the tree, the root first: `(module name, source)`.
pub fn modules(sup: &Sup) -> Vec<(String, String)> {
    let mut out = vec![(sup.name.clone(), module(sup))];
    for child in &sup.children {
        if let Start::Supervisor(nested) = &child.start {
            out.extend(modules(nested));
        }
    }
    out
}

/// One supervisor's module.
pub fn module(sup: &Sup) -> String {
    let name = atom(&sup.name);
    let uses_definitions = sup
        .children
        .iter()
        .any(|c| matches!(c.start, Start::Definition { .. }));
    let mut out = format!("-module({name}).\n-behaviour(supervisor).\n\n");
    out.push_str(if uses_definitions {
        "-export([start_link/0, init/1, start_worker/3]).\n\n"
    } else {
        "-export([start_link/0, init/1]).\n\n"
    });
    if sup.registered {
        out.push_str(&format!(
            "start_link() ->\n    supervisor:start_link({{local, {name}}}, ?MODULE, []).\n\n"
        ));
    } else {
        out.push_str("start_link() ->\n    supervisor:start_link(?MODULE, []).\n\n");
    }
    out.push_str("init([]) ->\n");
    out.push_str(&format!(
        "    SupFlags = #{{strategy => {}, intensity => {}, period => {}}},\n",
        sup.strategy, sup.intensity, sup.period
    ));
    if sup.children.is_empty() {
        out.push_str("    ChildSpecs = [],\n");
    } else {
        out.push_str("    ChildSpecs = [\n");
        for (i, child) in sup.children.iter().enumerate() {
            for line in child_spec(sup, child).lines() {
                out.push_str("        ");
                out.push_str(line);
                out.push('\n');
            }
            if i + 1 < sup.children.len() {
                out.pop();
                out.push_str(",\n");
            }
        }
        out.push_str("    ],\n");
    }
    out.push_str("    {ok, {SupFlags, ChildSpecs}}.\n");
    if uses_definitions {
        out.push_str(
            "\n%% A definition's start function is the process itself, as `spawn` runs it;\n\
             %% a supervisor wants {ok, Pid} from the function it calls.\n\
             start_worker(Module, Function, Args) ->\n    \
             {ok, spawn_link(Module, Function, Args)}.\n",
        );
    }
    out
}

fn child_spec(sup: &Sup, child: &Child) -> String {
    let (comment, start, kind_type, modules) = match &child.start {
        Start::Definition { module, args } => (
            None,
            format!(
                "{{{}, start_worker, [{}, start, [{}]]}}",
                atom(&sup.name),
                atom(module),
                args.join(", ")
            ),
            "worker",
            atom(module),
        ),
        Start::BuiltIn { kind, args } => (
            Some(format!(
                "%% `{kind}` is a built-in kind of letitcrash, with no Erlang module:\n\
                 %% write {kind}:start_link/{} returning {{ok, Pid}}.\n",
                args.len()
            )),
            format!("{{{}, start_link, [{}]}}", atom(kind), args.join(", ")),
            "worker",
            atom(kind),
        ),
        Start::Supervisor(nested) => (
            None,
            format!("{{{}, start_link, []}}", atom(&nested.name)),
            "supervisor",
            atom(&nested.name),
        ),
        Start::Callback { module } => (
            None,
            format!("{{{}, start_link, []}}", atom(module)),
            "supervisor",
            atom(module),
        ),
        Start::Function {
            module,
            function,
            args,
            child_type,
            modules,
        } => (
            None,
            format!(
                "{{{}, {}, [{}]}}",
                atom(module),
                atom(function),
                args.join(", ")
            ),
            child_type.as_str(),
            atom(modules),
        ),
    };
    let mut out = comment.unwrap_or_default();
    out.push_str(&format!(
        "#{{\n    id => {},\n    start => {start},\n    restart => {},\n    shutdown => {},\n    type => {kind_type},\n    modules => [{modules}]\n}}",
        atom(&child.id),
        child.restart,
        child.shutdown
    ));
    out
}

/// The tree the export tests write (`sup.rs`, `app.rs`, `mix.rs`): `demo`,
/// registered, intensity 3 in 5 s, with a built-in `counter` as `w1` and a
/// definition `tally` started with `tally_args` as `t`.
#[cfg(test)]
pub(super) fn sample_tree(strategy: &str, tally_args: &[&str]) -> Sup {
    Sup {
        name: "demo".into(),
        registered: true,
        strategy: strategy.into(),
        intensity: 3,
        period: 5,
        children: vec![
            Child {
                id: "w1".into(),
                start: Start::BuiltIn {
                    kind: "counter".into(),
                    args: vec![],
                },
                restart: "permanent".into(),
                shutdown: "5000".into(),
            },
            Child {
                id: "t".into(),
                start: Start::Definition {
                    module: "tally".into(),
                    args: tally_args.iter().map(|arg| arg.to_string()).collect(),
                },
                restart: "transient".into(),
                shutdown: "brutal_kill".into(),
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_is_a_supervisor_module_with_maps() {
        let sup = sample_tree("one_for_one", &["0"]);
        let text = module(&sup);
        assert!(
            text.starts_with("-module(demo).\n-behaviour(supervisor).\n"),
            "{text}"
        );
        assert!(
            text.contains("supervisor:start_link({local, demo}, ?MODULE, [])"),
            "{text}"
        );
        assert!(
            text.contains("SupFlags = #{strategy => one_for_one, intensity => 3, period => 5},"),
            "{text}"
        );
        assert!(
            text.contains("        %% `counter` is a built-in kind of letitcrash"),
            "{text}"
        );
        assert!(
            text.contains("        start => {demo, start_worker, [tally, start, [0]]},"),
            "{text}"
        );
        assert!(
            text.contains("            modules => [counter]\n        },\n"),
            "{text}"
        );
    }
}
