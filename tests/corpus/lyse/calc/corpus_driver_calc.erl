%% The corpus driver for Learn You Some Erlang's calc.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_calc).
-export([main/0]).

main() ->
    show("calc:rpn(\"3 5 +\")", calc:rpn("3 5 +")),
    show("calc:rpn(\"7 2 -\")", calc:rpn("7 2 -")),
    show("calc:rpn(\"10 4 3 + 2 * -\")", calc:rpn("10 4 3 + 2 * -")),
    show("calc:rpn(\"10 4 3 + 2 * - 2 /\")", calc:rpn("10 4 3 + 2 * - 2 /")),
    show("calc:rpn(\"2 3 ^\")", calc:rpn("2 3 ^")),
    show("calc:rpn(\"10 10 10 20 sum\")", calc:rpn("10 10 10 20 sum")),
    show("calc:rpn(\"10 10 20 0.5 prod\")", calc:rpn("10 10 20 0.5 prod")),
    show("calc:rpn(\"2.7 ln\")", calc:rpn("2.7 ln")),
    show("calc:rpn(\"1000 log10\")", calc:rpn("1000 log10")),
    show("calc:rpn(\"90 34 12 33 55 66 + * - +\")", attempt(fun() -> calc:rpn("90 34 12 33 55 66 + * - +") end)),
    show("calc:rpn_test()", calc:rpn_test()),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
