%% Elixir's CaseClauseError ({case_clause, V} from Erlang).
-module('Elixir.CaseClauseError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).
-struct([term]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.CaseClauseError', '__exception__' => true}, #{term => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{term := Term}) -> <<"no case clause matching: ", ('Elixir.Kernel':inspect(Term))/binary>>.
