defmodule Main do
  def main do
    {a, b} = {1, 2}
    [h | t] = [:x, :y, :z]
    %{name: name} = %{name: "joe", age: 70}
    {:ok, {inner, _}} = {:ok, {[1, 2], :ignored}}
    x = 5
    ^x = 5
    [first, first] = [7, 7]
    :io.format("~p ~p ~p ~p ~s ~p ~p~n", [a, b, h, t, name, inner, first])
    {:error, reason} = {:ok, :not_an_error}
    :io.format("unreachable ~p~n", [reason])
  end
end
