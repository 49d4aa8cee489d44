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
  end
end
