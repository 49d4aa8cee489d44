%% Elixir's BadArityError ({badarity, {Fun, Args}} from Erlang).
-module('Elixir.BadArityError').
-export(['__struct__'/0, '__struct__'/1, exception/1, message/1]).
-struct([function, args]).

'__struct__'() -> maps:merge(#{'__struct__' => 'Elixir.BadArityError', '__exception__' => true}, #{function => nil, args => nil}).

'__struct__'(Fields) -> 'Elixir.Exception':'$fill'('__struct__'(), Fields).

exception(Fields) when is_list(Fields) -> '__struct__'(Fields).

message(#{function := Fun, args := Args}) ->
    {arity, Arity} = erlang:fun_info(Fun, arity),
    <<('Elixir.Kernel':inspect(Fun))/binary, " with arity ", (integer_to_binary(Arity))/binary,
      " called with ", (called_with(Args))/binary>>.

called_with([]) -> <<"no arguments">>;
called_with([Arg]) -> <<"1 argument (", ('Elixir.Kernel':inspect(Arg))/binary, ")">>;
called_with(Args) ->
    Shown = 'Elixir.Enum':map_join(Args, <<", ">>, fun 'Elixir.Kernel':inspect/1),
    <<(integer_to_binary(length(Args)))/binary, " arguments (", Shown/binary, ")">>.
