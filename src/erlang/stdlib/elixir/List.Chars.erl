%% Elixir 1.14's List.Chars, the protocol `to_charlist/1` calls: a
%% charlist as it is, anything String.Chars writes as that text's code
%% points (Kernel's to_charlist/1 does the work).
-module('Elixir.List.Chars').
-export([to_charlist/1]).

to_charlist(Term) -> 'Elixir.Kernel':to_charlist(Term).
