%% The corpus driver for exercism's rotational_cipher exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_rotational_cipher).
-export([main/0]).

main() ->
    show("example:encrypt(\"The quick brown fox jumps over the lazy dog.\", 13)", example:encrypt("The quick brown fox jumps over the lazy dog.", 13)),
    show("example:decrypt(\"Gzo'n zvo, Bmviyhv!\", 21)", example:decrypt("Gzo'n zvo, Bmviyhv!", 21)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
