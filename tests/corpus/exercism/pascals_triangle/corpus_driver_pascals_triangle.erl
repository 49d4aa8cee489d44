%% The corpus driver for exercism's pascals_triangle exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_pascals_triangle).
-export([main/0]).

main() ->
    show("example:rows(0)", example:rows(0)),
    show("example:rows(1)", example:rows(1)),
    show("example:rows(6)", example:rows(6)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
