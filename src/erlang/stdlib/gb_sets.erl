%% The `gb_sets` module: ordered sets as OTP 25's gb_sets.erl builds them,
%% general balanced trees {Size, Tree} with nodes {Element, Smaller,
%% Bigger} and `nil`, balanced as gb_trees are. The set operations choose
%% OTP's strategy by the sizes (merging the sorted lists, or looking each
%% element up in the larger tree) and rebuild the result as OTP does, so a
%% set prints as on the BEAM. Elements compare with == and <. insert/2 of
%% a present element is {key_exists, Element}.

-module(gb_sets).
-export([empty/0, is_empty/1, size/1, singleton/1, is_member/2,
         insert/2, add/2, delete/2, delete_any/2, balance/1, union/2,
         union/1, intersection/2, intersection/1, is_disjoint/2,
         difference/2, is_subset/2, to_list/1, from_list/1, from_ordset/1,
         smallest/1, largest/1, take_smallest/1, take_largest/1,
         iterator/1, iterator_from/2, next/1, filter/2, fold/3, is_set/1]).
-export([new/0, is_element/2, add_element/2, del_element/2, subtract/2]).

empty() -> {0, nil}.

new() -> empty().

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) -> Size.

singleton(Key) -> {1, {Key, nil, nil}}.

is_element(Key, S) -> is_member(Key, S).

is_member(Key, {_, T}) -> is_member_1(Key, T).

is_member_1(Key, {Key1, Smaller, _}) when Key < Key1 -> is_member_1(Key, Smaller);
is_member_1(Key, {Key1, _, Bigger}) when Key > Key1 -> is_member_1(Key, Bigger);
is_member_1(_, {_, _, _}) -> true;
is_member_1(_, nil) -> false.

%% As gb_trees:insert/3 (see there).
insert(Key, {S, T}) when is_integer(S), S >= 0 ->
    S1 = S + 1,
    {S1, insert_1(Key, T, S1 * S1)}.

insert_1(Key, {Key1, Smaller, Bigger}, S) when Key < Key1 ->
    case insert_1(Key, Smaller, S bsr 1) of
        {T1, H1, S1} when is_integer(H1), is_integer(S1) -> check({Key1, T1, Bigger}, H1, S1, Bigger);
        T1 -> {Key1, T1, Bigger}
    end;
insert_1(Key, {Key1, Smaller, Bigger}, S) when Key > Key1 ->
    case insert_1(Key, Bigger, S bsr 1) of
        {T1, H1, S1} when is_integer(H1), is_integer(S1) -> check({Key1, Smaller, T1}, H1, S1, Smaller);
        T1 -> {Key1, Smaller, T1}
    end;
insert_1(Key, nil, 0) -> {{Key, nil, nil}, 1, 1};
insert_1(Key, nil, _) -> {Key, nil, nil};
insert_1(Key, _, _) -> erlang:error({key_exists, Key}).

check(T, H1, S1, Other) ->
    {H2, S2} = count(Other),
    H = erlang:max(H1, H2) bsl 1,
    SS = S1 + S2 + 1,
    if
        H > SS * SS -> balance(T, SS);
        true -> {T, H, SS}
    end.

count({_, nil, nil}) -> {1, 1};
count({_, Sm, Bi}) ->
    {H1, S1} = count(Sm),
    {H2, S2} = count(Bi),
    {erlang:max(H1, H2) bsl 1, S1 + S2 + 1};
count(nil) -> {1, 0}.

balance({S, T}) when is_integer(S), S >= 0 -> {S, balance(T, S)}.

balance(T, S) -> balance_list(to_list_1(T), S).

balance_list(L, S) ->
    {T, _} = balance_list_1(L, S),
    T.

balance_list_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T1, [K | L1]} = balance_list_1(L, S1),
    {T2, L2} = balance_list_1(L1, S2),
    {{K, T1, T2}, L2};
balance_list_1([Key | L], 1) -> {{Key, nil, nil}, L};
balance_list_1(L, 0) -> {nil, L}.

add_element(X, S) -> add(X, S).

add(X, S) ->
    case is_member(X, S) of
        true -> S;
        false -> insert(X, S)
    end.

from_list(L) -> from_ordset(ordsets:from_list(L)).

from_ordset(L) ->
    S = length(L),
    {S, balance_list(L, S)}.

del_element(Key, S) -> delete_any(Key, S).

delete_any(Key, S) ->
    case is_member(Key, S) of
        true -> delete(Key, S);
        false -> S
    end.

delete(Key, {S, T}) -> {S - 1, delete_1(Key, T)}.

delete_1(Key, {Key1, Smaller, Larger}) when Key < Key1 -> {Key1, delete_1(Key, Smaller), Larger};
delete_1(Key, {Key1, Smaller, Bigger}) when Key > Key1 -> {Key1, Smaller, delete_1(Key, Bigger)};
delete_1(_, {_, Smaller, Larger}) -> merge(Smaller, Larger).

merge(Smaller, nil) -> Smaller;
merge(nil, Larger) -> Larger;
merge(Smaller, Larger) ->
    {Key, Larger1} = take_smallest1(Larger),
    {Key, Smaller, Larger1}.

take_smallest({S, T}) ->
    {Key, Larger} = take_smallest1(T),
    {Key, {S - 1, Larger}}.

take_smallest1({Key, nil, Larger}) -> {Key, Larger};
take_smallest1({Key, Smaller, Larger}) ->
    {Key1, Smaller1} = take_smallest1(Smaller),
    {Key1, {Key, Smaller1, Larger}}.

smallest({_, T}) -> smallest_1(T).

smallest_1({Key, nil, _}) -> Key;
smallest_1({_, Smaller, _}) -> smallest_1(Smaller).

take_largest({S, T}) ->
    {Key, Smaller} = take_largest1(T),
    {Key, {S - 1, Smaller}}.

take_largest1({Key, Smaller, nil}) -> {Key, Smaller};
take_largest1({Key, Smaller, Larger}) ->
    {Key1, Larger1} = take_largest1(Larger),
    {Key1, {Key, Smaller, Larger1}}.

largest({_, T}) -> largest_1(T).

largest_1({Key, _, nil}) -> Key;
largest_1({_, _, Larger}) -> largest_1(Larger).

to_list({_, T}) -> to_list(T, []).

to_list_1(T) -> to_list(T, []).

to_list({Key, Small, Big}, L) -> to_list(Small, [Key | to_list(Big, L)]);
to_list(nil, L) -> L.

%% An iterator is the stack of nodes still to visit (a list in OTP 25).
iterator({_, T}) -> iterator_1(T, []).

iterator_1({_, nil, _} = T, As) -> [T | As];
iterator_1({_, L, _} = T, As) -> iterator_1(L, [T | As]);
iterator_1(nil, As) -> As.

iterator_from(S, {_, T}) -> iterator_from_1(S, T, []).

iterator_from_1(S, {K, _, T}, As) when K < S -> iterator_from_1(S, T, As);
iterator_from_1(_, {_, nil, _} = T, As) -> [T | As];
iterator_from_1(S, {_, L, _} = T, As) -> iterator_from_1(S, L, [T | As]);
iterator_from_1(_, nil, As) -> As.

next([{X, _, T} | As]) -> {X, iterator_1(T, As)};
next([]) -> none.

%% The set operations. With N1 elements on one side and N2 in the other
%% tree, OTP looks each of the N1 up in the tree when the tree is at
%% least N1 * round(1.46 * ln N2) large, and otherwise merges the two
%% sorted lists; either way (but for union by lookups) the result is
%% rebuilt balanced from a reversed list.
union({N1, T1}, {N2, T2}) when is_integer(N1), is_integer(N2), N2 < N1 ->
    union(to_list_1(T2), N2, T1, N1);
union({N1, T1}, {N2, T2}) when is_integer(N1), is_integer(N2) ->
    union(to_list_1(T1), N1, T2, N2).

union(L, N1, T2, N2) when N2 < 10 -> union_2(L, to_list_1(T2), N1 + N2);
union(L, N1, T2, N2) ->
    case N2 < N1 * round(1.46 * math:log(N2)) of
        true -> union_2(L, to_list_1(T2), N1 + N2);
        false -> union_1(L, {N2, T2})
    end.

union_1([X | Xs], S) -> union_1(Xs, add(X, S));
union_1([], S) -> S.

%% The merge swaps its lists when the right one's head is smaller, as
%% OTP's does; S is the sum of the sizes, less one for each element in
%% both.
union_2(Xs, Ys, S) -> union_2(Xs, Ys, [], S).

union_2([X | Xs1], [Y | _] = Ys, As, S) when X < Y -> union_2(Xs1, Ys, [X | As], S);
union_2([X | _] = Xs, [Y | Ys1], As, S) when X > Y -> union_2(Ys1, Xs, [Y | As], S);
union_2([X | Xs1], [_ | Ys1], As, S) -> union_2(Xs1, Ys1, [X | As], S - 1);
union_2([], Ys, As, S) -> {S, balance_revlist(push(Ys, As), S)};
union_2(Xs, [], As, S) -> {S, balance_revlist(push(Xs, As), S)}.

push([X | Xs], As) -> push(Xs, [X | As]);
push([], As) -> As.

balance_revlist(L, S) when is_integer(S) ->
    {T, _} = balance_revlist_1(L, S),
    T.

balance_revlist_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T2, [K | L1]} = balance_revlist_1(L, S1),
    {T1, L2} = balance_revlist_1(L1, S2),
    {{K, T1, T2}, L2};
balance_revlist_1([Key | L], 1) -> {{Key, nil, nil}, L};
balance_revlist_1(L, 0) -> {nil, L}.

union([S | Ss]) -> union_list(S, Ss);
union([]) -> empty().

union_list(S, [S1 | Ss]) -> union_list(union(S, S1), Ss);
union_list(S, []) -> S.

intersection({N1, T1}, {N2, T2}) when is_integer(N1), is_integer(N2), N2 < N1 ->
    intersection(to_list_1(T2), N2, T1, N1);
intersection({N1, T1}, {N2, T2}) when is_integer(N1), is_integer(N2) ->
    intersection(to_list_1(T1), N1, T2, N2).

intersection(L, _, T2, N2) when N2 < 10 -> intersection_2(L, to_list_1(T2));
intersection(L, N1, T2, N2) ->
    case N2 < N1 * round(1.46 * math:log(N2)) of
        true -> intersection_2(L, to_list_1(T2));
        false -> intersection_1(L, T2)
    end.

intersection_1(Xs, T) -> intersection_1(Xs, T, [], 0).

intersection_1([X | Xs], T, As, N) ->
    case is_member_1(X, T) of
        true -> intersection_1(Xs, T, [X | As], N + 1);
        false -> intersection_1(Xs, T, As, N)
    end;
intersection_1([], _, As, N) -> {N, balance_revlist(As, N)}.

intersection_2(Xs, Ys) -> intersection_2(Xs, Ys, [], 0).

intersection_2([X | Xs1], [Y | _] = Ys, As, S) when X < Y -> intersection_2(Xs1, Ys, As, S);
intersection_2([X | _] = Xs, [Y | Ys1], As, S) when X > Y -> intersection_2(Ys1, Xs, As, S);
intersection_2([X | Xs1], [_ | Ys1], As, S) -> intersection_2(Xs1, Ys1, [X | As], S + 1);
intersection_2([], _, As, S) -> {S, balance_revlist(As, S)};
intersection_2(_, [], As, S) -> {S, balance_revlist(As, S)}.

intersection([S | Ss]) -> intersection_list(S, Ss).

intersection_list(S, [S1 | Ss]) -> intersection_list(intersection(S, S1), Ss);
intersection_list(S, []) -> S.

is_disjoint({N1, T1}, {N2, T2}) when N1 < N2 -> is_disjoint_1(T1, T2);
is_disjoint({_, T1}, {_, T2}) -> is_disjoint_1(T2, T1).

is_disjoint_1({K1, Smaller1, Bigger}, {K2, Smaller2, _} = Tree) when K1 < K2 ->
    not is_member_1(K1, Smaller2) andalso
        is_disjoint_1(Smaller1, Smaller2) andalso
        is_disjoint_1(Bigger, Tree);
is_disjoint_1({K1, Smaller, Bigger1}, {K2, _, Bigger2} = Tree) when K1 > K2 ->
    not is_member_1(K1, Bigger2) andalso
        is_disjoint_1(Bigger1, Bigger2) andalso
        is_disjoint_1(Smaller, Tree);
is_disjoint_1({_, _, _}, {_, _, _}) -> false;
is_disjoint_1(nil, _) -> true;
is_disjoint_1(_, nil) -> true.

subtract(S1, S2) -> difference(S1, S2).

difference({N1, T1}, {N2, T2}) when is_integer(N1), N1 >= 0, is_integer(N2), N2 >= 0 ->
    difference(to_list_1(T1), N1, T2, N2).

difference(L, N1, T2, N2) when N2 < 10 -> difference_2(L, to_list_1(T2), N1);
difference(L, N1, T2, N2) ->
    case N2 < N1 * round(1.46 * math:log(N2)) of
        true -> difference_2(L, to_list_1(T2), N1);
        false -> difference_1(L, T2)
    end.

difference_1(Xs, T) -> difference_1(Xs, T, [], 0).

difference_1([X | Xs], T, As, N) ->
    case is_member_1(X, T) of
        true -> difference_1(Xs, T, As, N);
        false -> difference_1(Xs, T, [X | As], N + 1)
    end;
difference_1([], _, As, N) -> {N, balance_revlist(As, N)}.

difference_2(Xs, Ys, S) -> difference_2(Xs, Ys, [], S).

difference_2([X | Xs1], [Y | _] = Ys, As, S) when X < Y -> difference_2(Xs1, Ys, [X | As], S);
difference_2([X | _] = Xs, [Y | Ys1], As, S) when X > Y -> difference_2(Xs, Ys1, As, S);
difference_2([_ | Xs1], [_ | Ys1], As, S) -> difference_2(Xs1, Ys1, As, S - 1);
difference_2([], _, As, S) -> {S, balance_revlist(As, S)};
difference_2(Xs, [], As, S) -> {S, balance_revlist(push(Xs, As), S)}.

is_subset({N1, T1}, {N2, T2}) when is_integer(N1), N1 >= 0, is_integer(N2), N2 >= 0 ->
    is_subset(to_list_1(T1), N1, T2, N2).

is_subset(L, _, T2, N2) when N2 < 10 -> is_subset_2(L, to_list_1(T2));
is_subset(L, N1, T2, N2) ->
    case N2 < N1 * round(1.46 * math:log(N2)) of
        true -> is_subset_2(L, to_list_1(T2));
        false -> is_subset_1(L, T2)
    end.

is_subset_1([X | Xs], T) ->
    case is_member_1(X, T) of
        true -> is_subset_1(Xs, T);
        false -> false
    end;
is_subset_1([], _) -> true.

is_subset_2([X | _], [Y | _]) when X < Y -> false;
is_subset_2([X | _] = Xs, [Y | Ys1]) when X > Y -> is_subset_2(Xs, Ys1);
is_subset_2([_ | Xs1], [_ | Ys1]) -> is_subset_2(Xs1, Ys1);
is_subset_2([], _) -> true;
is_subset_2(_, []) -> false.

is_set({0, nil}) -> true;
is_set({N, {_, _, _}}) when is_integer(N), N >= 0 -> true;
is_set(_) -> false.

filter(F, S) when is_function(F, 1) -> from_ordset([X || X <- to_list(S), F(X)]).

fold(F, A, {_, T}) when is_function(F, 2) -> fold_1(F, A, T).

fold_1(F, Acc0, {Key, Small, Big}) ->
    Acc1 = fold_1(F, Acc0, Small),
    fold_1(F, F(Key, Acc1), Big);
fold_1(_, Acc, _) -> Acc.
