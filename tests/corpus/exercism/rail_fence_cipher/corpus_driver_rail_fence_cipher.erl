%% The corpus driver for exercism's rail_fence_cipher exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_rail_fence_cipher).
-export([main/0]).

main() ->
    show("example:encode(\"WEAREDISCOVEREDFLEEATONCE\", 3)", example:encode("WEAREDISCOVEREDFLEEATONCE", 3)),
    show("example:decode(\"WECRLTEERDSOEEFEAOCAIVDEN\", 3)", example:decode("WECRLTEERDSOEEFEAOCAIVDEN", 3)),
    show("example:encode(\"EXERCISES\", 4)", example:encode("EXERCISES", 4)),
    show("example:decode(\"133714114238148966225439541018335470986172518171757571896261\", 6)", example:decode("133714114238148966225439541018335470986172518171757571896261", 6)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
