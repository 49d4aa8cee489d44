%% The corpus driver for Learn You Some Erlang's oop.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_oop).
-export([main/0]).

main() ->
    Bird = oop:animal("Bird"), Dog = oop:dog("Rex"), Cat = oop:cat("Felix"),
    show("Bird(type)", Bird(type)),
    show("Bird({eat, \"seeds\"})", Bird({eat, "seeds"})),
    show("Bird(fly)", Bird(fly)),
    show("Dog(talk)", Dog(talk)),
    show("Dog(move)", Dog(move)),
    show("Dog({chase, Cat})", Dog({chase, Cat})),
    show("Cat(type)", Cat(type)),
    show("Cat(talk)", Cat(talk)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
