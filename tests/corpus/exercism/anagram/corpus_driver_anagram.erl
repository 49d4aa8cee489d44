%% The corpus driver for exercism's anagram exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_anagram).
-export([main/0]).

main() ->
    show("example:find_anagrams(\"listen\", [\"enlists\", \"google\", \"inlets\", \"banana\"])", example:find_anagrams("listen", ["enlists", "google", "inlets", "banana"])),
    show("example:find_anagrams(\"Orchestra\", [\"cashregister\", \"Carthorse\", \"radishes\"])", example:find_anagrams("Orchestra", ["cashregister", "Carthorse", "radishes"])),
    show("example:find_anagrams(\"BANANA\", [\"banana\", \"Banana\"])", example:find_anagrams("BANANA", ["banana", "Banana"])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
