%% The corpus driver for exercism's triangle exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_triangle).
-export([main/0]).

main() ->
    show("example:kind(2, 2, 2)", example:kind(2, 2, 2)),
    show("example:kind(3, 4, 4)", example:kind(3, 4, 4)),
    show("example:kind(3, 4, 5)", example:kind(3, 4, 5)),
    show("example:kind(0.5, 0.4, 0.6)", example:kind(0.5, 0.4, 0.6)),
    show("example:kind(0, 0, 0)", example:kind(0, 0, 0)),
    show("example:kind(1, 1, 3)", example:kind(1, 1, 3)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
