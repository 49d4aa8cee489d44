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
    # inspect writes a struct's fields in defstruct's order, and a struct
    # with a key its module does not declare as a plain map.
    IO.inspect(older)
    IO.inspect(older, limit: 2)
    IO.inspect(Map.put(u, :extra, 1))
    IO.inspect(%KeyError{key: :k})
    IO.inspect([%User{}, %User{name: String.duplicate("x", 40), tags: Enum.to_list(1..12)}])
  end

  defp greet(%User{name: name}), do: {:user, name}
  defp greet(_), do: :stranger
end
