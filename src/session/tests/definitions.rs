//! `def`, `show`, `load`, and definitions in `kinds` and `help`.

use super::{has, last, run, session};
use crate::commands::parse_script;
use crate::session::Line;

const COUNTER: &str = "def counter {
  start(N) -> loop(N).
  loop(N) ->
    receive
      incr -> loop(N + 1);
      {get, From} -> From ! {count, N}, loop(N)
    after 30s -> exit(idle)
    end.
}";

#[test]
fn a_definition_that_compiles_answers_ok_and_name() {
    let mut s = session();
    let out = run(&mut s, COUNTER);
    assert_eq!(last(&out), "{ok,counter}");
    let module = &s.definitions()["counter"].module;
    assert_eq!(module.functions.len(), 2);
}

#[test]
fn show_and_help_print_the_source_as_written() {
    let mut s = session();
    run(&mut s, COUNTER);
    assert_eq!(last(&run(&mut s, "show counter")), COUNTER);
    assert_eq!(last(&run(&mut s, "help counter")), COUNTER);
    assert!(last(&run(&mut s, "show countr")).contains("did you mean `counter`?"));
}

#[test]
fn kinds_lists_definitions_beside_the_built_ins() {
    let mut s = session();
    run(&mut s, COUNTER);
    let out = run(&mut s, "kinds");
    assert!(has(&out, "echo"), "{out:?}");
    let line = out[0].lines().last().unwrap();
    assert!(line.starts_with("counter(N) "), "{line}");
    assert!(line.ends_with("  defined: start/1, loop/1"), "{line}");
}

/// The compile error of the first statement of `script`, as rendered.
fn compile_error(script: &str) -> String {
    let mut s = session();
    s.set_source("demo.crash");
    let stmt = parse_script(script)
        .remove(0)
        .expect("the def block parses");
    let evaluation = s.eval(&stmt);
    assert!(!evaluation.ok);
    match &evaluation.lines[0] {
        Line::Error(text) => text.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_compile_error_names_the_script_line_and_column_with_a_caret() {
    let script =
        "say \"hi\"\n\n  def counter {\n    start(N) -> loop(N, 0).\n    loop(N) -> N.\n  }";
    let stmts = parse_script(script);
    let mut s = session();
    s.set_source("demo.crash");
    let evaluation = s.eval(stmts[1].as_ref().unwrap());
    let Line::Error(text) = &evaluation.lines[0] else {
        panic!()
    };
    let expected = "\
error: function loop/2 undefined
 --> demo.crash:4:17
  |
4 |     start(N) -> loop(N, 0).
  |                 ^^^^";
    assert!(text.starts_with(expected), "{text}");
}

#[test]
fn an_error_on_the_def_line_counts_columns_from_the_script_line() {
    let text = compile_error("  def spin { start() -> loop(0). loop(N) -> loop(N + 1) }");
    assert!(text.contains(" --> demo.crash:1:57\n"), "{text}");
    assert!(
        text.contains("1 |   def spin { start() -> loop(0). loop(N) -> loop(N + 1) }\n"),
        "{text}"
    );
}

#[test]
fn a_rejected_definition_keeps_the_previous_one() {
    let mut s = session();
    run(&mut s, COUNTER);
    let out = run(&mut s, "def counter { start(N) -> X. }");
    assert!(has(&out, "variable 'X' is unbound"), "{out:?}");
    assert_eq!(last(&out), "notice: the previous `counter` stays in force");
    assert_eq!(last(&run(&mut s, "show counter")), COUNTER);
}

#[test]
fn a_rejected_definition_of_a_built_in_name_says_the_built_in_runs() {
    // The process code would crash with `badarith`; the built-in counter
    // would crash with `{bad_message, ...}`. Whichever runs is said.
    let mut s = session();
    let out = run(
        &mut s,
        "def counter { start(N) -> loop(N + a). loop(N) -> Y. }",
    );
    assert!(has(&out, "variable 'Y' is unbound"), "{out:?}");
    assert_eq!(
        last(&out),
        "notice: nothing was loaded: `counter` is still the built-in kind (see `kinds`)"
    );
    run(&mut s, "C = spawn counter");
    let info = run(&mut s, "info C");
    assert!(has(&info, "counter"), "{info:?}");
    assert!(
        !has(&info, "counter@"),
        "the built-in, no version: {info:?}"
    );
}

#[test]
fn a_definition_shadows_the_built_in_kind_of_its_name() {
    let mut s = session();
    run(&mut s, "def counter { start(N) -> exit(N + a). }");
    run(&mut s, "C = spawn counter(1)");
    let out = run(&mut s, "info C");
    assert!(
        has(&out, "badarith"),
        "the definition ran, not the built-in: {out:?}"
    );
}

#[test]
fn runtime_modules_and_reserved_words_are_no_names() {
    let mut s = session();
    assert!(last(&run(&mut s, "def lists { f() -> ok. }")).contains("a module of the runtime"));
    assert!(last(&run(&mut s, "def case { f() -> ok. }")).contains("a reserved word"));
}

#[test]
fn load_reads_every_def_block_of_a_file() {
    let dir = std::env::temp_dir().join(format!("letitcrash-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("defs.crash");
    std::fs::write(&path, format!("# two definitions\n{COUNTER}\ndef idle {{ start() -> receive after infinity -> ok end. }}\n")).unwrap();
    let mut s = session();
    let out = run(&mut s, &format!("load \"{}\"", path.display()));
    assert_eq!(out, ["{ok,counter}", "{ok,idle}"]);
    let broken = dir.join("broken.crash");
    std::fs::write(&broken, "def b {\n  f() -> g().\n}\nspawn echo\n").unwrap();
    let out = run(&mut s, &format!("load {}", broken.display()));
    assert!(has(&out, &format!("{}:2:10", broken.display())), "{out:?}");
    assert!(has(&out, "only `def` blocks can be loaded"), "{out:?}");
    assert!(last(&run(&mut s, "load /no/such/file.crash")).contains("cannot read"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn definitions_survive_reset() {
    let mut s = session();
    run(&mut s, COUNTER);
    assert!(last(&run(&mut s, "reset")).contains("definitions kept: counter"));
    assert!(s.definitions().contains_key("counter"));
}

#[test]
fn a_call_to_a_function_no_module_has_is_reported_when_loaded() {
    // As erlc's xref: `lists:sort/1` is the standard library's, `u:start/0`
    // its own; the rest can only fail with undef. `other:thing/0` is in
    // no module yet, which a later `def other` may fix: not reported.
    let mut s = session();
    let out = run(
        &mut s,
        "def u {\n  start() -> lists:sort([2, 1]), lists:nosuch(1), io:nope(), u:start(), u:missing(), other:thing().\n}",
    );
    assert!(has(&out, "{ok,u}"), "{out:?}");
    let warnings: Vec<&String> = out.iter().filter(|l| l.contains("warning:")).collect();
    assert_eq!(warnings.len(), 3, "{out:?}");
    for call in ["lists:nosuch/1", "io:nope/0", "u:missing/0"] {
        assert!(
            has(
                &out,
                &format!("warning: {call} is not defined: a call to it fails with undef")
            ),
            "{call}: {out:?}"
        );
    }
}

/// A file in a fresh directory of its own under the system's temp dir.
fn erl_file(test: &str, name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("letitcrash-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn load_compiles_an_erlang_module_file_as_erlc_would() {
    let path = erl_file(
        "load-erl",
        "greeter.erl",
        "-module(greeter).\n-behaviour(gen_server).\n-export([start/1]).\n-import(lists, [reverse/1]).\n\nstart(Name) -> exit({hello, reverse(Name)}).\n\nhidden() -> ok.\n",
    );
    let mut s = session();
    let out = run(&mut s, &format!("load {}", path.display()));
    assert!(has(&out, "{ok,greeter}"), "{out:?}");
    let attributes = &s.definitions()["greeter"].module.attributes;
    assert_eq!(attributes.kept, ["-behaviour(gen_server)."]);
    assert_eq!(attributes.imports, [("lists".into(), "reverse".into(), 1)]);
    // Only what -export lists is reachable from outside.
    let compiled =
        crate::erlang::program::lookup(s.runtime(), crate::runtime::Atom::new("greeter"))
            .expect("loaded");
    assert_eq!(compiled.exports.len(), 1);
    let out = run(&mut s, "export greeter");
    assert!(has(&out, "-export([start/1])."), "{out:?}");
    assert!(has(&out, "-import(lists, [reverse/1])."), "{out:?}");
}

#[test]
fn a_module_attribute_that_disagrees_is_an_error_with_a_caret() {
    let path = erl_file(
        "load-erl-bad",
        "named.erl",
        "-module(other).\nstart() -> ok.\n",
    );
    let mut s = session();
    let out = run(&mut s, &format!("load {}", path.display()));
    let text = out.join("\n");
    assert!(
        text.contains("this module is `other`, but it is loaded as `named`"),
        "{text}"
    );
    assert!(text.contains("named.erl:1:9"), "{text}");
    let out = run(
        &mut s,
        "def e { -export([start/0, gone/2]). start() -> ok. }",
    );
    assert!(has(&out, "function gone/2 undefined"), "{out:?}");
    let out = run(&mut s, "def i { -import(lists, [sum/1]). sum(_) -> 0. }");
    assert!(has(&out, "defining imported function sum/1"), "{out:?}");
    let out = run(&mut s, "def m { -include(\"r.hrl\"). start() -> ok. }");
    assert!(has(&out, "has no directory to include from"), "{out:?}");
}

#[test]
fn macro_mistakes_are_errors_at_their_place() {
    let mut s = session();
    let out = run(&mut s, "def m1 {\n  start() -> ?NOPE.\n}");
    assert!(has(&out, "undefined macro 'NOPE'"), "{out:?}");
    let out = run(&mut s, "def m2 {\n  -ifdef(X).\n  start() -> ok.\n}");
    assert!(has(&out, "has no `-endif`"), "{out:?}");
    let out = run(&mut s, "def m3 {\n  -else.\n  start() -> ok.\n}");
    assert!(has(&out, "`-else` without an `-ifdef`"), "{out:?}");
    let out = run(
        &mut s,
        "def m4 {\n  -define(LOOP, ?LOOP).\n  start() -> ?LOOP.\n}",
    );
    assert!(has(&out, "macros expand too deep"), "{out:?}");
    let out = run(
        &mut s,
        "def m5 {\n  -define(P(A, B), {A, B}).\n  start() -> ?P(1).\n}",
    );
    assert!(has(&out, "the macro P takes 2 arguments, not 1"), "{out:?}");
    // And one that works, for contrast.
    let out = run(
        &mut s,
        "def m6 {\n  -define(P(A, B), {A, B}).\n  start() -> ?P(1, ?MODULE).\n}",
    );
    assert!(has(&out, "{ok,m6}"), "{out:?}");
}

#[test]
fn record_mistakes_are_erl_lints() {
    let mut s = session();
    let out = run(&mut s, "def r1 { start() -> #nope{}. }");
    assert!(has(&out, "record nope undefined"), "{out:?}");
    let out = run(&mut s, "def r2 { -record(p, {x}). start() -> #p{y = 1}. }");
    assert!(has(&out, "field y undefined in record p"), "{out:?}");
    let out = run(
        &mut s,
        "def r3 { -record(p, {x}). -record(p, {y}). start() -> ok. }",
    );
    assert!(has(&out, "record p already defined"), "{out:?}");
    let out = run(&mut s, "def r4 { -record(p, {x, x}). start() -> ok. }");
    assert!(has(&out, "field x already defined in record p"), "{out:?}");
    let out = run(
        &mut s,
        "def r5 { -record(p, {x = 1}). start() -> exit((#p{})#p.x). }",
    );
    assert!(has(&out, "{ok,r5}"), "{out:?}");
}

#[test]
fn a_module_file_includes_a_header_beside_it() {
    let header = erl_file(
        "include",
        "shapes.hrl",
        "-record(circle, {r = 1}).\n-define(PI, 3).\n",
    );
    let module = header.with_file_name("geo.erl");
    std::fs::write(
        &module,
        "-module(geo).\n-export([start/1]).\n-include(\"shapes.hrl\").\n\nstart(R) -> exit(?PI * (#circle{r = R})#circle.r).\n",
    )
    .unwrap();
    let mut s = session();
    let out = run(&mut s, &format!("load {}", module.display()));
    assert!(has(&out, "{ok,geo}"), "{out:?}");
    let out = run(&mut s, "P = spawn geo(2)");
    assert!(has(&out, "exited with 6"), "{out:?}");
}

#[test]
fn export_to_a_file_ending_in_ex_writes_elixir() {
    let mut s = session();
    run(&mut s, "def tally { start(N) -> N + 1. }");
    let dir = std::env::temp_dir().join(format!("letitcrash-export-ex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tally.ex");
    let out = run(&mut s, &format!("export tally to {}", path.display()));
    assert!(has(&out, "ok"), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "defmodule :tally do\n  def start(n) do\n    n + 1\n  end\nend\n"
    );
    let erl = dir.join("tally.erl");
    run(&mut s, &format!("export tally to {}", erl.display()));
    assert!(
        std::fs::read_to_string(&erl)
            .unwrap()
            .starts_with("-module(tally).")
    );
}

#[test]
fn export_app_with_mix_writes_a_mix_project() {
    let mut s = session();
    run(&mut s, "def tally { start(N) -> N + 1. }");
    let dir = std::env::temp_dir().join(format!("letitcrash-export-mix-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = run(
        &mut s,
        &format!("export app shop to {} --mix", dir.display()),
    );
    assert!(has(&out, "`mix compile` there builds shop"), "{out:?}");
    assert!(dir.join("mix.exs").exists());
    assert!(
        std::fs::read_to_string(dir.join("lib/tally.ex"))
            .unwrap()
            .starts_with("defmodule :tally do\n")
    );
}

/// A tree started by calling a supervisor callback module of the session
/// is a child of the application's top supervisor, started by the
/// module's start_link/0; a nested callback supervisor is left to its
/// parent, and one without start_link/0 is left out with a line.
#[test]
fn export_app_starts_the_trees_a_callback_module_started() {
    let mut s = session();
    run(
        &mut s,
        "def inner_sup {
           -behaviour(supervisor).
           start_link() -> supervisor:start_link({local, inner_sup}, inner_sup, []).
           init([]) -> {ok, {#{}, []}}.
         }",
    );
    run(
        &mut s,
        "def game_sup {
           -behaviour(supervisor).
           -export([start_link/0, init/1]).
           start_link() -> supervisor:start_link({local, game_sup}, game_sup, []).
           init([]) -> {ok, {#{}, [#{id => inner, start => {inner_sup, start_link, []}, type => supervisor}]}}.
         }",
    );
    run(
        &mut s,
        "def bare_sup {
           -behaviour(supervisor).
           -export([init/1]).
           init([]) -> {ok, {#{}, []}}.
         }",
    );
    run(&mut s, "{ok, _} = game_sup:start_link().");
    run(
        &mut s,
        "{ok, _} = supervisor:start_link({local, bare}, bare_sup, []).",
    );
    for mix in [false, true] {
        let dir = std::env::temp_dir().join(format!(
            "letitcrash-export-callback-{}-{mix}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        let flag = if mix { " --mix" } else { "" };
        let out = run(
            &mut s,
            &format!("export app arcade to {}{flag}", dir.display()),
        );
        assert!(
            has(
                &out,
                "bare is left out: the application would start it by bare_sup:start_link(), which bare_sup does not export"
            ),
            "{out:?}"
        );
        let top = if mix {
            std::fs::read_to_string(dir.join("lib/arcade_sup.ex")).unwrap()
        } else {
            std::fs::read_to_string(dir.join("src/arcade_sup.erl")).unwrap()
        };
        let start = if mix {
            "start: {:game_sup, :start_link, []}"
        } else {
            "start => {game_sup, start_link, []}"
        };
        assert!(top.contains(start), "{top}");
        assert!(!top.contains("inner_sup"), "{top}");
    }
}

/// A tree Elixir's `Supervisor.start_link/2` started at the prompt has no
/// callback module of the session to start it by: `export app` writes a
/// supervisor module for it, and for its nested supervisor, from what the
/// running supervisors know (flags, ids, start functions, restart,
/// shutdown); a tree whose child could not start in the application is
/// left out with a line saying why, which differs between rebar3 (no
/// Elixir library) and Mix (no source text for a fun).
#[test]
fn export_app_writes_a_tree_elixir_started_from_its_running_supervisor() {
    let mut s = session();
    s.set_syntax(crate::view::Syntax::Elixir);
    run(
        &mut s,
        "defmodule Counter do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n)
  @impl true
  def init(n), do: {:ok, n}
end",
    );
    run(
        &mut s,
        "inner = %{id: :inner, type: :supervisor, start: {Supervisor, :start_link, [[Supervisor.child_spec({Counter, 1}, id: :w, restart: :transient)], [strategy: :one_for_all]]}}",
    );
    let started = run(
        &mut s,
        "{:ok, _} = Supervisor.start_link([Supervisor.child_spec({Counter, 0}, id: :a, shutdown: :brutal_kill), inner], strategy: :rest_for_one, max_restarts: 2, max_seconds: 7, name: :shop)",
    );
    assert!(!has(&started, "error"), "{started:?}");
    run(
        &mut s,
        "{:ok, _} = Supervisor.start_link([%{id: :n, start: {Agent, :start_link, [fn -> 0 end]}}], strategy: :one_for_one, name: :plain)",
    );
    for mix in [false, true] {
        let dir = std::env::temp_dir().join(format!(
            "letitcrash-export-elixir-tree-{}-{mix}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        let flag = if mix { " --mix" } else { "" };
        let out = run(
            &mut s,
            &format!("export app shop_app to {}{flag}", dir.display()),
        );
        let why = if mix {
            "plain is left out: the start arguments of the child n of plain hold a fun, which no source text can write"
        } else {
            "plain is left out: the child n of plain starts by 'Elixir.Agent':start_link/1, and 'Elixir.Agent' is neither a definition of the session nor a library module the application has"
        };
        assert!(has(&out, why), "{out:?}");
        let read = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap();
        if mix {
            let top = read("lib/shop_app_sup.ex");
            assert!(top.contains("start: {:shop, :start_link, []}"), "{top}");
            assert!(!top.contains("plain"), "{top}");
            let shop = read("lib/shop.ex");
            for wanted in [
                "Supervisor.start_link(__MODULE__, [], name: :shop)",
                "id: :a,\n        start: {Counter, :start_link, [0]},\n        restart: :permanent,\n        shutdown: :brutal_kill,\n        type: :worker,\n        modules: [Counter]",
                "id: :inner,\n        start: {:inner, :start_link, []},",
                "Supervisor.init(children, strategy: :rest_for_one, max_restarts: 2, max_seconds: 7)",
            ] {
                assert!(shop.contains(wanted), "{wanted}\n{shop}");
            }
            let inner = read("lib/inner.ex");
            assert!(
                inner.contains("Supervisor.start_link(__MODULE__, [])\n"),
                "{inner}"
            );
            assert!(inner.contains("restart: :transient"), "{inner}");
            assert!(
                inner.contains("strategy: :one_for_all, max_restarts: 3"),
                "{inner}"
            );
        } else {
            let top = read("src/shop_app_sup.erl");
            assert!(top.contains("start => {shop, start_link, []}"), "{top}");
            let shop = read("src/shop.erl");
            for wanted in [
                "SupFlags = #{strategy => rest_for_one, intensity => 2, period => 7},",
                "start => {'Elixir.Counter', start_link, [0]},\n            restart => permanent,\n            shutdown => brutal_kill,\n            type => worker,\n            modules => ['Elixir.Counter']",
                "start => {inner, start_link, []},",
            ] {
                assert!(shop.contains(wanted), "{wanted}\n{shop}");
            }
            let inner = read("src/inner.erl");
            assert!(
                inner.contains("start => {'Elixir.Counter', start_link, [1]},"),
                "{inner}"
            );
            assert!(
                inner.contains("strategy => one_for_all, intensity => 3, period => 5"),
                "{inner}"
            );
        }
    }
}
