%% The corpus driver for exercism's meetup exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_meetup).
-export([main/0]).

main() ->
    show("example:meetup(2013, 5, monday, teenth)", example:meetup(2013, 5, monday, teenth)),
    show("example:meetup(2013, 3, tuesday, first)", example:meetup(2013, 3, tuesday, first)),
    show("example:meetup(2013, 2, friday, last)", example:meetup(2013, 2, friday, last)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
