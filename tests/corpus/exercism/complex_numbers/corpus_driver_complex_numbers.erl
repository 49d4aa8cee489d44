%% The corpus driver for exercism's complex_numbers exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_complex_numbers).
-export([main/0]).

main() ->
    A = example:new(1, 2), B = example:new(3, -4),
    show("example:add(A, B)", example:add(A, B)),
    show("example:sub(A, B)", example:sub(A, B)),
    show("example:mul(A, B)", example:mul(A, B)),
    show("example:divide(A, B)", example:divide(A, B)),
    show("example:abs(B)", example:abs(B)),
    show("example:conjugate(A)", example:conjugate(A)),
    show("example:real(A)", example:real(A)),
    show("example:imaginary(B)", example:imaginary(B)),
    show("example:equal(example:exp(example:new(0, math:pi())), example:new(-1, 0))", example:equal(example:exp(example:new(0, math:pi())), example:new(-1, 0))),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
