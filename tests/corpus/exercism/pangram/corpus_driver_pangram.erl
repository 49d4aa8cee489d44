%% The corpus driver for exercism's pangram exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_pangram).
-export([main/0]).

main() ->
    show("example:is_pangram(\"\")", example:is_pangram("")),
    show("example:is_pangram(\"The quick brown fox jumps over the lazy dog\")", example:is_pangram("The quick brown fox jumps over the lazy dog")),
    show("example:is_pangram(\"a quick movement of the enemy will jeopardize five gunboats\")", example:is_pangram("a quick movement of the enemy will jeopardize five gunboats")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
