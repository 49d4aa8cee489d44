%% The corpus driver for exercism's collatz_conjecture exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_collatz_conjecture).
-export([main/0]).

main() ->
    show("example:steps(1)", example:steps(1)),
    show("example:steps(16)", example:steps(16)),
    show("example:steps(1000000)", example:steps(1000000)),
    show("example:steps(0)", attempt(fun() -> example:steps(0) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
