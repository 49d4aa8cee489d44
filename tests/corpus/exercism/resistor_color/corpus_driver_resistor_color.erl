%% The corpus driver for exercism's resistor_color exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_resistor_color).
-export([main/0]).

main() ->
    show("example:colors()", example:colors()),
    show("[example:color_code(C) || C <- [black, orange, white]]", [example:color_code(C) || C <- [black, orange, white]]),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
