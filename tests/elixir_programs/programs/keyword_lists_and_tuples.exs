defmodule Main do
  def main do
    opts = [name: "x", size: 3]
    :io.format("~p~n", [opts])
    :io.format("~p~n", [:proplists.get_value(:size, opts)])
    :io.format("~p~n", [configure(1, color: :red, width: 2)])
    t = {:a, :b, :c}
    :io.format("~p ~p ~p~n", [elem(t, 0), tuple_size(t), put_elem(t, 1, :z)])
    :io.format("~p~n", [[{:a, 1} | [b: 2]]])
  end

  defp configure(x, options), do: {x, options}
end
