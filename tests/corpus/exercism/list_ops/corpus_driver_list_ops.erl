%% The corpus driver for exercism's list_ops exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_list_ops).
-export([main/0]).

main() ->
    show("example:append([1, 2], [3, 4])", example:append([1, 2], [3, 4])),
    show("example:concat([[1, 2], [3], [], [4, 5, 6]])", example:concat([[1, 2], [3], [], [4, 5, 6]])),
    show("example:filter(fun(X) -> X rem 2 =:= 1 end, [1, 2, 3, 5])", example:filter(fun(X) -> X rem 2 =:= 1 end, [1, 2, 3, 5])),
    show("example:length([a, b, c, d])", example:length([a, b, c, d])),
    show("example:map(fun(X) -> X + 1 end, [1, 3, 5, 7])", example:map(fun(X) -> X + 1 end, [1, 3, 5, 7])),
    show("example:foldl(fun(X, Acc) -> [X | Acc] end, [], [1, 2, 3])", example:foldl(fun(X, Acc) -> [X | Acc] end, [], [1, 2, 3])),
    show("example:foldr(fun(X, Acc) -> [X | Acc] end, [], [1, 2, 3])", example:foldr(fun(X, Acc) -> [X | Acc] end, [], [1, 2, 3])),
    show("example:reverse([1, [2, 3], 4])", example:reverse([1, [2, 3], 4])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
