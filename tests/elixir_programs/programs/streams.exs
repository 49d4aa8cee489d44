# Streams as Elixir in Action shows them: nothing runs until Enum asks,
# each element goes through the whole pipeline in turn, and an endless
# stream is fine for the functions that stop early.
defmodule Main do
  def main do
    squares =
      [1, 2, 3, 4]
      |> Stream.map(fn x ->
        IO.puts("squaring #{x}")
        x * x
      end)

    IO.puts("nothing squared yet")
    IO.inspect(Enum.take(squares, 2))

    1..3
    |> Stream.with_index()
    |> Enum.each(fn {x, i} -> IO.puts("#{i + 1}. #{x}") end)

    IO.inspect(
      Stream.iterate(1, &(&1 * 2))
      |> Stream.filter(&(rem(&1, 3) == 1))
      |> Enum.take(4)
    )

    IO.inspect(Stream.cycle([:red, :green]) |> Enum.zip(1..5))
    IO.inspect(Stream.unfold({0, 1}, fn {a, b} -> {a, {b, a + b}} end) |> Enum.take(10))
    IO.inspect(Stream.repeatedly(fn -> :ping end) |> Stream.take(3) |> Enum.to_list())
    IO.inspect(1..10 |> Stream.chunk_every(3) |> Enum.map(&Enum.sum/1))
    IO.inspect(Stream.concat([1, 2], 3..4) |> Stream.flat_map(&[&1, -&1]) |> Enum.to_list())

    lines = ["a b", "", "c", "d e f"]

    words =
      lines
      |> Stream.reject(&(&1 == ""))
      |> Stream.flat_map(&String.split/1)
      |> Enum.count()

    IO.inspect(words)
    IO.inspect(Enum.find(Stream.map(1..1_000_000, &(&1 * &1)), &(&1 > 50)))
  end
end
