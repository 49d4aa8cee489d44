%% The corpus driver for Learn You Some Erlang's cases.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_cases).
-export([main/0]).

main() ->
    show("cases:insert(1, [])", cases:insert(1, [])),
    show("cases:insert(2, [1, 3])", cases:insert(2, [1, 3])),
    show("cases:insert(3, [1, 3])", cases:insert(3, [1, 3])),
    show("cases:beach({celsius, 23})", cases:beach({celsius, 23})),
    show("cases:beach({kelvin, 300})", cases:beach({kelvin, 300})),
    show("cases:beach({fahrenheit, 80})", cases:beach({fahrenheit, 80})),
    show("cases:beach({celsius, 80})", cases:beach({celsius, 80})),
    show("cases:beach(cat)", cases:beach(cat)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
