defmodule Main do
  def main do
    1..10
    |> Enum.map(&(&1 * &1))
    |> Enum.filter(&(rem(&1, 2) == 0))
    |> Enum.sum()
    |> IO.inspect()

    [3, 1, 2] |> Enum.sort() |> Enum.reverse() |> IO.inspect()
    Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end) |> IO.inspect()
  end
end
