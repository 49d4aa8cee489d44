%% The corpus driver for exercism's atbash_cipher exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_atbash_cipher).
-export([main/0]).

main() ->
    show("example:encode(\"yes\")", example:encode("yes")),
    show("example:encode(\"OMG\")", example:encode("OMG")),
    show("example:encode(\"The quick brown fox jumps over the lazy dog.\")", example:encode("The quick brown fox jumps over the lazy dog.")),
    show("example:decode(\"gvhgr mt123 gvhgr mt\")", example:decode("gvhgr mt123 gvhgr mt")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
