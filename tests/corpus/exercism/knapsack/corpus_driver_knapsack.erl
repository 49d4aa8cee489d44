%% The corpus driver for exercism's knapsack exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_knapsack).
-export([main/0]).

main() ->
    show("example:maximum_value([], 100)", example:maximum_value([], 100)),
    show("example:maximum_value([example:item(5, 10), example:item(4, 40), example:item(6, 30), example:item(4, 50)], 10)", example:maximum_value([example:item(5, 10), example:item(4, 40), example:item(6, 30), example:item(4, 50)], 10)),
    show("example:maximum_value([example:item(2, 5), example:item(2, 5), example:item(2, 5)], 10)", example:maximum_value([example:item(2, 5), example:item(2, 5), example:item(2, 5)], 10)),
    show("example:item(1, 2)", example:item(1, 2)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
