%% The corpus driver for exercism's armstrong_numbers exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_armstrong_numbers).
-export([main/0]).

main() ->
    show("[N || N <- lists:seq(1, 1000), example:is_armstrong_number(N)]", [N || N <- lists:seq(1, 1000), example:is_armstrong_number(N)]),
    show("example:is_armstrong_number(9926315)", example:is_armstrong_number(9926315)),
    show("example:is_armstrong_number(9926314)", example:is_armstrong_number(9926314)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
