%% The corpus driver for exercism's protein_translation exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_protein_translation).
-export([main/0]).

main() ->
    show("example:proteins(\"AUGUUUUGG\")", example:proteins("AUGUUUUGG")),
    show("example:proteins(\"UGGUGUUAUUAAUGGUUU\")", example:proteins("UGGUGUUAUUAAUGGUUU")),
    show("example:proteins(\"AUGU\")", example:proteins("AUGU")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
