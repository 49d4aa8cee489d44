%% The `sets` module as OTP 25 has it, with its two representations. The
%% default one (new/0, from_list/1, `{version, 1}`) is a #set record
%% laid out as OTP's: a linear hash table of 16-bucket segments where
%% erlang:phash/2 places each element, exactly as dict.erl places keys, so
%% a set prints and to_list/1 and fold/3 walk it in the BEAM's order.
%% `new([{version, 2}])` and `from_list(L, [{version, 2}])` give a map
%% from each element to [], and the operations take either kind (mixed,
%% as OTP's: a union of a map and a record folds one into the other).
%% Elements are the same when they match (=:=): 1 and 1.0 are two.

-module(sets).
-export([new/0, is_set/1, size/1, is_empty/1, to_list/1, from_list/1]).
-export([is_element/2, add_element/2, del_element/2]).
-export([union/2, union/1, intersection/2, intersection/1]).
-export([is_disjoint/2]).
-export([subtract/2, is_subset/2]).
-export([fold/3, filter/2]).
-export([new/1, from_list/2]).

-define(SEG_SIZE, 16).
-define(EXPAND_LOAD, 5).
-define(CONTRACT_LOAD, 3).

%% OTP's field order: a set is this tuple on the BEAM too.
-record(set, {
    size = 0,
    n = ?SEG_SIZE,
    maxn = ?SEG_SIZE,
    bso = ?SEG_SIZE div 2,
    exp_size = ?SEG_SIZE * ?EXPAND_LOAD,
    con_size = ?SEG_SIZE * ?CONTRACT_LOAD,
    empty,
    segs
}).

new() ->
    Empty = empty_segment(),
    #set{empty = Empty, segs = {Empty}}.

new([{version, 2}]) -> #{};
new(Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> new();
        2 -> #{}
    end.

empty_segment() -> {[], [], [], [], [], [], [], [], [], [], [], [], [], [], [], []}.

from_list(L) -> lists:foldl(fun(E, S) -> add_element(E, S) end, new(), L).

from_list(L, [{version, 2}]) -> maps:from_keys(L, []);
from_list(L, Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> from_list(L);
        2 -> maps:from_keys(L, [])
    end.

is_set(#{}) -> true;
is_set(#set{}) -> true;
is_set(_) -> false.

size(S) -> set_size(S).

%% The module's own calls use this name: a local size/1 call would be
%% ambiguous with the auto-imported BIF.
set_size(#{} = S) -> map_size(S);
set_size(#set{size = Size}) -> Size.

is_empty(#{} = S) -> map_size(S) =:= 0;
is_empty(#set{size = Size}) -> Size =:= 0.

to_list(#{} = S) -> maps:keys(S);
to_list(#set{} = S) -> fold(fun(E, List) -> [E | List] end, [], S).

is_element(E, #{} = S) -> is_map_key(E, S);
is_element(E, #set{} = S) -> lists:member(E, bucket(S, slot(S, E))).

%% A new element goes at the head of its bucket.
add_element(E, #{} = S) -> S#{E => []};
add_element(E, #set{} = S0) ->
    Slot = slot(S0, E),
    Bucket = bucket(S0, Slot),
    case lists:member(E, Bucket) of
        true -> S0;
        false -> maybe_expand(put_bucket_in(S0, Slot, [E | Bucket]))
    end.

del_element(E, #{} = S) -> maps:remove(E, S);
del_element(E, #set{} = S0) ->
    Slot = slot(S0, E),
    Bucket = bucket(S0, Slot),
    case lists:member(E, Bucket) of
        false -> S0;
        true -> maybe_contract(put_bucket_in(S0, Slot, lists:delete(E, Bucket)), 1)
    end.

%% The smaller set is folded into the larger (two maps merge).
union(#{} = S1, #{} = S2) -> maps:merge(S1, S2);
union(S1, S2) ->
    case set_size(S1) < set_size(S2) of
        true -> fold(fun(E, S) -> add_element(E, S) end, S2, S1);
        false -> fold(fun(E, S) -> add_element(E, S) end, S1, S2)
    end.

union([S1, S2 | Ss]) -> union_all(union(S1, S2), Ss);
union([S]) -> S;
union([]) -> new().

union_all(S1, [S2 | Ss]) -> union_all(union(S1, S2), Ss);
union_all(S1, []) -> S1.

%% The smaller set is filtered by membership in the larger.
intersection(#{} = S1, #{} = S2) ->
    case map_size(S1) < map_size(S2) of
        true -> maps:filter(fun(E, _) -> is_map_key(E, S2) end, S1);
        false -> maps:filter(fun(E, _) -> is_map_key(E, S1) end, S2)
    end;
intersection(S1, S2) ->
    case set_size(S1) < set_size(S2) of
        true -> filter(fun(E) -> is_element(E, S2) end, S1);
        false -> filter(fun(E) -> is_element(E, S1) end, S2)
    end.

intersection([S1, S2 | Ss]) -> intersection_all(intersection(S1, S2), Ss);
intersection([S]) -> S.

intersection_all(S1, [S2 | Ss]) -> intersection_all(intersection(S1, S2), Ss);
intersection_all(S1, []) -> S1.

is_disjoint(S1, S2) ->
    case set_size(S1) < set_size(S2) of
        true -> no_element_in(S1, S2);
        false -> no_element_in(S2, S1)
    end.

no_element_in(Small, Large) ->
    fold(fun(_, false) -> false;
            (E, true) -> not is_element(E, Large)
         end, true, Small).

subtract(#{} = S1, #{} = S2) -> maps:filter(fun(E, _) -> not is_map_key(E, S2) end, S1);
subtract(S1, S2) -> filter(fun(E) -> not is_element(E, S2) end, S1).

is_subset(S1, S2) -> fold(fun(E, Sub) -> Sub andalso is_element(E, S2) end, true, S1).

%% A map set folds in its key order; a record set as dict:fold/3 does:
%% segments from the last, buckets from the last, each bucket from its
%% head.
fold(F, Acc, #{} = S) when is_function(F, 2) -> maps:fold(fun(E, _, A) -> F(E, A) end, Acc, S);
fold(F, Acc, #set{} = S) when is_function(F, 2) ->
    Segs = S#set.segs,
    fold_segments(F, Acc, Segs, tuple_size(Segs)).

fold_segments(F, Acc, Segs, I) when I >= 1 ->
    Seg = element(I, Segs),
    fold_segments(F, fold_segment(F, Acc, Seg, tuple_size(Seg)), Segs, I - 1);
fold_segments(_, Acc, _, 0) -> Acc.

fold_segment(F, Acc, Seg, I) when I >= 1 ->
    fold_segment(F, lists:foldl(F, Acc, element(I, Seg)), Seg, I - 1);
fold_segment(_, Acc, _, 0) -> Acc.

%% filter/2 keeps every element in its bucket.
filter(F, #{} = S) when is_function(F, 1) -> maps:filter(fun(E, _) -> F(E) end, S);
filter(F, #set{} = S) when is_function(F, 1) ->
    {Segs, Removed} = filter_segments(F, tuple_to_list(S#set.segs), [], 0),
    maybe_contract(S#set{segs = list_to_tuple(Segs)}, Removed).

filter_segments(F, [Seg | Segs], Done, Removed0) ->
    {Buckets, Removed1} = filter_buckets(F, tuple_to_list(Seg), [], Removed0),
    filter_segments(F, Segs, [list_to_tuple(Buckets) | Done], Removed1);
filter_segments(_, [], Done, Removed) -> {lists:reverse(Done), Removed}.

filter_buckets(F, [Bucket0 | Buckets], Done, Removed0) ->
    {Bucket1, Removed1} = filter_bucket(F, Bucket0, [], Removed0),
    filter_buckets(F, Buckets, [Bucket1 | Done], Removed1);
filter_buckets(_, [], Done, Removed) -> {lists:reverse(Done), Removed}.

filter_bucket(F, [E | Bucket], Kept, Removed) ->
    case F(E) of
        true -> filter_bucket(F, Bucket, [E | Kept], Removed);
        false -> filter_bucket(F, Bucket, Kept, Removed + 1)
    end;
%% Unlike dict's, OTP's sets leaves the kept elements of a bucket
%% reversed.
filter_bucket(_, [], Kept, Removed) -> {Kept, Removed}.

%% The hash table, as dict.erl's (see there).
slot(S, E) ->
    H = erlang:phash(E, S#set.maxn),
    if
        H > S#set.n -> H - S#set.bso;
        true -> H
    end.

bucket(S, Slot) -> get_bucket(S#set.segs, Slot).

get_bucket(Segs, Slot) ->
    element(((Slot - 1) rem ?SEG_SIZE) + 1, element(((Slot - 1) div ?SEG_SIZE) + 1, Segs)).

put_bucket(Segs, Slot, Bucket) ->
    SegI = ((Slot - 1) div ?SEG_SIZE) + 1,
    Seg = setelement(((Slot - 1) rem ?SEG_SIZE) + 1, element(SegI, Segs), Bucket),
    setelement(SegI, Segs, Seg).

put_bucket_in(S, Slot, Bucket) -> S#set{segs = put_bucket(S#set.segs, Slot, Bucket)}.

maybe_expand(S0) when S0#set.size + 1 > S0#set.exp_size ->
    S = maybe_expand_segments(S0),
    N = S#set.n + 1,
    Segs0 = S#set.segs,
    Slot1 = N - S#set.bso,
    [B1 | B2] = rehash(get_bucket(Segs0, Slot1), Slot1, N, S#set.maxn),
    Segs1 = put_bucket(put_bucket(Segs0, Slot1, B1), N, B2),
    S#set{size = S#set.size + 1, n = N, exp_size = N * ?EXPAND_LOAD,
          con_size = N * ?CONTRACT_LOAD, segs = Segs1};
maybe_expand(S) -> S#set{size = S#set.size + 1}.

maybe_expand_segments(S) when S#set.n =:= S#set.maxn ->
    S#set{maxn = 2 * S#set.maxn, bso = 2 * S#set.bso,
          segs = expand_segments(S#set.segs, S#set.empty)};
maybe_expand_segments(S) -> S.

maybe_contract(S, Removed) when S#set.size - Removed < S#set.con_size,
                                S#set.n > ?SEG_SIZE ->
    N = S#set.n,
    Slot1 = N - S#set.bso,
    Segs0 = S#set.segs,
    Joined = get_bucket(Segs0, Slot1) ++ get_bucket(Segs0, N),
    Segs1 = put_bucket(put_bucket(Segs0, Slot1, Joined), N, []),
    N1 = N - 1,
    maybe_contract_segments(S#set{size = S#set.size - Removed, n = N1,
                                  exp_size = N1 * ?EXPAND_LOAD,
                                  con_size = N1 * ?CONTRACT_LOAD, segs = Segs1});
maybe_contract(S, Removed) -> S#set{size = S#set.size - Removed}.

maybe_contract_segments(S) when S#set.n =:= S#set.bso ->
    S#set{maxn = S#set.maxn div 2, bso = S#set.bso div 2,
          segs = contract_segments(S#set.segs)};
maybe_contract_segments(S) -> S.

rehash([E | T], Slot1, Slot2, MaxN) ->
    [L1 | L2] = rehash(T, Slot1, Slot2, MaxN),
    case erlang:phash(E, MaxN) of
        Slot1 -> [[E | L1] | L2];
        Slot2 -> [L1 | [E | L2]]
    end;
rehash([], _, _, _) -> [[] | []].

expand_segments(Segs, Empty) ->
    list_to_tuple(tuple_to_list(Segs) ++ lists:duplicate(tuple_size(Segs), Empty)).

contract_segments(Segs) ->
    list_to_tuple(lists:sublist(tuple_to_list(Segs), 1, tuple_size(Segs) div 2)).
