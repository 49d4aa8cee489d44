%% The corpus driver for exercism's prime_factors exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_prime_factors).
-export([main/0]).

main() ->
    show("example:factors(1)", example:factors(1)),
    show("example:factors(60)", example:factors(60)),
    show("example:factors(901255)", example:factors(901255)),
    show("example:factors(93819012551)", example:factors(93819012551)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
