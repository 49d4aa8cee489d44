%% The corpus driver for exercism's roman_numerals exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_roman_numerals).
-export([main/0]).

main() ->
    show("[example:roman(N) || N <- [1, 4, 9, 27, 48, 1024, 3999]]", [example:roman(N) || N <- [1, 4, 9, 27, 48, 1024, 3999]]),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
