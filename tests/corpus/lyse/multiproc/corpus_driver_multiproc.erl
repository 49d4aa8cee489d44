%% The corpus driver for Learn You Some Erlang's multiproc.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_multiproc).
-export([main/0]).

main() ->
    self() ! {15, high}, self() ! {7, low}, self() ! {1, low}, self() ! {17, high},
    show("multiproc:important()", multiproc:important()),
    self() ! a, self() ! b,
    show("multiproc:flush()", multiproc:flush()),
    show("multiproc:sleep(10)", multiproc:sleep(10)),
    show("multiproc:normal()", multiproc:normal()),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
