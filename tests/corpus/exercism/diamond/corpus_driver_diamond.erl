%% The corpus driver for exercism's diamond exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_diamond).
-export([main/0]).

main() ->
    io:format("~s~n", [lists:join("\n", example:rows("A"))]),
    io:format("~s~n", [lists:join("\n", example:rows("E"))]),
    show("example:rows(\"C\")", example:rows("C")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
