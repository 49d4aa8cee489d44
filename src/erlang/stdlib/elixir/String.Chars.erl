%% Elixir 1.14's String.Chars protocol, for the types it is implemented
%% for: what string interpolation "a#{x}b" and to_string/1 make of a value.
%% Floats are written in their shortest round-tripping form, as
%% Float.to_string/1 does (the same as Erlang's `~p`).
-module('Elixir.String.Chars').
-export([to_string/1]).

to_string(Term) when is_binary(Term) -> Term;
to_string(nil) -> <<>>;
to_string(Term) when is_atom(Term) -> atom_to_binary(Term);
to_string(Term) when is_integer(Term) -> integer_to_binary(Term);
to_string(Term) when is_float(Term) -> iolist_to_binary(io_lib:format("~p", [Term]));
to_string(Term) when is_list(Term) -> 'Elixir.List':to_string(Term);
to_string(Term) ->
    erlang:error('Elixir.Protocol.UndefinedError':exception([{protocol, 'Elixir.String.Chars'}, {value, Term}])).
