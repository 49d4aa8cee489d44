%% The corpus driver for exercism's largest_series_product exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_largest_series_product).
-export([main/0]).

main() ->
    show("example:largest_product(\"0123456789\", 2)", example:largest_product("0123456789", 2)),
    show("example:largest_product(\"73167176531330624919225119674426574742355349194934\", 6)", example:largest_product("73167176531330624919225119674426574742355349194934", 6)),
    show("example:largest_product(\"99099\", 3)", example:largest_product("99099", 3)),
    show("example:largest_product(\"123\", 4)", attempt(fun() -> example:largest_product("123", 4) end)),
    show("example:largest_product(\"1234a5\", 2)", attempt(fun() -> example:largest_product("1234a5", 2) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
