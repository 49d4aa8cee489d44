defmodule Main do
  def main do
    :erlang.process_flag(:trap_exit, true)
    pid = spawn_link(fn -> exit(:boom) end)

    receive do
      {:EXIT, ^pid, reason} -> :io.format("linked process exited: ~p~n", [reason])
    end

    pid2 = spawn_link(fn -> :ok end)

    receive do
      {:EXIT, ^pid2, reason} -> :io.format("and the second: ~p~n", [reason])
    end
  end
end
