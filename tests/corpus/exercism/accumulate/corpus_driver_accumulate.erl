%% The corpus driver for exercism's accumulate exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_accumulate).
-export([main/0]).

main() ->
    show("example:accumulate(fun(X) -> X * X end, [1, 2, 3])", example:accumulate(fun(X) -> X * X end, [1, 2, 3])),
    show("example:accumulate(fun string:to_upper/1, [\"hello\", \"world\"])", example:accumulate(fun string:to_upper/1, ["hello", "world"])),
    show("example:accumulate(fun(X) -> {X} end, [])", example:accumulate(fun(X) -> {X} end, [])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
