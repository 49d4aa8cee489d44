%% Elixir's FunctionClauseError (function_clause from Erlang).
-module('Elixir.FunctionClauseError').
-export(['__struct__'/0, '__struct__'/1, message/1, exception/1]).
-struct([module, function, arity, kind, args, clauses]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.FunctionClauseError', '__exception__' => true}, #{module => nil, function => nil, arity => nil, kind => nil, args => nil, clauses => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{module := nil}) -> <<"no function clause matches">>;
message(#{module := M, function := F, arity := A}) ->
    <<"no function clause matching in ", ('Elixir.Exception':format_mfa(M, F, A))/binary>>.
