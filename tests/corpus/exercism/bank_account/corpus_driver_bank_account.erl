%% The corpus driver for exercism's bank_account exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_bank_account).
-export([main/0]).

main() ->
    A = example:create(),
    show("example:balance(A)", example:balance(A)),
    show("example:deposit(A, 100)", example:deposit(A, 100)),
    show("example:deposit(A, -5)", example:deposit(A, -5)),
    show("example:withdraw(A, 30)", example:withdraw(A, 30)),
    show("example:charge(A, 500)", example:charge(A, 500)),
    show("example:charge(A, 20)", example:charge(A, 20)),
    show("example:balance(A)", example:balance(A)),
    show("example:withdraw(A, 1000)", example:withdraw(A, 1000)),
    show("example:close(A)", example:close(A)),
    show("example:balance(A)", example:balance(A)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
