defmodule Pong do
  def loop do
    receive do
      {:ping, n, from} ->
        send(from, {:pong, n})
        loop()

      :stop ->
        :ok
    end
  end
end

defmodule Main do
  def main do
    pong = spawn(&Pong.loop/0)
    play(pong, 3)
    send(pong, :stop)
  end

  defp play(_pong, 0), do: :io.format("done~n")

  defp play(pong, n) do
    send(pong, {:ping, n, self()})

    receive do
      {:pong, ^n} -> :io.format("pong ~p~n", [n])
    end

    play(pong, n - 1)
  end
end
