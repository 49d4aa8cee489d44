%% The corpus driver for Learn You Some Erlang's exceptions.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_exceptions).
-export([main/0]).

main() ->
    show("exceptions:throws(fun() -> throw(thrown) end)", exceptions:throws(fun() -> throw(thrown) end)),
    show("exceptions:errors(fun() -> throw(thrown) end)", attempt(fun() -> exceptions:errors(fun() -> throw(thrown) end) end)),
    show("exceptions:errors(fun() -> erlang:error(pang) end)", exceptions:errors(fun() -> erlang:error(pang) end)),
    show("exceptions:exits(fun() -> exit(goodbye) end)", exceptions:exits(fun() -> exit(goodbye) end)),
    show("[exceptions:black_knight(fun() -> exceptions:sword(N) end) || N <- [1, 2, 3]]", [exceptions:black_knight(fun() -> exceptions:sword(N) end) || N <- [1, 2, 3]]),
    show("[exceptions:black_knight(fun() -> exceptions:sword(N) end) || N <- [4, 5]]", [exceptions:black_knight(fun() -> exceptions:sword(N) end) || N <- [4, 5]]),
    show("exceptions:black_knight(fun exceptions:talk/0)", exceptions:black_knight(fun exceptions:talk/0)),
    show("exceptions:whoa()", exceptions:whoa()),
    show("exceptions:im_impressed()", exceptions:im_impressed()),
    show("exceptions:catcher(3, 3)", exceptions:catcher(3, 3)),
    show("exceptions:catcher(6, 0)", exceptions:catcher(6, 0)),
    show("catch exceptions:one_or_two(1)", catch exceptions:one_or_two(1)),
    show("catch exceptions:one_or_two(2)", catch exceptions:one_or_two(2)),
    show("exceptions:black_knight(not_a_fun)", attempt(fun() -> exceptions:black_knight(not_a_fun) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
