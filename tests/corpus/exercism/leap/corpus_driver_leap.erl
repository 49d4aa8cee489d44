%% The corpus driver for exercism's leap exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_leap).
-export([main/0]).

main() ->
    show("[Y || Y <- [1996, 1997, 1900, 2000, 2100, 2400], example:leap_year(Y)]", [Y || Y <- [1996, 1997, 1900, 2000, 2100, 2400], example:leap_year(Y)]),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
