# Exit reasons and errors written as Elixir writes them: inspect of an
# exception struct, Exception.message/1, Exception.format/3 and
# Exception.format_banner/2 for errors raised, normalized from Erlang
# (badarith, badarg, function_clause, badmatch...), exits and throws.
defmodule Boom do
  def only_ones(1), do: :one
end

defmodule Main do
  def main do
    cases = [
      fn -> 1 + String.to_integer("0") * :a end,
      fn -> :erlang.error(:badarg) end,
      fn -> Boom.only_ones(2) end,
      fn -> {:ok, _} = {:error, :nope} end,
      fn -> raise "plain message" end,
      fn -> raise ArgumentError, message: "custom" end,
      fn -> Map.fetch!(%{a: 1}, :b) end,
      fn -> Enum.at([1], :x) end,
      fn -> :erlang.error({:my, :reason}) end
    ]

    for f <- cases do
      try do
        f.()
      rescue
        e ->
          IO.inspect(e.__struct__)
          IO.puts(Exception.message(e))
          IO.puts(Exception.format(:error, e, []))
      end
    end

    for {kind, f} <- [exit: fn -> exit(:normal) end, exit: fn -> exit({:shutdown, 1}) end, throw: fn -> throw(:ball) end] do
      try do
        f.()
      catch
        ^kind, reason -> IO.puts(Exception.format_banner(kind, reason))
      end
    end

    IO.inspect(Exception.exception?(%RuntimeError{}))
    IO.inspect(Exception.exception?(%{}))
    IO.inspect(ArithmeticError.exception([]))
    IO.inspect(%MatchError{term: {:error, :nope}})
    IO.inspect(%ErlangError{original: :some_reason})
    1 / String.to_integer("0")
  end
end
