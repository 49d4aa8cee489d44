# Common functions of Enum, Map, Keyword, String, Integer, List and
# Tuple, as programs use them every day.
defmodule Main do
  require Integer

  def main do
    list = [5, 3, 8, 1, 9, 2]
    IO.inspect(Enum.sort(list))
    IO.inspect(Enum.sort(list, :desc))
    IO.inspect({Enum.min(list), Enum.max(list), Enum.sum(list), Enum.count(list)})
    IO.inspect(Enum.take(list, 2) ++ Enum.drop(list, 4))
    IO.inspect(Enum.chunk_every(list, 4))
    IO.inspect(Enum.zip([:a, :b, :c], 1..3))
    IO.inspect(Enum.with_index([:x, :y]))
    IO.inspect(Enum.group_by(~w(apple avocado banana cherry), &String.first/1))
    IO.inspect(Enum.frequencies(~w(a b a c a b)))
    IO.inspect(Enum.split_with(list, &(rem(&1, 2) == 0)))
    IO.inspect(Enum.find(list, &(&1 > 6)))
    IO.inspect({Enum.any?(list, &(&1 > 8)), Enum.all?(list, &(&1 > 0)), Enum.member?(list, 4)})
    IO.inspect(Enum.flat_map([1, 2], &[&1, -&1]))
    IO.inspect(Enum.uniq([1, 2, 1, 3, 2]))
    IO.inspect(Enum.into([a: 1, b: 2], %{}))
    IO.inspect(Enum.reverse(1..4))
    IO.inspect(Enum.join([1, 2, 3], "-"))
    IO.inspect(Enum.map_join([1, 2], ",", &(&1 * 10)))
    IO.inspect(Enum.reduce(1..5, &(&1 * &2)))
    IO.inspect(Enum.scan(1..4, &(&1 + &2)))
    IO.inspect(Enum.slice(list, 1, 3))
    IO.inspect(Enum.sort_by(~w(ccc a bb), &String.length/1))
    IO.inspect(Enum.empty?([]))

    m = %{a: 1, b: 2}
    IO.inspect(Map.put(m, :c, 3))
    IO.inspect(Map.update(m, :a, 0, &(&1 + 100)))
    IO.inspect(Map.update(m, :z, 0, &(&1 + 100)))
    IO.inspect({Map.keys(m), Map.values(m)})
    IO.inspect(Map.merge(m, %{b: 20, d: 4}))
    IO.inspect(Map.take(m, [:a, :nope]))
    IO.inspect(Map.drop(m, [:a]))
    IO.inspect(Map.get(m, :nope, :default))
    IO.inspect(Map.has_key?(m, :b))
    IO.inspect(Map.to_list(m))
    IO.inspect(Map.new([{"k", 1}]))
    IO.inspect(Map.pop(m, :a))

    kw = [port: 4000, host: "localhost", port: 4001]
    IO.inspect(Keyword.get(kw, :port))
    IO.inspect(Keyword.get_values(kw, :port))
    IO.inspect(Keyword.put(kw, :port, 80))
    IO.inspect(Keyword.merge([a: 1], [b: 2, a: 3]))
    IO.inspect(Keyword.keys(kw))
    IO.inspect(Keyword.delete(kw, :port))
    IO.inspect(Keyword.fetch(kw, :host))

    s = "  Hello, Elixir World  "
    IO.inspect(String.trim(s))
    IO.inspect(s |> String.trim() |> String.split(", "))
    IO.inspect(String.upcase("shout") <> String.downcase("QUIET"))
    IO.inspect(String.replace("a-b-c", "-", "+"))
    IO.inspect(String.contains?("elixir", "lix"))
    IO.inspect({String.starts_with?("elixir", "eli"), String.ends_with?("elixir", "ir")})
    IO.inspect(String.reverse("abc"))
    IO.inspect(String.duplicate("ab", 3))
    IO.inspect(String.pad_leading("7", 3, "0"))
    IO.inspect(String.slice("elixir", 1, 3))
    IO.inspect(String.split("a b  c"))
    IO.inspect(String.to_integer("42") + 1)
    IO.inspect(String.to_atom("made_up"))
    IO.inspect(String.capitalize("elixir"))

    IO.inspect(Integer.to_string(255, 16))
    IO.inspect(Integer.parse("12abc"))
    IO.inspect(Integer.parse("abc"))
    IO.inspect(Integer.digits(1234))
    IO.inspect(Integer.is_even(4))
    IO.inspect({div(17, 5), rem(17, 5), Integer.mod(-7, 3), Integer.floor_div(-7, 2)})
    IO.inspect(Integer.pow(2, 10))

    IO.inspect(List.first([]))
    IO.inspect(List.last([1, 2, 3]))
    IO.inspect(List.flatten([1, [2, [3]]]))
    IO.inspect(List.wrap(:x))
    IO.inspect(List.delete([1, 2, 1], 1))
    IO.inspect(List.keyfind([a: 1, b: 2], :b, 0))
    IO.inspect(Tuple.to_list({1, :two}))
    IO.inspect(Tuple.append({1}, 2))
  end
end
