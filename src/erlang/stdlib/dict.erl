%% The `dict` module: a key-value dictionary as OTP 25's dict.erl keeps it,
%% a linear hash table (Larsson's dynamic hashing) of fixed-size segments
%% of buckets, where each key goes to the slot erlang:phash/2 gives it and
%% the table grows and shrinks one slot at a time. The record, the
%% segments, the bucket order and the growth rule are OTP's, and phash/2
%% is erts's own hash, so a dict prints as it does on the BEAM and
%% to_list/1, fetch_keys/1 and fold/3 walk it in the BEAM's order. Keys
%% match with =:= (1 and 1.0 are two keys). A missing key is `badarg`
%% raised from dict:fetch/2 (or update/3) with its arguments, as there.

-module(dict).
-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1]).
-export([fetch/2, find/2, fetch_keys/1, erase/2, take/2]).
-export([store/3, append/3, append_list/3, update/3, update/4, update_counter/3]).
-export([fold/3, map/2, filter/2, merge/3]).

%% A segment holds 16 buckets; the table starts with one segment and
%% grows past 5 entries a slot, shrinks below 3.
-define(SEG_SIZE, 16).
-define(EXPAND_LOAD, 5).
-define(CONTRACT_LOAD, 3).

%% The field order is OTP's: a dict is this tuple on the BEAM too.
-record(dict, {
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
    #dict{empty = Empty, segs = {Empty}}.

empty_segment() -> {[], [], [], [], [], [], [], [], [], [], [], [], [], [], [], []}.

%% A bucket is a list of [Key | Value] cells, as in OTP.
is_key(Key, D) -> bucket_has_key(Key, bucket(D, slot(D, Key))).

bucket_has_key(K, [[K | _] | _]) -> true;
bucket_has_key(K, [_ | Bucket]) -> bucket_has_key(K, Bucket);
bucket_has_key(_, []) -> false.

to_list(D) -> fold(fun(Key, Value, List) -> [{Key, Value} | List] end, [], D).

from_list(L) -> lists:foldl(fun({K, V}, D) -> store(K, V, D) end, new(), L).

size(#dict{size = N}) when is_integer(N), N >= 0 -> N.

is_empty(#dict{size = N}) -> N =:= 0.

%% OTP throws inside the bucket walk and catches it here to raise badarg
%% with fetch/2's arguments; a lookup that answers `error` does the same
%% without the throw.
fetch(Key, D) ->
    case bucket_find(Key, bucket(D, slot(D, Key))) of
        {ok, Value} -> Value;
        error -> erlang:error(badarg, [Key, D])
    end.

find(Key, D) -> bucket_find(Key, bucket(D, slot(D, Key))).

bucket_find(K, [[K | Value] | _]) -> {ok, Value};
bucket_find(K, [_ | Bucket]) -> bucket_find(K, Bucket);
bucket_find(_, []) -> error.

fetch_keys(D) -> fold(fun(Key, _Value, Keys) -> [Key | Keys] end, [], D).

erase(Key, D0) ->
    {D1, Removed} = on_bucket(fun(B0) -> erase_key(Key, B0) end, D0, slot(D0, Key)),
    maybe_contract(D1, Removed).

erase_key(Key, [[Key | _] | Bucket]) -> {Bucket, 1};
erase_key(Key, [E | Bucket0]) ->
    {Bucket1, Removed} = erase_key(Key, Bucket0),
    {[E | Bucket1], Removed};
erase_key(_, []) -> {[], 0}.

take(Key, D0) ->
    case on_bucket(fun(B0) -> take_key(Key, B0) end, D0, slot(D0, Key)) of
        {D1, {Value, Removed}} -> {Value, maybe_contract(D1, Removed)};
        {_, error} -> error
    end.

take_key(Key, [[Key | Value] | Bucket]) -> {Bucket, {Value, 1}};
take_key(Key, [E | Bucket0]) ->
    {Bucket1, Result} = take_key(Key, Bucket0),
    {[E | Bucket1], Result};
take_key(_, []) -> {[], error}.

store(Key, Value, D0) ->
    {D1, Added} = on_bucket(fun(B0) -> store_in_bucket(Key, Value, B0) end, D0, slot(D0, Key)),
    maybe_expand(D1, Added).

%% A new key goes at the end of its bucket; an existing one keeps its
%% place.
store_in_bucket(Key, New, [[Key | _] | Bucket]) -> {[[Key | New] | Bucket], 0};
store_in_bucket(Key, New, [Other | Bucket0]) ->
    {Bucket1, Added} = store_in_bucket(Key, New, Bucket0),
    {[Other | Bucket1], Added};
store_in_bucket(Key, New, []) -> {[[Key | New]], 1}.

append(Key, Value, D0) ->
    {D1, Added} = on_bucket(fun(B0) -> append_in_bucket(Key, [Value], B0) end, D0, slot(D0, Key)),
    maybe_expand(D1, Added).

append_list(Key, Values, D0) ->
    {D1, Added} = on_bucket(fun(B0) -> append_in_bucket(Key, Values, B0) end, D0, slot(D0, Key)),
    maybe_expand(D1, Added).

append_in_bucket(Key, Values, [[Key | Bag] | Bucket]) -> {[[Key | Bag ++ Values] | Bucket], 0};
append_in_bucket(Key, Values, [Other | Bucket0]) ->
    {Bucket1, Added} = append_in_bucket(Key, Values, Bucket0),
    {[Other | Bucket1], Added};
append_in_bucket(Key, Values, []) -> {[[Key | Values]], 1}.

%% update/3 of a missing key is badarg from update/3, as fetch/2's.
update(Key, F, D0) ->
    case on_bucket(fun(B0) -> update_in_bucket(Key, F, B0) end, D0, slot(D0, Key)) of
        {_, missing} -> erlang:error(badarg, [Key, F, D0]);
        {D1, _} -> D1
    end.

update_in_bucket(Key, F, [[Key | Value] | Bucket]) ->
    New = F(Value),
    {[[Key | New] | Bucket], {ok, New}};
update_in_bucket(Key, F, [Other | Bucket0]) ->
    case update_in_bucket(Key, F, Bucket0) of
        {_, missing} = Missing -> Missing;
        {Bucket1, Updated} -> {[Other | Bucket1], Updated}
    end;
update_in_bucket(_, _, []) -> {[], missing}.

update(Key, F, Init, D0) ->
    {D1, Added} = on_bucket(fun(B0) -> update_in_bucket(Key, F, Init, B0) end, D0, slot(D0, Key)),
    maybe_expand(D1, Added).

update_in_bucket(Key, F, _, [[Key | Value] | Bucket]) -> {[[Key | F(Value)] | Bucket], 0};
update_in_bucket(Key, F, Init, [Other | Bucket0]) ->
    {Bucket1, Added} = update_in_bucket(Key, F, Init, Bucket0),
    {[Other | Bucket1], Added};
update_in_bucket(Key, F, Init, []) when is_function(F, 1) -> {[[Key | Init]], 1}.

update_counter(Key, Incr, D0) when is_number(Incr) ->
    {D1, Added} = on_bucket(fun(B0) -> count_in_bucket(Key, Incr, B0) end, D0, slot(D0, Key)),
    maybe_expand(D1, Added).

count_in_bucket(Key, Incr, [[Key | Value] | Bucket]) -> {[[Key | Value + Incr] | Bucket], 0};
count_in_bucket(Key, Incr, [Other | Bucket0]) ->
    {Bucket1, Added} = count_in_bucket(Key, Incr, Bucket0),
    {[Other | Bucket1], Added};
count_in_bucket(Key, Incr, []) -> {[[Key | Incr]], 1}.

%% Folds walk the segments from the last, each segment's buckets from the
%% last, each bucket from its head: OTP's order, which to_list/1 reverses.
fold(F, Acc, #dict{size = 0}) when is_function(F, 3) -> Acc;
fold(F, Acc, D) ->
    Segs = D#dict.segs,
    fold_segments(F, Acc, Segs, tuple_size(Segs)).

fold_segments(F, Acc, Segs, I) when I >= 1 ->
    Seg = element(I, Segs),
    fold_segments(F, fold_segment(F, Acc, Seg, tuple_size(Seg)), Segs, I - 1);
fold_segments(F, Acc, _, 0) when is_function(F, 3) -> Acc.

fold_segment(F, Acc, Seg, I) when I >= 1 ->
    fold_segment(F, fold_bucket(F, Acc, element(I, Seg)), Seg, I - 1);
fold_segment(F, Acc, _, 0) when is_function(F, 3) -> Acc.

fold_bucket(F, Acc, [[Key | Value] | Bucket]) -> fold_bucket(F, F(Key, Value, Acc), Bucket);
fold_bucket(F, Acc, []) when is_function(F, 3) -> Acc.

%% map/2 and filter/2 keep every entry where it is.
map(F, #dict{size = 0} = D) when is_function(F, 2) -> D;
map(F, D) ->
    Segs = [list_to_tuple([map_bucket(F, B) || B <- tuple_to_list(Seg)])
            || Seg <- tuple_to_list(D#dict.segs)],
    D#dict{segs = list_to_tuple(Segs)}.

map_bucket(F, [[Key | Value] | Bucket]) -> [[Key | F(Key, Value)] | map_bucket(F, Bucket)];
map_bucket(F, []) when is_function(F, 2) -> [].

filter(F, #dict{size = 0} = D) when is_function(F, 2) -> D;
filter(F, D) ->
    {Segs, Removed} = filter_segments(F, tuple_to_list(D#dict.segs), [], 0),
    maybe_contract(D#dict{segs = list_to_tuple(Segs)}, Removed).

filter_segments(F, [Seg | Segs], Done, Removed0) ->
    {Buckets, Removed1} = filter_buckets(F, tuple_to_list(Seg), [], Removed0),
    filter_segments(F, Segs, [list_to_tuple(Buckets) | Done], Removed1);
filter_segments(F, [], Done, Removed) when is_function(F, 2) -> {lists:reverse(Done), Removed}.

filter_buckets(F, [Bucket0 | Buckets], Done, Removed0) ->
    {Bucket1, Removed1} = filter_bucket(F, Bucket0, [], Removed0),
    filter_buckets(F, Buckets, [Bucket1 | Done], Removed1);
filter_buckets(F, [], Done, Removed) when is_function(F, 2) -> {lists:reverse(Done), Removed}.

filter_bucket(F, [[Key | Value] = E | Bucket], Kept, Removed) ->
    case F(Key, Value) of
        true -> filter_bucket(F, Bucket, [E | Kept], Removed);
        false -> filter_bucket(F, Bucket, Kept, Removed + 1)
    end;
filter_bucket(F, [], Kept, Removed) when is_function(F, 2) -> {lists:reverse(Kept), Removed}.

%% The smaller dict is folded into the larger.
merge(F, D1, D2) when D1#dict.size < D2#dict.size ->
    fold(fun(K, V1, D) -> update(K, fun(V2) -> F(K, V1, V2) end, V1, D) end, D2, D1);
merge(F, D1, D2) ->
    fold(fun(K, V2, D) -> update(K, fun(V1) -> F(K, V1, V2) end, V2, D) end, D1, D2).

%% The slot of a key: its hash over the doubled range, or, for a slot not
%% yet split off, its buddy in the lower half.
slot(D, Key) ->
    H = erlang:phash(Key, D#dict.maxn),
    if
        H > D#dict.n -> H - D#dict.bso;
        true -> H
    end.

bucket(D, Slot) -> get_bucket(D#dict.segs, Slot).

get_bucket(Segs, Slot) ->
    element(((Slot - 1) rem ?SEG_SIZE) + 1, element(((Slot - 1) div ?SEG_SIZE) + 1, Segs)).

put_bucket(Segs, Slot, Bucket) ->
    SegI = ((Slot - 1) div ?SEG_SIZE) + 1,
    Seg = setelement(((Slot - 1) rem ?SEG_SIZE) + 1, element(SegI, Segs), Bucket),
    setelement(SegI, Segs, Seg).

%% Applies F to a slot's bucket: F returns the new bucket and a result.
on_bucket(F, D, Slot) ->
    Segs = D#dict.segs,
    {Bucket, Result} = F(get_bucket(Segs, Slot)),
    {D#dict{segs = put_bucket(Segs, Slot, Bucket)}, Result}.

%% Past the load limit, one more slot: the bucket of its buddy is split
%% between the two by the hash over the doubled range.
maybe_expand(D0, Added) when D0#dict.size + Added > D0#dict.exp_size ->
    D = maybe_expand_segments(D0),
    N = D#dict.n + 1,
    Segs0 = D#dict.segs,
    Slot1 = N - D#dict.bso,
    [B1 | B2] = rehash(get_bucket(Segs0, Slot1), Slot1, N, D#dict.maxn),
    Segs1 = put_bucket(put_bucket(Segs0, Slot1, B1), N, B2),
    D#dict{size = D#dict.size + Added, n = N, exp_size = N * ?EXPAND_LOAD,
           con_size = N * ?CONTRACT_LOAD, segs = Segs1};
maybe_expand(D, Added) -> D#dict{size = D#dict.size + Added}.

maybe_expand_segments(D) when D#dict.n =:= D#dict.maxn ->
    D#dict{maxn = 2 * D#dict.maxn, bso = 2 * D#dict.bso,
           segs = expand_segments(D#dict.segs, D#dict.empty)};
maybe_expand_segments(D) -> D.

%% Below the load limit (and above one segment), the last slot's bucket
%% joins its buddy's.
maybe_contract(D, Removed) when D#dict.size - Removed < D#dict.con_size,
                                D#dict.n > ?SEG_SIZE ->
    N = D#dict.n,
    Slot1 = N - D#dict.bso,
    Segs0 = D#dict.segs,
    Joined = get_bucket(Segs0, Slot1) ++ get_bucket(Segs0, N),
    Segs1 = put_bucket(put_bucket(Segs0, Slot1, Joined), N, []),
    N1 = N - 1,
    maybe_contract_segments(D#dict{size = D#dict.size - Removed, n = N1,
                                   exp_size = N1 * ?EXPAND_LOAD,
                                   con_size = N1 * ?CONTRACT_LOAD, segs = Segs1});
maybe_contract(D, Removed) -> D#dict{size = D#dict.size - Removed}.

maybe_contract_segments(D) when D#dict.n =:= D#dict.bso ->
    D#dict{maxn = D#dict.maxn div 2, bso = D#dict.bso div 2,
           segs = contract_segments(D#dict.segs)};
maybe_contract_segments(D) -> D.

%% Splits a bucket into [Bucket1 | Bucket2], keeping each entry's order.
rehash([[Key | _] = Entry | T], Slot1, Slot2, MaxN) ->
    [L1 | L2] = rehash(T, Slot1, Slot2, MaxN),
    case erlang:phash(Key, MaxN) of
        Slot1 -> [[Entry | L1] | L2];
        Slot2 -> [L1 | [Entry | L2]]
    end;
rehash([], _, _, _) -> [[] | []].

%% The segment tuple doubles (new segments are the shared empty one) and
%% halves.
expand_segments(Segs, Empty) ->
    list_to_tuple(tuple_to_list(Segs) ++ lists:duplicate(tuple_size(Segs), Empty)).

contract_segments(Segs) ->
    list_to_tuple(lists:sublist(tuple_to_list(Segs), 1, tuple_size(Segs) div 2)).
