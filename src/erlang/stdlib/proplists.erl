%% The `proplists` module: property lists, where an entry is a tuple whose
%% first element is its key or an atom standing for {Atom, true}, as in
%% OTP 25's proplists.erl; the first entry of a key is the one that
%% counts.

property({Key, true}) when is_atom(Key) -> Key;
property(Property) -> Property.

property(Key, true) when is_atom(Key) -> Key;
property(Key, Value) -> {Key, Value}.

lookup(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> {Key, true};
        tuple_size(P) >= 1, element(1, P) =:= Key -> P;
        true -> lookup(Key, Ps)
    end;
lookup(_, []) -> none.

lookup_all(Key, List) -> lists:filtermap(fun(P) -> entry_of(Key, P) end, List).

entry_of(Key, P) when is_atom(P), P =:= Key -> {true, {Key, true}};
entry_of(Key, P) when tuple_size(P) >= 1, element(1, P) =:= Key -> {true, P};
entry_of(_, _) -> false.

is_defined(Key, List) -> lookup(Key, List) =/= none.

get_value(Key, List) -> get_value(Key, List, undefined).

get_value(Key, [P | Ps], Default) ->
    if
        is_atom(P), P =:= Key -> true;
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} -> Value;
                _ -> Default
            end;
        true -> get_value(Key, Ps, Default)
    end;
get_value(_, [], Default) -> Default.

get_all_values(Key, List) ->
    lists:filtermap(
        fun({K, V}) when K =:= Key -> {true, V};
           (_) -> false
        end,
        List
    ).

append_values(Key, List) ->
    lists:append(
        lists:filtermap(
            fun(P) when is_atom(P), P =:= Key -> {true, [true]};
               ({K, V}) when K =:= Key, is_list(V) -> {true, V};
               ({K, V}) when K =:= Key -> {true, [V]};
               (_) -> false
            end,
            List
        )
    ).

get_bool(Key, List) ->
    case lookup(Key, List) of
        {Key, true} -> true;
        _ -> false
    end.

%% Sorted (OTP lists them in its sets' hash order: the same keys).
get_keys(List) -> lists:usort(lists:filtermap(fun key_of/1, List)).

key_of(P) when is_atom(P) -> {true, P};
key_of(P) when tuple_size(P) >= 1 -> {true, element(1, P)};
key_of(_) -> false.

delete(Key, List) -> lists:filter(fun(P) -> entry_of(Key, P) =:= false end, List).

unfold(List) -> lists:map(fun(P) when is_atom(P) -> {P, true}; (P) -> P end, List).

compact(List) -> lists:map(fun property/1, List).

from_map(Map) -> maps:to_list(Map).

to_map(List) ->
    lists:foldr(
        fun({K, V}, Map) -> Map#{K => V};
           %% A tuple of another size hides the key from get_value/2,3.
           (T, Map) when tuple_size(T) >= 1 -> maps:remove(element(1, T), Map);
           (P, Map) when is_atom(P) -> Map#{P => true};
           (_, Map) -> Map
        end,
        #{},
        List
    ).
