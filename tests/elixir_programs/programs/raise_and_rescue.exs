defmodule Main do
  def main do
    r =
      try do
        raise "boom"
      rescue
        e in RuntimeError -> {:rescued, e.message}
      end

    :io.format("~p~n", [r])

    r2 =
      try do
        raise ArgumentError, "bad"
      rescue
        e in [RuntimeError, ArgumentError] -> {:rescued, e.__struct__}
      end

    :io.format("~p~n", [r2])

    r3 =
      try do
        1 / 0
      rescue
        e -> {:arith, e.__struct__}
      end

    :io.format("~p~n", [r3])
    raise "uncaught"
  end
end
