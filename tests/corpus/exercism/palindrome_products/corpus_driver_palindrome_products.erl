%% The corpus driver for exercism's palindrome_products exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_palindrome_products).
-export([main/0]).

main() ->
    show("example:smallest(1, 9)", example:smallest(1, 9)),
    show("example:largest(1, 9)", example:largest(1, 9)),
    show("example:smallest(10, 99)", example:smallest(10, 99)),
    show("example:largest(10, 99)", example:largest(10, 99)),
    show("example:smallest(1002, 1003)", example:smallest(1002, 1003)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
