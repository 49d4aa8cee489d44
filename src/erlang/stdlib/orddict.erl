%% The `orddict` module: a dictionary as a list of {Key, Value} pairs
%% sorted by key, as OTP 25's orddict.erl keeps it (so it prints as there).
%% Keys compare with == and <: 1 and 1.0 are one key. Walks use an
%% accumulator and lists:reverse/2, so a long dictionary costs heap, not
%% stack frames.

new() -> [].

is_key(Key, [{K, _} | _]) when Key < K -> false;
is_key(Key, [{K, _} | Dict]) when Key > K -> is_key(Key, Dict);
is_key(_, [{_, _} | _]) -> true;
is_key(_, []) -> false.

to_list(Dict) -> Dict.

from_list([]) -> [];
from_list([{_, _}] = Pair) -> Pair;
%% OTP's lists:ukeysort(1, reverse_pairs(Pairs, [])): sorted by key, and
%% of pairs whose keys compare equal the last given wins.
from_list(Pairs) -> first_of_each_key(lists:keysort(1, reverse_pairs(Pairs, [])), []).

reverse_pairs([{_, _} = H | T], Acc) -> reverse_pairs(T, [H | Acc]);
reverse_pairs([], Acc) -> Acc.

first_of_each_key([{K1, _} = E, {K2, _} | T], Acc) when K1 == K2 -> first_of_each_key([E | T], Acc);
first_of_each_key([E | T], Acc) -> first_of_each_key(T, [E | Acc]);
first_of_each_key([], Acc) -> lists:reverse(Acc).

size(D) -> length(D).

is_empty([]) -> true;
is_empty([_ | _]) -> false.

fetch(Key, [{K, _} | Dict]) when Key > K -> fetch(Key, Dict);
fetch(Key, [{K, Value} | _]) when Key == K -> Value.

find(Key, [{K, _} | _]) when Key < K -> error;
find(Key, [{K, _} | Dict]) when Key > K -> find(Key, Dict);
find(_, [{_, Value} | _]) -> {ok, Value};
find(_, []) -> error.

fetch_keys(Dict) -> lists:map(fun({K, _}) -> K end, Dict).

erase(Key, Dict) -> erase_(Key, Dict, []).

erase_(Key, [{K, _} | _] = Dict, Acc) when Key < K -> lists:reverse(Acc, Dict);
erase_(Key, [{K, _} = E | Dict], Acc) when Key > K -> erase_(Key, Dict, [E | Acc]);
erase_(_, [{_, _} | Dict], Acc) -> lists:reverse(Acc, Dict);
erase_(_, [], Acc) -> lists:reverse(Acc).

take(Key, Dict) -> take_(Key, Dict, []).

take_(Key, [{K, _} | _], _) when Key < K -> error;
take_(Key, [{K, _} = E | Dict], Acc) when Key > K -> take_(Key, Dict, [E | Acc]);
take_(_, [{_, Value} | Dict], Acc) -> {Value, lists:reverse(Acc, Dict)};
take_(_, [], _) -> error.

store(Key, New, Dict) -> store_(Key, New, Dict, []).

store_(Key, New, [{K, _} | _] = Dict, Acc) when Key < K -> lists:reverse(Acc, [{Key, New} | Dict]);
store_(Key, New, [{K, _} = E | Dict], Acc) when Key > K -> store_(Key, New, Dict, [E | Acc]);
store_(Key, New, [{_, _} | Dict], Acc) -> lists:reverse(Acc, [{Key, New} | Dict]);
store_(Key, New, [], Acc) -> lists:reverse(Acc, [{Key, New}]).

append(Key, New, Dict) -> append_list(Key, [New], Dict).

append_list(Key, NewList, Dict) -> append_(Key, NewList, Dict, []).

append_(Key, New, [{K, _} | _] = Dict, Acc) when Key < K -> lists:reverse(Acc, [{Key, New} | Dict]);
append_(Key, New, [{K, _} = E | Dict], Acc) when Key > K -> append_(Key, New, Dict, [E | Acc]);
append_(Key, New, [{_, Old} | Dict], Acc) -> lists:reverse(Acc, [{Key, Old ++ New} | Dict]);
append_(Key, New, [], Acc) -> lists:reverse(Acc, [{Key, New}]).

update(Key, Fun, Dict) -> update_(Key, Fun, Dict, []).

update_(Key, Fun, [{K, _} = E | Dict], Acc) when Key > K -> update_(Key, Fun, Dict, [E | Acc]);
update_(Key, Fun, [{K, Value} | Dict], Acc) when Key == K -> lists:reverse(Acc, [{Key, Fun(Value)} | Dict]).

update(Key, Fun, Init, Dict) -> update_(Key, Fun, Init, Dict, []).

update_(Key, _, Init, [{K, _} | _] = Dict, Acc) when Key < K -> lists:reverse(Acc, [{Key, Init} | Dict]);
update_(Key, Fun, Init, [{K, _} = E | Dict], Acc) when Key > K -> update_(Key, Fun, Init, Dict, [E | Acc]);
update_(Key, Fun, _, [{_, Value} | Dict], Acc) -> lists:reverse(Acc, [{Key, Fun(Value)} | Dict]);
update_(Key, _, Init, [], Acc) -> lists:reverse(Acc, [{Key, Init}]).

update_counter(Key, Incr, Dict) -> update(Key, fun(V) -> V + Incr end, Incr, Dict).

fold(F, Acc, [{Key, Value} | Dict]) -> fold(F, F(Key, Value, Acc), Dict);
fold(F, Acc, []) when is_function(F, 3) -> Acc.

map(F, Dict) when is_function(F, 2) -> map_(F, Dict, []).

map_(F, [{Key, Value} | Dict], Acc) -> map_(F, Dict, [{Key, F(Key, Value)} | Acc]);
map_(_, [], Acc) -> lists:reverse(Acc).

filter(F, Dict) when is_function(F, 2) -> filter_(F, Dict, []).

filter_(F, [{Key, Value} = E | Dict], Acc) ->
    case F(Key, Value) of
        true -> filter_(F, Dict, [E | Acc]);
        false -> filter_(F, Dict, Acc)
    end;
filter_(_, [], Acc) -> lists:reverse(Acc).

merge(F, D1, D2) when is_function(F, 3) -> merge_(F, D1, D2, []).

merge_(F, [{K1, _} = E1 | D1], [{K2, _} | _] = D2, Acc) when K1 < K2 -> merge_(F, D1, D2, [E1 | Acc]);
merge_(F, [{K1, _} | _] = D1, [{K2, _} = E2 | D2], Acc) when K1 > K2 -> merge_(F, D1, D2, [E2 | Acc]);
merge_(F, [{K1, V1} | D1], [{_, V2} | D2], Acc) -> merge_(F, D1, D2, [{K1, F(K1, V1, V2)} | Acc]);
merge_(_, [], D2, Acc) -> lists:reverse(Acc, D2);
merge_(_, D1, [], Acc) -> lists:reverse(Acc, D1).
