defmodule Main do
  def main do
    send(self(), {:low, 1})
    send(self(), {:high, 2})
    send(self(), {:low, 3})
    send(self(), {:high, 4})
    :io.format("~p~n", [take(:high, [])])
    :io.format("~p~n", [take(:low, [])])
  end

  defp take(tag, acc) do
    receive do
      {^tag, n} -> take(tag, [n | acc])
    after
      0 -> :lists.reverse(acc)
    end
  end
end
