%% The corpus driver for exercism's spiral_matrix exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_spiral_matrix).
-export([main/0]).

main() ->
    show("example:make(0)", example:make(0)),
    show("example:make(1)", example:make(1)),
    show("example:make(3)", example:make(3)),
    show("example:make(4)", example:make(4)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
