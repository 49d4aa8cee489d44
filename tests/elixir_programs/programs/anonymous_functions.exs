defmodule Main do
  def main do
    describe = fn
      0 -> :zero
      n when n > 0 -> :pos
      _ -> :neg
    end

    :io.format("~p~n", [:lists.map(describe, [0, 5, -5])])
    counter = make_counter(10)
    :io.format("~p~n", [counter.(5)])
    compose = fn f, g -> fn x -> g.(f.(x)) end end
    inc_then_square = compose.(fn x -> x + 1 end, fn x -> x * x end)
    :io.format("~p~n", [inc_then_square.(3)])
    no_args = fn -> :called end
    :io.format("~p~n", [no_args.()])
  end

  defp make_counter(start), do: fn n -> start + n end
end
