%% List and Tuple.
-module(ex_list).
-export([main/0]).

-include("driver.hrl").

main() ->
    L = 'Elixir.List',
    T = 'Elixir.Tuple',
    p({L:first([]), L:first([1, 2]), L:last([]), L:last([1, 2]), L:first([], d), L:last([], d)}),
    p({L:flatten([1, [2, [3, []]], 4]), L:flatten([1, [2]], [3]), L:delete([a, b, a], a), L:delete_at([a, b, c], 1), L:delete_at([a, b, c], -1), L:delete_at([a], 5)}),
    p({L:duplicate(x, 3), L:to_tuple([1, 2]), L:wrap(nil), L:wrap([1]), L:wrap(a)}),
    p({L:keyfind([{a, 1}, {b, 2}], b, 0), L:keyfind([{a, 1}], c, 0), L:keyfind([{a, 1}], c, 0, none), L:'keymember?'([{a, 1}], a, 0)}),
    p({L:keydelete([{a, 1}, {b, 2}], a, 0), L:keyreplace([{a, 1}], a, 0, {a, 9}), L:keystore([{a, 1}], b, 0, {b, 2}), L:keysort([{b, 1}, {a, 2}], 0)}),
    p({L:foldl([1, 2, 3], [], fun(X, A) -> [X | A] end), L:foldr([1, 2, 3], [], fun(X, A) -> [X | A] end)}),
    p({L:insert_at([1, 2, 3], 1, x), L:insert_at([1, 2, 3], -1, x), L:insert_at([1, 2, 3], 10, x), L:insert_at([1, 2, 3], -10, x), L:insert_at([1, 2, 3], -2, x)}),
    p({L:replace_at([1, 2, 3], 0, x), L:replace_at([1, 2, 3], -1, x), L:replace_at([1, 2, 3], 5, x), L:update_at([1, 2, 3], 1, fun(X) -> X * 10 end)}),
    w({L:to_string([104, 105, <<"!">>, [32, 233]]), L:to_string([]), L:'improper?'([1 | 2]), L:'improper?'([1])}),
    p({L:to_atom("abc"), L:to_integer("42"), L:to_integer("ff", 16), L:zip([[1, 2], [a, b]])}),
    p({T:to_list({1, 2}), T:append({1}, 2), T:duplicate(x, 2), T:insert_at({1, 2}, 1, x), T:delete_at({1, 2, 3}, 0), T:sum({1, 2, 3}), T:product({2, 3})}),
    try_(fun() -> T:delete_at({1}, 5) end),
    try_(fun() -> T:insert_at({1}, 5, x) end),
    try_(fun() -> L:to_integer("x") end).
