%% Map and Keyword.
-module(ex_map).
-export([main/0]).

-include("driver.hrl").

main() ->
    M = 'Elixir.Map',
    K = 'Elixir.Keyword',
    A = #{a => 1, b => 2},
    p({M:new(), M:new([{x, 1}, {y, 2}, {x, 3}]), M:new([1, 2], fun(X) -> {X, -X} end)}),
    p({M:get(A, a), M:get(A, z), M:get(A, z, 0), M:get_lazy(A, z, fun() -> lazy end), M:fetch(A, a), M:fetch(A, z), M:'fetch!'(A, b)}),
    p({M:put(A, c, 3), M:put_new(A, a, 9), M:put_new(A, c, 9), M:put_new_lazy(A, d, fun() -> 4 end), M:delete(A, a), M:delete(A, z)}),
    p({M:'has_key?'(A, a), M:'has_key?'(A, z), M:keys(A), M:values(A), M:to_list(A)}),
    p({M:merge(A, #{b => 20, c => 30}), M:merge(A, #{b => 20, c => 30}, fun(_K, V1, V2) -> V1 + V2 end)}),
    p({M:update(A, a, 0, fun(V) -> V + 100 end), M:update(A, z, 0, fun(V) -> V + 100 end), M:'update!'(A, b, fun(V) -> V * 3 end)}),
    p({M:replace(A, a, x), M:replace(A, z, x), M:'replace!'(A, a, x), M:pop(A, a), M:pop(A, z), M:pop(A, z, d)}),
    p({M:get_and_update(A, a, fun(V) -> {V, V * 2} end), M:get_and_update(A, a, fun(_) -> pop end)}),
    p({M:take(A, [a, z]), M:drop(A, [a, z]), M:split(A, [a]), M:filter(A, fun({_, V}) -> V > 1 end), M:reject(A, fun({_, V}) -> V > 1 end)}),
    p({M:from_struct(#{'__struct__' => s, x => 1}), M:'equal?'(A, #{b => 2, a => 1})}),
    try_(fun() -> M:'fetch!'(A, z) end),
    try_(fun() -> M:'update!'(A, z, fun(V) -> V end) end),
    try_(fun() -> M:'replace!'(A, z, 1) end),
    try_(fun() -> M:get(not_a_map, a) end),
    try_(fun() -> M:put(not_a_map, a, 1) end),
    W = [{a, 1}, {b, 2}, {a, 3}],
    p({K:new(), K:new([{b, 1}, {a, 2}, {b, 3}]), K:get(W, a), K:get(W, z), K:get(W, z, 0), K:get_values(W, a)}),
    p({K:fetch(W, b), K:fetch(W, z), K:'fetch!'(W, a), K:put(W, a, 7), K:put(W, c, 7), K:put_new(W, a, 7), K:put_new(W, c, 7)}),
    p({K:delete(W, a), K:'has_key?'(W, b), K:'has_key?'(W, z), K:keys(W), K:values(W)}),
    p({K:merge(W, [{c, 1}, {a, 9}]), K:update(W, a, 0, fun(V) -> V * 10 end), K:update([{b, 2}], a, 0, fun(V) -> V * 10 end)}),
    p({K:'update!'(W, b, fun(V) -> V + 1 end), K:take(W, [a]), K:drop(W, [a]), K:pop(W, a), K:pop(W, z), K:split(W, [a])}),
    p({K:'keyword?'(W), K:'keyword?'([{<<"a">>, 1}]), K:'keyword?'(x), K:to_list(W)}),
    try_(fun() -> K:'fetch!'(W, z) end),
    try_(fun() -> K:'update!'(W, z, fun(V) -> V end) end),
    S = 'Elixir.MapSet',
    A3 = S:new([3, 1, 2, 1]),
    B3 = S:new([2, 5]),
    p({S:new(), A3, S:new([1, 2], fun(X) -> X * 10 end), S:put(A3, 9), S:delete(A3, 1), S:'member?'(A3, 2), S:size(A3), S:to_list(A3)}),
    p({S:union(A3, B3), S:intersection(A3, B3), S:difference(A3, B3), S:'subset?'(S:new([1]), A3), S:'disjoint?'(A3, B3), S:'equal?'(A3, S:new([1, 2, 3]))}),
    p({S:filter(A3, fun(X) -> X > 1 end), S:reject(A3, fun(X) -> X > 1 end)}),
    p({'Elixir.Enum':to_list(A3), 'Elixir.Enum':map(A3, fun(X) -> X * 2 end), 'Elixir.Enum':into([4, 4], A3), 'Elixir.Enum':count(A3), 'Elixir.Enum':'member?'(A3, 3)}).
