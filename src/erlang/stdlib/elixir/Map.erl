%% Elixir 1.14's Map, on the VM's maps (a struct is a map too); a
%% missing key in fetch!/update! is Erlang's {badkey, K}, as in Elixir.
-module('Elixir.Map').
-export([new/0, new/1, new/2, get_lazy/3, put/3, put_new/3, put_new_lazy/3,
         delete/2, fetch/2, 'fetch!'/2, 'has_key?'/2, keys/1, values/1,
         to_list/1, merge/2, merge/3, 'update!'/3, 'replace!'/3, replace/3,
         pop/2, pop/3, get_and_update/3, drop/2, split/2, filter/2,
         reject/2, map/2, 'equal?'/2, from_struct/1, take/2, get/2, get/3,
         update/4]).

new() -> #{}.

new(Enum) -> 'Elixir.Enum':into(Enum, #{}).

new(Enum, Fun) -> 'Elixir.Enum':into(Enum, #{}, Fun).

get(Map, Key) -> maps:get(Key, Map, nil).

get(Map, Key, Default) -> maps:get(Key, Map, Default).

get_lazy(Map, Key, Fun) ->
    case maps:find(Key, Map) of
        {ok, Value} -> Value;
        error -> Fun()
    end.

put(Map, Key, Value) -> maps:put(Key, Value, Map).

put_new(Map, Key, Value) ->
    case is_map_key(Key, Map) of
        true -> Map;
        false -> Map#{Key => Value}
    end.

put_new_lazy(Map, Key, Fun) ->
    case is_map_key(Key, Map) of
        true -> Map;
        false -> Map#{Key => Fun()}
    end.

delete(Map, Key) -> maps:remove(Key, Map).

fetch(Map, Key) -> maps:find(Key, Map).

'fetch!'(Map, Key) -> maps:get(Key, Map).

'has_key?'(Map, Key) -> maps:is_key(Key, Map).

keys(Map) -> maps:keys(Map).

values(Map) -> maps:values(Map).

to_list(Map) -> maps:to_list(Map).

merge(A, B) -> maps:merge(A, B).

merge(A, B, Fun) ->
    maps:fold(
        fun(K, V2, Acc) ->
            case maps:find(K, Acc) of
                {ok, V1} -> Acc#{K := Fun(K, V1, V2)};
                error -> Acc#{K => V2}
            end
        end,
        A, B).

update(Map, Key, Default, Fun) ->
    case maps:find(Key, Map) of
        {ok, Value} -> Map#{Key := Fun(Value)};
        error -> maps:put(Key, Default, Map)
    end.

'update!'(Map, Key, Fun) -> maps:update(Key, Fun(erlang:map_get(Key, Map)), Map).

'replace!'(Map, Key, Value) -> maps:update(Key, Value, Map).

replace(Map, Key, Value) ->
    case is_map_key(Key, Map) of
        true -> Map#{Key := Value};
        false -> Map
    end.

pop(Map, Key) -> pop(Map, Key, nil).

pop(Map, Key, Default) ->
    case maps:take(Key, Map) of
        {Value, Rest} -> {Value, Rest};
        error -> {Default, Map}
    end.

get_and_update(Map, Key, Fun) ->
    Current = maps:get(Key, Map, nil),
    case Fun(Current) of
        {Get, New} -> {Get, maps:put(Key, New, Map)};
        pop -> {Current, maps:remove(Key, Map)}
    end.

take(Map, Keys) -> maps:with(Keys, Map).

drop(Map, Keys) -> maps:without(Keys, Map).

split(Map, Keys) -> {maps:with(Keys, Map), maps:without(Keys, Map)}.

filter(Map, Fun) -> maps:from_list([KV || KV <- maps:to_list(Map), truthy(Fun(KV))]).

reject(Map, Fun) -> maps:from_list([KV || KV <- maps:to_list(Map), not truthy(Fun(KV))]).

map(Map, Fun) -> maps:from_list([Fun(KV) || KV <- maps:to_list(Map)]).

'equal?'(A, B) -> A =:= B.

from_struct(Struct) when is_atom(Struct) -> maps:remove('__struct__', Struct:'__struct__'());
from_struct(Struct) -> maps:remove('__struct__', Struct).

truthy(nil) -> false;
truthy(false) -> false;
truthy(_) -> true.
