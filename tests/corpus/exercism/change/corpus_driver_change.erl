%% The corpus driver for exercism's change exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_change).
-export([main/0]).

main() ->
    show("example:find_fewest_coins(25, [1, 5, 10, 25, 100])", example:find_fewest_coins(25, [1, 5, 10, 25, 100])),
    show("example:find_fewest_coins(15, [1, 5, 10, 21, 25])", example:find_fewest_coins(15, [1, 5, 10, 21, 25])),
    show("example:find_fewest_coins(63, [1, 5, 10, 21, 25])", example:find_fewest_coins(63, [1, 5, 10, 21, 25])),
    show("example:find_fewest_coins(0, [1, 5])", example:find_fewest_coins(0, [1, 5])),
    show("example:find_fewest_coins(3, [5, 10])", example:find_fewest_coins(3, [5, 10])),
    show("example:find_fewest_coins(-5, [1, 2])", attempt(fun() -> example:find_fewest_coins(-5, [1, 2]) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
