%% The corpus driver for Learn You Some Erlang's convert.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_convert).
-export([main/0]).

main() ->
    show("convert:convert({a, b})", convert:convert({a, b})),
    show("convert:convert([a, b])", convert:convert([a, b])),
    show("convert:main()", attempt(fun() -> convert:main() end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
