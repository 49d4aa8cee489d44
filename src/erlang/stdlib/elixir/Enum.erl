%% Elixir 1.14's Enum, for lists, maps (as lists of {Key, Value} in the
%% map's order) and ranges (%Range{first, last, step}): each function
%% takes the enumerable to a list first, then works as Elixir's does,
%% raising what Elixir raises (Enum.EmptyError, Enum.OutOfBoundsError,
%% Protocol.UndefinedError for what is not enumerable).
%%
%% A stream (Stream.erl) is taken one element at a time wherever a user's
%% function is called on it or the function can stop early: Enum.map over
%% Stream.map runs both functions on one element before the next, and
%% Enum.take of an endless stream ends. Those clauses come first, marked
%% `Stream`.
-module('Elixir.Enum').
-export([to_list/1, map/2, each/2, filter/2, reject/2, reduce/2,
         reduce_while/3, map_reduce/3, scan/2, scan/3, find/2, find/3,
         find_index/2, find_value/2, find_value/3, count/1, count/2, sum/1,
         product/1, max/1, max/2, max/3, min/1, min/2, min/3, max_by/2,
         max_by/3, max_by/4, min_by/2, min_by/3, min_by/4, min_max/1,
         sort/1, sort/2, sort_by/2, sort_by/3, reverse/1, reverse/2, join/1,
         join/2, map_join/2, intersperse/2, into/2, into/3, 'member?'/2,
         'empty?'/1, 'any?'/1, 'any?'/2, 'all?'/1, take/2, drop/2,
         take_while/2, drop_while/2, take_every/2, split/2, split_while/2,
         at/2, at/3, fetch/2, 'fetch!'/2, with_index/1, with_index/2, zip/2,
         zip/1, zip_with/3, unzip/1, group_by/2, group_by/3, frequencies/1,
         frequencies_by/2, uniq/1, uniq_by/2, dedup/1, dedup_by/2,
         flat_map/2, concat/1, concat/2, chunk_every/2, chunk_every/3,
         chunk_every/4, chunk_by/2, slice/2, slice/3, 'all?'/2, map_join/3,
         split_with/2, reduce/3]).

%% The enumerable as a list.
to_list(List) when is_list(List) -> List;
to_list(#{'__struct__' := 'Elixir.Range'} = Range) -> 'Elixir.Range':'$to_list'(Range);
to_list(#{'__struct__' := 'Elixir.MapSet', map := Map}) -> maps:keys(Map);
to_list(#{'__struct__' := 'Elixir.Stream'} = Stream) -> 'Elixir.Stream':'$to_list'(Stream);
to_list(#{'__struct__' := _} = Struct) -> not_enumerable(Struct);
to_list(Map) when is_map(Map) -> maps:to_list(Map);
to_list(Other) -> not_enumerable(Other).

not_enumerable(Value) ->
    erlang:error('Elixir.Protocol.UndefinedError':exception([{protocol, 'Elixir.Enumerable'}, {value, Value}])).

truthy(nil) -> false;
truthy(false) -> false;
truthy(_) -> true.

map(#{'__struct__' := 'Elixir.Stream'} = S, Fun) -> to_list('Elixir.Stream':map(S, Fun));
map(Enum, Fun) -> [Fun(X) || X <- to_list(Enum)].

each(Enum, Fun) -> reduce(Enum, ok, fun(X, _) -> Fun(X), ok end).

filter(#{'__struct__' := 'Elixir.Stream'} = S, Fun) -> to_list('Elixir.Stream':filter(S, Fun));
filter(Enum, Fun) -> [X || X <- to_list(Enum), truthy(Fun(X))].

reject(#{'__struct__' := 'Elixir.Stream'} = S, Fun) -> to_list('Elixir.Stream':reject(S, Fun));
reject(Enum, Fun) -> [X || X <- to_list(Enum), not truthy(Fun(X))].

reduce(Enum, Fun) ->
    case to_list(Enum) of
        [] -> empty_error();
        [First | Rest] -> lists:foldl(Fun, First, Rest)
    end.

%% A range is walked, not made a list: `Enum.reduce(1..1_000_000, ...)`
%% should cost the reductions, not a million-cell heap.
reduce(#{'__struct__' := 'Elixir.Range', first := F, last := L, step := S}, Acc, Fun) -> reduce_range(F, L, S, Acc, Fun);
reduce(#{'__struct__' := 'Elixir.Stream'} = S, Acc, Fun) -> 'Elixir.Stream':'$fold'(S, Acc, Fun);
reduce(Enum, Acc, Fun) -> lists:foldl(Fun, Acc, to_list(Enum)).

reduce_range(F, L, S, Acc, Fun) when S > 0, F =< L; S < 0, F >= L -> reduce_range(F + S, L, S, Fun(F, Acc), Fun);
reduce_range(_, _, _, Acc, _) -> Acc.

reduce_while(#{'__struct__' := 'Elixir.Stream'} = S, Acc, Fun) -> reduce_while_stream('Elixir.Stream':'$gen'(S), Acc, Fun);
reduce_while(Enum, Acc, Fun) -> reduce_while_(to_list(Enum), Acc, Fun).

reduce_while_stream(Gen, Acc, Fun) ->
    case Gen() of
        done -> Acc;
        {X, Next} ->
            case Fun(X, Acc) of
                {cont, Acc1} -> reduce_while_stream(Next, Acc1, Fun);
                {halt, Final} -> Final
            end
    end.

%% The first element of a stream, through Found, or Default for none:
%% what stops early (find, any?, all?, member?, fetch) pulls only that.
first_of(Stream, Found, Default) ->
    case 'Elixir.Stream':'$pull'(Stream) of
        done -> Default;
        {X, _} -> Found(X)
    end.

reduce_while_([], Acc, _) -> Acc;
reduce_while_([X | Rest], Acc, Fun) ->
    case Fun(X, Acc) of
        {cont, Next} -> reduce_while_(Rest, Next, Fun);
        {halt, Final} -> Final
    end.

map_reduce(#{'__struct__' := 'Elixir.Stream'} = S, Acc, Fun) ->
    {Mapped, Acc1} = 'Elixir.Stream':'$fold'(S, {[], Acc}, fun(X, {Ys, A}) -> {Y, A1} = Fun(X, A), {[Y | Ys], A1} end),
    {lists:reverse(Mapped), Acc1};
map_reduce(Enum, Acc, Fun) -> lists:mapfoldl(Fun, Acc, to_list(Enum)).

scan(Enum, Fun) ->
    case to_list(Enum) of
        [] -> [];
        [First | Rest] -> scan_(Rest, First, Fun, [First])
    end.

scan(Enum, Acc, Fun) -> scan_(to_list(Enum), Acc, Fun, []).

scan_([], _, _, Out) -> lists:reverse(Out);
scan_([X | Rest], Acc, Fun, Out) ->
    Next = Fun(X, Acc),
    scan_(Rest, Next, Fun, [Next | Out]).

find(Enum, Fun) -> find(Enum, nil, Fun).

find(#{'__struct__' := 'Elixir.Stream'} = S, Default, Fun) -> first_of('Elixir.Stream':filter(S, Fun), fun(X) -> X end, Default);
find(Enum, Default, Fun) -> find_(to_list(Enum), Default, Fun).

find_([], Default, _) -> Default;
find_([X | Rest], Default, Fun) ->
    case truthy(Fun(X)) of
        true -> X;
        false -> find_(Rest, Default, Fun)
    end.

find_index(#{'__struct__' := 'Elixir.Stream'} = S, Fun) -> first_of('Elixir.Stream':filter('Elixir.Stream':with_index(S), fun({X, _}) -> Fun(X) end), fun({_, I}) -> I end, nil);
find_index(Enum, Fun) -> find_index_(to_list(Enum), Fun, 0).

find_index_([], _, _) -> nil;
find_index_([X | Rest], Fun, I) ->
    case truthy(Fun(X)) of
        true -> I;
        false -> find_index_(Rest, Fun, I + 1)
    end.

find_value(Enum, Fun) -> find_value(Enum, nil, Fun).

find_value(#{'__struct__' := 'Elixir.Stream'} = S, Default, Fun) -> first_of('Elixir.Stream':filter('Elixir.Stream':map(S, Fun), fun(X) -> X end), fun(X) -> X end, Default);
find_value(Enum, Default, Fun) -> find_value_(to_list(Enum), Default, Fun).

find_value_([], Default, _) -> Default;
find_value_([X | Rest], Default, Fun) ->
    Value = Fun(X),
    case truthy(Value) of
        true -> Value;
        false -> find_value_(Rest, Default, Fun)
    end.

count(Map) when is_map(Map), not is_map_key('__struct__', Map) -> map_size(Map);
count(#{'__struct__' := 'Elixir.Range'} = Range) -> 'Elixir.Range':size(Range);
count(Enum) -> length(to_list(Enum)).

count(Enum, Fun) -> length(filter(Enum, Fun)).

sum(Enum) -> reduce(Enum, 0, fun(X, Acc) -> Acc + X end).

product(Enum) -> reduce(Enum, 1, fun(X, Acc) -> Acc * X end).

%% max/min take a sorter (fun/2), an empty fallback (fun/0) or both.
max(Enum) -> max(Enum, fun erlang:'>='/2, fun empty_error/0).
max(Enum, Fun) when is_function(Fun, 0) -> max(Enum, fun erlang:'>='/2, Fun);
max(Enum, Sorter) -> max(Enum, Sorter, fun empty_error/0).
max(Enum, Sorter, Empty) -> extreme(to_list(Enum), sorter(Sorter, max), Empty).

min(Enum) -> min(Enum, fun erlang:'=<'/2, fun empty_error/0).
min(Enum, Fun) when is_function(Fun, 0) -> min(Enum, fun erlang:'=<'/2, Fun);
min(Enum, Sorter) -> min(Enum, Sorter, fun empty_error/0).
min(Enum, Sorter, Empty) -> extreme(to_list(Enum), sorter(Sorter, min), Empty).

sorter(asc, _) -> fun erlang:'=<'/2;
sorter(desc, _) -> fun erlang:'>='/2;
sorter(Fun, _) when is_function(Fun, 2) -> Fun.

extreme([], _, Empty) -> Empty();
extreme([First | Rest], Sorter, _) ->
    lists:foldl(fun(X, Best) -> case Sorter(Best, X) of true -> Best; false -> X end end, First, Rest).

max_by(Enum, Fun) -> max_by(Enum, Fun, fun erlang:'>='/2, fun empty_error/0).
max_by(Enum, Fun, Empty) when is_function(Empty, 0) -> max_by(Enum, Fun, fun erlang:'>='/2, Empty);
max_by(Enum, Fun, Sorter) -> max_by(Enum, Fun, Sorter, fun empty_error/0).
max_by(Enum, Fun, Sorter, Empty) -> extreme_by(to_list(Enum), Fun, sorter(Sorter, max), Empty).

min_by(Enum, Fun) -> min_by(Enum, Fun, fun erlang:'=<'/2, fun empty_error/0).
min_by(Enum, Fun, Empty) when is_function(Empty, 0) -> min_by(Enum, Fun, fun erlang:'=<'/2, Empty);
min_by(Enum, Fun, Sorter) -> min_by(Enum, Fun, Sorter, fun empty_error/0).
min_by(Enum, Fun, Sorter, Empty) -> extreme_by(to_list(Enum), Fun, sorter(Sorter, min), Empty).

extreme_by([], _, _, Empty) -> Empty();
extreme_by([First | Rest], Fun, Sorter, _) ->
    {Best, _} = lists:foldl(
        fun(X, {B, BK}) ->
            K = Fun(X),
            case Sorter(BK, K) of true -> {B, BK}; false -> {X, K} end
        end,
        {First, Fun(First)}, Rest),
    Best.

min_max(Enum) ->
    case to_list(Enum) of
        [] -> empty_error();
        List -> {lists:min(List), lists:max(List)}
    end.

empty_error() -> erlang:error('Elixir.Enum.EmptyError':exception([])).

sort(Enum) -> lists:sort(to_list(Enum)).

sort(Enum, Sorter) -> lists:sort(sorter(Sorter, sort), to_list(Enum)).

sort_by(Enum, Fun) -> sort_by(Enum, Fun, asc).

sort_by(Enum, Fun, Sorter) ->
    S = sorter(Sorter, sort),
    Keyed = lists:sort(fun({A, _}, {B, _}) -> S(A, B) end, [{Fun(X), X} || X <- to_list(Enum)]),
    [X || {_, X} <- Keyed].

reverse(Enum) -> lists:reverse(to_list(Enum)).

reverse(Enum, Tail) -> lists:reverse(to_list(Enum), to_list(Tail)).

join(Enum) -> join(Enum, <<>>).

join(Enum, Joiner) -> map_join(Enum, Joiner, fun(X) -> X end).

map_join(Enum, Fun) -> map_join(Enum, <<>>, Fun).

map_join(Enum, Joiner, Fun) ->
    Parts = [chars(Fun(X)) || X <- to_list(Enum)],
    iolist_to_binary(lists:join(Joiner, Parts)).

chars(X) -> 'Elixir.String.Chars':to_string(X).

intersperse(Enum, Sep) -> lists:join(Sep, to_list(Enum)).

into(Enum, Collectable) -> into(Enum, Collectable, fun(X) -> X end).

into(Enum, #{'__struct__' := 'Elixir.MapSet', map := Map} = Set, Fun) ->
    Set#{map := lists:foldl(fun(X, Acc) -> Acc#{Fun(X) => []} end, Map, to_list(Enum))};
into(Enum, Map, Fun) when is_map(Map) ->
    lists:foldl(fun(X, Acc) -> {K, V} = Fun(X), Acc#{K => V} end, Map, to_list(Enum));
into(Enum, List, Fun) when is_list(List) -> List ++ map(Enum, Fun);
into(Enum, Bin, Fun) when is_binary(Bin) -> iolist_to_binary([Bin | map(Enum, Fun)]).

'member?'(#{'__struct__' := 'Elixir.Range', first := F, last := L, step := S}, X) when is_integer(X) ->
    ((S > 0 andalso X >= F andalso X =< L) orelse (S < 0 andalso X =< F andalso X >= L)) andalso (X - F) rem S =:= 0;
'member?'(#{'__struct__' := 'Elixir.Range'}, _) -> false;
'member?'(#{'__struct__' := 'Elixir.Stream'} = S, X) -> first_of('Elixir.Stream':filter(S, fun(Y) -> Y =:= X end), fun(_) -> true end, false);
'member?'(Enum, X) -> lists:member(X, to_list(Enum)).

'empty?'(Map) when is_map(Map), not is_map_key('__struct__', Map) -> map_size(Map) =:= 0;
'empty?'(#{'__struct__' := 'Elixir.Stream'} = S) -> 'Elixir.Stream':'$pull'(S) =:= done;
'empty?'(Enum) -> to_list(Enum) =:= [].

'any?'(#{'__struct__' := 'Elixir.Stream'} = S) -> 'any?'(S, fun(X) -> X end);
'any?'(Enum) -> lists:any(fun truthy/1, to_list(Enum)).
'any?'(#{'__struct__' := 'Elixir.Stream'} = S, Fun) -> first_of('Elixir.Stream':filter(S, Fun), fun(_) -> true end, false);
'any?'(Enum, Fun) -> lists:any(fun(X) -> truthy(Fun(X)) end, to_list(Enum)).

'all?'(#{'__struct__' := 'Elixir.Stream'} = S) -> 'all?'(S, fun(X) -> X end);
'all?'(Enum) -> lists:all(fun truthy/1, to_list(Enum)).
'all?'(#{'__struct__' := 'Elixir.Stream'} = S, Fun) -> first_of('Elixir.Stream':reject(S, Fun), fun(_) -> false end, true);
'all?'(Enum, Fun) -> lists:all(fun(X) -> truthy(Fun(X)) end, to_list(Enum)).

take(#{'__struct__' := 'Elixir.Stream'} = S, N) when is_integer(N) -> to_list('Elixir.Stream':take(S, N));
take(Enum, N) when N >= 0 -> take_(to_list(Enum), N);
take(Enum, N) ->
    List = to_list(Enum),
    lists:nthtail(erlang:max(0, length(List) + N), List).

take_([X | Rest], N) when N > 0 -> [X | take_(Rest, N - 1)];
take_(_, _) -> [].

drop(Enum, N) when N >= 0 -> drop_(to_list(Enum), N);
drop(Enum, N) ->
    List = to_list(Enum),
    take_(List, erlang:max(0, length(List) + N)).

drop_([_ | Rest], N) when N > 0 -> drop_(Rest, N - 1);
drop_(List, _) -> List.

take_while(#{'__struct__' := 'Elixir.Stream'} = S, Fun) -> to_list('Elixir.Stream':take_while(S, Fun));
take_while(Enum, Fun) -> lists:takewhile(fun(X) -> truthy(Fun(X)) end, to_list(Enum)).

drop_while(Enum, Fun) -> lists:dropwhile(fun(X) -> truthy(Fun(X)) end, to_list(Enum)).

take_every(_Enum, 0) -> [];
take_every(Enum, N) -> take_every_(to_list(Enum), N, 0).

take_every_([], _, _) -> [];
take_every_([X | Rest], N, 0) -> [X | take_every_(Rest, N, N - 1)];
take_every_([_ | Rest], N, I) -> take_every_(Rest, N, I - 1).

split(Enum, N) when N >= 0 -> lists:split(erlang:min(N, length(to_list(Enum))), to_list(Enum));
split(Enum, N) ->
    List = to_list(Enum),
    lists:split(erlang:max(0, length(List) + N), List).

split_while(Enum, Fun) -> lists:splitwith(fun(X) -> truthy(Fun(X)) end, to_list(Enum)).

split_with(Enum, Fun) -> lists:partition(fun(X) -> truthy(Fun(X)) end, to_list(Enum)).

at(Enum, Index) -> at(Enum, Index, nil).

at(Enum, Index, Default) when is_integer(Index) ->
    case fetch(Enum, Index) of
        {ok, X} -> X;
        error -> Default
    end.

fetch(#{'__struct__' := 'Elixir.Stream'} = S, Index) when is_integer(Index), Index >= 0 ->
    first_of('Elixir.Stream':drop(S, Index), fun(X) -> {ok, X} end, error);
fetch(Enum, Index) when is_integer(Index) ->
    List = to_list(Enum),
    I = case Index < 0 of true -> length(List) + Index; false -> Index end,
    case I >= 0 andalso I < length(List) of
        true -> {ok, lists:nth(I + 1, List)};
        false -> error
    end.

'fetch!'(Enum, Index) ->
    case fetch(Enum, Index) of
        {ok, X} -> X;
        error -> erlang:error('Elixir.Enum.OutOfBoundsError':exception([]))
    end.

with_index(Enum) -> with_index(Enum, 0).

with_index(#{'__struct__' := 'Elixir.Stream'} = S, FunOrOffset) -> to_list('Elixir.Stream':with_index(S, FunOrOffset));
with_index(Enum, Fun) when is_function(Fun, 2) ->
    {Mapped, _} = lists:mapfoldl(fun(X, I) -> {Fun(X, I), I + 1} end, 0, to_list(Enum)),
    Mapped;
with_index(Enum, Offset) ->
    {Indexed, _} = lists:mapfoldl(fun(X, I) -> {{X, I}, I + 1} end, Offset, to_list(Enum)),
    Indexed.

zip(#{'__struct__' := 'Elixir.Stream'} = A, B) -> to_list('Elixir.Stream':zip(A, B));
zip(A, #{'__struct__' := 'Elixir.Stream'} = B) -> to_list('Elixir.Stream':zip(A, B));
zip(A, B) -> zip_(to_list(A), to_list(B)).

zip_([X | Xs], [Y | Ys]) -> [{X, Y} | zip_(Xs, Ys)];
zip_(_, _) -> [].

zip([]) -> [];
zip(Enums) ->
    case lists:any(fun(E) -> is_map(E) andalso maps:get('__struct__', E, nil) =:= 'Elixir.Stream' end, to_list(Enums)) of
        true -> to_list('Elixir.Stream':zip(Enums));
        false -> zip_all([to_list(E) || E <- to_list(Enums)])
    end.

zip_all(Lists) ->
    case lists:all(fun(L) -> L =/= [] end, Lists) of
        true -> [list_to_tuple([hd(L) || L <- Lists]) | zip_all([tl(L) || L <- Lists])];
        false -> []
    end.

zip_with(A, B, Fun) -> [Fun(X, Y) || {X, Y} <- zip(A, B)].

unzip(Enum) -> lists:unzip(to_list(Enum)).

group_by(Enum, KeyFun) -> group_by(Enum, KeyFun, fun(X) -> X end).

group_by(Enum, KeyFun, ValueFun) ->
    lists:foldr(
        fun(X, Acc) ->
            K = KeyFun(X),
            Acc#{K => [ValueFun(X) | maps:get(K, Acc, [])]}
        end,
        #{}, to_list(Enum)).

frequencies(Enum) ->
    lists:foldl(fun(X, Acc) -> Acc#{X => maps:get(X, Acc, 0) + 1} end, #{}, to_list(Enum)).

frequencies_by(Enum, Fun) -> frequencies(map(Enum, Fun)).

uniq(Enum) -> uniq_by(Enum, fun(X) -> X end).

uniq_by(Enum, Fun) -> uniq_(to_list(Enum), Fun, #{}).

uniq_([], _, _) -> [];
uniq_([X | Rest], Fun, Seen) ->
    K = Fun(X),
    case is_map_key(K, Seen) of
        true -> uniq_(Rest, Fun, Seen);
        false -> [X | uniq_(Rest, Fun, Seen#{K => true})]
    end.

dedup(Enum) -> dedup_by(Enum, fun(X) -> X end).

dedup_by(Enum, Fun) -> dedup_(to_list(Enum), Fun, make_ref()).

dedup_([], _, _) -> [];
dedup_([X | Rest], Fun, Last) ->
    case Fun(X) of
        Last -> dedup_(Rest, Fun, Last);
        K -> [X | dedup_(Rest, Fun, K)]
    end.

flat_map(#{'__struct__' := 'Elixir.Stream'} = S, Fun) -> to_list('Elixir.Stream':flat_map(S, Fun));
flat_map(Enum, Fun) -> lists:append([to_list(Fun(X)) || X <- to_list(Enum)]).

concat(Enums) -> lists:append([to_list(E) || E <- to_list(Enums)]).

concat(A, B) -> to_list(A) ++ to_list(B).

chunk_every(Enum, N) -> chunk_every(Enum, N, N, []).

chunk_every(Enum, N, Step) -> chunk_every(Enum, N, Step, []).

chunk_every(Enum, N, Step, Leftover) when N > 0, Step > 0 -> chunks(to_list(Enum), N, Step, Leftover).

%% A chunk shorter than N (the list's end) is padded from Leftover, or
%% dropped for `discard`, and is the last.
chunks([], _, _, _) -> [];
chunks(List, N, Step, Leftover) ->
    Chunk = take_(List, N),
    case length(Chunk) of
        N -> [Chunk | chunks(drop_(List, Step), N, Step, Leftover)];
        _ when Leftover =:= discard -> [];
        Short -> [Chunk ++ take_(to_list(Leftover), N - Short)]
    end.

chunk_by(Enum, Fun) -> chunk_by_(to_list(Enum), Fun).

chunk_by_([], _) -> [];
chunk_by_([X | Rest], Fun) ->
    K = Fun(X),
    {Same, Others} = lists:splitwith(fun(Y) -> Fun(Y) =:= K end, Rest),
    [[X | Same] | chunk_by_(Others, Fun)].

slice(Enum, #{'__struct__' := 'Elixir.Range', first := First, last := Last, step := Step}) ->
    List = to_list(Enum),
    Len = length(List),
    F = case First < 0 of true -> First + Len; false -> First end,
    L = case Last < 0 of true -> Last + Len; false -> Last end,
    case F >= 0 andalso F < Len andalso L >= F of
        true -> take_every(take_(drop_(List, F), L - F + 1), Step);
        false -> []
    end.

slice(Enum, Start, Amount) ->
    List = to_list(Enum),
    S = case Start < 0 of true -> erlang:max(0, Start + length(List)); false -> Start end,
    take_(drop_(List, S), Amount).
