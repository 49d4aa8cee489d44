%% The corpus driver for exercism's queen_attack exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_queen_attack).
-export([main/0]).

main() ->
    show("example:can_attack({2, 4}, {6, 6})", example:can_attack({2, 4}, {6, 6})),
    show("example:can_attack({2, 4}, {2, 6})", example:can_attack({2, 4}, {2, 6})),
    show("example:can_attack({2, 2}, {0, 4})", example:can_attack({2, 2}, {0, 4})),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
