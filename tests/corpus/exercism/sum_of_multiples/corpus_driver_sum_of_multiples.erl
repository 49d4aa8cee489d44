%% The corpus driver for exercism's sum_of_multiples exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_sum_of_multiples).
-export([main/0]).

main() ->
    show("example:sum([3, 5], 10)", example:sum([3, 5], 10)),
    show("example:sum([7, 13, 17], 20)", example:sum([7, 13, 17], 20)),
    show("example:sum([0], 3)", example:sum([0], 3)),
    show("example:sum([2, 3, 5, 7, 11], 10000)", example:sum([2, 3, 5, 7, 11], 10000)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
