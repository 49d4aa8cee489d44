%% The corpus driver for Learn You Some Erlang's recursive.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_recursive).
-export([main/0]).

main() ->
    show("recursive:fac(20)", recursive:fac(20)),
    show("recursive:tail_fac(25)", recursive:tail_fac(25)),
    show("{recursive:len([a, b, c]), recursive:tail_len(lists:seq(1, 1000))}", {recursive:len([a, b, c]), recursive:tail_len(lists:seq(1, 1000))}),
    show("recursive:duplicate(3, ha)", recursive:duplicate(3, ha)),
    show("recursive:tail_duplicate(4, <<\"x\">>)", recursive:tail_duplicate(4, <<"x">>)),
    show("recursive:reverse([1, 2, 3, 4])", recursive:reverse([1, 2, 3, 4])),
    show("recursive:tail_reverse(\"stressed\")", recursive:tail_reverse("stressed")),
    show("recursive:sublist([1, 2, 3, 4, 5, 6], 3)", recursive:sublist([1, 2, 3, 4, 5, 6], 3)),
    show("recursive:tail_sublist([1, 2, 3, 4, 5, 6], 3)", recursive:tail_sublist([1, 2, 3, 4, 5, 6], 3)),
    show("recursive:zip([a, b, c], [1, 2, 3])", recursive:zip([a, b, c], [1, 2, 3])),
    show("recursive:lenient_zip([a, b, c, d], [1, 2])", recursive:lenient_zip([a, b, c, d], [1, 2])),
    show("recursive:tail_zip([a, b], [1, 2])", recursive:tail_zip([a, b], [1, 2])),
    show("recursive:tail_lenient_zip([a], [1, 2, 3])", recursive:tail_lenient_zip([a], [1, 2, 3])),
    show("recursive:zip([a], [])", attempt(fun() -> recursive:zip([a], []) end)),
    show("recursive:quicksort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])", recursive:quicksort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])),
    show("recursive:lc_quicksort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])", recursive:lc_quicksort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])),
    show("recursive:bestest_qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])", recursive:bestest_qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])),
    show("recursive:quicksort(\"the quick brown fox\")", recursive:quicksort("the quick brown fox")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
