//! `use GenServer`, `use Supervisor`, `use Agent`, `use Task`, `use
//! Application`: the behaviour, and the functions Elixir 1.14's
//! `__using__` defines unless the module defines them itself
//! (`child_spec/1`; for a GenServer the default callbacks; for an
//! Application only `stop/1`). They are written here in Elixir and lowered like
//! the module's own code.

use super::{Lowerer, ModuleScope, Result};
use crate::elixir::ast::{Kind, Node};
use crate::erlang::ast::{Function, Pos};

/// The behaviour module `use` names, as Elixir's `@behaviour` does.
pub(super) fn behaviour(used: &str) -> Option<String> {
    matches!(
        used,
        "GenServer" | "Supervisor" | "Agent" | "Task" | "Application"
    )
    .then(|| format!("Elixir.{used}"))
    .filter(|_| used != "Agent" && used != "Task")
}

/// The functions `use` adds that the module does not define.
pub(super) fn defaults(
    source: &str,
    scope: &ModuleScope,
    used: &str,
    options: Option<&Node>,
    defined: &[Function],
    pos: Pos,
) -> Result<Vec<Function>> {
    let extra = options.map(|o| spec_options(source, o)).unwrap_or_default();
    let child_spec = match used {
        "Supervisor" => format!(
            "def child_spec(init_arg) do\n  %{{id: __MODULE__, start: {{__MODULE__, :start_link, [init_arg]}}, type: :supervisor{extra}}}\nend\n"
        ),
        "Task" => format!(
            "def child_spec(arg) do\n  %{{id: __MODULE__, start: {{__MODULE__, :start_link, [arg]}}, restart: :temporary{extra}}}\nend\n"
        ),
        "GenServer" | "Agent" => format!(
            "def child_spec(init_arg) do\n  %{{id: __MODULE__, start: {{__MODULE__, :start_link, [init_arg]}}{extra}}}\nend\n"
        ),
        // Application.__using__ adds only stop/1; start/2 is the module's.
        "Application" => "def stop(_state) do\n  :ok\nend\n".to_string(),
        _ => {
            return Err(crate::erlang::syntax::error_at(
                source,
                pos,
                1,
                format!("`use {used}` is not known here"),
                Some(
                    "the playground knows use GenServer, Supervisor, Agent, Task and Application"
                        .into(),
                ),
            ));
        }
    };
    let mut text = child_spec;
    if used == "GenServer" {
        text.push_str(GEN_SERVER_DEFAULTS);
    }
    let tokens = crate::elixir::lexer::tokenize(&text)?;
    let nodes = crate::elixir::parser::Parser::new(&text, tokens).program()?;
    let mut functions = Vec::new();
    for node in &nodes {
        let Kind::Call { args, blocks, .. } = &node.kind else {
            continue;
        };
        let clause =
            super::def_clause(&Lowerer::new(&text, scope.clone()), true, args, blocks, pos)?;
        let arity = clause.args.len();
        if defined
            .iter()
            .any(|f| f.name == clause.name && f.arity == arity)
        {
            continue;
        }
        let mut lowerer = Lowerer::new(&text, scope.clone());
        lowerer.module.locals.insert((clause.name.clone(), arity));
        let mut lowered = lowerer.def_clause(&clause)?;
        lowered.pos = pos;
        functions.push(Function {
            name: clause.name,
            arity,
            clauses: vec![lowered],
            pos,
        });
    }
    Ok(functions)
}

/// `use GenServer, restart: :temporary`: the options as map fields.
fn spec_options(source: &str, options: &Node) -> String {
    let Kind::List(items, None) = &options.kind else {
        return String::new();
    };
    let mut text = String::new();
    for item in items {
        if let Kind::Tuple(pair) = &item.kind
            && let [key, value] = pair.as_slice()
            && let Kind::Atom(key) = &key.kind
        {
            // The value as written: the option's source text is simplest
            // to carry over for atoms and numbers, which is what these are.
            let written = match &value.kind {
                Kind::Atom(a) => format!(":{a}"),
                Kind::Int(n) => n.to_string(),
                _ => continue,
            };
            let _ = source;
            text.push_str(&format!(", {key}: {written}"));
        }
    }
    text
}

/// GenServer.__using__'s callbacks in Elixir 1.14.
const GEN_SERVER_DEFAULTS: &str = r#"
def handle_call(msg, _from, _state) do
  proc = case :erlang.process_info(self(), :registered_name) do
    {_, name} -> name
    _ -> self()
  end
  raise "attempted to call GenServer #{inspect(proc)} but no handle_call/3 clause was provided"
end
def handle_info(_msg, state) do
  {:noreply, state}
end
def handle_cast(msg, _state) do
  proc = case :erlang.process_info(self(), :registered_name) do
    {_, name} -> name
    _ -> self()
  end
  raise "attempted to cast GenServer #{inspect(proc)} but no handle_cast/2 clause was provided"
end
def terminate(_reason, _state) do
  :ok
end
def code_change(_old, state, _extra) do
  {:ok, state}
end
"#;
