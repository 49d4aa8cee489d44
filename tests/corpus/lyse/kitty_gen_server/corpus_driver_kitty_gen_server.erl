%% The corpus driver for Learn You Some Erlang's kitty_gen_server.erl (tests/corpus.rs): calls the module's
%% functions and prints what they return, for erl and letitcrash to agree
%% on line by line. Written for the corpus; the module beside it is
%% unchanged from its source (tests/corpus/README.md).
-module(corpus_driver_kitty_gen_server).
-export([main/0]).

main() ->
    {ok, Pid} = kitty_gen_server:start_link(),
    Cat1 = kitty_gen_server:order_cat(Pid, carl, brown, "loves to burn bridges"),
    show("Cat1", Cat1),
    show("kitty_gen_server:return_cat(Pid, Cat1)", kitty_gen_server:return_cat(Pid, Cat1)),
    show("kitty_gen_server:order_cat(Pid, jimmy, orange, \"cuddly\")", kitty_gen_server:order_cat(Pid, jimmy, orange, "cuddly")),
    show("kitty_gen_server:order_cat(Pid, jimmy, orange, \"cuddly\")", kitty_gen_server:order_cat(Pid, jimmy, orange, "cuddly")),
    show("kitty_gen_server:return_cat(Pid, Cat1)", kitty_gen_server:return_cat(Pid, Cat1)),
    Pid ! {hello, there},
    show("kitty_gen_server:close_shop(Pid)", kitty_gen_server:close_shop(Pid)),
    show("kitty_gen_server:close_shop(Pid)", case attempt(fun() -> kitty_gen_server:close_shop(Pid) end) of {exit, {Why, _}} -> {exit, Why}; Other -> Other end),
    ok.

show(Label, Value) ->
    io:format("~s~n    = ~p~n", [Label, Value]).

attempt(F) ->
    try F() of
        Value -> {ok, Value}
    catch
        Class:Reason -> {Class, Reason}
    end.
