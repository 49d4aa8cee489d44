%% The corpus driver for exercism's two_fer exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_two_fer).
-export([main/0]).

main() ->
    io:format("~s~n", [example:two_fer()]),
    io:format("~s~n", [example:two_fer("Alice")]),
    show("lists:flatten(example:two_fer(\"Bob\"))", lists:flatten(example:two_fer("Bob"))),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
