%% The `gb_trees` module: Andersson's general balanced trees as OTP 25's
%% gb_trees.erl builds them, {Size, Tree} with nodes {Key, Value, Smaller,
%% Bigger} and `nil`, rebalanced on insertion when a path grows longer
%% than the size allows (2^height > size^2) and never on deletion. The
%% shapes are OTP's, so a tree prints as on the BEAM. Keys compare with
%% == and <, so 1 and 1.0 are one key. The errors are OTP's: insert/3 of a
%% present key is {key_exists, Key}; get/2, update/3 and delete/2 of a
%% missing key fail with function_clause in their walk, smallest/1 of an
%% empty tree too.

-module(gb_trees).
-export([empty/0, is_empty/1, size/1, lookup/2, get/2, insert/3,
         update/3, enter/3, delete/2, delete_any/2, balance/1,
         is_defined/2, keys/1, values/1, to_list/1, from_orddict/1,
         smallest/1, largest/1, take_smallest/1, take_largest/1,
         iterator/1, iterator_from/2, next/1, map/2, take/2, take_any/2]).

empty() -> {0, nil}.

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

lookup(Key, {_, T}) -> lookup_1(Key, T).

lookup_1(Key, {Key1, _, Smaller, _}) when Key < Key1 -> lookup_1(Key, Smaller);
lookup_1(Key, {Key1, _, _, Bigger}) when Key > Key1 -> lookup_1(Key, Bigger);
lookup_1(_, {_, Value, _, _}) -> {value, Value};
lookup_1(_, nil) -> none.

is_defined(Key, {_, T}) -> is_defined_1(Key, T).

is_defined_1(Key, {Key1, _, Smaller, _}) when Key < Key1 -> is_defined_1(Key, Smaller);
is_defined_1(Key, {Key1, _, _, Bigger}) when Key > Key1 -> is_defined_1(Key, Bigger);
is_defined_1(_, {_, _, _, _}) -> true;
is_defined_1(_, nil) -> false.

get(Key, {_, T}) -> get_1(Key, T).

get_1(Key, {Key1, _, Smaller, _}) when Key < Key1 -> get_1(Key, Smaller);
get_1(Key, {Key1, _, _, Bigger}) when Key > Key1 -> get_1(Key, Bigger);
get_1(_, {_, Value, _, _}) -> Value.

update(Key, Val, {S, T}) -> {S, update_1(Key, Val, T)}.

update_1(Key, Value, {Key1, V, Smaller, Bigger}) when Key < Key1 ->
    {Key1, V, update_1(Key, Value, Smaller), Bigger};
update_1(Key, Value, {Key1, V, Smaller, Bigger}) when Key > Key1 ->
    {Key1, V, Smaller, update_1(Key, Value, Bigger)};
update_1(Key, Value, {_, _, Smaller, Bigger}) -> {Key, Value, Smaller, Bigger}.

%% The walk down carries the size budget, halved at each level; a new
%% leaf where the budget is spent reports {Tree, Height, Size} upwards so
%% each node above can check the balance condition, and the first one
%% that fails it is rebuilt perfectly balanced (after which the plain
%% tree goes up unchecked).
insert(Key, Val, {S, T}) when is_integer(S) ->
    S1 = S + 1,
    {S1, insert_1(Key, Val, T, S1 * S1)}.

insert_1(Key, Value, {Key1, V, Smaller, Bigger}, S) when Key < Key1 ->
    case insert_1(Key, Value, Smaller, S bsr 1) of
        {T1, H1, S1} -> check({Key1, V, T1, Bigger}, H1, S1, Bigger);
        T1 -> {Key1, V, T1, Bigger}
    end;
insert_1(Key, Value, {Key1, V, Smaller, Bigger}, S) when Key > Key1 ->
    case insert_1(Key, Value, Bigger, S bsr 1) of
        {T1, H1, S1} -> check({Key1, V, Smaller, T1}, H1, S1, Smaller);
        T1 -> {Key1, V, Smaller, T1}
    end;
insert_1(Key, Value, nil, S) when S =:= 0 -> {{Key, Value, nil, nil}, 1, 1};
insert_1(Key, Value, nil, _) -> {Key, Value, nil, nil};
insert_1(Key, _, _, _) -> erlang:error({key_exists, Key}).

check(T, H1, S1, Other) ->
    {H2, S2} = count(Other),
    H = erlang:max(H1, H2) bsl 1,
    SS = S1 + S2 + 1,
    if
        H > SS * SS -> balance(T, SS);
        true -> {T, H, SS}
    end.

count({_, _, nil, nil}) -> {1, 1};
count({_, _, Sm, Bi}) ->
    {H1, S1} = count(Sm),
    {H2, S2} = count(Bi),
    {erlang:max(H1, H2) bsl 1, S1 + S2 + 1};
count(nil) -> {1, 0}.

enter(Key, Val, T) ->
    case is_defined(Key, T) of
        true -> update(Key, Val, T);
        false -> insert(Key, Val, T)
    end.

balance({S, T}) -> {S, balance(T, S)}.

balance(T, S) -> balance_list(to_list_1(T), S).

balance_list(L, S) ->
    {T, []} = balance_list_1(L, S),
    T.

%% The first half (rounded up) of the pairs goes left, the middle one is
%% the root.
balance_list_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T1, [{K, V} | L1]} = balance_list_1(L, S1),
    {T2, L2} = balance_list_1(L1, S2),
    {{K, V, T1, T2}, L2};
balance_list_1([{Key, Val} | L], 1) -> {{Key, Val, nil, nil}, L};
balance_list_1(L, 0) -> {nil, L}.

from_orddict(L) ->
    S = length(L),
    {S, balance_list(L, S)}.

delete_any(Key, T) ->
    case is_defined(Key, T) of
        true -> delete(Key, T);
        false -> T
    end.

delete(Key, {S, T}) when is_integer(S), S >= 0 -> {S - 1, delete_1(Key, T)}.

delete_1(Key, {Key1, Value, Smaller, Larger}) when Key < Key1 ->
    {Key1, Value, delete_1(Key, Smaller), Larger};
delete_1(Key, {Key1, Value, Smaller, Bigger}) when Key > Key1 ->
    {Key1, Value, Smaller, delete_1(Key, Bigger)};
delete_1(_, {_, _, Smaller, Larger}) -> merge(Smaller, Larger).

%% A deleted node's place goes to the smallest of its bigger subtree.
merge(Smaller, nil) -> Smaller;
merge(nil, Larger) -> Larger;
merge(Smaller, Larger) ->
    {Key, Value, Larger1} = take_smallest1(Larger),
    {Key, Value, Smaller, Larger1}.

take_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> take(Key, Tree);
        false -> error
    end.

take(Key, {S, T}) when is_integer(S), S >= 0 ->
    {Value, Rest} = take_1(Key, T),
    {Value, {S - 1, Rest}}.

take_1(Key, {K, V, Smaller, Larger}) when Key < K ->
    {Value, Smaller1} = take_1(Key, Smaller),
    {Value, {K, V, Smaller1, Larger}};
take_1(Key, {K, V, Smaller, Bigger}) when Key > K ->
    {Value, Bigger1} = take_1(Key, Bigger),
    {Value, {K, V, Smaller, Bigger1}};
take_1(_, {_, Value, Smaller, Larger}) -> {Value, merge(Smaller, Larger)}.

take_smallest({Size, Tree}) when is_integer(Size), Size >= 0 ->
    {Key, Value, Larger} = take_smallest1(Tree),
    {Key, Value, {Size - 1, Larger}}.

take_smallest1({Key, Value, nil, Larger}) -> {Key, Value, Larger};
take_smallest1({Key, Value, Smaller, Larger}) ->
    {Key1, Value1, Smaller1} = take_smallest1(Smaller),
    {Key1, Value1, {Key, Value, Smaller1, Larger}}.

smallest({_, Tree}) -> smallest_1(Tree).

smallest_1({Key, Value, nil, _}) -> {Key, Value};
smallest_1({_, _, Smaller, _}) -> smallest_1(Smaller).

take_largest({Size, Tree}) when is_integer(Size), Size >= 0 ->
    {Key, Value, Smaller} = take_largest1(Tree),
    {Key, Value, {Size - 1, Smaller}}.

take_largest1({Key, Value, Smaller, nil}) -> {Key, Value, Smaller};
take_largest1({Key, Value, Smaller, Larger}) ->
    {Key1, Value1, Larger1} = take_largest1(Larger),
    {Key1, Value1, {Key, Value, Smaller, Larger1}}.

largest({_, Tree}) -> largest_1(Tree).

largest_1({Key, Value, _, nil}) -> {Key, Value};
largest_1({_, _, _, Larger}) -> largest_1(Larger).

to_list({_, T}) -> to_list(T, []).

to_list_1(T) -> to_list(T, []).

to_list({Key, Value, Small, Big}, L) -> to_list(Small, [{Key, Value} | to_list(Big, L)]);
to_list(nil, L) -> L.

keys({_, T}) -> keys(T, []).

keys({Key, _, Small, Big}, L) -> keys(Small, [Key | keys(Big, L)]);
keys(nil, L) -> L.

values({_, T}) -> values(T, []).

values({_, Value, Small, Big}, L) -> values(Small, [Value | values(Big, L)]);
values(nil, L) -> L.

%% An iterator is the stack of nodes an in-order walk has still to visit
%% (a plain list in OTP 25).
iterator({_, T}) -> iterator_1(T, []).

iterator_1({_, _, nil, _} = T, As) -> [T | As];
iterator_1({_, _, L, _} = T, As) -> iterator_1(L, [T | As]);
iterator_1(nil, As) -> As.

iterator_from(S, {_, T}) -> iterator_from_1(S, T, []).

iterator_from_1(S, {K, _, _, T}, As) when K < S -> iterator_from_1(S, T, As);
iterator_from_1(_, {_, _, nil, _} = T, As) -> [T | As];
iterator_from_1(S, {_, _, L, _} = T, As) -> iterator_from_1(S, L, [T | As]);
iterator_from_1(_, nil, As) -> As.

next([{X, V, _, T} | As]) -> {X, V, iterator_1(T, As)};
next([]) -> none.

map(F, {Size, Tree}) when is_function(F, 2) -> {Size, map_1(F, Tree)}.

map_1(_, nil) -> nil;
map_1(F, {K, V, Smaller, Larger}) -> {K, F(K, V), map_1(F, Smaller), map_1(F, Larger)}.
