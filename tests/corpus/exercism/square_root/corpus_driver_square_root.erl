%% The corpus driver for exercism's square_root exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_square_root).
-export([main/0]).

main() ->
    show("[example:square_root(N) || N <- [1, 4, 25, 81, 196, 65025]]", [example:square_root(N) || N <- [1, 4, 25, 81, 196, 65025]]),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
