defmodule Main do
  def main do
    :io.format("~p~n", [attempt(fn -> throw(:thrown) end)])
    :io.format("~p~n", [attempt(fn -> exit(:exited) end)])
    :io.format("~p~n", [attempt(fn -> :erlang.error(:errored) end)])
    :io.format("~p~n", [attempt(fn -> :fine end)])

    r =
      try do
        1 + 1
      catch
        _ -> :no
      else
        2 -> :two
        _ -> :other
      after
        :io.format("after runs~n")
      end

    :io.format("~p~n", [r])
    throw(:uncaught)
  end

  defp attempt(fun) do
    try do
      {:ok, fun.()}
    catch
      :throw, value -> {:throw, value}
      :exit, reason -> {:exit, reason}
      kind, reason -> {kind, reason}
    end
  end
end
