%% The corpus driver for Learn You Some Erlang's kitty_server2.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_kitty_server2).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Pid = kitty_server2:start_link(),
    Cat1 = kitty_server2:order_cat(Pid, carl, brown, "loves to burn bridges"),
    show("Cat1", Cat1),
    show("kitty_server2:return_cat(Pid, Cat1)", kitty_server2:return_cat(Pid, Cat1)),
    show("kitty_server2:order_cat(Pid, jimmy, orange, \"cuddly\")", kitty_server2:order_cat(Pid, jimmy, orange, "cuddly")),
    show("kitty_server2:order_cat(Pid, jimmy, orange, \"cuddly\")", kitty_server2:order_cat(Pid, jimmy, orange, "cuddly")),
    show("kitty_server2:return_cat(Pid, Cat1)", kitty_server2:return_cat(Pid, Cat1)),
    Closed = kitty_server2:close_shop(Pid), Why = receive {'EXIT', Pid, W} -> W end,
    show("Closed", Closed),
    show("Why", Why),
    show("kitty_server2:close_shop(Pid)", attempt(fun() -> kitty_server2:close_shop(Pid) end)),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
