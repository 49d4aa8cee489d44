# Captures (&(&1 + 1), &Mod.fun/1, &fun/1 of a local function), the pin
# operator in matches, case and receive, and map update syntax
# %{m | k: v}, including updating a key that is not there.
defmodule Maths do
  def double(x), do: x * 2
  def add(a, b), do: a + b
end

defmodule Main do
  def main do
    inc = &(&1 + 1)
    IO.inspect(inc.(41))
    IO.inspect(Enum.map([1, 2, 3], &Maths.double/1))
    add = &Maths.add/2
    IO.inspect(add.(2, 3))
    IO.inspect(Enum.reduce([1, 2, 3], 0, &Maths.add/2))
    pair = &{&1, &2}
    IO.inspect(pair.(:a, :b))
    IO.inspect(Enum.map([1, 2], &[&1, &1 * 10]))
    IO.inspect(is_function(&square/1, 1))
    IO.inspect(Enum.map(1..3, &square/1))
    IO.inspect(Function.info(&Maths.double/1, :arity))
    IO.inspect(Function.capture(Maths, :add, 2).(20, 22))

    x = 5
    ^x = 5
    IO.inspect(match?(^x, 6))

    result =
      case {:ok, 5} do
        {:ok, ^x} -> :pinned_matched
        _ -> :other
      end

    IO.inspect(result)
    send(self(), {:msg, 1})
    send(self(), {:msg, 5})

    receive do
      {:msg, ^x} -> IO.puts("got the pinned message first")
    end

    key = :b
    %{^key => found} = %{a: 1, b: 2}
    IO.inspect(found)

    m = %{name: "Ada", lang: :elixir}
    IO.inspect(%{m | lang: :erlang})
    IO.inspect(%{m | name: "Joe", lang: :erlang})

    try do
      %{m | missing: 1}
    rescue
      e in KeyError -> IO.inspect({e.key, e.term})
    end

    try do
      ^x = 6
    rescue
      e in MatchError -> IO.inspect(e)
    end
  end

  defp square(n), do: n * n
end
