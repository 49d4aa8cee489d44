%% The corpus driver for exercism's darts exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_darts).
-export([main/0]).

main() ->
    show("example:score(-9, 9)", example:score(-9, 9)),
    show("example:score(0, 10)", example:score(0, 10)),
    show("example:score(-5, 0)", example:score(-5, 0)),
    show("example:score(0, -1)", example:score(0, -1)),
    show("example:score(0.8, -0.8)", example:score(0.8, -0.8)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
