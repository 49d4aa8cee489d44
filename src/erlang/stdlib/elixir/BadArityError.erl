%% Elixir's BadArityError ({badarity, {Fun, Args}} from Erlang).
-module('Elixir.BadArityError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.BadArityError', '__exception__' => true}, #{function => nil, args => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{function := Fun, args := Args}) ->
    {arity, Arity} = erlang:fun_info(Fun, arity),
    N = length(Args),
    Word = case N of 1 -> <<"argument">>; _ -> <<"arguments">> end,
    Shown = 'Elixir.Enum':map_join(Args, <<", ">>, fun 'Elixir.Kernel':inspect/1),
    <<('Elixir.Kernel':inspect(Fun))/binary, " with arity ", (integer_to_binary(Arity))/binary, " called with ",
      (integer_to_binary(N))/binary, " ", Word/binary, " (", Shown/binary, ")">>.
