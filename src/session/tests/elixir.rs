//! Elixir in a session: processes named by their modules' aliases in the
//! views, Elixir's lowercase variables as command targets, and an
//! exception at the prompt written as iex writes it.

use super::{has, last, run, session};
use crate::view::Syntax;

const STACK: &str = "\
defmodule Stack do
  use GenServer
  def start_link(items), do: GenServer.start_link(__MODULE__, items, name: __MODULE__)
  @impl true
  def init(items), do: {:ok, items}
  @impl true
  def handle_call(:pop, _from, [top | rest]), do: {:reply, top, rest}
end";

#[test]
fn an_elixir_session_names_processes_by_their_aliases() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(&mut s, STACK);
    let started = run(
        &mut s,
        "{:ok, sup} = Supervisor.start_link([{Stack, [:a]}], strategy: :one_for_one, name: Demo)",
    );
    assert!(has(&started, "@ register Demo <0."), "{started:?}");
    assert!(has(&started, "+ spawn Stack <0."), "{started:?}");
    assert!(!has(&started, "Elixir."), "{started:?}");
    let tree = run(&mut s, "tree").join("\n");
    let tree: Vec<&str> = tree.lines().collect();
    assert!(tree[0].starts_with("Demo <0."), "{tree:?}");
    assert!(tree[1].contains("── Stack <0."), "{tree:?}");
    // The same session in Erlang's syntax names the atoms as erl does.
    s.set_syntax(Syntax::Erlang);
    let tree = run(&mut s, "tree").join("\n");
    assert!(tree.starts_with("Elixir.Demo <0."), "{tree:?}");
}

#[test]
fn a_failed_call_at_the_prompt_is_one_line_of_elixir_banners() {
    let mut s = session();
    run(&mut s, STACK);
    run(&mut s, "GenServer.start(Stack, [], name: Stack)");
    let out = run(&mut s, "GenServer.call(Stack, :pop)");
    assert_eq!(
        last(&out),
        "error: ** (exit) exited in: GenServer.call(Stack, :pop, 5000) \
         ** (EXIT) an exception was raised: \
         ** (FunctionClauseError) no function clause matching in Stack.handle_call/3"
    );
}

#[test]
fn a_command_target_may_be_an_elixir_variable() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(
        &mut s,
        "defmodule Echo do\n  def start, do: spawn(fn -> receive do\n x -> exit(x)\n end end)\nend",
    );
    let out = run(&mut s, "echo = Echo.start()");
    assert!(last(&out).starts_with("#PID<0."), "{out:?}");
    let out = run(&mut s, "send(echo, :boom)");
    assert!(has(&out, "✖ crash"), "{out:?}");
    let why = run(&mut s, "why echo");
    assert!(why[0].contains("crashed :boom"), "{why:?}");
    // A registered name wins over a variable of the same name, as in Erlang.
    let out = run(&mut s, "info nobody");
    assert!(
        last(&out).contains("no process is registered as nobody"),
        "{out:?}"
    );
}

#[test]
fn a_lone_string_at_an_elixir_prompt_is_a_binary() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    assert_eq!(last(&run(&mut s, "\"abc\"")), "\"abc\"");
    assert_eq!(last(&run(&mut s, "x = 2")), "2");
    assert_eq!(last(&run(&mut s, "\"a#{x}\"")), "\"a2\"");
    assert_eq!(last(&run(&mut s, "[1, \"b\"]")), "[1, \"b\"]");
    // Erlang's syntax keeps the command language's reading: a charlist.
    s.set_syntax(Syntax::Erlang);
    assert_eq!(last(&run(&mut s, "\"abc\"")), "\"abc\"");
}

#[test]
fn flush_in_elixir_inspects_each_message_as_iex_does() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(&mut s, "send(self(), {:hi, \"there\"})");
    let out = run(&mut s, "flush()");
    assert_eq!(out, ["{:hi, \"there\"}", ":ok"]);
}

#[test]
fn a_gen_server_crash_is_reported_as_elixirs_logger_writes_it() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(&mut s, STACK);
    run(&mut s, "GenServer.start(Stack, [], name: Stack)");
    let out = run(&mut s, "GenServer.call(Stack, :pop)").join("\n");
    for line in [
        "[error] GenServer Stack terminating",
        "** (FunctionClauseError) no function clause matching in Stack.handle_call/3",
        "Last message (from #PID<0.1.0>): :pop",
        "State: []",
        "Client #PID<0.1.0> is alive",
    ] {
        assert!(out.contains(line), "{line} in {out}");
    }
    assert!(!out.contains("=ERROR REPORT===="), "{out}");
    // Erlang's syntax gets OTP's report from the same gen_server.
    s.set_syntax(Syntax::Erlang);
    run(&mut s, "GenServer.start(Stack, [], name: Stack)");
    let out = run(&mut s, "GenServer.call(Stack, :pop)").join("\n");
    assert!(
        out.contains("** Generic server 'Elixir.Stack' terminating"),
        "{out}"
    );
}

#[test]
fn a_definition_command_names_an_elixir_module_by_its_alias() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(&mut s, "defmodule Tally do\n  def one, do: 1\nend");
    run(&mut s, "defmodule Tally do\n  def one, do: 2\nend");
    let out = run(&mut s, "versions Tally").join("\n");
    assert!(out.contains("Tally@2  current"), "{out}");
    let out = run(&mut s, "show Tally@1").join("\n");
    assert!(out.contains("do: 1"), "{out}");
}

#[test]
fn why_a_path_finds_a_child_that_registered_a_name_of_its_own() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(&mut s, STACK);
    run(
        &mut s,
        "Supervisor.start_link([Supervisor.child_spec({Stack, []}, id: :s)], strategy: :one_for_one, name: :demo)",
    );
    run(&mut s, "GenServer.cast(Stack, :not_handled)");
    run(&mut s, "sleep 10ms");
    let why = run(&mut s, "why demo/s").join("\n");
    assert!(why.contains("crashed"), "{why}");
    assert!(!why.contains("is alive"), "{why}");
}

#[test]
fn seq_in_elixir_writes_elixir_terms_and_follows_a_named_child_by_its_path() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(&mut s, STACK);
    run(
        &mut s,
        "Supervisor.start_link([Supervisor.child_spec({Stack, [:a]}, id: :s)], strategy: :one_for_one, name: :demo)",
    );
    run(&mut s, "seq on demo/s");
    run(&mut s, "GenServer.call(Stack, :pop)");
    run(&mut s, "GenServer.call(Stack, :pop)");
    run(&mut s, "GenServer.call(Stack, :pop)");
    let chart = run(&mut s, "seq show").join("\n");
    assert!(chart.contains("call :pop"), "{chart}");
    assert!(chart.contains("reply :a"), "{chart}");
    assert!(chart.contains("FunctionClauseError"), "{chart}");
    // The restarted Stack is drawn on the same lifeline and still followed.
    assert!(chart.contains("restarted"), "{chart}");
    assert_eq!(chart.matches("call :pop").count(), 3, "{chart}");
}

const COUNTER: &str = "\
defmodule Counter do
  def start(n) do
    receive do
      :inc -> start(n + 1)
      {:get, from} -> send(from, n); start(n)
    end
  end
end";

#[test]
fn spawn_and_worker_start_an_elixir_module_by_its_alias() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(&mut s, COUNTER);
    let spawned = run(&mut s, "spawn Counter(41) as c");
    assert!(has(&spawned, "+ spawn Counter <0."), "{spawned:?}");
    run(&mut s, "send c inc");
    run(&mut s, "send(:c, {:get, self()})");
    let got = run(&mut s, "receive do\n n -> n\nend");
    assert_eq!(last(&got), "42");
    let tree = run(&mut s, "sup demo { worker w1 Counter(0) }");
    assert!(has(&tree, "+ spawn Counter <0."), "{tree:?}");
    let missing = run(&mut s, "spawn Countr(0)");
    assert_eq!(
        last(&missing),
        "error: no module `Countr` is loaded — define it with defmodule, \
         or use a built-in kind (lowercase: `countr`); `kinds` lists them"
    );
}

#[test]
fn tree_asks_no_child_that_is_not_a_supervisor_for_its_children() {
    // Elixir's Registry is a child of type :supervisor here served by one
    // gen_server: `tree` must show it without sending it a request it
    // does not know (which would crash it).
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(
        &mut s,
        "{:ok, _} = Supervisor.start_link([{Registry, keys: :unique, name: Reg}], strategy: :one_for_one, name: Top)",
    );
    let before = run(&mut s, "Process.whereis(Reg)");
    let tree = run(&mut s, "tree").join("\n");
    assert!(tree.contains("── Reg <0."), "{tree}");
    assert!(!tree.contains("FunctionClauseError"), "{tree}");
    assert_eq!(run(&mut s, "Process.whereis(Reg)"), before);
    let ids = run(
        &mut s,
        "Supervisor.which_children(Top) |> Enum.map(&elem(&1, 2))",
    );
    assert_eq!(last(&ids), "[:supervisor]");
}

#[test]
fn require_logger_at_the_prompt_and_its_lines() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    assert_eq!(last(&run(&mut s, "require Logger")), "Logger");
    let logged = run(&mut s, "Logger.info(\"hi #{1 + 1}\")");
    assert!(has(&logged, "[info] hi 2"), "{logged:?}");
    // Configuring a level starts the application controller, which
    // keeps it; below it nothing is written.
    run(&mut s, "Logger.configure(level: :error)");
    let quiet = run(&mut s, "Logger.warning(\"not shown\")");
    assert!(!has(&quiet, "not shown"), "{quiet:?}");
}

#[test]
fn use_application_and_application_start_by_mixs_names() {
    let mut s = session();
    s.set_syntax(Syntax::Elixir);
    run(
        &mut s,
        "defmodule Shop.Application do\n  use Application\n  def start(_type, _args) do\n    Supervisor.start_link([{Agent, fn -> 0 end}], strategy: :one_for_one, name: Shop.Supervisor)\n  end\nend",
    );
    // `use Application` adds stop/1 and the behaviour.
    assert_eq!(last(&run(&mut s, "Shop.Application.stop(:state)")), ":ok");
    // :shop's callback module is Shop.Application, as mix names it.
    assert_eq!(last(&run(&mut s, "Application.start(:shop)")), ":ok");
    let tree = run(&mut s, "tree").join("\n");
    assert!(tree.starts_with("Shop.Supervisor <0."), "{tree}");
    assert_eq!(
        last(&run(&mut s, "Application.started_applications()")),
        "[{:shop, [], []}]"
    );
    run(&mut s, "Application.put_env(:shop, :currency, :eur)");
    assert_eq!(
        last(&run(&mut s, "Application.fetch_env!(:shop, :currency)")),
        ":eur"
    );
    assert_eq!(
        last(&run(&mut s, "Application.get_env(:shop, :missing, 1)")),
        "1"
    );
    assert_eq!(last(&run(&mut s, "Application.stop(:shop)")), ":ok");
    assert!(has(&run(&mut s, "tree"), "no supervisors yet"));
}

#[test]
fn an_app_exported_for_mix_loads_back_and_starts_the_same_tree() {
    let dir = std::env::temp_dir().join(format!("letitcrash-mix-back-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut s = session();
    run(&mut s, "sup demo { worker w1 counter }");
    let exported = run(
        &mut s,
        &format!("export app shop to {} --mix", dir.display()),
    );
    assert!(has(&exported, "wrote 6 files"), "{exported:?}");
    let mut back = session();
    back.set_syntax(Syntax::Elixir);
    for module in ["counter", "demo", "shop_sup", "shop_app"] {
        let path = dir.join("lib").join(format!("{module}.ex"));
        let loaded = run(&mut back, &format!("load {}", path.display()));
        assert_eq!(last(&loaded), format!("{{:ok, :{module}}}"), "{loaded:?}");
    }
    assert_eq!(last(&run(&mut back, "Application.start(:shop)")), ":ok");
    let tree = run(&mut back, "tree").join("\n");
    assert!(tree.starts_with("shop_sup <0."), "{tree}");
    assert!(tree.contains("└── demo <0."), "{tree}");
    assert!(tree.contains("└── w1 <0."), "{tree}");
    let _ = std::fs::remove_dir_all(&dir);
}
