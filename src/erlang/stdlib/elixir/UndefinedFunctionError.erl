%% Elixir's UndefinedFunctionError (undef from Erlang).
-module('Elixir.UndefinedFunctionError').
-export(['__struct__'/0, '__struct__'/1, message/1, exception/1]).
-struct([module, function, arity, reason, message]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.UndefinedFunctionError', '__exception__' => true}, #{module => nil, function => nil, arity => nil, reason => nil, message => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{message := Message}) when is_binary(Message) -> Message;
message(#{module := nil}) -> <<"undefined function">>;
message(#{module := M, function := F, arity := A}) ->
    <<"function ", ('Elixir.Exception':format_mfa(M, F, A))/binary, " is undefined or private">>.
