%% The corpus driver for Learn You Some Erlang's guards.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_guards).
-export([main/0]).

main() ->
    show("[guards:old_enough(A) || A <- [10, 16, 60]]", [guards:old_enough(A) || A <- [10, 16, 60]]),
    show("[guards:right_age(A) || A <- [10, 16, 104, 105]]", [guards:right_age(A) || A <- [10, 16, 104, 105]]),
    show("[guards:wrong_age(A) || A <- [10, 16, 104, 105]]", [guards:wrong_age(A) || A <- [10, 16, 104, 105]]),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
