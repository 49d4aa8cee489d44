%% The corpus driver for exercism's grains exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_grains).
-export([main/0]).

main() ->
    show("example:square(1)", example:square(1)),
    show("example:square(32)", example:square(32)),
    show("example:square(64)", example:square(64)),
    show("example:square(65)", example:square(65)),
    show("example:total()", example:total()),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
