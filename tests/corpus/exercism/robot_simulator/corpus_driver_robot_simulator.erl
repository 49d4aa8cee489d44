%% The corpus driver for exercism's robot_simulator exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_robot_simulator).
-export([main/0]).

main() ->
    R = example:create(),
    show("example:direction(R)", example:direction(R)),
    example:place(R, north, {7, 3}),
    example:right(R), example:right(R), example:advance(R), example:left(R), example:advance(R), example:left(R),
    show("example:direction(R)", example:direction(R)),
    show("example:position(R)", example:position(R)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
