defmodule Main do
  def main do
    :io.format("~p~n", [fetch(%{user: %{name: "ann", age: 30}})])
    :io.format("~p~n", [fetch(%{user: %{name: "bob"}})])
    :io.format("~p~n", [fetch(%{})])
  end

  defp lookup(map, key) do
    case map do
      %{^key => value} -> {:ok, value}
      _ -> {:error, {:missing, key}}
    end
  end

  defp fetch(data) do
    with {:ok, user} <- lookup(data, :user),
         {:ok, name} <- lookup(user, :name),
         {:ok, age} when age > 18 <- lookup(user, :age) do
      {name, age}
    else
      {:error, {:missing, key}} -> {:no, key}
    end
  end
end
