defmodule Obs do
  def run do
    {pid, ref} = spawn_monitor(Main, :main, [])

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> :io.format("exit ~p~n", [strip(reason)])
    end
  end

  defp strip({reason, [{_, _, _, _} | _]}), do: {:error, reason}
  defp strip(reason), do: reason
end
