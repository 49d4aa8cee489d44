%% Elixir's ArithmeticError, the struct for Erlang's badarith.
-module('Elixir.ArithmeticError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).
-struct([message]).

'__struct__'() -> #{'__struct__' => 'Elixir.ArithmeticError', '__exception__' => true, message => <<"bad argument in arithmetic expression">>}.

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Message) when is_binary(Message) -> exception([{message, Message}]);
exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{message := Message}) -> Message.
