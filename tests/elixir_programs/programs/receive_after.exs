defmodule Main do
  def main do
    result =
      receive do
        :never -> :got
      after
        50 -> :timed_out
      end

    :io.format("~p~n", [result])
    send(self(), :now)

    r2 =
      receive do
        :now -> :immediate
      after
        0 -> :empty
      end

    :io.format("~p~n", [r2])
    :io.format("~p~n", [drain(0)])
  end

  defp drain(n) do
    receive do
      _ -> drain(n + 1)
    after
      0 -> n
    end
  end
end
