%% Elixir's KeyError: a key a map or keyword list lacks ({badkey, K} from Erlang).
-module('Elixir.KeyError').
-export(['__struct__'/0, '__struct__'/1, message/1, exception/1]).
-struct([key, term, message]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.KeyError', '__exception__' => true}, #{key => nil, term => nil, message => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{message := Message}) when is_binary(Message) -> Message;
message(#{key := Key, term := nil}) -> <<"key ", ('Elixir.Kernel':inspect(Key))/binary, " not found">>;
message(#{key := Key, term := Term}) ->
    <<"key ", ('Elixir.Kernel':inspect(Key))/binary, " not found in: ", ('Elixir.Kernel':inspect(Term))/binary>>.
