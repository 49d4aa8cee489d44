defmodule Shape do
  def area({:square, s}) when is_number(s), do: s * s
  def area({:rect, w, h}) when is_number(w) and is_number(h), do: w * h
  def area({:circle, r}) when r >= 0, do: 3 * r * r
  def area(other) when is_atom(other), do: {:unknown, other}

  def greet(name, greeting \\ "hello", punct \\ "!") do
    greeting <> " " <> name <> punct
  end

  def kind(x) when is_list(x) or is_tuple(x), do: :container
  def kind(x) when x in [:a, :b], do: :letter
  def kind(x) when x in 1..9, do: :digit
  def kind(_), do: :other
end

defmodule Main do
  def main do
    for s <- [{:square, 3}, {:rect, 2, 5}, {:circle, 2}, :blob] do
      :io.format("~p~n", [Shape.area(s)])
    end

    :io.format("~s ~s ~s~n", [Shape.greet("a"), Shape.greet("b", "hi"), Shape.greet("c", "yo", "?")])
    :io.format("~p~n", [:lists.map(&Shape.kind/1, [[1], {}, :a, 5, 10])])
    Shape.area({:circle, -1})
  end
end
