defmodule Config do
  @moduledoc "Constants as attributes."
  @limit 3
  @names [:a, :b, :c]
  @greeting "hi"

  @doc "The limit."
  def limit, do: @limit

  def names, do: @names

  @impl false
  def over?(n) when n > @limit, do: true
  def over?(_), do: false

  def greeting, do: @greeting <> "!"
end

defmodule Main do
  def main do
    :io.format("~p ~p ~p ~p ~s~n", [Config.limit(), Config.names(), Config.over?(5), Config.over?(1), Config.greeting()])
  end
end
