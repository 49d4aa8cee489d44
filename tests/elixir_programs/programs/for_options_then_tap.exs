# `for` with its options (into: a map, a list or a MapSet, uniq: true,
# reduce: with clauses and guards), generators over ranges and maps, and
# Kernel's then/2 and tap/2 in pipelines.
defmodule Main do
  def main do
    IO.inspect(for x <- [1, 2], into: %{}, do: {x, x * 10})
    IO.inspect(for x <- [1, 2, 1, 3], uniq: true, do: x)

    total =
      for x <- [1, 2, 3], y <- [10, 20], x != 2, reduce: 0 do
        acc -> acc + x * y
      end

    IO.inspect(total)

    upper =
      for word <- ~w(a b c), reduce: %{} do
        acc when map_size(acc) >= 2 -> acc
        acc -> Map.put(acc, word, String.upcase(word))
      end

    IO.inspect(upper)
    IO.inspect(for {k, v} <- %{a: 1, b: 2}, into: [], do: {v, k})

    squares =
      for x <- 1..3, into: %{0 => 0} do
        {x, x * x}
      end

    IO.inspect(squares)
    IO.inspect(for(x <- [3, 3, 4], uniq: true, into: MapSet.new(), do: x) |> MapSet.to_list())

    [1, 2, 3]
    |> Enum.map(&(&1 * 2))
    |> tap(fn doubled -> IO.puts("doubled: #{inspect(doubled)}") end)
    |> Enum.sum()
    |> then(fn sum -> "sum is #{sum}" end)
    |> IO.puts()
  end
end
