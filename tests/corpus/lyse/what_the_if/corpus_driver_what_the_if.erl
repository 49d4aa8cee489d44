%% The corpus driver for Learn You Some Erlang's what_the_if.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_what_the_if).
-export([main/0]).

main() ->
    show("what_the_if:heh_fine()", attempt(fun() -> what_the_if:heh_fine() end)),
    show("what_the_if:oh_god(2)", what_the_if:oh_god(2)),
    show("what_the_if:oh_god(3)", what_the_if:oh_god(3)),
    show("what_the_if:help_me(dog)", what_the_if:help_me(dog)),
    show("what_the_if:help_me(\"it hurts!\")", what_the_if:help_me("it hurts!")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
