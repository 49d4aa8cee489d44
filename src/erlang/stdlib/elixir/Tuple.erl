%% Elixir 1.14's Tuple.
-module('Elixir.Tuple').
-export([to_list/1, append/2, duplicate/2, insert_at/3, delete_at/2, sum/1,
         product/1]).

to_list(Tuple) -> tuple_to_list(Tuple).

append(Tuple, X) -> erlang:append_element(Tuple, X).

duplicate(X, N) -> erlang:make_tuple(N, X).

insert_at(Tuple, Index, X) when Index >= 0, Index =< tuple_size(Tuple) ->
    {Before, After} = lists:split(Index, tuple_to_list(Tuple)),
    list_to_tuple(Before ++ [X | After]);
insert_at(_, _, _) -> erlang:error(badarg).

delete_at(Tuple, Index) when Index >= 0, Index < tuple_size(Tuple) ->
    {Before, [_ | After]} = lists:split(Index, tuple_to_list(Tuple)),
    list_to_tuple(Before ++ After);
delete_at(_, _) -> erlang:error(badarg).

sum(Tuple) -> lists:sum(tuple_to_list(Tuple)).

product(Tuple) -> lists:foldl(fun(X, Acc) -> X * Acc end, 1, tuple_to_list(Tuple)).
