%% The corpus driver for exercism's book_store exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_book_store).
-export([main/0]).

main() ->
    show("example:total([])", example:total([])),
    show("example:total([1])", example:total([1])),
    show("example:total([1, 2])", example:total([1, 2])),
    show("example:total([1, 1, 2, 2, 3, 3, 4, 5])", example:total([1, 1, 2, 2, 3, 3, 4, 5])),
    show("example:total([1, 1, 2, 3, 4, 4, 5, 5])", example:total([1, 1, 2, 3, 4, 4, 5, 5])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
