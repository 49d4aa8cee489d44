%% The corpus driver for exercism's pythagorean_triplet exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_pythagorean_triplet).
-export([main/0]).

main() ->
    show("example:triplets_with_sum(12)", example:triplets_with_sum(12)),
    show("example:triplets_with_sum(1000)", example:triplets_with_sum(1000)),
    show("lists:sublist(lists:sort(example:triplets_with_sum(840)), 4)", lists:sublist(lists:sort(example:triplets_with_sum(840)), 4)),
    show("length(example:triplets_with_sum(840))", length(example:triplets_with_sum(840))),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
