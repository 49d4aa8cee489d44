%% The corpus driver for exercism's eliuds_eggs exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_eliuds_eggs).
-export([main/0]).

main() ->
    show("example:egg_count(0)", example:egg_count(0)),
    show("example:egg_count(16)", example:egg_count(16)),
    show("example:egg_count(89)", example:egg_count(89)),
    show("example:egg_count(2000000000)", example:egg_count(2000000000)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
