%% The corpus driver for exercism's clock exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_clock).
-export([main/0]).

main() ->
    show("example:to_string(example:create(8, 0))", example:to_string(example:create(8, 0))),
    show("example:to_string(example:create(25, 160))", example:to_string(example:create(25, 160))),
    show("example:to_string(example:create(-1, -40))", example:to_string(example:create(-1, -40))),
    show("example:to_string(example:minutes_add(example:create(23, 59), 2))", example:to_string(example:minutes_add(example:create(23, 59), 2))),
    show("example:is_equal(example:create(15, 37), example:create(-9, 37))", example:is_equal(example:create(15, 37), example:create(-9, 37))),
    show("example:is_equal(example:create(15, 36), example:create(15, 37))", example:is_equal(example:create(15, 36), example:create(15, 37))),
    show("example:create(10, 3)", example:create(10, 3)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
