%% The corpus driver for Learn You Some Erlang's fifo.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_fifo).
-export([main/0]).

main() ->
    F = fifo:push(fifo:push(fifo:push(fifo:new(), 1), 2), 3),
    show("fifo:empty(F)", fifo:empty(F)),
    show("fifo:pop(F)", fifo:pop(F)),
    show("fifo:empty(fifo:new())", fifo:empty(fifo:new())),
    show("fifo:pop(fifo:new())", attempt(fun() -> fifo:pop(fifo:new()) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
