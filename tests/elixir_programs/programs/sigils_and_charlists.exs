# Sigils (~w with and without modifiers, ~s, ~c), charlists and
# character literals, and the conversions between strings and charlists.
defmodule Main do
  def main do
    IO.inspect(~w(alpha beta gamma))
    IO.inspect(~w(alpha beta)a)
    IO.inspect(~w[one two]c)
    IO.inspect(~s(a "quoted" string with #{1 + 1}))
    IO.inspect(~S(no #{interpolation} here))
    IO.inspect('hello')
    IO.inspect(~c(abc))
    IO.inspect([104, 105])
    IO.inspect([0, 1, 2])
    IO.inspect(?a)
    IO.inspect(is_list('abc') and is_binary("abc"))
    IO.inspect(to_charlist("xyz"))
    IO.inspect(to_string('xyz'))
    IO.inspect(List.to_string([?h, ?i]))
    IO.inspect(String.to_charlist("ok") ++ '!')
    IO.inspect(Enum.map('abc', &(&1 - ?a)))
    IO.puts('charlist printed')
    IO.puts(~w(joined by io puts) |> Enum.join(" "))
    IO.inspect(length(~w(x y z)))
    IO.inspect('héllo')
    IO.inspect("héllo" |> String.length())
    IO.inspect(byte_size("héllo"))
  end
end
