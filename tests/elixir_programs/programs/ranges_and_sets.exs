# Ranges (first..last and first..last//step, counting down when first is
# above last) and MapSets, as values and as inspect writes them.
defmodule Main do
  def main do
    a = 5
    IO.inspect([1..3, 3..1, a..2, 1..9//2, 10..1//-3, 1..0//1, -3..-1])
    IO.inspect(Enum.map([1..3, 3..1, a..2, 1..9//2, 10..1//-3, 1..0//1], &Enum.to_list/1))
    IO.inspect({Enum.count(1..10//3), Enum.sum(1..100), 7 in 1..10, 0 in 1..10})
    IO.inspect(%{__struct__: Range, first: 1, last: 2, step: 1, extra: 1})
    IO.inspect([MapSet.new([2, 1]), MapSet.new(), MapSet.new([97, 98]), MapSet.new([MapSet.new([1])])])
    IO.inspect(MapSet.new(1..30), width: 40)
    IO.inspect(MapSet.new([1, 2, 3]), limit: 2)
    IO.inspect(%{a: 1..3, b: MapSet.new([:x])}, pretty: true, width: 5)
    IO.inspect(MapSet.union(MapSet.new([1, 2]), MapSet.new([2, 3])) |> MapSet.to_list())

    # `in` a range: in guards and in bodies, up, down and with a step.
    IO.inspect(for x <- -2..12, do: {x, guarded(x)})
    r = 10..1//-3
    s = MapSet.new([:a])
    IO.inspect({4 in r, 5 in r, 2 in 3..1, 7 in 1..9//3, 4 in 1..9//3, :a in s, :b in s, 2 in [1, 2], 2.0 in 1..3})
    b = 5
    IO.inspect({3 in b..1, 6 in b..1, 3 in 1..b})
  end

  defp guarded(x) when x in 1..9//2, do: :odd_small
  defp guarded(x) when x in 10..8, do: :ten_to_eight
  defp guarded(x) when x in 11..12//-1, do: :never
  defp guarded(_), do: :other
end
