%% Elixir's BadBooleanError ({badbool, Op, V}).
-module('Elixir.BadBooleanError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).
-struct([term, operator]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.BadBooleanError', '__exception__' => true}, #{term => nil, operator => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{operator := Op, term := Term}) -> <<"expected a boolean on left-side of \"", (atom_to_binary(Op))/binary, "\", got: ", ('Elixir.Kernel':inspect(Term))/binary>>.
