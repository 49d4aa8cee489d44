%% Elixir 1.14's Keyword: lists of {Atom, Value}, where a key may repeat
%% and the first is the one that counts.
-module('Elixir.Keyword').
-export([new/0, new/1, new/2, get_values/2, fetch/2, 'fetch!'/2, put_new/3,
         delete/2, 'has_key?'/2, values/1, merge/2, update/4, 'update!'/3,
         take/2, drop/2, pop/3, to_list/1, 'keyword?'/1, keys/1, pop/2,
         get/2, put/3, split/2, get/3]).

new() -> [].

%% The last of each key wins, sorted by key, as Elixir 1.14 does.
new(Pairs) -> first_of_each_key(lists:keysort(1, lists:reverse('Elixir.Enum':to_list(Pairs)))).

%% lists:ukeysort/2 on a list already sorted by key (stably).
first_of_each_key([{K, _} = First, {K, _} | Rest]) -> first_of_each_key([First | Rest]);
first_of_each_key([First | Rest]) -> [First | first_of_each_key(Rest)];
first_of_each_key([]) -> [].

new(Pairs, Fun) -> new('Elixir.Enum':map(Pairs, Fun)).

get(Keywords, Key) -> get(Keywords, Key, nil).

get(Keywords, Key, Default) ->
    case lists:keyfind(Key, 1, Keywords) of
        {Key, Value} -> Value;
        false -> Default
    end.

get_values(Keywords, Key) -> [V || {K, V} <- Keywords, K =:= Key].

fetch(Keywords, Key) ->
    case lists:keyfind(Key, 1, Keywords) of
        {Key, Value} -> {ok, Value};
        false -> error
    end.

'fetch!'(Keywords, Key) ->
    case lists:keyfind(Key, 1, Keywords) of
        {Key, Value} -> Value;
        false -> erlang:error('Elixir.KeyError':exception([{key, Key}, {term, Keywords}]))
    end.

put(Keywords, Key, Value) -> [{Key, Value} | delete(Keywords, Key)].

put_new(Keywords, Key, Value) ->
    case lists:keymember(Key, 1, Keywords) of
        true -> Keywords;
        false -> [{Key, Value} | Keywords]
    end.

delete(Keywords, Key) -> [KV || {K, _} = KV <- Keywords, K =/= Key].

'has_key?'(Keywords, Key) -> lists:keymember(Key, 1, Keywords).

keys(Keywords) -> [K || {K, _} <- Keywords].

values(Keywords) -> [V || {_, V} <- Keywords].

merge(A, B) -> [KV || {K, _} = KV <- A, not lists:keymember(K, 1, B)] ++ B.

%% The first occurrence is updated in place and later ones dropped; a
%% missing key is added at the end.
update(Keywords, Key, Default, Fun) -> update_(Keywords, Key, Default, Fun).

update_([], Key, Default, _) -> [{Key, Default}];
update_([{Key, Value} | Rest], Key, _, Fun) -> [{Key, Fun(Value)} | delete(Rest, Key)];
update_([KV | Rest], Key, Default, Fun) -> [KV | update_(Rest, Key, Default, Fun)].

'update!'(Keywords, Key, Fun) ->
    case lists:keymember(Key, 1, Keywords) of
        true -> update(Keywords, Key, nil, Fun);
        false -> erlang:error('Elixir.KeyError':exception([{key, Key}, {term, Keywords}]))
    end.

take(Keywords, Keys) -> [KV || {K, _} = KV <- Keywords, lists:member(K, Keys)].

drop(Keywords, Keys) -> [KV || {K, _} = KV <- Keywords, not lists:member(K, Keys)].

pop(Keywords, Key) -> pop(Keywords, Key, nil).

pop(Keywords, Key, Default) ->
    case fetch(Keywords, Key) of
        {ok, Value} -> {Value, delete(Keywords, Key)};
        error -> {Default, Keywords}
    end.

to_list(Keywords) -> Keywords.

'keyword?'(List) when is_list(List) -> lists:all(fun({K, _}) when is_atom(K) -> true; (_) -> false end, List);
'keyword?'(_) -> false.

split(Keywords, Keys) ->
    lists:partition(fun({K, _}) -> lists:member(K, Keys) end, Keywords).
