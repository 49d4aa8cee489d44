defmodule MyList do
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)

  def reverse(list), do: reverse(list, [])
  defp reverse([], acc), do: acc
  defp reverse([h | t], acc), do: reverse(t, [h | acc])

  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def fact(n, acc \\ 1)
  def fact(0, acc), do: acc
  def fact(n, acc), do: fact(n - 1, acc * n)
end

defmodule Main do
  def main do
    :io.format("~p~n", [MyList.sum([1, 2, 3, 4])])
    :io.format("~p~n", [MyList.reverse([1, 2, 3])])
    :io.format("~p~n", [MyList.fib(15)])
    :io.format("~p~n", [MyList.fact(25)])
  end
end
