%% Elixir 1.14's List: functions on lists (Enum's are for any enumerable).
-module('Elixir.List').
-export([first/1, first/2, last/2, flatten/1, flatten/2, delete/2,
         delete_at/2, duplicate/2, to_tuple/1, wrap/1, keyfind/4,
         'keymember?'/3, keydelete/3, keyreplace/4, keystore/4, keysort/2,
         foldr/3, insert_at/3, replace_at/3, update_at/3, zip/1,
         'improper?'/1, to_charlist/1, to_atom/1, to_integer/1,
         to_integer/2, to_float/1, 'ascii_printable?'/1, last/1,
         to_string/1, keyfind/3, foldl/3]).

first([]) -> nil;
first([X | _]) -> X.

first([], Default) -> Default;
first([X | _], _) -> X.

last([]) -> nil;
last(List) -> lists:last(List).

last([], Default) -> Default;
last(List, _) -> lists:last(List).

flatten(List) -> lists:flatten(List).

flatten(List, Tail) -> lists:flatten(List, Tail).

delete(List, X) -> lists:delete(X, List).

delete_at(List, Index) ->
    I = case Index < 0 of true -> length(List) + Index; false -> Index end,
    case I >= 0 andalso I < length(List) of
        true -> {Before, [_ | After]} = lists:split(I, List), Before ++ After;
        false -> List
    end.

duplicate(X, N) -> lists:duplicate(N, X).

to_tuple(List) -> list_to_tuple(List).

wrap(nil) -> [];
wrap(List) when is_list(List) -> List;
wrap(X) -> [X].

keyfind(List, Key, Position) -> keyfind(List, Key, Position, nil).

keyfind(List, Key, Position, Default) ->
    case lists:keyfind(Key, Position + 1, List) of
        false -> Default;
        Tuple -> Tuple
    end.

'keymember?'(List, Key, Position) -> lists:keymember(Key, Position + 1, List).

keydelete(List, Key, Position) -> lists:keydelete(Key, Position + 1, List).

keyreplace(List, Key, Position, New) -> lists:keyreplace(Key, Position + 1, List, New).

keystore(List, Key, Position, New) -> lists:keystore(Key, Position + 1, List, New).

keysort(List, Position) -> lists:keysort(Position + 1, List).

foldl(List, Acc, Fun) -> lists:foldl(Fun, Acc, List).

foldr(List, Acc, Fun) -> lists:foldr(Fun, Acc, List).

%% An index past either end puts the value at that end, as Elixir does.
insert_at(List, Index, Value) ->
    Len = length(List),
    I = if
        Index < 0, Len + Index + 1 < 0 -> 0;
        Index < 0 -> Len + Index + 1;
        Index > Len -> Len;
        true -> Index
    end,
    {Before, After} = lists:split(I, List),
    Before ++ [Value | After].

replace_at(List, Index, Value) -> update_at(List, Index, fun(_) -> Value end).

update_at(List, Index, Fun) ->
    I = case Index < 0 of true -> length(List) + Index; false -> Index end,
    case I >= 0 andalso I < length(List) of
        true -> {Before, [X | After]} = lists:split(I, List), Before ++ [Fun(X) | After];
        false -> List
    end.

zip(Lists) -> 'Elixir.Enum':zip(Lists).

'improper?'(List) when is_list(List) -> improper_(List).

improper_([]) -> false;
improper_([_ | T]) when is_list(T) -> improper_(T);
improper_(_) -> true.

%% Chardata (codepoints, binaries, nested) to a UTF-8 binary.
to_string(List) when is_list(List) -> chardata(List, <<>>).

chardata([], Acc) -> Acc;
chardata([C | Rest], Acc) when is_integer(C) -> chardata(Rest, <<Acc/binary, C/utf8>>);
chardata([B | Rest], Acc) when is_binary(B) -> chardata(Rest, <<Acc/binary, B/binary>>);
chardata([L | Rest], Acc) when is_list(L) -> chardata(Rest, chardata(L, Acc));
chardata(B, Acc) when is_binary(B) -> <<Acc/binary, B/binary>>;
chardata(_, _) -> erlang:error(badarg).

to_charlist(List) -> 'Elixir.String':to_charlist(to_string(List)).

to_atom(List) -> list_to_atom(List).

to_integer(List) -> list_to_integer(List).

to_integer(List, Base) -> list_to_integer(List, Base).

to_float(List) -> list_to_float(List).

'ascii_printable?'(List) -> lists:all(fun(C) -> is_integer(C) andalso C >= 32 andalso C =< 126 end, List).
