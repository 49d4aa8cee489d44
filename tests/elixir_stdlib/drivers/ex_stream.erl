%% Stream: lazy pipelines, the order in which their functions run (one
%% element through the whole pipeline before the next), endless streams
%% with the Enum functions that stop early, and chunks.
-module(ex_stream).
-export([main/0]).

-include("driver.hrl").

%% A function that says when it runs.
loud(Tag, F) -> fun(X) -> io:format("~p ~p~n", [Tag, X]), F(X) end.

main() ->
    S = 'Elixir.Stream',
    E = 'Elixir.Enum',
    Id = fun(X) -> X end,
    Double = fun(X) -> X * 2 end,
    Odd = fun(X) -> X rem 2 =:= 1 end,
    Range = 'Elixir.Range':new(1, 10),
    Lazy = S:map(Range, loud(map, Double)),
    p(made),
    p(E:take(Lazy, 2)),
    p(E:map(S:filter([1, 2, 3, 4], loud(filter, Odd)), loud(then, Double))),
    E:each(S:map([a, b], loud(first, Id)), loud(second, Id)),
    p(E:reduce(S:map([1, 2, 3], loud(add, Id)), 0, fun(X, A) -> io:format("acc ~p~n", [A]), X + A end)),
    Naturals = S:iterate(0, loud(next, fun(X) -> X + 1 end)),
    p(E:take(Naturals, 3)),
    p(E:find(Naturals, fun(X) -> X > 2 end)),
    p(E:at(S:map(Naturals, Double), 4)),
    p(E:take_while(Naturals, fun(X) -> X < 3 end)),
    p(E:'any?'(Naturals, fun(X) -> X =:= 2 end)),
    p(E:'all?'(S:take(Naturals, 3), fun(X) -> X < 10 end)),
    p(E:'member?'(Naturals, 2)),
    p(E:'empty?'(S:filter([1, 3], fun(X) -> X > 5 end))),
    p(E:zip(S:cycle([a, b]), [1, 2, 3, 4, 5])),
    p(E:zip([x, y, z], Naturals)),
    p(E:take(S:repeatedly(fun() -> same end), 3)),
    p(E:to_list(S:unfold(5, fun(0) -> nil; (N) -> {N, N - 1} end))),
    p(E:to_list(S:take(S:drop(Range, 3), 4))),
    p(E:to_list(S:drop_while(Range, fun(X) -> X < 8 end))),
    p(E:to_list(S:take(Range, -3))),
    p(E:to_list(S:drop(Range, -7))),
    p(E:to_list(S:with_index([a, b, c]))),
    p(E:to_list(S:with_index([a, b, c], 10))),
    p(E:with_index(S:map([a, b], Id), fun(X, I) -> {I, X} end)),
    p(E:to_list(S:flat_map([1, 2, 3], fun(X) -> [X, X * 10] end))),
    p(E:to_list(S:concat([[1, 2], Range, []]))),
    p(E:to_list(S:concat([1], [2, 3]))),
    p(E:to_list(S:uniq([1, 2, 1, 3, 2, 4]))),
    p(E:to_list(S:dedup([1, 1, 2, 2, 1, 3, 3]))),
    p(E:to_list(S:scan(Range, fun(X, A) -> X + A end))),
    p(E:to_list(S:scan([1, 2, 3], 100, fun(X, A) -> X + A end))),
    p(E:to_list(S:take_every(Range, 3))),
    p(E:to_list(S:map_every(Range, 4, Double))),
    p(E:to_list(S:intersperse([1, 2, 3], sep))),
    p(E:to_list(S:transform(Range, 0, fun(X, A) when A >= 3 -> {halt, A};
                                         (X, A) -> {[X, X], A + 1} end))),
    p(E:to_list(S:zip_with([1, 2, 3], Naturals, fun(X, Y) -> X * Y end))),
    p([E:to_list(S:chunk_every(Range, N, St, L)) || {N, St, L} <- [{2, 2, []}, {3, 3, []}, {3, 3, discard},
                                                                  {3, 2, []}, {3, 1, []}, {2, 3, []},
                                                                  {4, 4, [pad1, pad2]}, {3, 5, discard}]]),
    p([E:chunk_every(lists:seq(1, 10), N, St, L) || {N, St, L} <- [{3, 2, []}, {3, 1, []}, {2, 3, []}, {4, 4, [pad1, pad2]}]]),
    p(E:take(S:chunk_every(Naturals, 2), 3)),
    p(E:map_reduce(S:map([1, 2, 3], Id), 0, fun(X, A) -> {X * 2, A + X} end)),
    p(E:reduce_while(Naturals, 0, fun(X, A) when X < 5 -> {cont, A + X}; (_, A) -> {halt, A} end)),
    p(E:count(S:filter(Range, Odd))),
    p(E:sum(S:map(Range, Double))),
    p(S:run(S:each([1, 2], loud(run, Id)))),
    p(E:find_index(S:map(Range, Id), fun(X) -> X > 4 end)),
    p(E:find_value(Naturals, fun(X) -> X > 3 andalso {found, X} end)),
    try E:to_list(S:cycle([])) of
        V -> p(V)
    catch
        error:#{message := M} -> p(M)
    end.
