%% The corpus driver for exercism's secret_handshake exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_secret_handshake).
-export([main/0]).

main() ->
    show("example:commands(1)", example:commands(1)),
    show("example:commands(3)", example:commands(3)),
    show("example:commands(19)", example:commands(19)),
    show("example:commands(31)", example:commands(31)),
    show("example:commands(0)", example:commands(0)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
