defmodule Util do
  def map(list, fun), do: :lists.map(fun, list)
  def filter(list, fun), do: :lists.filter(fun, list)
  def double(x), do: x * 2
end

defmodule Main do
  def main do
    result =
      [3, 1, 2, 5, 4]
      |> :lists.sort()
      |> Util.map(&Util.double/1)
      |> Util.filter(&(rem(&1, 4) == 0))
      |> :lists.reverse()

    :io.format("~p~n", [result])
    add = &(&1 + &2)
    :io.format("~p ~p~n", [add.(1, 2), [1, 2, 3] |> length()])
    tag = &{:tag, &1}
    :io.format("~p~n", [Util.map([:a, :b], tag)])
  end
end
