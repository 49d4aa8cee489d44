%% Elixir's SystemLimitError, the struct for Erlang's system_limit.
-module('Elixir.SystemLimitError').
-export(['__struct__'/0, '__struct__'/1, message/1, exception/1]).
-struct([message]).

'__struct__'() -> #{'__struct__' => 'Elixir.SystemLimitError', '__exception__' => true, message => <<"a system limit has been reached">>}.

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Message) when is_binary(Message) -> exception([{message, Message}]);
exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{message := Message}) -> Message.
