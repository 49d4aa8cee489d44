%% The corpus driver for exercism's space_age exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_space_age).
-export([main/0]).

main() ->
    show("example:age(earth, 1000000000)", example:age(earth, 1000000000)),
    show("example:age(mercury, 2134835688)", example:age(mercury, 2134835688)),
    show("example:age(neptune, 1821023456)", example:age(neptune, 1821023456)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
