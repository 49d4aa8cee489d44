%% The corpus driver for exercism's etl exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_etl).
-export([main/0]).

main() ->
    show("example:transform([{1, [\"A\", \"E\"]}, {2, [\"D\", \"G\"]}])", example:transform([{1, ["A", "E"]}, {2, ["D", "G"]}])),
    show("example:transform([{1, [\"A\"]}, {3, [\"B\", \"C\"]}, {10, [\"Z\"]}])", example:transform([{1, ["A"]}, {3, ["B", "C"]}, {10, ["Z"]}])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
