%% The corpus driver for exercism's hamming exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_hamming).
-export([main/0]).

main() ->
    show("example:distance(\"GAGCCTACTAACGGGAT\", \"CATCGTAATGACGGCCT\")", example:distance("GAGCCTACTAACGGGAT", "CATCGTAATGACGGCCT")),
    show("example:distance(\"\", \"\")", example:distance("", "")),
    show("example:distance(\"AATG\", \"AAA\")", example:distance("AATG", "AAA")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
