defmodule Main do
  def main do
    IO.puts("hello from IO.puts")
    name = "world"
    IO.puts("hello #{name}")
    IO.puts(:an_atom)
    IO.inspect({:ok, [1, 2]})
  end
end
