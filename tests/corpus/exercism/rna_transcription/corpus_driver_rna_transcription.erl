%% The corpus driver for exercism's rna_transcription exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_rna_transcription).
-export([main/0]).

main() ->
    show("example:to_rna(\"ACGTGGTCTTAA\")", example:to_rna("ACGTGGTCTTAA")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
