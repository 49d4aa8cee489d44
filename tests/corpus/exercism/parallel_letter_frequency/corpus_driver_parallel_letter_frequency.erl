%% The corpus driver for exercism's parallel_letter_frequency exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_parallel_letter_frequency).
-export([main/0]).

main() ->
    show("lists:sort(dict:to_list(example:dict([\"abc\", \"bcd\", \"cd\"])))", lists:sort(dict:to_list(example:dict(["abc", "bcd", "cd"])))),
    show("lists:sort(dict:to_list(example:dict([\"Hello\", \"World\"])))", lists:sort(dict:to_list(example:dict(["Hello", "World"])))),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
