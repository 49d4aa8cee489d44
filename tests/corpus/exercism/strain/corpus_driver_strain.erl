%% The corpus driver for exercism's strain exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_strain).
-export([main/0]).

main() ->
    show("example:keep(fun(X) -> X rem 2 =:= 0 end, lists:seq(1, 10))", example:keep(fun(X) -> X rem 2 =:= 0 end, lists:seq(1, 10))),
    show("example:discard(fun(X) -> X rem 2 =:= 0 end, lists:seq(1, 10))", example:discard(fun(X) -> X rem 2 =:= 0 end, lists:seq(1, 10))),
    show("example:keep(fun(W) -> hd(W) =:= $z end, [\"zebra\", \"apple\", \"zoo\"])", example:keep(fun(W) -> hd(W) =:= $z end, ["zebra", "apple", "zoo"])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
