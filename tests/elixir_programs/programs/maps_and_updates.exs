defmodule Main do
  def main do
    m = %{a: 1, b: 2}
    m2 = %{m | a: 10}
    m3 = :maps.put(:c, 3, m2)
    :io.format("~p~n", [:maps.to_list(m3)])
    :io.format("~p ~p~n", [m2.a, map_size(m3)])
    strings = %{"one" => 1, "two" => 2}
    %{"two" => two} = strings
    :io.format("~p~n", [two])
    :io.format("~p~n", [m.missing])
  end
end
