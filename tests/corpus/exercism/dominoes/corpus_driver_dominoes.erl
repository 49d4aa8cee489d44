%% The corpus driver for exercism's dominoes exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_dominoes).
-export([main/0]).

main() ->
    show("example:can_chain([])", example:can_chain([])),
    show("example:can_chain([{1, 1}])", example:can_chain([{1, 1}])),
    show("example:can_chain([{1, 2}, {3, 1}, {2, 3}])", example:can_chain([{1, 2}, {3, 1}, {2, 3}])),
    show("example:can_chain([{1, 2}, {4, 1}, {2, 3}])", example:can_chain([{1, 2}, {4, 1}, {2, 3}])),
    show("example:can_chain([{1, 2}, {2, 3}, {3, 1}, {2, 4}, {2, 4}])", example:can_chain([{1, 2}, {2, 3}, {3, 1}, {2, 4}, {2, 4}])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
