defmodule Main do
  def main do
    pid =
      spawn(fn ->
        receive do
          :go -> exit(:gone)
        end
      end)

    ref = :erlang.monitor(:process, pid)
    send(pid, :go)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> :io.format("down: ~p~n", [reason])
    end

    {pid2, ref2} = spawn_monitor(fn -> :ok end)

    receive do
      {:DOWN, ^ref2, :process, ^pid2, reason} -> :io.format("down: ~p~n", [reason])
    end
  end
end
