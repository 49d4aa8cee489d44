defmodule Main do
  def main do
    :io.format("before~n")
    {:ok, value} = lookup(:missing)
    :io.format("never ~p~n", [value])
  end

  defp lookup(:present), do: {:ok, 1}
  defp lookup(_), do: :error
end
