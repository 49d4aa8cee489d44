%% The corpus driver for exercism's poker exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_poker).
-export([main/0]).

main() ->
    show("example:best_hands([\"4S 5S 7H 8D JC\"])", example:best_hands(["4S 5S 7H 8D JC"])),
    show("example:best_hands([\"4D 5S 6S 8D 3C\", \"2S 4C 7S 9H 10H\", \"3S 4S 5D 6H JH\"])", example:best_hands(["4D 5S 6S 8D 3C", "2S 4C 7S 9H 10H", "3S 4S 5D 6H JH"])),
    show("example:best_hands([\"4S 5H 4C 8D 4H\", \"10D JH QS KD AC\"])", example:best_hands(["4S 5H 4C 8D 4H", "10D JH QS KD AC"])),
    show("example:best_hands([\"4H 6H 7H 8H 5H\", \"5S 7S 8S 9S 6S\"])", example:best_hands(["4H 6H 7H 8H 5H", "5S 7S 8S 9S 6S"])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
