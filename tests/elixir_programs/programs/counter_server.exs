defmodule Counter do
  def start(initial), do: spawn(fn -> loop(initial) end)

  def increment(pid), do: send(pid, :incr)

  def value(pid) do
    send(pid, {:get, self()})

    receive do
      {:value, v} -> v
    end
  end

  defp loop(n) do
    receive do
      :incr -> loop(n + 1)
      {:get, from} ->
        send(from, {:value, n})
        loop(n)
      :crash -> exit({:crashed_at, n})
    end
  end
end

defmodule Main do
  def main do
    c = Counter.start(10)
    Counter.increment(c)
    Counter.increment(c)
    :io.format("~p~n", [Counter.value(c)])
    :erlang.process_flag(:trap_exit, true)
    :erlang.link(c)
    send(c, :crash)

    receive do
      {:EXIT, ^c, reason} -> :io.format("~p~n", [reason])
    end
  end
end
