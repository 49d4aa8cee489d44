%% The corpus driver for exercism's allergies exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_allergies).
-export([main/0]).

main() ->
    show("example:allergies(0)", example:allergies(0)),
    show("example:allergies(5)", example:allergies(5)),
    show("example:allergies(255)", example:allergies(255)),
    show("example:is_allergic_to(peanuts, 2)", example:is_allergic_to(peanuts, 2)),
    show("example:is_allergic_to(cats, 2)", example:is_allergic_to(cats, 2)),
    show("example:is_allergic_to(dust, 255)", example:is_allergic_to(dust, 255)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
