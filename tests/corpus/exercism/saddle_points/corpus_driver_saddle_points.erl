%% The corpus driver for exercism's saddle_points exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_saddle_points).
-export([main/0]).

main() ->
    show("example:saddle_points([[9, 8, 7], [5, 3, 2], [6, 6, 7]])", example:saddle_points([[9, 8, 7], [5, 3, 2], [6, 6, 7]])),
    show("example:saddle_points([[4, 5, 4], [3, 5, 5], [1, 5, 4]])", example:saddle_points([[4, 5, 4], [3, 5, 5], [1, 5, 4]])),
    show("example:saddle_points([])", example:saddle_points([])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
