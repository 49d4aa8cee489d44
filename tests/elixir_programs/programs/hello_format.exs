defmodule Main do
  def main do
    :io.format("hello ~s~n", ["world"])
    :io.format("~p ~p ~p~n", [:ok, {1, 2.5}, [1, 2, 3]])
    :io.format("~w~n", [%{a: 1, b: "two"}])
  end
end
