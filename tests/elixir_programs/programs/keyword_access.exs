defmodule Main do
  def main do
    opts = [size: 3]
    :io.format("~p ~p~n", [opts[:size], opts[:missing]])
    m = %{a: 1}
    :io.format("~p~n", [m[:a]])
  end
end
