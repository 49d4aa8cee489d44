%% Elixir's Enum.EmptyError: Enum.max([]) and the like.
-module('Elixir.Enum.EmptyError').

'__struct__'() -> #{'__struct__' => 'Elixir.Enum.EmptyError', '__exception__' => true, message => <<"empty error">>}.

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Message) when is_binary(Message) -> exception([{message, Message}]);
exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{message := Message}) -> Message.
