%% The corpus driver for exercism's gigasecond exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_gigasecond).
-export([main/0]).

main() ->
    show("example:from({2011, 4, 25})", example:from({2011, 4, 25})),
    show("example:from({{2015, 1, 24}, {22, 0, 0}})", example:from({{2015, 1, 24}, {22, 0, 0}})),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
