%% The corpus driver for Learn You Some Erlang's kitty_server.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_kitty_server).
-export([main/0]).

main() ->
    Pid = kitty_server:start_link(),
    Cat1 = kitty_server:order_cat(Pid, carl, brown, "loves to burn bridges"),
    show("Cat1", Cat1),
    show("kitty_server:return_cat(Pid, Cat1)", kitty_server:return_cat(Pid, Cat1)),
    show("kitty_server:order_cat(Pid, jimmy, orange, \"cuddly\")", kitty_server:order_cat(Pid, jimmy, orange, "cuddly")),
    show("kitty_server:order_cat(Pid, jimmy, orange, \"cuddly\")", kitty_server:order_cat(Pid, jimmy, orange, "cuddly")),
    show("kitty_server:return_cat(Pid, Cat1)", kitty_server:return_cat(Pid, Cat1)),
    Pid ! {hello, there},
    Closed = kitty_server:close_shop(Pid), wait_for(Pid),
    show("Closed", Closed),
    show("kitty_server:close_shop(Pid)", attempt(fun() -> kitty_server:close_shop(Pid) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.

wait_for(Pid) ->
    Ref = erlang:monitor(process, Pid),
    receive
        {'DOWN', Ref, process, Pid, _} -> ok
    end.
