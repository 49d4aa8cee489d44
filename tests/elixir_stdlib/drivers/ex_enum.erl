%% Enum on lists, maps and ranges, and what it raises.
-module(ex_enum).
-export([main/0]).

p(X) -> io:format("~p~n", [X]).

try_(F) ->
    try F() of
        V -> p({ok, V})
    catch
        C:R -> io:format("~p ~p~n", [C, R])
    end.

range(F, L) -> 'Elixir.Range':new(F, L).

main() ->
    E = 'Elixir.Enum',
    L = [3, 1, 4, 1, 5, 9, 2, 6],
    M = #{a => 1, b => 2, c => 3},
    p(E:map(L, fun(X) -> X * 2 end)),
    p(E:map(M, fun({K, V}) -> {V, K} end)),
    p(E:map(range(1, 5), fun(X) -> X * X end)),
    p(E:map(range(5, 1), fun(X) -> X end)),
    p(E:each(L, fun(_) -> ok end)),
    p(E:filter(L, fun(X) -> X > 2 end)),
    p(E:reject(L, fun(X) -> X > 2 end)),
    p(E:filter(L, fun(X) when X > 3 -> X; (_) -> nil end)),
    p(E:reduce(L, fun(X, Acc) -> X + Acc end)),
    p(E:reduce(L, 100, fun(X, Acc) -> X + Acc end)),
    p(E:reduce(range(1, 10), 0, fun(X, Acc) -> X + Acc end)),
    p(E:reduce_while(L, 0, fun(_, Acc) when Acc > 10 -> {halt, Acc}; (X, Acc) -> {cont, X + Acc} end)),
    p(E:find(L, fun(X) -> X > 4 end)),
    p(E:find(L, none, fun(X) -> X > 40 end)),
    p(E:find_index(L, fun(X) -> X =:= 5 end)),
    p(E:find_value(L, fun(X) -> X > 4 andalso X * 10 end)),
    p({E:count(L), E:count(M), E:count(range(1, 7)), E:count(L, fun(X) -> X rem 2 =:= 1 end)}),
    p({E:sum(L), E:sum(range(1, 100)), E:product([1, 2, 3, 4])}),
    p({E:max(L), E:min(L), E:max([1, 2.0, 2]), E:min_max(L)}),
    p({E:max([], fun() -> empty end), E:min(L, fun erlang:'>='/2)}),
    p({E:max_by([<<"aa">>, <<"b">>, <<"ccc">>], fun erlang:byte_size/1),
       E:min_by([<<"aa">>, <<"b">>, <<"ccc">>], fun erlang:byte_size/1)}),
    p({E:sort(L), E:sort(L, desc), E:sort(L, fun(A, B) -> A >= B end)}),
    p(E:sort_by([{b, 2}, {a, 2}, {c, 1}], fun({_, N}) -> N end)),
    p(E:sort_by([{b, 2}, {a, 2}, {c, 1}], fun({_, N}) -> N end, desc)),
    p({E:reverse(L), E:reverse([1, 2], [3, 4])}),
    p({E:join([1, a, <<"b">>, 2.5]), E:join([1, 2, 3], <<", ">>), E:map_join(L, <<"-">>, fun(X) -> X * 2 end)}),
    p({E:into([{a, 1}, {b, 2}], #{}), E:into([1, 2], [0]), E:into(#{x => 1}, []),
       E:into([1, 2], #{}, fun(X) -> {X, X * X} end)}),
    p({E:to_list(M), E:to_list(range(3, 1)), E:to_list('Elixir.Range':new(1, 10, 3))}),
    p({E:'member?'(L, 9), E:'member?'(M, {a, 1}), E:'member?'(range(1, 3), 4)}),
    p({E:'any?'([false, nil, 1]), E:'any?'([]), E:'all?'([1, true]), E:'all?'([1, nil]),
       E:'any?'(L, fun(X) -> X > 8 end), E:'all?'(L, fun(X) -> X > 0 end)}),
    p({E:take(L, 3), E:take(L, -2), E:take(L, 100), E:drop(L, 3), E:drop(L, -2)}),
    p({E:take_while(L, fun(X) -> X < 5 end), E:drop_while(L, fun(X) -> X < 5 end), E:take_every(L, 3)}),
    p({E:at(L, 0), E:at(L, -1), E:at(L, 99), E:at(L, 99, d), E:fetch(L, 2), E:fetch(L, 20), E:'fetch!'(L, 1)}),
    p({E:with_index([a, b, c]), E:with_index([a, b], 1), E:with_index([a, b], fun(X, I) -> {I, X} end)}),
    p({E:zip([1, 2, 3], [a, b]), E:zip([[1, 2], [a, b], [x, y, z]]), E:unzip([{1, a}, {2, b}])}),
    p(E:group_by([<<"ant">>, <<"bee">>, <<"ape">>, <<"cat">>], fun(W) -> binary_part(W, 0, 1) end)),
    p(E:group_by(L, fun(X) -> X rem 3 end, fun(X) -> X * 10 end)),
    p({E:frequencies([a, b, a, c, a]), E:frequencies_by([<<"a">>, <<"B">>, <<"b">>], fun byte_size/1)}),
    p({E:uniq([1, 2, 1, 3, 2, 1.0]), E:uniq_by([{1, a}, {2, a}, {3, b}], fun({_, X}) -> X end)}),
    p({E:dedup([1, 1, 2, 2, 2, 1, 3, 3]), E:dedup_by([1, 2, 5, 6, 3], fun(X) -> X > 2 end)}),
    p({E:flat_map([1, 2], fun(X) -> [X, X] end), E:concat([[1], [2, 3], range(4, 5)]), E:concat([1], [2])}),
    p({E:chunk_every([1, 2, 3, 4, 5, 6, 7], 2), E:chunk_every([1, 2, 3, 4], 2, 1), E:chunk_every([1, 2, 3, 4, 5, 6], 3, 2, discard),
       E:chunk_every([1, 2, 3, 4, 5, 6], 3, 2, [7]), E:chunk_every([1, 2, 3, 4], 3, 3, [])}),
    p(E:chunk_by([1, 2, 2, 3, 4, 4, 6, 7, 7], fun(X) -> X rem 2 =:= 1 end)),
    p({E:split(L, 3), E:split(L, -3), E:split(L, 30), E:split_while(L, fun(X) -> X < 4 end),
       E:split_with(L, fun(X) -> X rem 2 =:= 0 end)}),
    p({E:slice(L, range(2, 4)), E:slice(L, range(-3, -1)), E:slice(L, 1, 3), E:slice(L, -2, 5), E:slice(L, 20, 2)}),
    p({E:'empty?'([]), E:'empty?'(#{}), E:'empty?'(L), E:'empty?'(range(1, 1))}),
    p({E:map_reduce([1, 2, 3], 0, fun(X, Acc) -> {X * 2, X + Acc} end), E:scan([1, 2, 3, 4], fun(X, Acc) -> X + Acc end)}),
    p({E:intersperse([1, 2, 3], 0), E:zip_with([1, 2], [3, 4], fun(A, B) -> A * B end)}),
    try_(fun() -> E:max([]) end),
    try_(fun() -> E:reduce([], fun(X, Acc) -> X + Acc end) end),
    try_(fun() -> E:'fetch!'([1], 5) end),
    try_(fun() -> E:map(an_atom, fun(X) -> X end) end),
    try_(fun() -> E:sum([1, a]) end),
    try_(fun() -> E:min_max([]) end),
    %% Ranges walked without a list.
    p({E:reduce(range(1, 100000), 0, fun(X, Acc) -> X + Acc end), E:sum('Elixir.Range':new(10, 1, -3)), E:count('Elixir.Range':new(1, 10, 4)),
       E:'member?'(range(1, 10), 10), E:'member?'('Elixir.Range':new(1, 10, 3), 7), E:'member?'('Elixir.Range':new(1, 10, 3), 8),
       E:'member?'('Elixir.Range':new(10, 1, -3), 4), E:'member?'(range(1, 3), 2.0), E:each(range(1, 3), fun(X) -> X end)}).
