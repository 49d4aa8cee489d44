%% The corpus driver for exercism's scrabble_score exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_scrabble_score).
-export([main/0]).

main() ->
    show("example:score(\"\")", example:score("")),
    show("example:score(\"cabbage\")", example:score("cabbage")),
    show("example:score(\"OxyphenButazone\")", example:score("OxyphenButazone")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
