defmodule MyApp.Math do
  def square(x), do: x * x

  defmodule Helpers do
    def twice(x), do: 2 * x
  end

  def quad(x), do: Helpers.twice(Helpers.twice(x))
end

defmodule Main do
  alias MyApp.Math
  alias MyApp.Math.Helpers, as: H

  def main do
    :io.format("~p ~p ~p~n", [Math.square(4), H.twice(5), Math.quad(1)])
    :io.format("~p~n", [MyApp.Math])
    :io.format("~p~n", [__MODULE__])
  end
end
