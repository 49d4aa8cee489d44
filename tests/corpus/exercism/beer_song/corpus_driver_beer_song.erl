%% The corpus driver for exercism's beer_song exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_beer_song).
-export([main/0]).

main() ->
    io:format("~s", [example:verse(99)]),
    io:format("~s", [example:verse(1)]),
    io:format("~s", [example:sing(3)]),
    io:format("~s", [example:sing(12, 9)]),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
