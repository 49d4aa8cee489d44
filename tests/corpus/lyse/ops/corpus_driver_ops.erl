%% The corpus driver for Learn You Some Erlang's ops.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_ops).
-export([main/0]).

main() ->
    show("ops:add(2, 3)", ops:add(2, 3)),
    show("ops:add(2.5, -1)", ops:add(2.5, -1)),
    show("ops:add(a, 1)", attempt(fun() -> ops:add(a, 1) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
