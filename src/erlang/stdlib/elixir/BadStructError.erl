%% Elixir's BadStructError ({badstruct, S, V}).
-module('Elixir.BadStructError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).
-struct([struct, term]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.BadStructError', '__exception__' => true}, #{struct => nil, term => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{struct := S, term := Term}) -> <<"expected a struct named ", ('Elixir.Kernel':inspect(S))/binary, ", got: ", ('Elixir.Kernel':inspect(Term))/binary>>.
