%% The corpus driver for exercism's phone_number exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_phone_number).
-export([main/0]).

main() ->
    show("example:number(\"(223) 456-7890\")", example:number("(223) 456-7890")),
    show("example:number(\"1 223 456 7890\")", example:number("1 223 456 7890")),
    show("example:areacode(\"223.456.7890\")", example:areacode("223.456.7890")),
    show("example:pretty_print(\"+1 (223) 456-7890\")", example:pretty_print("+1 (223) 456-7890")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
