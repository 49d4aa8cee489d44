%% The corpus driver for exercism's simple_linked_list exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_simple_linked_list).
-export([main/0]).

main() ->
    L = example:from_native_list([1, 2, 3]),
    show("L", L),
    show("example:count(L)", example:count(L)),
    show("example:head(L)", example:head(L)),
    show("example:tail(L)", example:tail(L)),
    show("example:to_native_list(example:reverse(L))", example:to_native_list(example:reverse(L))),
    show("example:cons(0, example:empty())", example:cons(0, example:empty())),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
