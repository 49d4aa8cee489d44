defmodule Main do
  def main do
    :erlang.process_flag(:trap_exit, true)

    for reason <- [:normal, :shutdown, {:shutdown, :done}, :custom] do
      pid = spawn_link(fn -> exit(reason) end)

      receive do
        {:EXIT, ^pid, got} -> :io.format("~p~n", [got])
      end
    end

    exit({:finished, 4})
  end
end
