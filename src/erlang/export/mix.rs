//! A session as a Mix project (`export app NAME to DIR --mix`): what
//! `export app` writes for rebar3, in Elixir, for a reader whose next step
//! is `iex -S mix`.
//!
//! ```text
//! NAME/
//!   mix.exs                 the project: no dependencies, `mod:` the callback
//!   README.md               how to build it and start it
//!   lib/NAME_app.ex         `use Application`: starts NAME_sup
//!   lib/NAME_sup.ex         the top supervisor: each tree of the session
//!   lib/TREE.ex ...         the trees' supervisors, `use Supervisor`
//!   lib/DEF.ex ...          every loaded definition (`export DEF to DEF.ex`)
//!   lib/KIND.ex ...         a stand-in for each built-in kind the trees run
//!                           (`state_server` for real: its clients need it)
//! ```
//!
//! The shape is `app.rs`'s, and so are the module names: a definition keeps
//! its Erlang name (`elixir.rs` says why), so each supervisor's child specs
//! name the same modules as the rebar3 project's. Each file is written as
//! `mix format` writes it.

use super::app::App;
use super::doc::{Doc, concat, group, join, nest, render, text};
use super::elixir::{WIDTH, alias_or_atom, term};
use super::sup::{Child, Start, Sup};
use std::collections::BTreeSet;

/// The project's files: `(path inside the project, text)`; `app`'s
/// definitions are Elixir modules.
pub fn project(app: &App) -> Result<Vec<(String, String)>, String> {
    let name = &app.name;
    if !is_app_name(name) {
        return Err(format!(
            "`{name}` is no Mix application name: lowercase letters, digits and `_`"
        ));
    }
    let mut modules: Vec<(String, String)> = Vec::new();
    for tree in &app.trees {
        supervisors(tree, &mut modules)?;
    }
    modules.extend(app.definitions.iter().cloned());
    for kind in built_in_kinds(&app.trees) {
        let help = app
            .kind_help
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("", |(_, h)| h.as_str());
        let text = match kind.as_str() {
            "state_server" => STATE_SERVER.to_owned(),
            _ => stand_in(&kind, help),
        };
        modules.push((kind.clone(), text));
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
    let top_sup = Sup {
        name: top.clone(),
        registered: true,
        strategy: "one_for_one".to_owned(),
        intensity: 1,
        period: 5,
        children: app.top_children(),
    };
    let mut files = vec![
        ("mix.exs".to_owned(), mix_exs(name)),
        ("README.md".to_owned(), readme(app)),
        (format!("lib/{app_module}.ex"), app_callback(name)),
        (format!("lib/{top}.ex"), supervisor(&top_sup)?),
    ];
    files.extend(
        modules
            .into_iter()
            .map(|(module, text)| (format!("lib/{module}.ex"), text)),
    );
    Ok(files)
}

fn is_app_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `shop_floor` -> `ShopFloor`, as `mix new` names the project module.
fn camelize(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn mix_exs(name: &str) -> String {
    format!(
        "defmodule {}.MixProject do\n  use Mix.Project\n\n  \
         def project do\n    [app: :{name}, version: \"0.1.0\", elixir: \"~> 1.14\", deps: []]\n  end\n\n  \
         def application do\n    [mod: {{:{name}_app, []}}, extra_applications: [:logger]]\n  end\nend\n",
        camelize(name)
    )
}

fn app_callback(name: &str) -> String {
    format!(
        "defmodule :{name}_app do\n  use Application\n\n  \
         @impl true\n  def start(_type, _args) do\n    :{name}_sup.start_link()\n  end\nend\n"
    )
}

/// A tree's supervisors, the root first.
fn supervisors(sup: &Sup, out: &mut Vec<(String, String)>) -> Result<(), String> {
    out.push((sup.name.clone(), supervisor(sup)?));
    for child in &sup.children {
        if let Start::Supervisor(nested) = &child.start {
            supervisors(nested, out)?;
        }
    }
    Ok(())
}

/// One supervisor as `use Supervisor`: `start_link/0` and `init/1`, its
/// children as maps and its flags as `Supervisor.init/2`'s options.
fn supervisor(sup: &Sup) -> Result<String, String> {
    let module = alias_or_atom(&sup.name);
    let uses_definitions = sup
        .children
        .iter()
        .any(|c| matches!(c.start, Start::Definition { .. }));
    let mut out = format!("defmodule {module} do\n  use Supervisor\n\n");
    if sup.registered {
        out.push_str(&format!(
            "  def start_link() do\n    Supervisor.start_link(__MODULE__, [], name: {module})\n  end\n\n"
        ));
    } else {
        out.push_str("  def start_link() do\n    Supervisor.start_link(__MODULE__, [])\n  end\n\n");
    }
    out.push_str("  @impl true\n  def init([]) do\n");
    let mut children = Vec::new();
    for child in &sup.children {
        children.push(child_spec(sup, child)?);
    }
    let list = bracketed("[", children, "]");
    let (list, _) = render(&concat([text("children = "), list]), WIDTH - 4);
    for line in list.lines() {
        out.push_str(&format!("    {line}\n"));
    }
    out.push('\n');
    let init = format!(
        "Supervisor.init(children, strategy: :{}, max_restarts: {}, max_seconds: {})",
        sup.strategy, sup.intensity, sup.period
    );
    if init.len() + 4 <= WIDTH {
        out.push_str(&format!("    {init}\n"));
    } else {
        out.push_str(&format!(
            "    Supervisor.init(children,\n      strategy: :{},\n      max_restarts: {},\n      max_seconds: {}\n    )\n",
            sup.strategy, sup.intensity, sup.period
        ));
    }
    out.push_str("  end\n");
    if uses_definitions {
        out.push_str(
            "\n  # A definition's start function is the process itself, as `spawn` runs it;\n  \
             # a supervisor wants {:ok, pid} from the function it calls.\n  \
             def start_worker(module, function, args) do\n    \
             {:ok, spawn_link(module, function, args)}\n  end\n",
        );
    }
    out.push_str("end\n");
    Ok(out)
}

fn child_spec(sup: &Sup, child: &Child) -> Result<Doc, String> {
    let args = |args: &[String]| -> Result<String, String> {
        let terms: Option<Vec<String>> = args.iter().map(|a| term(a)).collect();
        terms
            .map(|t| format!("[{}]", t.join(", ")))
            .ok_or_else(|| format!("the arguments of `{}` are no Erlang terms", child.id))
    };
    let (start, kind_type, module) = match &child.start {
        Start::Definition { module, args: a } => (
            format!(
                "{{{}, :start_worker, [{}, :start, {}]}}",
                alias_or_atom(&sup.name),
                alias_or_atom(module),
                args(a)?
            ),
            "worker",
            module,
        ),
        Start::BuiltIn { kind, args: a } => (
            format!("{{{}, :start_link, {}}}", alias_or_atom(kind), args(a)?),
            "worker",
            kind,
        ),
        Start::Supervisor(nested) => (
            format!("{{{}, :start_link, []}}", alias_or_atom(&nested.name)),
            "supervisor",
            &nested.name,
        ),
        Start::Callback { module } => (
            format!("{{{}, :start_link, []}}", alias_or_atom(module)),
            "supervisor",
            module,
        ),
        Start::Function {
            module,
            function,
            args: a,
            child_type,
            modules,
        } => (
            format!(
                "{{{}, {}, {}}}",
                alias_or_atom(module),
                super::elixir::atom(function),
                args(a)?
            ),
            child_type.as_str(),
            modules,
        ),
    };
    let shutdown = match child.shutdown.as_str() {
        "brutal_kill" | "infinity" => format!(":{}", child.shutdown),
        millis => millis.to_owned(),
    };
    let fields = [
        format!("id: {}", super::elixir::atom(&child.id)),
        format!("start: {start}"),
        format!("restart: :{}", child.restart),
        format!("shutdown: {shutdown}"),
        format!("type: :{kind_type}"),
        format!("modules: [{}]", alias_or_atom(module)),
    ];
    Ok(bracketed("%{", fields.into_iter().map(text).collect(), "}"))
}

fn bracketed(open: &str, items: Vec<Doc>, close: &str) -> Doc {
    if items.is_empty() {
        return text(format!("{open}{close}"));
    }
    group(concat([
        text(open.to_owned()),
        nest(
            2,
            concat([Doc::SoftLine, join(items, concat([text(","), Doc::Line]))]),
        ),
        Doc::SoftLine,
        text(close.to_owned()),
    ]))
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

/// `state_server` in Elixir: the workers of a tree that uses it call it
/// as they start (`fetch/0` in the talk's `score`), so an idle stand-in
/// would crash them and the tree would not boot; it is small enough to
/// write as it is.
const STATE_SERVER: &str = r#"# `state_server` is a built-in kind of letitcrash, written in Rust: a map
# behind calls, which the workers around it need to start. This is the same
# server as a GenServer (keys are listed in Elixir's term order).
defmodule :state_server do
  use GenServer

  def start_link(), do: GenServer.start_link(__MODULE__, %{})
  def start_link(name), do: GenServer.start_link(__MODULE__, %{}, name: name)

  @impl true
  def init(map), do: {:ok, map}

  @impl true
  def handle_call({:put, key, value}, _from, map), do: {:reply, :ok, Map.put(map, key, value)}
  def handle_call({:delete, key}, _from, map), do: {:reply, :ok, Map.delete(map, key)}
  def handle_call(:keys, _from, map), do: {:reply, Map.keys(map), map}
  def handle_call(:to_list, _from, map), do: {:reply, Map.to_list(map), map}

  def handle_call({:get, key}, _from, map) do
    case Map.fetch(map, key) do
      {:ok, value} -> {:reply, {:ok, value}, map}
      :error -> {:reply, :not_found, map}
    end
  end

  def handle_call(request, _from, map), do: {:reply, {:error, {:unknown_call, request}}, map}

  # Casts are plain messages: the same requests, no reply.
  @impl true
  def handle_info({:put, key, value}, map), do: {:noreply, Map.put(map, key, value)}
  def handle_info({:delete, key}, map), do: {:noreply, Map.delete(map, key)}
  def handle_info(:stop, map), do: {:stop, :normal, map}
  def handle_info(_, map), do: {:noreply, map}
end
"#;

/// A built-in kind's stand-in: it starts linked and idles, so the tree
/// has its shape; the comment says what the real one did.
fn stand_in(kind: &str, help: &str) -> String {
    let mut out = format!(
        "# `{kind}` is a built-in kind of letitcrash, written in Rust. This\n\
         # stand-in starts, links to its supervisor and waits, so the tree keeps\n\
         # its shape; write the real behaviour here.\n"
    );
    if !help.is_empty() {
        out.push_str(&format!("# In letitcrash: {help}\n"));
    }
    out.push_str(&format!(
        "defmodule {} do\n  \
         def start_link(_args \\\\ []) do\n    {{:ok, spawn_link(&loop/0)}}\n  end\n\n  \
         def start_link(_, _), do: start_link()\n  \
         def start_link(_, _, _), do: start_link()\n\n  \
         def loop() do\n    receive do\n      _ -> loop()\n    end\n  end\nend\n",
        alias_or_atom(kind)
    ));
    out
}

fn readme(app: &App) -> String {
    let name = &app.name;
    let trees: Vec<String> = app.tree_names().iter().map(|t| format!("`{t}`")).collect();
    format!(
        "# {name}\n\n\
         A Mix project exported from a letitcrash session: its supervision\n\
         trees ({}) under `:{name}_sup`, and every module the session defined,\n\
         in Elixir. It has no dependencies.\n\n\
         ```sh\n\
         mix compile\n\
         iex -S mix     # starts {name}; try Supervisor.which_children(:{name}_sup)\n\
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

    fn app() -> App {
        App {
            name: "shop".into(),
            trees: vec![sample_tree("one_for_all", &["{a, 1}"])],
            callback_trees: vec![],
            definitions: vec![("tally".into(), "defmodule :tally do\nend\n".into())],
            kind_help: vec![("counter".into(), "counts".into())],
        }
    }

    #[test]
    fn a_project_has_mix_exs_the_callbacks_and_every_module() {
        let files = project(&app()).expect("no clash");
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "mix.exs",
                "README.md",
                "lib/shop_app.ex",
                "lib/shop_sup.ex",
                "lib/demo.ex",
                "lib/tally.ex",
                "lib/counter.ex"
            ]
        );
        let text = |path: &str| &files.iter().find(|(p, _)| p == path).unwrap().1;
        assert!(text("mix.exs").starts_with("defmodule Shop.MixProject do\n"));
        assert!(text("mix.exs").contains("[mod: {:shop_app, []}, extra_applications: [:logger]]"));
        assert_eq!(
            text("lib/demo.ex"),
            "defmodule :demo do
  use Supervisor

  def start_link() do
    Supervisor.start_link(__MODULE__, [], name: :demo)
  end

  @impl true
  def init([]) do
    children = [
      %{
        id: :w1,
        start: {:counter, :start_link, []},
        restart: :permanent,
        shutdown: 5000,
        type: :worker,
        modules: [:counter]
      },
      %{
        id: :t,
        start: {:demo, :start_worker, [:tally, :start, [{:a, 1}]]},
        restart: :transient,
        shutdown: :brutal_kill,
        type: :worker,
        modules: [:tally]
      }
    ]

    Supervisor.init(children, strategy: :one_for_all, max_restarts: 3, max_seconds: 5)
  end

  # A definition's start function is the process itself, as `spawn` runs it;
  # a supervisor wants {:ok, pid} from the function it calls.
  def start_worker(module, function, args) do
    {:ok, spawn_link(module, function, args)}
  end
end
"
        );
        assert!(text("lib/counter.ex").contains("# In letitcrash: counts\n"));
    }

    #[test]
    fn a_name_mix_cannot_take_is_refused() {
        let mut app = app();
        app.name = "Shop".into();
        assert!(project(&app).unwrap_err().contains("`Shop`"));
    }
}
