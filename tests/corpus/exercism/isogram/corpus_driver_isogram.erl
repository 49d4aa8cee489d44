%% The corpus driver for exercism's isogram exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_isogram).
-export([main/0]).

main() ->
    show("example:is_isogram(\"\")", example:is_isogram("")),
    show("example:is_isogram(\"isogram\")", example:is_isogram("isogram")),
    show("example:is_isogram(\"eleven\")", example:is_isogram("eleven")),
    show("example:is_isogram(\"six-year-old\")", example:is_isogram("six-year-old")),
    show("example:is_isogram(\"Alphabet\")", example:is_isogram("Alphabet")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
