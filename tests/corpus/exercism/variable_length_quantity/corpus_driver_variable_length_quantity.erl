%% The corpus driver for exercism's variable_length_quantity exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_variable_length_quantity).
-export([main/0]).

main() ->
    show("example:encode([0])", example:encode([0])),
    show("example:encode([16#40, 16#7f, 16#80, 16#2000])", example:encode([16#40, 16#7f, 16#80, 16#2000])),
    show("example:encode([16#3fff, 16#4000, 16#fffffff])", example:encode([16#3fff, 16#4000, 16#fffffff])),
    show("example:decode([16#c0, 16#0])", example:decode([16#c0, 16#0])),
    show("example:decode([16#ff, 16#ff, 16#ff, 16#7f])", example:decode([16#ff, 16#ff, 16#ff, 16#7f])),
    show("example:decode([16#ff])", example:decode([16#ff])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
