%% The corpus driver for exercism's word_count exercise (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_word_count).
-export([main/0]).

main() ->
    show("lists:sort(maps:to_list(example:count_words(\"one fish two fish red fish blue fish\")))", lists:sort(maps:to_list(example:count_words("one fish two fish red fish blue fish")))),
    show("lists:sort(maps:to_list(example:count_words(\"Joe can't tell between 'large' and large.\")))", lists:sort(maps:to_list(example:count_words("Joe can't tell between 'large' and large.")))),
    show("lists:sort(maps:to_list(example:count_words(\",\\n,one,\\n ,two \\n 'three'\")))", lists:sort(maps:to_list(example:count_words(",\n,one,\n ,two \n 'three'")))),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
