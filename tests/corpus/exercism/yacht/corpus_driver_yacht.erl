%% The corpus driver for exercism's yacht exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_yacht).
-export([main/0]).

main() ->
    show("example:score([5, 5, 5, 5, 5], yacht)", example:score([5, 5, 5, 5, 5], yacht)),
    show("example:score([3, 3, 3, 5, 5], full_house)", example:score([3, 3, 3, 5, 5], full_house)),
    show("example:score([3, 3, 3, 3, 5], four_of_a_kind)", example:score([3, 3, 3, 3, 5], four_of_a_kind)),
    show("example:score([1, 3, 2, 5, 4], little_straight)", example:score([1, 3, 2, 5, 4], little_straight)),
    show("example:score([4, 6, 2, 5, 3], big_straight)", example:score([4, 6, 2, 5, 3], big_straight)),
    show("example:score([3, 3, 5, 6, 6], choice)", example:score([3, 3, 5, 6, 6], choice)),
    show("example:score([1, 1, 2, 4, 6], ones)", example:score([1, 1, 2, 4, 6], ones)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
