defmodule Main do
  def main do
    :io.format("~p~n", [for(x <- [1, 2, 3], do: x * x)])
    :io.format("~p~n", [for(x <- [1, 2, 3, 4, 5, 6], rem(x, 2) == 0, do: x)])
    :io.format("~p~n", [for(x <- [1, 2], y <- [:a, :b], do: {x, y})])
    :io.format("~p~n", [for({:ok, v} <- [{:ok, 1}, :error, {:ok, 3}], do: v)])
  end
end
