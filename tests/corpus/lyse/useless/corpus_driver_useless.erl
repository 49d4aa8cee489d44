%% The corpus driver for Learn You Some Erlang's useless.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_useless).
-export([main/0]).

main() ->
    show("useless:add(7, 2)", useless:add(7, 2)),
    show("useless:hello()", useless:hello()),
    show("useless:greet_and_add_two(-3)", useless:greet_and_add_two(-3)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
