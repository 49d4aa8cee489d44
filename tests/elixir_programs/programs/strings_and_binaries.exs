defmodule Main do
  def main do
    s = "hello"
    t = s <> ", " <> "world"
    :io.format("~s~n", [t])
    :io.format("~p~n", [byte_size(t)])
    "hello" <> rest = t
    :io.format("~p~n", [rest])
    name = "joe"
    :io.format("~s~n", ["hi #{name}!"])
    :io.format("~p~n", ['chars'])
    :io.format("~p~n", [~w(a b c)])
    :io.format("~p~n", [~w(x y)a])
    <<a, b, tail::binary>> = "xyz!"
    :io.format("~p ~p ~p~n", [a, b, tail])
    :io.format("~p~n", [<<1, 2, 3::16>>])
    :io.format("~s~n", ["tab\there \"quoted\""])
  end
end
