%% The corpus driver for exercism's minesweeper exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_minesweeper).
-export([main/0]).

main() ->
    show("example:annotate([])", example:annotate([])),
    show("example:annotate([\"   \", \" * \", \"   \"])", example:annotate(["   ", " * ", "   "])),
    io:format("~s~n", [lists:join("\n", example:annotate([" *  * ", "  *   ", "    * ", "   * *", " *  * ", "      "]))]),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
