%% The corpus driver for exercism's transpose exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_transpose).
-export([main/0]).

main() ->
    show("example:transpose([\"ABC\", \"123\"])", example:transpose(["ABC", "123"])),
    show("example:transpose([\"The line.\", \"The second.\"])", example:transpose(["The line.", "The second."])),
    show("example:transpose([\"TEASER\", \"EASER\", \"ASER\", \"SER\", \"ER\", \"R\"])", example:transpose(["TEASER", "EASER", "ASER", "SER", "ER", "R"])),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
