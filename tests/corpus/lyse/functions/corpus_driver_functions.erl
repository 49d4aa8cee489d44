%% The corpus driver for Learn You Some Erlang's functions.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_functions).
-export([main/0]).

main() ->
    show("functions:head([1, 2, 3, 4])", functions:head([1, 2, 3, 4])),
    show("functions:second([1, 2, 3, 4])", functions:second([1, 2, 3, 4])),
    show("functions:same(a, a)", functions:same(a, a)),
    show("functions:same(a, b)", functions:same(a, b)),
    show("functions:valid_time({{2011, 09, 06}, {09, 04, 43}})", functions:valid_time({{2011, 09, 06}, {09, 04, 43}})),
    show("functions:valid_time({{2011, 09, 06}, {09, 04}})", functions:valid_time({{2011, 09, 06}, {09, 04}})),
    show("functions:head([])", attempt(fun() -> functions:head([]) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
