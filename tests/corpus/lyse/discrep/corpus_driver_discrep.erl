%% The corpus driver for Learn You Some Erlang's discrep.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_discrep).
-export([main/0]).

main() ->
    show("discrep1:run()", attempt(fun() -> discrep1:run() end)),
    show("discrep2:run()", attempt(fun() -> discrep2:run() end)),
    show("discrep3:run()", attempt(fun() -> discrep3:run() end)),
    show("discrep4:run()", attempt(fun() -> discrep4:run() end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
