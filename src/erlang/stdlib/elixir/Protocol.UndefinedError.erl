%% Elixir's Protocol.UndefinedError: Enum on what is not enumerable, to_string on a tuple.
-module('Elixir.Protocol.UndefinedError').
-export(['__struct__'/0, '__struct__'/1, message/1, exception/1]).
-struct([protocol, value, description]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.Protocol.UndefinedError', '__exception__' => true}, #{protocol => nil, value => nil, description => <<>>}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{protocol := P, value := V, description := D}) ->
    Tail = case D of <<>> -> <<>>; _ -> <<". ", D/binary>> end,
    <<"protocol ", ('Elixir.Kernel':inspect(P))/binary, " not implemented for ", ('Elixir.Kernel':inspect(V))/binary,
      " of type ", ('Elixir.Exception':'$type'(V))/binary, Tail/binary>>.
