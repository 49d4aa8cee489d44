%% The corpus driver for exercism's custom_set exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_custom_set).
-export([main/0]).

main() ->
    S = example:from_list([1, 2, 3]), T = example:from_list([2, 3, 4]),
    show("example:contains(2, S)", example:contains(2, S)),
    show("example:contains(5, S)", example:contains(5, S)),
    show("example:empty(example:from_list([]))", example:empty(example:from_list([]))),
    show("example:subset(example:from_list([2, 3]), T)", example:subset(example:from_list([2, 3]), T)),
    show("example:disjoint(S, example:from_list([7, 8]))", example:disjoint(S, example:from_list([7, 8]))),
    show("example:equal(example:add(4, S), example:union(S, T))", example:equal(example:add(4, S), example:union(S, T))),
    show("example:intersection(S, T)", example:intersection(S, T)),
    show("example:difference(S, T)", example:difference(S, T)),
    show("example:union(S, T)", example:union(S, T)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
