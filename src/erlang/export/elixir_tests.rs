//! The Elixir export's text for small definitions, exactly: what
//! `mix format` would leave as it is (tests/elixir_export.rs checks that
//! with the real formatter).

use super::elixir::{atom, module, snake_case};

fn export(name: &str, source: &str) -> String {
    let parsed = crate::erlang::parse(name, source).expect("parses");
    module(&parsed).expect("exports")
}

#[test]
fn a_counter_is_a_module_of_the_same_name_with_receive_and_send() {
    let text = export(
        "counter",
        "
  start(N) -> loop(N).
  loop(Count) ->
    receive
      incr -> loop(Count + 1);
      {get, From} -> From ! {count, Count}, loop(Count)
    after 30s -> exit(idle)
    end.
",
    );
    assert_eq!(
        text,
        "\
defmodule :counter do
  def start(n) do
    loop(n)
  end

  def loop(count) do
    receive do
      :incr ->
        loop(count + 1)

      {:get, from} ->
        send(from, {:count, count})
        loop(count)
    after
      30000 -> exit(:idle)
    end
  end
end
"
    );
}

#[test]
fn operators_guards_and_bifs_are_elixirs() {
    let text = export(
        "ops",
        "
  f(X, Y) when is_integer(X), X >= 0; X =:= Y -> {X =/= Y, X /= Y, X =< Y, X div 2, X rem 2, X band Y, element(1, {X}), spawn(ops, f, [X, Y])};
  f(_, _) -> [A || A <- []] ++ \"abc\".
",
    );
    assert_eq!(
        text,
        "\
defmodule :ops do
  def f(x, y) when is_integer(x) and x >= 0 when x === y do
    {
      x !== y,
      x != y,
      x <= y,
      div(x, 2),
      rem(x, 2),
      :erlang.band(x, y),
      elem({x}, 0),
      spawn(:ops, :f, [x, y])
    }
  end

  def f(_, _) do
    :lists.flatmap(fn a -> [a] end, []) ++ 'abc'
  end
end
"
    );
}

#[test]
fn a_variable_bound_before_is_pinned_in_a_pattern() {
    let text = export(
        "pins",
        "f(X) -> {X, Y} = g(), case Y of X -> same; Z -> Z end.
         g() -> {1, 1}.",
    );
    assert!(text.contains("{^x, y} = g()"), "{text}");
    assert!(text.contains("      ^x -> :same\n      z -> z\n"), "{text}");
}

#[test]
fn funs_binaries_maps_and_try() {
    let text = export(
        "misc",
        "
  f(M, B) ->
    F = fun(X) -> X + 1 end,
    G = fun lists:reverse/1,
    <<N:16/little, Rest/binary>> = B,
    M2 = M#{a := 1, b => 2},
    try F(N) of V -> {V, G, Rest, M2, <<\"hi\">>} catch error:R:S -> {R, S} after ok end.
",
    );
    assert_eq!(
        text,
        "\
defmodule :misc do
  def f(m, b) do
    f = fn x -> x + 1 end
    g = &:lists.reverse/1
    <<n::little-size(16), rest::binary>> = b
    m2 = Map.merge(%{m | a: 1}, %{b: 2})

    try do
      f.(n)
    else
      v -> {v, g, rest, m2, \"hi\"}
    catch
      :error, r ->
        s = __STACKTRACE__
        {r, s}
    after
      :ok
    end
  end
end
"
    );
}

#[test]
fn names_are_elixirs() {
    assert_eq!(snake_case("FromPid"), "from_pid");
    assert_eq!(snake_case("_Acc"), "_acc");
    assert_eq!(snake_case("X1"), "x1");
    assert_eq!(atom("ok"), ":ok");
    assert_eq!(atom("EXIT"), ":EXIT");
    assert_eq!(atom("hello world"), ":\"hello world\"");
    assert_eq!(atom("Elixir.MyApp.Counter"), "MyApp.Counter");
    assert_eq!(atom("nil"), "nil");
}

#[test]
fn a_function_elixir_cannot_name_is_refused() {
    let parsed = crate::erlang::parse("bad", "quote(X) -> X.").expect("parses");
    let error = module(&parsed).unwrap_err();
    assert!(error.contains("special forms"), "{error}");
}

#[test]
fn is_record_is_a_defguardp_usable_in_guards_and_bodies() {
    let text = export(
        "recs",
        "
  -record(point, {x, y, z}).
  f(P) when is_record(P, point, 4), element(2, P) > 0 -> {is_record(P, point, 4), is_record({a}, point, 4)};
  f(_) -> no.
",
    );
    assert_eq!(
        text,
        "\
defmodule :recs do
  # Erlang's is_record/3: a tuple of `size` elements, `tag` first.
  defguardp is_record(value, tag, size)
            when is_tuple(value) and tuple_size(value) == size and elem(value, 0) == tag

  def f(p) when is_record(p, :point, 4) and elem(p, 1) > 0 do
    {is_record(p, :point, 4), is_record({:a}, :point, 4)}
  end

  def f(_) do
    :no
  end
end
"
    );
}

#[test]
fn a_guards_alternatives_are_whens_and_a_long_head_breaks_before_when() {
    let text = export(
        "kinds",
        "
  kind(X) when tuple_size(X) == 1; X == [] -> small;
  kind(_) -> other.
  big(Alpha, Beta) when is_integer(Alpha), Alpha > 1000000, is_integer(Beta), Beta > 1000000, Alpha =/= Beta -> big.
",
    );
    // `or` would fail the whole guard where tuple_size([]) raises; a
    // second `when` fails that alternative only, as Erlang's `;`.
    assert!(
        text.contains("  def kind(x) when tuple_size(x) == 1 when x == [] do\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  def big(alpha, beta)
      when is_integer(alpha) and alpha > 1_000_000 and is_integer(beta) and beta > 1_000_000 and
             alpha !== beta do
"
        ),
        "{text}"
    );
}

#[test]
fn an_if_is_a_cond_that_raises_if_clause_when_no_clause_is_true() {
    let text = export(
        "ifs",
        "
  sign(X) -> if X > 0 -> pos; X < 0 -> neg end.
  total(X) -> if X > 0 -> pos; true -> other end.
",
    );
    assert!(
        text.contains(
            "    cond do
      x > 0 -> :pos
      x < 0 -> :neg
      true -> :erlang.error(:if_clause)
    end
"
        ),
        "{text}"
    );
    // A clause that is `true` already: nothing added.
    assert!(
        text.contains(
            "    cond do
      x > 0 -> :pos
      true -> :other
    end
"
        ),
        "{text}"
    );
}

#[test]
fn a_case_subject_that_is_a_do_block_is_in_parentheses() {
    let text = export(
        "subs",
        "sub(X) -> case case X of 1 -> a; _ -> b end of a -> one; b -> other end.",
    );
    assert!(
        text.contains(
            "    case (case x do
            1 -> :a
            _ -> :b
          end) do
      :a -> :one
      :b -> :other
    end
"
        ),
        "{text}"
    );
}

#[test]
fn a_map_update_applies_its_fields_in_the_order_written() {
    let text = export("ups", "f(M, K) -> M#{K := bee, K => bee2}.");
    assert!(
        text.contains("Map.merge(%{m | k => :bee}, %{k => :bee2})"),
        "{text}"
    );
}

#[test]
fn an_if_whose_tests_may_raise_or_be_no_boolean_is_a_case_of_guards() {
    // `cond` would raise on tuple_size([]) and take `ok` as true; a guard
    // fails its clause, as Erlang's `if` does.
    let text = export(
        "ifs",
        "
  small(X) -> if tuple_size(X) == 1 -> one; X == [] -> empty end.
  truthy(X) -> if X -> yes; true -> no end.
",
    );
    assert!(
        text.contains(
            "    case :if do
      _ when tuple_size(x) == 1 -> :one
      _ when x == [] -> :empty
      _ -> :erlang.error(:if_clause)
    end
"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "    case :if do
      _ when x -> :yes
      _ -> :no
    end
"
        ),
        "{text}"
    );
}

#[test]
fn a_matchs_value_is_laid_out_after_the_equals_sign_as_the_formatter_does() {
    // A `do` block and a call over several lines go on the next line, a
    // container stays after `=`; a call whose last argument is a `fn`
    // hugs it.
    let text = export(
        "lay",
        "
  main(X) ->
    Y = case X of 1 -> one; _ -> other end,
    Pid = spawn(fun() -> receive stop -> ok end, io:format(\"stopped ~p~n\", [Y]) end),
    T = {Y, Pid, [X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X]},
    T.
",
    );
    assert_eq!(
        text,
        "\
defmodule :lay do
  def main(x) do
    y =
      case x do
        1 -> :one
        _ -> :other
      end

    pid =
      spawn(fn ->
        receive do
          :stop -> :ok
        end

        :io.format('stopped ~p~n', [y])
      end)

    t = {
      y,
      pid,
      [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]
    }

    t
  end
end
"
    );
}

#[test]
fn a_clause_head_too_long_for_its_line_has_when_under_the_pattern() {
    let text = export(
        "lg",
        "
  main(Alpha, Beta) ->
    case {Alpha, Beta} of
      {A, B} when is_integer(A), A > 1000000, is_integer(B), B > 1000000, A =/= B, A + B > 5000000 -> big;
      _ -> small
    end.
",
    );
    assert!(
        text.contains(
            "      {a, b}
      when is_integer(a) and a > 1_000_000 and is_integer(b) and b > 1_000_000 and a !== b and
             a + b > 5_000_000 ->
        :big
"
        ),
        "{text}"
    );
}
