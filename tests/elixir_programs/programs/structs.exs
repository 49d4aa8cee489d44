defmodule User do
  defstruct name: "anonymous", age: 0, tags: []
end

defmodule Main do
  def main do
    u = %User{name: "ann"}
    older = %User{u | age: u.age + 31}
    %User{name: name, age: age} = older
    :io.format("~s ~p~n", [name, age])
    :io.format("~p~n", [older.tags])
    :io.format("~p~n", [is_map(u) and u.__struct__ == User])
    :io.format("~p~n", [greet(older)])
    :io.format("~p~n", [greet(%{name: "not a user"})])
  end

  defp greet(%User{name: name}), do: {:user, name}
  defp greet(_), do: :stranger
end
