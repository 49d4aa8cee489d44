%% Elixir's Enum.EmptyError: Enum.max([]) and the like.
-module('Elixir.Enum.EmptyError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).
-struct([message]).

'__struct__'() -> #{'__struct__' => 'Elixir.Enum.EmptyError', '__exception__' => true, message => <<"empty error">>}.

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Message) when is_binary(Message) -> exception([{message, Message}]);
exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{message := Message}) -> Message.
