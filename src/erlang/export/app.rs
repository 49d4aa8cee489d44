//! A session as an OTP application (`export app NAME`): the project
//! `rebar3 compile` builds and `erl` boots with the session's supervision
//! trees, where a reader goes when the playground is too small.
//!
//! ```text
//! NAME/
//!   rebar.config
//!   README.md               how to build it and start it
//!   src/NAME.app.src        the application resource file
//!   src/NAME_app.erl        the `application` callback: starts NAME_sup
//!   src/NAME_sup.erl        the top supervisor: each tree of the session
//!   src/TREE.erl ...        the trees' supervisors (`export sup`)
//!   src/DEF.erl ...         every loaded definition (`export DEF`)
//!   src/KIND.erl ...        a stand-in for each built-in kind the trees run
//! ```
//!
//! The top supervisor is `one_for_one` and starts the session's trees in
//! the order the session started them, each registered under its own
//! name, as `sup NAME { ... }` registers it. A built-in kind is Rust, not
//! Erlang: its stand-in keeps the tree's shape (it starts, links and
//! idles) and says in a comment what the real one did, for the reader to
//! write.

use super::erlang::atom;
use super::sup::{self, Start, Sup};
use std::collections::BTreeSet;

/// What `export app` writes.
pub struct App {
    pub name: String,
    /// The session's top-level trees started with `sup`, in the order
    /// they started, then those other code started (Elixir's
    /// `Supervisor.start_link/2`), written from their running supervisors.
    pub trees: Vec<Sup>,
    /// The trees the session started by calling a supervisor callback
    /// module it defined (`game_sup:start_link()`), after those.
    pub callback_trees: Vec<CallbackTree>,
    /// Every loaded definition: `(module name, exported source)`.
    pub definitions: Vec<(String, String)>,
    /// A line on each built-in kind, by name, for its stand-in's comment.
    pub kind_help: Vec<(String, String)>,
}

/// A running tree a supervisor callback module of the session started.
#[derive(Clone, Debug, PartialEq)]
pub struct CallbackTree {
    /// Its registered name, which its `start_link/0` registers.
    pub name: String,
    /// The callback module (a definition of the session).
    pub module: String,
}

impl App {
    /// The top supervisor's children: each tree, in order, registered
    /// under its own name.
    pub fn top_children(&self) -> Vec<sup::Child> {
        let trees = self.trees.iter().map(|tree| sup::Child {
            id: tree.name.clone(),
            start: Start::Supervisor(Box::new(tree.clone())),
            restart: "permanent".to_owned(),
            shutdown: "infinity".to_owned(),
        });
        let callbacks = self.callback_trees.iter().map(|tree| sup::Child {
            id: tree.name.clone(),
            start: Start::Callback {
                module: tree.module.clone(),
            },
            restart: "permanent".to_owned(),
            shutdown: "infinity".to_owned(),
        });
        trees.chain(callbacks).collect()
    }

    /// The trees' registered names, in the top supervisor's order.
    pub fn tree_names(&self) -> Vec<String> {
        self.top_children().into_iter().map(|c| c.id).collect()
    }
}

/// The project's files: `(path inside the project, text)`.
pub fn project(app: &App) -> Result<Vec<(String, String)>, String> {
    let name = &app.name;
    let mut modules: Vec<(String, String)> = Vec::new();
    for tree in &app.trees {
        modules.extend(sup::modules(tree));
    }
    modules.extend(app.definitions.iter().cloned());
    for kind in built_in_kinds(&app.trees) {
        let help = app
            .kind_help
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("", |(_, h)| h.as_str());
        modules.push((kind.clone(), stand_in(&kind, help)));
    }
    let app_module = format!("{name}_app");
    let top = format!("{name}_sup");
    let mut seen = BTreeSet::from([app_module.clone(), top.clone()]);
    for (module, _) in &modules {
        if !seen.insert(module.clone()) {
            return Err(format!(
                "two modules would be called `{module}`: rename a definition or a supervisor"
            ));
        }
    }
    let mut files = vec![
        (
            "rebar.config".to_owned(),
            "{erl_opts, [debug_info]}.\n".to_owned(),
        ),
        ("README.md".to_owned(), readme(app)),
        (format!("src/{name}.app.src"), app_src(app, &modules)),
        (format!("src/{app_module}.erl"), app_callback(name)),
        (format!("src/{top}.erl"), top_supervisor(app)),
    ];
    files.extend(
        modules
            .into_iter()
            .map(|(module, text)| (format!("src/{module}.erl"), text)),
    );
    Ok(files)
}

/// The built-in kinds the trees run, once each, in order of appearance.
fn built_in_kinds(trees: &[Sup]) -> Vec<String> {
    fn walk(sup: &Sup, out: &mut Vec<String>) {
        for child in &sup.children {
            match &child.start {
                Start::BuiltIn { kind, .. } if !out.contains(kind) => out.push(kind.clone()),
                Start::Supervisor(nested) => walk(nested, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    trees.iter().for_each(|tree| walk(tree, &mut out));
    out
}

fn app_src(app: &App, modules: &[(String, String)]) -> String {
    let name = atom(&app.name);
    let mut registered: Vec<String> = vec![atom(&format!("{}_sup", app.name))];
    registered.extend(app.tree_names().iter().map(|t| atom(t)));
    let mut all: Vec<String> = vec![
        atom(&format!("{}_app", app.name)),
        atom(&format!("{}_sup", app.name)),
    ];
    all.extend(modules.iter().map(|(m, _)| atom(m)));
    format!(
        "{{application, {name}, [\n    \
         {{description, \"Exported from a letitcrash session\"}},\n    \
         {{vsn, \"0.1.0\"}},\n    \
         {{registered, [{}]}},\n    \
         {{mod, {{{}, []}}}},\n    \
         {{applications, [kernel, stdlib]}},\n    \
         {{env, []}},\n    \
         {{modules, [{}]}}\n\
         ]}}.\n",
        registered.join(", "),
        atom(&format!("{}_app", app.name)),
        all.join(", ")
    )
}

fn app_callback(name: &str) -> String {
    let module = atom(&format!("{name}_app"));
    let top = atom(&format!("{name}_sup"));
    format!(
        "-module({module}).\n-behaviour(application).\n\n\
         -export([start/2, stop/1]).\n\n\
         start(_StartType, _StartArgs) ->\n    {top}:start_link().\n\n\
         stop(_State) ->\n    ok.\n"
    )
}

/// The top supervisor: `one_for_one` over the session's trees, in the
/// order it started them, written as `export sup` writes any supervisor.
fn top_supervisor(app: &App) -> String {
    sup::module(&Sup {
        name: format!("{}_sup", app.name),
        registered: true,
        strategy: "one_for_one".to_owned(),
        intensity: 1,
        period: 5,
        children: app.top_children(),
    })
}

/// A built-in kind's stand-in: it starts linked and idles, so the tree
/// has its shape; the comment says what the real one did.
fn stand_in(kind: &str, help: &str) -> String {
    let module = atom(kind);
    let mut out = format!(
        "%% `{kind}` is a built-in kind of letitcrash, written in Rust. This\n\
         %% stand-in starts, links to its supervisor and waits, so the tree keeps\n\
         %% its shape; write the real behaviour here.\n"
    );
    if !help.is_empty() {
        out.push_str(&format!("%% In letitcrash: {help}\n"));
    }
    out.push_str(&format!(
        "-module({module}).\n\
         -export([start_link/0, start_link/1, start_link/2, start_link/3]).\n\n\
         start_link() ->\n    {{ok, spawn_link(fun loop/0)}}.\n\n\
         start_link(_) -> start_link().\n\n\
         start_link(_, _) -> start_link().\n\n\
         start_link(_, _, _) -> start_link().\n\n\
         loop() ->\n    receive\n        _ -> loop()\n    end.\n"
    ));
    out
}

fn readme(app: &App) -> String {
    let name = &app.name;
    let trees: Vec<String> = app.tree_names().iter().map(|t| format!("`{t}`")).collect();
    format!(
        "# {name}\n\n\
         An OTP application exported from a letitcrash session: its supervision\n\
         trees ({}) under `{name}_sup`, and every module the session defined.\n\n\
         ```sh\n\
         rebar3 compile\n\
         rebar3 shell            # starts {name}; try observer:start() or supervisor:which_children({name}_sup)\n\
         ```\n\n\
         Or without rebar3's shell:\n\n\
         ```sh\n\
         erl -pa _build/default/lib/{name}/ebin -eval 'application:ensure_all_started({name})'\n\
         ```\n",
        if trees.is_empty() {
            "none".to_owned()
        } else {
            trees.join(", ")
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::erlang::export::sup::sample_tree;

    fn tree() -> Sup {
        sample_tree("one_for_all", &["0"])
    }

    #[test]
    fn a_project_has_the_resource_file_the_callbacks_and_every_module() {
        let app = App {
            name: "shop".into(),
            trees: vec![tree()],
            callback_trees: vec![],
            definitions: vec![("tally".into(), "-module(tally).\n".into())],
            kind_help: vec![("counter".into(), "counts".into())],
        };
        let files = project(&app).expect("no clash");
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "rebar.config",
                "README.md",
                "src/shop.app.src",
                "src/shop_app.erl",
                "src/shop_sup.erl",
                "src/demo.erl",
                "src/tally.erl",
                "src/counter.erl"
            ]
        );
        let text = |path: &str| &files.iter().find(|(p, _)| p == path).unwrap().1;
        assert!(text("src/shop.app.src").contains("{mod, {shop_app, []}}"));
        assert!(text("src/shop.app.src").contains("{registered, [shop_sup, demo]}"));
        assert!(text("src/shop_sup.erl").contains("start => {demo, start_link, []}"));
        assert!(text("src/counter.erl").contains("%% In letitcrash: counts"));
    }

    #[test]
    fn two_modules_of_one_name_are_refused() {
        let app = App {
            name: "shop".into(),
            trees: vec![tree()],
            callback_trees: vec![],
            definitions: vec![("demo".into(), String::new())],
            kind_help: vec![],
        };
        let error = project(&app).unwrap_err();
        assert!(error.contains("`demo`"), "{error}");
    }
}
