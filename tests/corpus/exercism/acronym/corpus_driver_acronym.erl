%% The corpus driver for exercism's acronym exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_acronym).
-export([main/0]).

main() ->
    show("example:abbreviate(\"Portable Network Graphics\")", example:abbreviate("Portable Network Graphics")),
    show("example:abbreviate(\"Ruby on Rails\")", example:abbreviate("Ruby on Rails")),
    show("example:abbreviate(\"HyperText Markup Language\")", example:abbreviate("HyperText Markup Language")),
    show("example:abbreviate(\"Complementary metal-oxide semiconductor\")", example:abbreviate("Complementary metal-oxide semiconductor")),
    show("example:abbreviate(\"The Road _Not_ Taken\")", example:abbreviate("The Road _Not_ Taken")),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
