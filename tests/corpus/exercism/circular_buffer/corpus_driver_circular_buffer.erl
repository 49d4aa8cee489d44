%% The corpus driver for exercism's circular_buffer exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_circular_buffer).
-export([main/0]).

main() ->
    B = example:create(2),
    show("example:size(B)", example:size(B)),
    show("example:read(B)", example:read(B)),
    show("example:write_attempt(B, 1)", example:write_attempt(B, 1)),
    show("example:write_attempt(B, 2)", example:write_attempt(B, 2)),
    show("example:write_attempt(B, 3)", example:write_attempt(B, 3)),
    show("example:read(B)", example:read(B)),
    show("example:write(B, 4)", example:write(B, 4)),
    show("example:write(B, 5)", example:write(B, 5)),
    show("example:read(B)", example:read(B)),
    show("example:read(B)", example:read(B)),
    show("example:read(B)", example:read(B)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
