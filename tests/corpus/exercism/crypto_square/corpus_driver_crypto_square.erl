%% The corpus driver for exercism's crypto_square exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_crypto_square).
-export([main/0]).

main() ->
    show("example:ciphertext(\"\")", example:ciphertext("")),
    show("example:ciphertext(\"A\")", example:ciphertext("A")),
    show("example:ciphertext(\"This is fun!\")", example:ciphertext("This is fun!")),
    show("example:ciphertext(\"If man was meant to stay on the ground, god would have given us roots.\")", example:ciphertext("If man was meant to stay on the ground, god would have given us roots.")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
