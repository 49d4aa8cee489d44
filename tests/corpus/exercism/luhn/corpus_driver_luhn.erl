%% The corpus driver for exercism's luhn exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_luhn).
-export([main/0]).

main() ->
    show("example:valid(\"1\")", example:valid("1")),
    show("example:valid(\"059\")", example:valid("059")),
    show("example:valid(\"4539 3195 0343 6467\")", example:valid("4539 3195 0343 6467")),
    show("example:valid(\"8273 1232 7352 0569\")", example:valid("8273 1232 7352 0569")),
    show("example:valid(\"055a 444 285\")", example:valid("055a 444 285")),
    show("example:valid(\"091\")", example:valid("091")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
