%% The corpus driver for exercism's zipper exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_zipper).
-export([main/0]).

main() ->
    T = example:new_tree(1, example:new_tree(2, nil, example:new_tree(3, nil, nil)), example:new_tree(4, nil, nil)),
    Z = example:from_tree(T),
    show("example:value(example:right(example:left(Z)))", example:value(example:right(example:left(Z)))),
    show("example:value(example:up(example:left(Z)))", example:value(example:up(example:left(Z)))),
    show("example:to_tree(example:set_value(example:left(Z), 5))", example:to_tree(example:set_value(example:left(Z), 5))),
    show("example:to_tree(example:set_left(Z, nil))", example:to_tree(example:set_left(Z, nil))),
    show("example:left(example:left(example:left(Z)))", attempt(fun() -> example:left(example:left(example:left(Z))) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
