%% The corpus driver for exercism's run_length_encoding exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_run_length_encoding).
-export([main/0]).

main() ->
    show("example:encode(\"WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWB\")", example:encode("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWB")),
    show("example:decode(\"12WB12W3B24WB\")", example:decode("12WB12W3B24WB")),
    show("example:encode(\"  hsqq qww  \")", example:encode("  hsqq qww  ")),
    show("example:decode(example:encode(\"zzz ZZ  zZ\"))", example:decode(example:encode("zzz ZZ  zZ"))),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
