%% The corpus driver for exercism's grade_school exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_grade_school).
-export([main/0]).

main() ->
    S = lists:foldl(fun({N, G}, Acc) -> example:add(N, G, Acc) end, example:new(), [{"Jim", 3}, {"Peter", 2}, {"Anna", 1}, {"Barb", 1}, {"Jim", 2}]),
    show("example:get(S)", example:get(S)),
    show("example:get(1, S)", example:get(1, S)),
    show("example:get(3, S)", example:get(3, S)),
    show("example:get(7, S)", example:get(7, S)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
