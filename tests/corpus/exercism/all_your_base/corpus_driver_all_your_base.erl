%% The corpus driver for exercism's all_your_base exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_all_your_base).
-export([main/0]).

main() ->
    show("example:rebase([1, 0, 1, 0, 1, 0], 2, 10)", example:rebase([1, 0, 1, 0, 1, 0], 2, 10)),
    show("example:rebase([4, 2], 10, 2)", example:rebase([4, 2], 10, 2)),
    show("example:rebase([3, 46, 60], 97, 73)", example:rebase([3, 46, 60], 97, 73)),
    show("example:rebase([], 2, 10)", example:rebase([], 2, 10)),
    show("example:rebase([1], 1, 10)", example:rebase([1], 1, 10)),
    show("example:rebase([2], 2, 10)", example:rebase([2], 2, 10)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
