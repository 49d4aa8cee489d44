%% The corpus driver for exercism's satellite exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_satellite).
-export([main/0]).

main() ->
    show("example:tree_from_traversals([], [])", example:tree_from_traversals([], [])),
    show("example:tree_from_traversals([a], [a])", example:tree_from_traversals([a], [a])),
    show("maps:get(v, example:tree_from_traversals([a, i, x, f, r], [i, a, f, x, r]))", maps:get(v, example:tree_from_traversals([a, i, x, f, r], [i, a, f, x, r]))),
    show("maps:get(l, example:tree_from_traversals([a, i, x, f, r], [i, a, f, x, r]))", maps:get(l, example:tree_from_traversals([a, i, x, f, r], [i, a, f, x, r]))),
    show("example:tree_from_traversals([a, b], [b, c])", attempt(fun() -> example:tree_from_traversals([a, b], [b, c]) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
