defmodule Ring do
  def start(n, parent) do
    first = spawn(fn -> node_loop(parent) end)
    last = build(n - 1, first)
    {first, last}
  end

  defp build(0, prev), do: prev

  defp build(n, prev) do
    me = spawn(fn -> forward(prev) end)
    build(n - 1, me)
  end

  defp forward(next) do
    receive do
      {:token, hops} -> send(next, {:token, hops + 1})
    end
  end

  defp node_loop(parent) do
    receive do
      {:token, hops} -> send(parent, {:done, hops})
    end
  end
end

defmodule Main do
  def main do
    {_first, last} = Ring.start(50, self())
    send(last, {:token, 0})

    receive do
      {:done, hops} -> :io.format("token made ~p hops~n", [hops])
    end
  end
end
