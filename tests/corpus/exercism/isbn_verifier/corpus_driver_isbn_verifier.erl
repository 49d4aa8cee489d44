%% The corpus driver for exercism's isbn_verifier exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_isbn_verifier).
-export([main/0]).

main() ->
    show("example:is_valid(\"3-598-21508-8\")", example:is_valid("3-598-21508-8")),
    show("example:is_valid(\"3-598-21508-9\")", example:is_valid("3-598-21508-9")),
    show("example:is_valid(\"3-598-21507-X\")", example:is_valid("3-598-21507-X")),
    show("example:is_valid(\"3598215088\")", example:is_valid("3598215088")),
    show("example:is_valid(\"3-598-2K507-0\")", example:is_valid("3-598-2K507-0")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
