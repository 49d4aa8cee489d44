%% The corpus driver for exercism's rational_numbers exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_rational_numbers).
-export([main/0]).

main() ->
    show("example:add({1, 2}, {2, 3})", example:add({1, 2}, {2, 3})),
    show("example:sub({1, 2}, {2, 3})", example:sub({1, 2}, {2, 3})),
    show("example:mul({-1, 2}, {2, 3})", example:mul({-1, 2}, {2, 3})),
    show("example:divide({1, 2}, {-2, 3})", example:divide({1, 2}, {-2, 3})),
    show("example:absolute({-3, 4})", example:absolute({-3, 4})),
    show("example:exp({-2, 3}, 3)", example:exp({-2, 3}, 3)),
    show("example:exp({3, 5}, -2)", example:exp({3, 5}, -2)),
    show("example:exp(8, {4, 3})", example:exp(8, {4, 3})),
    show("example:reduce({-4, -6})", example:reduce({-4, -6})),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
