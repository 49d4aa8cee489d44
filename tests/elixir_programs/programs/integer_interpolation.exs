defmodule Main do
  def main do
    n = 42
    :io.format("~s~n", ["n is #{n}, atom #{:ok}, float #{1.5}"])
  end
end
