%% The corpus driver for exercism's raindrops exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_raindrops).
-export([main/0]).

main() ->
    show("[example:convert(N) || N <- [1, 3, 5, 7, 15]]", [example:convert(N) || N <- [1, 3, 5, 7, 15]]),
    show("[example:convert(N) || N <- [21, 35, 105, 52]]", [example:convert(N) || N <- [21, 35, 105, 52]]),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
