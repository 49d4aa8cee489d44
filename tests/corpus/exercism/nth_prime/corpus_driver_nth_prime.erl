%% The corpus driver for exercism's nth_prime exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_nth_prime).
-export([main/0]).

main() ->
    show("example:prime(1)", example:prime(1)),
    show("example:prime(2)", example:prime(2)),
    show("example:prime(6)", example:prime(6)),
    show("example:prime(1000)", example:prime(1000)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
