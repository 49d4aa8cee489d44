%% The corpus driver for exercism's bob exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_bob).
-export([main/0]).

main() ->
    show("example:response(\"Tom-ay-to, tom-aaaah-to.\")", example:response("Tom-ay-to, tom-aaaah-to.")),
    show("example:response(\"WATCH OUT!\")", example:response("WATCH OUT!")),
    show("example:response(\"Does this cryogenic chamber make me look fat?\")", example:response("Does this cryogenic chamber make me look fat?")),
    show("example:response(\"WHAT'S GOING ON?\")", example:response("WHAT'S GOING ON?")),
    show("example:response(\"   \\t  \")", example:response("   \t  ")),
    show("example:response(\"1, 2, 3\")", example:response("1, 2, 3")),
    show("example:response(\"4?\")", example:response("4?")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
