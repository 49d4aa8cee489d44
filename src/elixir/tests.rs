//! Elixir modules lowered, checked, compiled and run on the VM: what each
//! form evaluates to, by the exit reason of `Main.run/0` (`exit(value)`).

use crate::erlang;
use crate::runtime::{Atom, Config, Runtime, Term};
use std::time::Duration;

/// Loads every module of `source` and returns how `Main.run()` ended.
fn run(source: &str) -> String {
    let (modules, _) = super::parse_file(source).unwrap_or_else(|e| panic!("{}", e.render(None)));
    let rt = crate::behavior::runtime(Config::deterministic(7));
    for module in &modules {
        erlang::check(module).unwrap_or_else(|e| panic!("{}", e.render(None)));
        let compiled = erlang::compile(module).unwrap_or_else(|e| panic!("{}", e.render(None)));
        erlang::load(&rt, compiled);
    }
    let pid = erlang::spawn_top(&rt, Atom::new("Elixir.Main"), Atom::new("run"), Vec::new())
        .expect("Main.run/0 exists");
    rt.run_until_quiet(Duration::from_secs(60));
    rt.death(pid)
        .map_or("alive".into(), |d| d.reason.to_string())
}

fn value(body: &str) -> String {
    run(&format!(
        "defmodule Main do\n  def run do\n    exit({body})\n  end\nend\n"
    ))
}

#[test]
fn operators_follow_elixirs_precedence_and_truthiness() {
    assert_eq!(value("1 + 2 * 3"), "7");
    assert_eq!(value("nil || :default"), "default");
    assert_eq!(value("1 && 2"), "2");
    assert_eq!(value("!nil"), "true");
    assert_eq!(value("[1, 2] ++ [3]"), "[1,2,3]");
    assert_eq!(value("3 in [1, 2, 3]"), "true");
    assert_eq!(value("\"ab\" <> \"cd\""), "<<\"abcd\">>");
}

#[test]
fn variables_rebind_and_pins_match_the_current_value() {
    assert_eq!(value("(x = 1; x = x + 1; x)"), "2");
    let pinned = "(x = 1\n case 1 do\n ^x -> :same\n _ -> :other\n end)";
    assert_eq!(value(pinned), "same");
}

#[test]
fn functions_have_clauses_guards_and_defaults() {
    let source = r#"
defmodule Main do
  def run, do: exit({fact(5), kind(-1), greet()})
  defp fact(0), do: 1
  defp fact(n) when n > 0, do: n * fact(n - 1)
  def kind(n) when is_integer(n) and n < 0, do: :negative
  def kind(_), do: :other
  def greet(name \\ "world"), do: "hello " <> name
end
"#;
    assert_eq!(run(source), "{120,negative,<<\"hello world\">>}");
}

#[test]
fn block_forms_lower_to_erlangs() {
    assert_eq!(value("if 0, do: :yes, else: :no"), "yes");
    assert_eq!(value("unless false do :ran end"), "ran");
    assert_eq!(value("cond do\n 1 > 2 -> :a\n true -> :b\n end"), "b");
    let with = "with {:ok, a} <- {:ok, 1},\n {:ok, b} <- {:error, a} do\n a + b\n else\n {:error, n} -> {:failed, n}\n end";
    assert_eq!(value(with), "{failed,1}");
    assert_eq!(
        value("receive do\n m -> m\n after 0 -> :none\n end"),
        "none"
    );
    assert_eq!(
        value("try do\n throw(:x)\n catch\n v -> {:caught, v}\n end"),
        "{caught,x}"
    );
}

#[test]
fn keyword_blocks_take_clauses_in_brackets() {
    assert_eq!(value("case 2, do: (1 -> :a; 2 -> :b)"), "b");
    assert_eq!(value("case 3, do: (\n 1 -> :a\n _ -> :c\n )"), "c");
    assert_eq!(value("receive(do: (m -> m), after: (0 -> :none))"), "none");
    assert_eq!(value("cond do: (1 > 2 -> :a; true -> :b)"), "b");
    // Brackets of expressions stay a block.
    assert_eq!(value("(a = 1; a + 1)"), "2");
    let Err(error) =
        super::parse_file("defmodule Main do\n  def run do\n    x = (1 -> 2)\n  end\nend\n")
    else {
        panic!("clauses taken as a value")
    };
    assert_eq!(
        error.message,
        "clauses in brackets are a block's, not a value"
    );
    assert_eq!((error.line, error.column), (3, 9));
}

#[test]
fn funs_captures_and_pipes() {
    assert_eq!(value("(f = fn x -> x * 2 end; f.(21))"), "42");
    assert_eq!(value(":lists.map(&(&1 + 1), [1, 2])"), "[2,3]");
    assert_eq!(value("(g = &:erlang.abs/1; g.(-3))"), "3");
    assert_eq!(
        value("[3, 1, 2] |> :lists.sort() |> :lists.reverse()"),
        "[3,2,1]"
    );
    assert_eq!(value("for x <- [1, 2, 3], x > 1, do: x * 10"), "[20,30]");
}

#[test]
fn maps_structs_and_strings() {
    let source = r#"
defmodule Point do
  defstruct x: 0, y: 0
end
defmodule Main do
  alias Point, as: P
  @origin %{x: 0}
  def run do
    p = %P{x: 1}
    q = %{p | y: 2}
    %Point{x: x} = q
    exit({x, q.y, @origin.x, "n=#{"1"}"})
  end
end
"#;
    let ended = run(source);
    assert!(ended.contains("{1,2,0,<<\"n=1\">>"), "{ended}");
}

#[test]
fn an_error_points_at_the_elixir_source() {
    let source = "defmodule Main do\n  def run do\n    undefined_thing(1)\n  end\nend\n";
    let Err(error) = super::parse_file(source) else {
        panic!("accepted")
    };
    assert_eq!((error.line, error.column), (3, 5));
    assert!(
        error
            .message
            .contains("undefined function undefined_thing/1")
    );
    assert!(error.hint.is_some());
}

#[test]
fn a_missing_end_names_the_do_it_would_close() {
    // The case and the def are closed; the module's `do` is not.
    let source = "defmodule C do\n  def f(x) do\n    case x do\n      1 -> :one\n    end\n  end\n";
    let Err(error) = super::parse_file(source) else {
        panic!("accepted")
    };
    assert_eq!(error.line, 7, "{}", error.render(None));
    assert_eq!(
        error.hint.as_deref(),
        Some("the `do` at line 1, column 13 needs its `end`")
    );
}

#[test]
fn use_gen_server_adds_the_behaviour_and_its_defaults() {
    let (modules, _) =
        super::parse_file("defmodule S do\n  use GenServer\n  def init(x), do: {:ok, x}\nend\n")
            .unwrap();
    let names: Vec<String> = modules[0]
        .functions
        .iter()
        .map(|f| format!("{}/{}", f.name, f.arity))
        .collect();
    for expected in [
        "init/1",
        "child_spec/1",
        "handle_call/3",
        "handle_cast/2",
        "terminate/2",
    ] {
        assert!(names.contains(&expected.to_string()), "{names:?}");
    }
    assert!(modules[0].attributes.kept[0].contains("Elixir.GenServer"));
    let _ = Term::atom("ok");
}

#[test]
fn nested_modules_are_named_after_their_parent() {
    let (modules, _) = super::parse_file(
        "defmodule A do\n  defmodule B do\n    def f, do: 1\n  end\n  def g, do: B.f()\nend\n",
    )
    .unwrap();
    let names: Vec<&str> = modules.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Elixir.A.B", "Elixir.A"]);
    let rt = Runtime::new(Config::deterministic(1));
    drop(rt);
}

/// Every error in Elixir source has a place and a hint, as the Erlang
/// front end's do: the mistakes a reader of the talk makes first.
#[test]
fn common_mistakes_get_a_place_and_a_hint() {
    let mistakes = [
        (
            "defmodule A do\n  def f(x) do\n    y + x\n  end\nend\n",
            (3, 5),
        ),
        (
            "defmodule A do\n  def f(x) do\n    g(x)\n  end\nend\n",
            (3, 5),
        ),
        ("defmodule A do\n  def f(x), do: x |>\nend\n", (3, 1)),
        (
            "defmodule A do\n  def f(x) do\n    spawn(fn -> x end\n  end\nend\n",
            (4, 3),
        ),
        (
            "defmodule A do\n  def f(x) do\n    %{a: 1, x}\n  end\nend\n",
            (3, 14),
        ),
        (
            "defmodule A do\n  def f(x) do\n    \"open\n  end\nend\n",
            (3, 5),
        ),
        (
            "defmodule A do\n  def f(x) when do\n    x\n  end\nend\n",
            (2, 17),
        ),
        (
            "defmodule A do\n  def f(x) do\n    case x do\n      1 => :one\n    end\n  end\nend\n",
            (4, 9),
        ),
        ("defmodule A do\n  deff f(x), do: x\nend\n", (2, 3)),
        ("defmodule a do\nend\n", (1, 11)),
    ];
    for (source, (line, column)) in mistakes {
        let Err(error) = super::parse_file(source) else {
            panic!("accepted:\n{source}")
        };
        let rendered = error.render(Some("m.ex"));
        assert!(error.hint.is_some(), "no hint:\n{rendered}");
        assert!(
            rendered.contains(&format!("m.ex:{line}:{column}\n")),
            "not at {line}:{column}:\n{rendered}"
        );
    }
}

#[test]
fn a_module_named_by_an_atom_keeps_that_name() {
    // What `export tally to tally.ex` writes for a module named in Erlang.
    let (modules, rest) =
        super::parse_file("defmodule :tally do\n  def start(n) do\n    n + 1\n  end\nend\n")
            .unwrap_or_else(|e| panic!("{}", e.render(None)));
    assert!(rest.is_empty());
    assert_eq!(modules[0].name, "tally");
}

#[test]
fn match_question_mark_is_a_case_whose_variables_stay_inside() {
    assert_eq!(value("match?({:ok, _}, {:ok, 1})"), "true");
    assert_eq!(value("(x = 2; match?(^x, 3))"), "false");
    assert_eq!(value("match?(n when n > 1, 2)"), "true");
    assert_eq!(value("(y = :outer; match?(y, :inner); y)"), "outer");
}

#[test]
fn comprehensions_take_any_enumerable_and_captures_reach_into_fns() {
    assert_eq!(value("for n <- 1..3, do: n * n"), "[1,4,9]");
    assert_eq!(value("for n <- [1, 1, 2], uniq: true, do: n"), "[1,2]");
    assert_eq!(
        value("for n <- [1, 2], into: %{}, do: {n, n}"),
        "#{1 => 1,2 => 2}"
    );
    let reduce = "for n <- 1..4, rem(n, 2) == 0, reduce: 0 do\n acc -> acc + n\n end";
    assert_eq!(value(reduce), "6");
    let thunks = "Enum.map([1, 2], &(fn -> &1 + 1 end)) |> Enum.map(fn f -> f.() end)";
    assert_eq!(value(thunks), "[2,3]");
}

#[test]
fn upper_case_sigils_are_raw() {
    assert_eq!(value("~S(a#{b}\\n)"), "<<\"a#{b}\\\\n\">>");
    assert_eq!(value("~W(x y)"), "[<<\"x\">>,<<\"y\">>]");
}

#[test]
fn a_heredoc_ends_at_its_closing_quotes_and_the_text_goes_on() {
    // What follows the closing quotes, and a string after them, are read.
    let source = "defmodule H do\n  def f do\n    \"\"\"\n    one\n      two\n    \"\"\" <> \"three\"\n  end\nend\n";
    let (modules, _) = super::parse_file(source).unwrap_or_else(|e| panic!("{}", e.render(None)));
    assert_eq!(modules[0].name, "Elixir.H");
    // A heredoc closed on the file's last line, and one never closed,
    // end (the first used to loop for ever looking for its quotes).
    assert!(super::parse_file("\"\"\"  x\n\"\"\"\n").is_ok());
    let Err(error) = super::parse_file("\"\"\"\nx\n") else {
        panic!("an open heredoc was accepted")
    };
    assert!(error.message.contains("never closed"), "{}", error.message);
}
