# The one-line forms of Elixir's blocks: `do:`/`else:` with a value, and
# clauses in brackets after `do:` and `after:`.
defmodule Main do
  def main do
    for v <- [1, 2, :x] do
      IO.inspect({v, name(v), parity(v), if(is_integer(v), do: :int, else: :other)})
    end

    send(self(), {:hi, 7})
    IO.inspect(receive do: ({:hi, n} -> n * 6))
    IO.inspect(receive(do: (m -> m), after: (0 -> :empty)))

    step = fn x -> cond do: (x > 1 -> :big; true -> :small) end
    IO.inspect(Enum.map([0, 5], step))

    result = try do: (raise "boom"), rescue: (e in RuntimeError -> {:rescued, e.message})
    IO.inspect(result)
  end

  defp name(v), do: (case v, do: (1 -> :one; 2 -> :two; _ -> :many))

  defp parity(v) when is_integer(v) do
    case rem(v, 2), do: (
      0 -> :even
      _ -> :odd
    )
  end

  defp parity(_), do: :none
end
