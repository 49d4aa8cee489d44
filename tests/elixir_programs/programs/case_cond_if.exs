defmodule Main do
  def main do
    for v <- [0, 1, -3, :atom, nil, "s"] do
      :io.format("~p: ~p ~p ~p~n", [v, classify(v), truthy(v), sign(v)])
    end
  end

  defp classify(v) do
    case v do
      0 -> :zero
      n when is_integer(n) and n > 0 -> :positive
      n when is_integer(n) -> :negative
      a when is_atom(a) -> :atom
      _ -> :other
    end
  end

  defp truthy(v), do: if(v, do: :truthy, else: :falsy)

  defp sign(v) do
    cond do
      not is_integer(v) -> :na
      v > 0 -> :plus
      v < 0 -> :minus
      true -> :none
    end
  end
end
