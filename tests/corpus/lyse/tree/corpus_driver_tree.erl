%% The corpus driver for Learn You Some Erlang's tree.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_tree).
-export([main/0]).

main() ->
    T1 = tree:insert("Jim Woodland", "jim.woodland@gmail.com", tree:empty()),
    T2 = tree:insert("Mark Anderson", "i.am.a@hotmail.com", T1),
    Addresses = tree:insert("Anita Bath", "abath@someuni.edu", tree:insert("Kevin Robert", "myfairy@yahoo.com", tree:insert("Wilson Longbrow", "longwil@gmail.com", T2))),
    show("tree:lookup(\"Anita Bath\", Addresses)", tree:lookup("Anita Bath", Addresses)),
    show("tree:lookup(\"Jacques Requin\", Addresses)", tree:lookup("Jacques Requin", Addresses)),
    show("tree:has_value(\"myfairy@yahoo.com\", Addresses)", tree:has_value("myfairy@yahoo.com", Addresses)),
    show("tree:has_value(\"nobody@nowhere\", Addresses)", tree:has_value("nobody@nowhere", Addresses)),
    show("T2", T2),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
