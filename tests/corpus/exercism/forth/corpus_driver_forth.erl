%% The corpus driver for exercism's forth exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_forth).
-export([main/0]).

main() ->
    show("example:evaluate([\"1 2 3 4 5\"])", example:evaluate(["1 2 3 4 5"])),
    show("example:evaluate([\"1 2 + 4 -\"])", example:evaluate(["1 2 + 4 -"])),
    show("example:evaluate([\"2 4 * 3 /\"])", example:evaluate(["2 4 * 3 /"])),
    show("example:evaluate([\"1 2 swap over dup drop\"])", example:evaluate(["1 2 swap over dup drop"])),
    show("example:evaluate([\": dup-twice dup dup ;\", \"1 dup-twice\"])", example:evaluate([": dup-twice dup dup ;", "1 dup-twice"])),
    show("example:evaluate([\": foo 5 ;\", \": bar foo ;\", \": foo 6 ;\", \"bar foo\"])", example:evaluate([": foo 5 ;", ": bar foo ;", ": foo 6 ;", "bar foo"])),
    show("example:evaluate([\"foo\"])", attempt(fun() -> example:evaluate(["foo"]) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
