%% The corpus driver for Learn You Some Erlang's hhfuns.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_hhfuns).
-export([main/0]).

main() ->
    show("hhfuns:add(fun hhfuns:one/0, fun hhfuns:two/0)", hhfuns:add(fun hhfuns:one/0, fun hhfuns:two/0)),
    show("hhfuns:map(fun hhfuns:incr/1, [1, 2, 3, 4, 5])", hhfuns:map(fun hhfuns:incr/1, [1, 2, 3, 4, 5])),
    show("hhfuns:map(fun hhfuns:decr/1, [1, 2, 3, 4, 5])", hhfuns:map(fun hhfuns:decr/1, [1, 2, 3, 4, 5])),
    show("{hhfuns:increment([1, 2]), hhfuns:decrement([1, 2])}", {hhfuns:increment([1, 2]), hhfuns:decrement([1, 2])}),
    show("hhfuns:base1(3)", hhfuns:base1(3)),
    show("hhfuns:base2()", attempt(fun() -> hhfuns:base2() end)),
    show("hhfuns:base3()", hhfuns:base3()),
    show("hhfuns:b(hhfuns:a())", hhfuns:b(hhfuns:a())),
    show("hhfuns:even([1, 2, 3, 4, 5, 6, 7, 8])", hhfuns:even([1, 2, 3, 4, 5, 6, 7, 8])),
    show("hhfuns:old_men([{male, 45}, {female, 67}, {male, 66}, {female, 12}, {male, 73}])", hhfuns:old_men([{male, 45}, {female, 67}, {male, 66}, {female, 12}, {male, 73}])),
    show("hhfuns:filter(fun(X) -> X rem 3 =:= 0 end, lists:seq(1, 20))", hhfuns:filter(fun(X) -> X rem 3 =:= 0 end, lists:seq(1, 20))),
    show("{hhfuns:max([3, 9, 2]), hhfuns:min([3, 9, 2]), hhfuns:sum([3, 9, 2])}", {hhfuns:max([3, 9, 2]), hhfuns:min([3, 9, 2]), hhfuns:sum([3, 9, 2])}),
    show("hhfuns:fold(fun(A, B) when A > B -> A; (_, B) -> B end, 0, [1, 7, 3, 5])", hhfuns:fold(fun(A, B) when A > B -> A; (_, B) -> B end, 0, [1, 7, 3, 5])),
    show("hhfuns:reverse([1, 2, 3])", hhfuns:reverse([1, 2, 3])),
    show("hhfuns:map2(fun(X) -> X * X end, [1, 2, 3])", hhfuns:map2(fun(X) -> X * X end, [1, 2, 3])),
    show("hhfuns:filter2(fun(X) -> X > 2 end, [1, 2, 3, 4])", hhfuns:filter2(fun(X) -> X > 2 end, [1, 2, 3, 4])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
