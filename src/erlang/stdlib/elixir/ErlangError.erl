%% Elixir's ErlangError: an Erlang reason Elixir has no struct for.
-module('Elixir.ErlangError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).
-struct([original, reason]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.ErlangError', '__exception__' => true}, #{original => nil, reason => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{original := Original}) -> <<"Erlang error: ", ('Elixir.Kernel':inspect(Original))/binary>>.
