%% The corpus driver for exercism's connect exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_connect).
-export([main/0]).

main() ->
    show("example:winner([\". . . . .\", \" . . . . .\", \"  . . . . .\", \"   . . . . .\", \"    . . . . .\"])", example:winner([". . . . .", " . . . . .", "  . . . . .", "   . . . . .", "    . . . . ."])),
    show("example:winner([\"X\"])", example:winner(["X"])),
    show("example:winner([\"O\"])", example:winner(["O"])),
    show("example:winner([\"O O O X\", \" X . . X\", \"  X . . X\", \"   X O O O\"])", example:winner(["O O O X", " X . . X", "  X . . X", "   X O O O"])),
    show("example:winner([\". O . .\", \" O X X X\", \"  O X O .\", \"   X X O X\", \"    . O X .\"])", example:winner([". O . .", " O X X X", "  O X O .", "   X X O X", "    . O X ."])),
    show("example:winner([\"X X X X X\", \" O O O O O\"])", example:winner(["X X X X X", " O O O O O"])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
