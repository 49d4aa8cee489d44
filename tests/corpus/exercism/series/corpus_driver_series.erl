%% The corpus driver for exercism's series exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_series).
-export([main/0]).

main() ->
    show("example:slices(1, \"01234\")", example:slices(1, "01234")),
    show("example:slices(3, \"97867564\")", example:slices(3, "97867564")),
    show("example:slices(6, \"12345\")", attempt(fun() -> example:slices(6, "12345") end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
