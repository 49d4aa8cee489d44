%% Elixir's MatchError ({badmatch, V} from Erlang).
-module('Elixir.MatchError').
-export(['__struct__'/0, '__struct__'/1, message/1, exception/1]).
-struct([term]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.MatchError', '__exception__' => true}, #{term => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{term := Term}) -> <<"no match of right hand side value: ", ('Elixir.Kernel':inspect(Term))/binary>>.
