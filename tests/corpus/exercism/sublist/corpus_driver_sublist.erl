%% The corpus driver for exercism's sublist exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_sublist).
-export([main/0]).

main() ->
    show("example:relation([], [])", example:relation([], [])),
    show("example:relation([1, 2, 3], [0, 1, 2, 3, 4])", example:relation([1, 2, 3], [0, 1, 2, 3, 4])),
    show("example:relation([0, 1, 2, 3, 4], [2, 3])", example:relation([0, 1, 2, 3, 4], [2, 3])),
    show("example:relation([1, 3], [1, 2, 3])", example:relation([1, 3], [1, 2, 3])),
    show("example:is_equal([1], [1])", example:is_equal([1], [1])),
    show("example:is_unequal([1], [2])", example:is_unequal([1], [2])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
