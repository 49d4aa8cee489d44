%% The corpus driver for exercism's difference_of_squares exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_difference_of_squares).
-export([main/0]).

main() ->
    show("example:square_of_sum(10)", example:square_of_sum(10)),
    show("example:sum_of_squares(10)", example:sum_of_squares(10)),
    show("example:difference_of_squares(100)", example:difference_of_squares(100)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
