%% The corpus driver for Learn You Some Erlang's kitchen.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_kitchen).
-export([main/0]).

main() ->
    Pid = kitchen:start([rhubarb, dog, hotdog]),
    show("kitchen:take(Pid, dog)", kitchen:take(Pid, dog)),
    show("kitchen:take(Pid, dog)", kitchen:take(Pid, dog)),
    show("kitchen:store(Pid, water)", kitchen:store(Pid, water)),
    show("kitchen:take2(Pid, water)", kitchen:take2(Pid, water)),
    show("kitchen:store2(Pid, milk)", kitchen:store2(Pid, milk)),
    Pid ! terminate,
    show("kitchen:take2(Pid, milk)", kitchen:take2(Pid, milk)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
