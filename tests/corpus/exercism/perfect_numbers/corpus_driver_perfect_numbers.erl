%% The corpus driver for exercism's perfect_numbers exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_perfect_numbers).
-export([main/0]).

main() ->
    show("[example:classify(N) || N <- [1, 6, 12, 28, 33550336]]", [example:classify(N) || N <- [1, 6, 12, 28, 33550336]]),
    show("example:classify(0)", attempt(fun() -> example:classify(0) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
