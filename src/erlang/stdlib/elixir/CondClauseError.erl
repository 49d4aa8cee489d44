%% Elixir's CondClauseError: no cond clause was truthy.
-module('Elixir.CondClauseError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).
-struct([]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.CondClauseError', '__exception__' => true}, #{}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(_) -> <<"no cond clause evaluated to a truthy value">>.
