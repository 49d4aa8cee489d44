%% The corpus driver for exercism's sieve exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_sieve).
-export([main/0]).

main() ->
    show("example:primes(1)", example:primes(1)),
    show("example:primes(2)", example:primes(2)),
    show("example:primes(100)", example:primes(100)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
