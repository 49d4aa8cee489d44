%% The corpus driver for Learn You Some Erlang's cards.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_cards).
-export([main/0]).

main() ->
    show("cards:kind({spades, 7})", cards:kind({spades, 7})),
    show("cards:kind({hearts, k})", cards:kind({hearts, k})),
    show("cards:main()", cards:main()),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
